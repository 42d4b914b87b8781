use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

// A file's path is no directory: only a `TempDir` owner counts for a join.
#[ephemeral_fs]
fn save(body: &[u8]) -> std::io::Result<()> {
    let tmp = NamedTempFile::new()?;
    std::fs::write(tmp.path().join("x.bin"), body)
}

fn main() {}
