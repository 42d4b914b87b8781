#![deny(warnings)]

// A limit, pinned: a handle opened for reading carries no path, so what is
// done through it is not checked. `File::open` is a read (`persistent_read`,
// allowed by default), yet the handle can change the file's permissions,
// which `fs::set_permissions(path, ..)` would not be allowed to.

use std::fs::{File, Permissions};
use std::os::unix::fs::PermissionsExt;

use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn lock_down(path: &str) -> std::io::Result<()> {
    File::open(path)?.set_permissions(Permissions::from_mode(0o600))
}

fn main() {
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::set_permissions(file.path(), Permissions::from_mode(0o644)).unwrap();
    lock_down(file.path().to_str().unwrap()).unwrap();
    let mode = std::fs::metadata(file.path()).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "the read-only handle changed the mode");
    let path = file.path().to_path_buf();
    drop(file);
    assert!(!path.exists(), "nothing is left behind");
}
