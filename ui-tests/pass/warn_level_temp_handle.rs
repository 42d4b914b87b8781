#![deny(warnings)]

use std::fs;

use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

#[ephemeral_fs(warn(persistent_write, temp_escape, persistent_read))]
fn stage(body: &[u8]) -> std::io::Result<Vec<u8>> {
    let tmp = NamedTempFile::new()?;
    fs::write(&tmp, body)?;
    let backup = NamedTempFile::new()?;
    fs::copy(&tmp, &backup)?;
    fs::read(backup)
}

fn main() {
    assert_eq!(stage(b"warn").unwrap(), b"warn");
}
