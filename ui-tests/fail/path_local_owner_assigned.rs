use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

#[ephemeral_fs]
fn save(body: &[u8]) -> std::io::Result<()> {
    let mut tmp = NamedTempFile::new()?;
    let p = tmp.path().to_path_buf();
    tmp = NamedTempFile::new()?;
    std::fs::write(&p, body)?;
    std::fs::write(&tmp, body)
}

fn main() {}
