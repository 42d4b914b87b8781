#![deny(warnings)]

use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

/// A local named like a `std::fs` function hides the glob-imported one.
#[ephemeral_fs]
fn store(body: &[u8]) -> std::io::Result<usize> {
    use std::fs::*;
    let tmp = NamedTempFile::new()?;
    let copy = body.to_vec();
    let write = |bytes: &[u8]| bytes.len();
    remove_file(&tmp)?;
    Ok(write(&copy))
}

fn main() {
    assert_eq!(store(b"abc").unwrap(), 3);
}
