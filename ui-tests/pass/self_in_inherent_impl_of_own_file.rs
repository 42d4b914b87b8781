#![deny(warnings)]

// An inherent impl is always for a type of this crate: its `Self` is never
// std's, even when the type is named `File`. `Self::create` here is the
// record's own constructor, and touches no disk.

use ephemeral_fs::ephemeral_fs;

/// An uploaded file's database record (not std's `File`).
#[derive(Debug)]
pub struct File {
    name: String,
}

#[ephemeral_fs]
impl File {
    pub fn create(name: &str) -> std::io::Result<Self> {
        Ok(File {
            name: name.to_owned(),
        })
    }

    pub fn from_upload(name: &str) -> std::io::Result<Self> {
        Self::create(name)
    }
}

fn main() {
    let dir = tempfile::TempDir::new().unwrap();
    let name = dir.path().join("upload");
    let record = File::from_upload(name.to_str().unwrap()).unwrap();
    assert_eq!(record.name, name.to_str().unwrap());
    assert!(!name.exists(), "nothing was written");
}
