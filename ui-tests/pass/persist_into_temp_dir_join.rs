#![deny(warnings)]

use std::fs;

use ephemeral_fs::ephemeral_fs;
use tempfile::{NamedTempFile, TempDir};

// `persist` into a literal join of a temp directory keeps the cleanup, by
// the same rule as a write there.
#[ephemeral_fs]
fn stage(dir: &TempDir, body: &[u8]) -> std::io::Result<String> {
    let tmp = NamedTempFile::new()?;
    fs::write(&tmp, body)?;
    let kept = tmp.persist(dir.path().join("upload.bin"))?;
    drop(kept);
    let other = NamedTempFile::new()?;
    let target = dir.path().join("second.bin");
    other.persist_noclobber(&target)?;
    fs::read_to_string(dir.path().join("upload.bin"))
}

fn main() {
    let dir = TempDir::new().unwrap();
    assert_eq!(stage(&dir, b"body").unwrap(), "body");
    assert!(dir.path().join("second.bin").exists());
    let path = dir.path().to_path_buf();
    drop(dir);
    assert!(!path.exists());
}
