use ephemeral_fs::{TempDirExt, ephemeral_fs};
use tempfile::TempDir;

#[ephemeral_fs]
fn unpack(body: &[u8]) -> std::io::Result<TempDir> {
    let mut dir = TempDir::new()?;
    std::fs::write(dir.child("archive.zip")?, body)?;
    dir.disable_cleanup(true);
    Ok(dir)
}

fn main() {}
