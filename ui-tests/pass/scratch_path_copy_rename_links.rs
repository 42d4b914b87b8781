#![deny(warnings)]

use std::fs;

use ephemeral_fs::{TempDirExt, ephemeral_fs};
use tempfile::{NamedTempFile, TempDir};

#[ephemeral_fs]
fn rotate(body: &[u8]) -> std::io::Result<String> {
    let upload = NamedTempFile::new()?;
    fs::write(&upload, body)?;
    let dir = TempDir::new()?;
    let staged = dir.child("staged.txt")?;
    fs::copy(upload.path(), &staged)?;
    let current = dir.child("current.txt")?;
    fs::rename(&staged, &current)?;
    fs::hard_link(&current, dir.child("backup.txt")?)?;
    #[cfg(unix)]
    std::os::unix::fs::symlink(&current, dir.child("latest")?)?;
    fs::read_to_string(dir.child("backup.txt")?)
}

fn main() {
    assert_eq!(rotate(b"v2").unwrap(), "v2");
}
