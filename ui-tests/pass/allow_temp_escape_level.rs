#![deny(warnings)]

use std::path::PathBuf;

use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

#[ephemeral_fs(allow(temp_escape))]
fn export_report(body: &[u8]) -> std::io::Result<PathBuf> {
    let tmp = NamedTempFile::new()?;
    std::fs::write(&tmp, body)?;
    let (_file, path) = tmp.keep()?;
    Ok(path)
}

fn main() {
    let path = export_report(b"q3").unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"q3");
    std::fs::remove_file(path).unwrap();
}
