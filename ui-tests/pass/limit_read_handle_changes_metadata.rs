#![deny(warnings)]

// A limit, pinned: a handle opened for reading carries no path, so what is
// done through it is not checked. `File::open` is a read (`persistent_read`,
// allowed by default), yet the handle can change the file's permissions,
// which `fs::set_permissions(path, ..)` would not be allowed to. Even at
// `deny(persistent_read)`, a directory inside a temp directory opened as a
// `File` (a temp path, so the open passes) can have its mode changed, which
// may leave it one its cleanup cannot empty.

use std::fs::{File, Permissions};
use std::os::unix::fs::PermissionsExt;

use ephemeral_fs::{TempDirExt, ephemeral_fs};

#[ephemeral_fs]
fn lock_down(path: &str) -> std::io::Result<()> {
    File::open(path)?.set_permissions(Permissions::from_mode(0o600)) // audit: handle_changes_metadata
}

#[ephemeral_fs(deny(persistent_read))]
fn seal(dir: &tempfile::TempDir) -> std::io::Result<()> {
    std::fs::create_dir(dir.child("sub")?)?;
    File::open(dir.child("sub")?)?.set_permissions(Permissions::from_mode(0o555)) // audit: handle_changes_metadata
}

fn main() {
    let dir = tempfile::TempDir::new().unwrap();
    seal(&dir).unwrap();
    let sub = dir.path().join("sub");
    let mode = std::fs::metadata(&sub).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o555, "the handle changed the directory's mode");
    std::fs::set_permissions(&sub, Permissions::from_mode(0o755)).unwrap();
    drop(dir);

    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::set_permissions(file.path(), Permissions::from_mode(0o644)).unwrap();
    lock_down(file.path().to_str().unwrap()).unwrap();
    let mode = std::fs::metadata(file.path()).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "the read-only handle changed the mode");
    let path = file.path().to_path_buf();
    drop(file);
    assert!(!path.exists(), "nothing is left behind");
}
