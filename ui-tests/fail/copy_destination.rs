use std::fs;

use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

#[ephemeral_fs]
fn publish(body: &[u8]) -> std::io::Result<u64> {
    let tmp = NamedTempFile::new()?;
    fs::write(&tmp, body)?;
    fs::copy(&tmp, "/srv/www/index.html")
}

fn main() {}
