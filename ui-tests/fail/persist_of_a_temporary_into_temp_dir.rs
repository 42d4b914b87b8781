use ephemeral_fs::{TempDirExt, ephemeral_fs};
use tempfile::{NamedTempFile, TempDir};

// A documented limit: the destination is checked only when the temp file
// is a variable or field; bind it first.
#[ephemeral_fs]
fn arrange(dir: &TempDir) -> std::io::Result<()> {
    NamedTempFile::new()?.persist(dir.child("a.bin")?)?;
    Ok(())
}

fn main() {}
