use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs(deny(persistent_read, persistent_read))]
fn load(body: &[u8]) -> std::io::Result<Vec<u8>> {
    let tmp = tempfile::NamedTempFile::new()?;
    std::fs::write(&tmp, body)?;
    std::fs::read(&tmp)
}

fn main() {}
