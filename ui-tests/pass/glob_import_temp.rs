#![deny(warnings)]

use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

#[ephemeral_fs]
fn stage(body: &[u8]) -> std::io::Result<String> {
    use std::fs::*;

    let tmp = NamedTempFile::new()?;
    write(&tmp, body)?;
    let text = read_to_string(&tmp)?;
    remove_file(&tmp)?;
    Ok(text)
}

fn main() {
    assert_eq!(stage(b"glob").unwrap(), "glob");
}
