#![deny(warnings)]

use std::fs::{self, File};
use std::io::Read;
use std::path::Path;

use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn load_template(path: &Path) -> std::io::Result<String> {
    let size = fs::metadata(path)?.len();
    let mut text = String::with_capacity(size as usize);
    File::open(path)?.read_to_string(&mut text)?;
    assert_eq!(fs::read_to_string(path)?, text);
    Ok(text)
}

fn main() {
    let tmp = tempfile::NamedTempFile::new().unwrap();
    fs::write(&tmp, "Hello {name}").unwrap();
    assert_eq!(load_template(tmp.path()).unwrap(), "Hello {name}");
}
