use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn stage(body: &[u8]) -> std::io::Result<()> {
    let tmp = tempfile::NamedTempFile::new()?;
    let len = ;
    std::fs::write(&tmp, body)
}

fn main() {}
