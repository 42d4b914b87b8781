use std::path::PathBuf;

use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

#[ephemeral_fs]
fn stash(body: &[u8]) -> std::io::Result<PathBuf> {
    let tmp = NamedTempFile::new()?;
    std::fs::write(&tmp, body)?;
    let (_file, path) = tmp.keep()?;
    Ok(path)
}

fn main() {}
