use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

#[ephemeral_fs]
fn save(body: &[u8]) -> std::io::Result<()> {
    let tmp = NamedTempFile::new()?;
    let mut path = tmp.path();
    if body.is_empty() {
        path = std::path::Path::new("/var/uploads/empty");
    }
    std::fs::write(path, body)
}

fn main() {}
