#![deny(warnings)]

use ephemeral_fs::{TempDirExt, TempTarget, ephemeral_fs};

#[ephemeral_fs]
fn save_to<P: TempTarget>(target: P, body: &[u8]) -> std::io::Result<usize> {
    std::fs::write(target, body)?;
    Ok(body.len())
}

fn main() {
    let tmp = tempfile::NamedTempFile::new().unwrap();
    assert_eq!(save_to(&tmp, b"12").unwrap(), 2);
    let dir = tempfile::TempDir::new().unwrap();
    let child = dir.child("x").unwrap();
    assert_eq!(save_to(&child, b"345").unwrap(), 3);
    assert_eq!(std::fs::read(&child).unwrap(), b"345");
}
