#![deny(warnings)]

use std::fs;

use ephemeral_fs::{TempDirExt, ephemeral_fs};
use tempfile::{NamedTempFile, TempDir};

// Links inside a temp directory write through to temp files: both ends are
// checked, both pass. A hard link may name a temp file; a symbolic link's
// original is inside the temp directory, where it cannot outlive it.
#[ephemeral_fs]
fn link(dir: &TempDir, tmp: &NamedTempFile) -> std::io::Result<String> {
    fs::hard_link(tmp, dir.child("hard")?)?;
    std::os::unix::fs::symlink(dir.child("hard")?, dir.child("soft")?)?;
    std::os::unix::fs::symlink(dir.path().join("hard"), dir.child("joined")?)?;
    fs::write(dir.child("soft")?, "through the link")?;
    fs::read_to_string(dir.child("joined")?)
}

fn main() {
    let dir = TempDir::new().unwrap();
    let tmp = NamedTempFile::new().unwrap();
    assert_eq!(link(&dir, &tmp).unwrap(), "through the link");
    assert_eq!(fs::read_to_string(tmp.path()).unwrap(), "through the link");
    let (dir_path, tmp_path) = (dir.path().to_path_buf(), tmp.path().to_path_buf());
    drop((dir, tmp));
    assert!(!dir_path.exists() && !tmp_path.exists());
}
