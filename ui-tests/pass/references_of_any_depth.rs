#![deny(warnings)]

use ephemeral_fs::{TempTarget, ephemeral_fs};
use tempfile::NamedTempFile;

/// `&tmp` inside a loop over `&[NamedTempFile]` is a `&&NamedTempFile`, and
/// a generic temp target can be borrowed.
#[ephemeral_fs]
fn fill<P: TempTarget>(parts: &[NamedTempFile], extra: P, body: &[u8]) -> std::io::Result<usize> {
    for tmp in parts {
        std::fs::write(&tmp, body)?;
        std::fs::write(tmp.path(), body)?;
    }
    std::fs::write(&extra, body)?;
    Ok(std::fs::read(&extra)?.len())
}

fn main() {
    let parts = [NamedTempFile::new().unwrap(), NamedTempFile::new().unwrap()];
    assert_eq!(fill(&parts, NamedTempFile::new().unwrap(), b"xy").unwrap(), 2);
}
