#![deny(warnings)]

use std::fs;
use std::io::Write;

use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

#[ephemeral_fs(deny(persistent_read))]
fn checksum(body: &[u8]) -> std::io::Result<u32> {
    let mut tmp = NamedTempFile::new()?;
    tmp.write_all(body)?;
    let bytes = fs::read(&tmp)?;
    let len = fs::metadata(&tmp)?.len();
    assert_eq!(bytes.len() as u64, len);
    Ok(bytes.iter().map(|&b| u32::from(b)).sum())
}

fn main() {
    assert_eq!(checksum(&[1, 2, 3]).unwrap(), 6);
}
