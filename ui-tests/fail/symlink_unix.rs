use std::path::PathBuf;

use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

#[ephemeral_fs]
fn expose(body: &[u8]) -> std::io::Result<()> {
    let tmp = NamedTempFile::new()?;
    std::fs::write(&tmp, body)?;
    let link = PathBuf::from("/srv/current");
    std::os::unix::fs::symlink(&tmp, link)
}

fn main() {}
