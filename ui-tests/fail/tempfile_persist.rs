use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

#[ephemeral_fs]
fn save_upload(name: &str, body: &[u8]) -> std::io::Result<()> {
    let tmp = NamedTempFile::new()?;
    std::fs::write(&tmp, body)?;
    tmp.persist(format!("/var/uploads/{name}"))?;
    Ok(())
}

fn main() {}
