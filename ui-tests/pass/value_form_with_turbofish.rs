#![deny(warnings)]

// A `std::fs` function used as a value, with the type arguments written out:
// the guarded mirror gets them too, so nothing is left to inference.

use std::fs;

use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

#[ephemeral_fs]
fn save_twice() -> std::io::Result<Vec<u8>> {
    let tmp = NamedTempFile::new()?;
    let write = std::fs::write::<&NamedTempFile, Vec<u8>>;
    write(&tmp, Default::default())?;
    let append = fs::write::<_, &[u8]>;
    append(&tmp, b"data")?;
    let read = fs::read::<&std::path::Path>;
    let contents = read(tmp.path())?;
    let path = tmp.into_temp_path();
    let remove = fs::remove_file::<&tempfile::TempPath>;
    remove(&path)?;
    assert!(!path.exists(), "removed through the value");
    Ok(contents)
}

fn main() {
    assert_eq!(save_twice().unwrap(), b"data");
}
