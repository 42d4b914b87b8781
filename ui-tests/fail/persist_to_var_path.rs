use ephemeral_fs::{TempDirExt, ephemeral_fs};
use tempfile::{NamedTempFile, TempDir};

#[ephemeral_fs]
fn save(dir: &TempDir, body: &[u8]) -> std::io::Result<()> {
    let tmp = NamedTempFile::new()?;
    std::fs::write(&tmp, body)?;
    let scratch = dir.child("draft.bin")?;
    tmp.persist(&scratch)?;
    let again = NamedTempFile::new()?;
    again.persist(std::path::Path::new("/var/uploads/final.bin"))?;
    Ok(())
}

fn main() {}
