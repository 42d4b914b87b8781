#![deny(warnings)]

// A type parameter named like a std type (`File`, `OpenOptions`) is the
// parameter in paths: `File::create(key)` is the bound trait's function,
// as for rustc, and the attribute leaves it to the types.
pub trait Blob: Sized {
    fn create(key: &str) -> std::io::Result<Self>;
}

pub struct MemBlob(pub String);

impl Blob for MemBlob {
    fn create(key: &str) -> std::io::Result<Self> {
        Ok(MemBlob(key.to_owned()))
    }
}

#[ephemeral_fs::ephemeral_fs]
pub fn upload<File: Blob>(key: &str) -> std::io::Result<File> {
    File::create(key)
}

pub struct Store<File>(std::marker::PhantomData<File>);

#[ephemeral_fs::ephemeral_fs]
impl<File: Blob> Store<File> {
    pub fn put(key: &str) -> std::io::Result<File> {
        File::create(key)
    }
}

fn main() {
    assert_eq!(upload::<MemBlob>("uploads/a.bin").unwrap().0, "uploads/a.bin");
    assert_eq!(Store::<MemBlob>::put("uploads/b.bin").unwrap().0, "uploads/b.bin");
    assert!(!std::path::Path::new("uploads").exists());
}
