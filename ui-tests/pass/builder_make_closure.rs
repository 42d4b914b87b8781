#![deny(warnings)]

use std::fs::{self, File};
use std::io::Write;

use ephemeral_fs::ephemeral_fs;
use tempfile::{Builder, TempDir};

// tempfile hands the closure a fresh path and removes it with the handle.
#[ephemeral_fs]
fn made(dir: &TempDir) -> std::io::Result<(Vec<u8>, std::path::PathBuf)> {
    let mut made = Builder::new().prefix("upload").make(|path| File::create(path))?;
    made.as_file_mut().write_all(b"made")?;
    // The closure only creates the file: tempfile removes the path only
    // when the closure succeeds.
    let inside = Builder::new().make_in(dir.path(), |path| File::create_new(path))?;
    fs::write(inside.path(), b"in dir")?;
    assert!(inside.path().starts_with(dir.path()));
    Ok((fs::read(made.path())?, made.path().to_path_buf()))
}

fn main() {
    let dir = TempDir::new().unwrap();
    let (bytes, path) = made(&dir).unwrap();
    assert_eq!(bytes, b"made");
    assert!(!path.exists(), "the made file is removed with its handle");
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
}
