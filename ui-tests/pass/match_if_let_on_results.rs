#![deny(warnings)]

use std::fs;
use std::io::ErrorKind;

use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

#[ephemeral_fs]
fn replace(body: &[u8]) -> std::io::Result<&'static str> {
    let tmp = NamedTempFile::new()?;
    let status = match fs::write(&tmp, body) {
        Ok(()) => "written",
        Err(err) if err.kind() == ErrorKind::StorageFull => "full",
        Err(err) => return Err(err),
    };
    if let Err(err) = fs::remove_file(&tmp) {
        return Err(err);
    }
    if let Ok(_) = fs::File::create_new(&tmp) {
        return Ok(status);
    }
    Ok("gone")
}

fn main() {
    assert_eq!(replace(b"x").unwrap(), "written");
}
