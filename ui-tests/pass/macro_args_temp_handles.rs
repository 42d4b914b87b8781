#![deny(warnings)]

use std::fs;

use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

#[ephemeral_fs]
fn stage(body: &[u8]) -> std::io::Result<String> {
    let tmp = NamedTempFile::new()?;
    assert!(fs::write(&tmp, body).is_ok(), "write to {:?}", tmp.path());
    let parts = vec![fs::read(&tmp)?, fs::read(tmp.path())?];
    let size = dbg!(fs::metadata(&tmp)?.len());
    Ok(format!(
        "{} {}",
        parts.len(),
        fs::remove_file(&tmp).map(|()| size)?
    ))
}

fn main() {
    assert_eq!(stage(b"abc").unwrap(), "2 3");
}
