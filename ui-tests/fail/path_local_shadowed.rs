use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

#[ephemeral_fs]
fn save(body: &[u8]) -> std::io::Result<()> {
    let tmp = NamedTempFile::new()?;
    let path = tmp.path();
    std::fs::write(path, body)?;
    let path = std::path::Path::new("/var/uploads/latest");
    std::fs::write(path, body)
}

fn main() {}
