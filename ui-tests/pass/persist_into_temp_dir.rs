#![deny(warnings)]

use std::fs;
use std::path::PathBuf;

use ephemeral_fs::{TempDirExt, ephemeral_fs};
use tempfile::{NamedTempFile, TempDir};

// Moving a temp file into a temp directory keeps its cleanup.
#[ephemeral_fs]
fn arrange(dir: &TempDir) -> std::io::Result<(String, String)> {
    let first = NamedTempFile::new()?;
    fs::write(&first, "first")?;
    first.persist(dir.child("a.bin")?)?;

    let second = NamedTempFile::new()?;
    fs::write(&second, "second")?;
    NamedTempFile::persist_noclobber(second, dir.child("b.bin")?)?;

    let third = NamedTempFile::new()?.into_temp_path();
    fs::write(&third, "third")?;
    third.persist(&dir.child("c.bin")?)?;

    Ok((
        fs::read_to_string(dir.child("a.bin")?)?,
        fs::read_to_string(dir.child("b.bin")?)?,
    ))
}

fn main() {
    let dir = TempDir::new().unwrap();
    let root: PathBuf = dir.path().to_owned();
    let (a, b) = arrange(&dir).unwrap();
    assert_eq!((a.as_str(), b.as_str()), ("first", "second"));
    assert_eq!(fs::read_to_string(root.join("c.bin")).unwrap(), "third");
    drop(dir);
    assert!(!root.exists());
}
