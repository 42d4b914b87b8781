use std::path::PathBuf;

use ephemeral_fs::{TempDirExt, ephemeral_fs};
use tempfile::TempDir;

#[ephemeral_fs]
fn unpack(body: &[u8]) -> std::io::Result<PathBuf> {
    let dir = TempDir::new()?;
    std::fs::write(dir.child("archive.zip")?, body)?;
    Ok(dir.keep())
}

fn main() {}
