#![deny(warnings)]

use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

#[ephemeral_fs(warn(temp_escape))]
fn export(body: &[u8]) -> std::io::Result<()> {
    let tmp = NamedTempFile::new()?;
    std::fs::write(&tmp, body)?;
    tmp.persist("exports/latest.csv")?;
    Ok(())
}

fn main() {}
