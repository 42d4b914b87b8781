use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs("deny")]
fn stage(body: &[u8]) -> std::io::Result<()> {
    let tmp = tempfile::NamedTempFile::new()?;
    std::fs::write(&tmp, body)
}

fn main() {}
