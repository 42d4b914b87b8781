#![deny(warnings)]

// `std::fs::copy` used as a value under `deny(persistent_read)`: between
// temp files it passes and behaves as `std::fs::copy`.

use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

#[ephemeral_fs(deny(persistent_read))]
fn snapshot() -> std::io::Result<u64> {
    let from = NamedTempFile::new()?;
    std::fs::write(&from, b"snapshot")?;
    let to = NamedTempFile::new()?;
    let cp = std::fs::copy;
    cp(&from, &to)
}

fn main() {
    assert_eq!(snapshot().unwrap(), 8);
}
