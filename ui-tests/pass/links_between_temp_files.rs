#![deny(warnings)]

use std::fs;

use ephemeral_fs::{TempDirExt, ephemeral_fs};
use tempfile::{NamedTempFile, TempDir};

// A link inside a temp directory to a temp file writes through to a temp
// file: both ends are checked, both pass.
#[ephemeral_fs]
fn link(dir: &TempDir, tmp: &NamedTempFile) -> std::io::Result<String> {
    std::os::unix::fs::symlink(tmp.path(), dir.child("soft")?)?;
    fs::hard_link(tmp, dir.child("hard")?)?;
    fs::write(dir.child("soft")?, "through the link")?;
    fs::read_to_string(dir.child("hard")?)
}

fn main() {
    let dir = TempDir::new().unwrap();
    let tmp = NamedTempFile::new().unwrap();
    assert_eq!(link(&dir, &tmp).unwrap(), "through the link");
    assert_eq!(fs::read_to_string(tmp.path()).unwrap(), "through the link");
}
