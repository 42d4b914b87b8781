#![deny(warnings)]

use std::fs;
use std::fs::File;

use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

#[ephemeral_fs]
fn stage(body: &[u8]) -> std::io::Result<u64> {
    let tmp = NamedTempFile::new()?;
    fs::write(&tmp, body)?;
    let copies = [NamedTempFile::new()?.into_temp_path()];
    copies.iter().try_for_each(fs::remove_file)?;
    Ok(File::open(&tmp)?.metadata()?.len())
}

fn main() {
    assert_eq!(stage(b"1234").unwrap(), 4);
}
