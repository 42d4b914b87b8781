use std::fs;
use std::path::Path;

use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

#[ephemeral_fs]
fn commit_upload(dest: &Path, body: &[u8]) -> std::io::Result<()> {
    let tmp = NamedTempFile::new()?.into_temp_path();
    fs::write(&tmp, body)?;
    fs::rename(&tmp, dest)
}

fn main() {}
