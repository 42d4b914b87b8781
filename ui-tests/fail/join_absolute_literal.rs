use ephemeral_fs::ephemeral_fs;
use tempfile::TempDir;

#[ephemeral_fs]
fn save(body: &[u8]) -> std::io::Result<()> {
    let dir = TempDir::new()?;
    let target = dir.path().join("/var/uploads/latest.bin");
    std::fs::write(target, body)
}

fn main() {}
