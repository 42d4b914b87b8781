use std::fs;

use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

#[ephemeral_fs]
fn share(body: &[u8], public_name: &str) -> std::io::Result<()> {
    let tmp = NamedTempFile::new()?;
    fs::write(&tmp, body)?;
    fs::hard_link(&tmp, format!("public/{public_name}"))
}

fn main() {}
