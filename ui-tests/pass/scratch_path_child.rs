#![deny(warnings)]

use std::fs::{self, DirBuilder, File};
use std::io::Write;

use ephemeral_fs::{TempDirExt, ephemeral_fs};
use tempfile::TempDir;

#[ephemeral_fs]
fn unpack(name: &str, body: &[u8]) -> std::io::Result<usize> {
    let dir = TempDir::new()?;
    fs::create_dir_all(dir.child("a")?)?;
    let file = dir.child("a/b.txt")?;
    fs::write(&file, body)?;
    fs::create_dir(dir.child("logs")?)?;
    DirBuilder::new()
        .recursive(true)
        .create(dir.child("cache/x")?)?;
    File::create_new(dir.child(name)?)?.write_all(body)?;
    fs::remove_dir(dir.child("logs")?)?;
    fs::remove_dir_all(dir.child("cache")?)?;
    Ok(fs::read_dir(dir.path())?.count())
}

fn main() {
    assert_eq!(unpack("upload.bin", b"zip").unwrap(), 2);
}
