use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

#[ephemeral_fs]
fn stage(body: &[u8]) -> std::io::Result<NamedTempFile> {
    let mut tmp = NamedTempFile::new()?;
    std::fs::write(&tmp, body)?;
    tmp.disable_cleanup(true);
    Ok(tmp)
}

fn main() {}
