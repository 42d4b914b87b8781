use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn stage(body: &[u8]) -> std::io::Result<()> {
    let tmp = tempfile::NamedTempFile::new()?;
    let retries: u8 = "three";
    std::fs::write(&tmp, body)?;
    assert!(retries > 0);
    Ok(())
}

fn main() {}
