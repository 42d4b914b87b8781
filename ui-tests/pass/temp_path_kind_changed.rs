#![deny(warnings)]

use std::fs;

use ephemeral_fs::ephemeral_fs;
use tempfile::{NamedTempFile, TempDir};

// Documented limit, pinned: a temp file's own path removed and made a
// directory, or a temp directory's own path removed and made a file, is
// not removed by the handle's cleanup (a file's drop removes a file, a
// directory's drop a directory). The attribute accepts both, since every
// call names a temp handle's path; `cargo ephemeral-fs` reports the
// removals of a handle's own path.
#[ephemeral_fs]
fn change_kinds(slot: &NamedTempFile, work: TempDir, dir: &TempDir) -> std::io::Result<()> {
    fs::remove_file(slot.path())?;
    fs::rename(work.path(), slot.path())?;
    fs::remove_dir(dir.path())?;
    fs::write(dir.path(), b"a file")
}

fn main() {
    let slot = NamedTempFile::new().unwrap();
    let dir = TempDir::new().unwrap();
    let (slot_path, dir_path) = (slot.path().to_path_buf(), dir.path().to_path_buf());
    change_kinds(&slot, TempDir::new().unwrap(), &dir).unwrap();
    drop((slot, dir));
    // Today's behaviour: both stay behind.
    assert!(slot_path.is_dir() && dir_path.is_file());
    fs::remove_dir_all(&slot_path).unwrap();
    fs::remove_file(&dir_path).unwrap();
}
