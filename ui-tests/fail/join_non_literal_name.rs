use ephemeral_fs::ephemeral_fs;
use tempfile::TempDir;

#[ephemeral_fs]
fn save(name: &str, body: &[u8]) -> std::io::Result<()> {
    let dir = TempDir::new()?;
    std::fs::write(dir.path().join(name), body)
}

fn main() {}
