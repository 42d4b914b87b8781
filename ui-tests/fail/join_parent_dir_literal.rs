use ephemeral_fs::ephemeral_fs;
use tempfile::TempDir;

#[ephemeral_fs]
fn save(body: &[u8]) -> std::io::Result<()> {
    let dir = TempDir::new()?;
    std::fs::write(dir.path().join("../escaped.bin"), body)
}

fn main() {}
