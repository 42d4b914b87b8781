use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

// Forgetting the handle skips the destructor that removes the file.
#[ephemeral_fs]
fn stage(body: &[u8]) -> std::io::Result<()> {
    let tmp = NamedTempFile::new()?;
    std::fs::write(&tmp, body)?;
    std::mem::forget(tmp);
    Ok(())
}

fn main() {}
