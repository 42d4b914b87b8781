use ephemeral_fs::ephemeral_fs;
use std::mem::ManuallyDrop;
use tempfile::NamedTempFile;

#[ephemeral_fs]
fn stage() -> std::io::Result<ManuallyDrop<NamedTempFile>> {
    Ok(ManuallyDrop::new(NamedTempFile::new()?))
}

fn main() {}
