use ephemeral_fs::ephemeral_fs;

mod blob {
    pub struct File(pub String);
    impl File {
        pub fn create(key: &str) -> std::io::Result<File> {
            Ok(File(key.to_owned()))
        }
    }
}

// Documented limit: `File` is taken to mean `std::fs::File` unless an import
// in sight names it; a glob of another module does not. Name it:
// `blob::File::create(..)` or `use crate::blob::File;`.
#[ephemeral_fs]
fn handler() -> std::io::Result<String> {
    use crate::blob::*;
    let f = File::create("uploads/a.bin")?;
    Ok(f.0)
}

fn main() {}
