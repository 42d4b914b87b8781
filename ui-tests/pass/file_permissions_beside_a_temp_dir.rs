#![deny(warnings)]

// A temp file's mode cannot keep its directory's cleanup out: the
// permissions of a chain that makes a temp file are accepted beside a temp
// directory, and both are removed with their handles.
use std::fs::Permissions;
use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;

use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn stage() -> std::io::Result<(PathBuf, PathBuf)> {
    let dir = tempfile::Builder::new().prefix("upload-").tempdir()?;
    let file = tempfile::Builder::new()
        .permissions(Permissions::from_mode(0o600))
        .tempfile_in(dir.path())?;
    let made = (dir.path().to_path_buf(), file.path().to_path_buf());
    drop(file);
    Ok(made)
}

fn main() {
    let (dir, file) = stage().unwrap();
    assert!(!file.exists() && !dir.exists(), "both are removed");
}
