//! Temp files staged by a handler are gone once it returns.

use std::fs;
use std::path::PathBuf;

use ephemeral_fs::{TempDirExt, ephemeral_fs};
use tempfile::{NamedTempFile, TempDir};

/// Stages an upload and returns where it was, for the test to look.
#[ephemeral_fs]
fn stage(body: &[u8]) -> std::io::Result<(PathBuf, PathBuf)> {
    let tmp = NamedTempFile::new()?;
    fs::write(&tmp, body)?;
    let dir = TempDir::new()?;
    let scratch = dir.child("thumb.png")?;
    fs::write(&scratch, body)?;
    assert!(tmp.path().exists() && scratch.as_path().exists());
    Ok((tmp.path().to_owned(), dir.path().to_owned()))
}

#[test]
fn temp_files_and_dirs_are_removed_when_the_handler_returns() {
    let (file, dir) = stage(b"bytes").unwrap();
    assert!(!file.exists(), "{} survived the handler", file.display());
    assert!(!dir.exists(), "{} survived the handler", dir.display());
}

#[ephemeral_fs]
fn stage_and_fail(body: &[u8]) -> std::io::Result<PathBuf> {
    let tmp = NamedTempFile::new()?;
    fs::write(&tmp, body)?;
    let path = tmp.path().to_owned();
    Err(std::io::Error::other(path.display().to_string()))
}

#[test]
fn temp_files_are_removed_on_the_error_path_too() {
    let error = stage_and_fail(b"bytes").unwrap_err();
    assert!(!PathBuf::from(error.to_string()).exists());
}
