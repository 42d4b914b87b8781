#![deny(warnings)]

use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

#[ephemeral_fs(warn(temp_escape))]
fn save() -> std::io::Result<()> {
    let tmp = NamedTempFile::new()?;
    tmp.persist("/var/uploads/latest")?;
    Ok(())
}

fn main() {}
