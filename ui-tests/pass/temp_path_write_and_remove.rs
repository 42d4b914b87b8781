#![deny(warnings)]

use std::fs;

use ephemeral_fs::ephemeral_fs;
use tempfile::{NamedTempFile, TempPath};

#[ephemeral_fs]
fn stage_readonly(body: &[u8]) -> std::io::Result<TempPath> {
    let path = NamedTempFile::new()?.into_temp_path();
    fs::write(&path, body)?;
    let mut perms = fs::metadata(&path)?.permissions();
    perms.set_readonly(true);
    fs::set_permissions(&path, perms)?;
    Ok(path)
}

#[ephemeral_fs]
fn discard(path: TempPath) -> std::io::Result<()> {
    fs::remove_file(&path)?;
    path.close().or_else(|err| match err.kind() {
        std::io::ErrorKind::NotFound => Ok(()),
        _ => Err(err),
    })
}

fn main() {
    let path = stage_readonly(b"invoice").unwrap();
    assert!(fs::metadata(&path).unwrap().permissions().readonly());
    discard(path).unwrap();
}
