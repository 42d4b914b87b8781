#![deny(warnings)]

// A module's own item shadows a name its glob import brings in, as rustc
// has it: the `File` of an object-store backend is its own, not the
// parent's `std::fs::File`, and its `create` runs untouched.
use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
mod handlers {
    use std::fs::File;

    pub fn size(path: &std::path::Path) -> std::io::Result<u64> {
        Ok(File::open(path)?.metadata()?.len())
    }

    pub mod s3 {
        use super::*;

        pub struct File {
            pub key: String,
        }

        impl File {
            pub fn create(key: &str) -> std::io::Result<File> {
                Ok(File { key: key.to_owned() })
            }
        }

        pub fn upload(key: &str) -> std::io::Result<String> {
            let _ = size;
            Ok(File::create(key)?.key)
        }
    }
}

fn main() {
    assert_eq!(handlers::s3::upload("uploads/a").unwrap(), "uploads/a");
}
