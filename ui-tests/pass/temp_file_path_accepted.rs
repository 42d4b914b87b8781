#![deny(warnings)]

use std::fs;

use ephemeral_fs::ephemeral_fs;
use tempfile::{NamedTempFile, TempDir};

#[ephemeral_fs(deny(persistent_read))]
fn stage(body: &[u8]) -> std::io::Result<usize> {
    let tmp = NamedTempFile::new()?;
    fs::write(tmp.path(), body)?;
    let len = fs::read(tmp.path())?.len();
    let dir = TempDir::new()?;
    fs::create_dir_all(dir.path())?;
    fs::remove_dir_all(dir.path())?;
    Ok(len)
}

fn main() {
    assert_eq!(stage(b"abc").unwrap(), 3);
}
