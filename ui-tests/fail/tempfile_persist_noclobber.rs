use std::path::Path;

use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

#[ephemeral_fs]
fn save_once(dest: &Path, body: &[u8]) -> std::io::Result<()> {
    let tmp = NamedTempFile::new()?;
    std::fs::write(&tmp, body)?;
    tmp.persist_noclobber(dest)?;
    Ok(())
}

fn main() {}
