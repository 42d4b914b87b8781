//! The documented limits hold: a proc macro sees only the annotated tokens.

use std::fs;
// Imported outside the annotated items: a bare `remove_file(..)` inside
// them is not recognised.
use std::fs::remove_file;
use std::io::Write;
use std::path::Path;
use std::sync::Mutex;

use ephemeral_fs::ephemeral_fs;
use tempfile::{NamedTempFile, TempDir};

/// Not annotated: its write is not checked, wherever it is called from.
fn helper_outside(path: &Path, body: &[u8]) -> std::io::Result<()> {
    fs::write(path, body)
}

#[ephemeral_fs]
fn calls_a_helper(path: &Path, body: &[u8]) -> std::io::Result<()> {
    helper_outside(path, body)
}

#[test]
fn helpers_outside_the_annotated_item_are_not_checked() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("written-by-helper");
    calls_a_helper(&path, b"x").unwrap();
    assert_eq!(fs::read(&path).unwrap(), b"x");
}

/// An open handle carries no path: writing through it is not checked.
#[ephemeral_fs]
fn writes_through_a_handle(file: &mut fs::File, body: &[u8]) -> std::io::Result<()> {
    file.write_all(body)
}

#[test]
fn handles_passed_in_are_not_checked() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("opened-elsewhere");
    let mut file = fs::File::create(&path).unwrap();
    writes_through_a_handle(&mut file, b"y").unwrap();
    assert_eq!(fs::read(&path).unwrap(), b"y");
}

/// A subprocess writes wherever it likes.
#[cfg(unix)]
#[ephemeral_fs]
fn runs_a_subprocess(path: &Path) -> std::io::Result<bool> {
    Ok(std::process::Command::new("touch")
        .arg(path)
        .status()?
        .success())
}

#[cfg(unix)]
#[test]
fn subprocesses_are_not_checked() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("touched");
    if runs_a_subprocess(&path).unwrap_or(false) {
        assert!(path.exists());
    }
}

/// The import is outside the item, so the bare name is not checked.
#[ephemeral_fs]
fn removes_through_a_file_level_import(path: &Path) -> std::io::Result<()> {
    remove_file(path)
}

#[test]
fn bare_names_imported_outside_the_item_are_not_checked() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("removed-unchecked");
    fs::write(&path, b"z").unwrap();
    removes_through_a_file_level_import(&path).unwrap();
    assert!(!path.exists());
}

/// A receiver behind a `MutexGuard` is not probed: cancelling the cleanup
/// through it compiles.
#[ephemeral_fs]
fn keeps_through_a_guard(shared: &Mutex<NamedTempFile>) {
    let mut guard = shared.lock().unwrap();
    guard.disable_cleanup(true);
}

#[test]
fn escapes_behind_a_mutex_guard_are_not_probed() {
    let shared = Mutex::new(NamedTempFile::new().unwrap());
    let path = shared.lock().unwrap().path().to_path_buf();
    keeps_through_a_guard(&shared);
    drop(shared);
    assert!(path.exists(), "the cleanup was cancelled, unchecked");
    fs::remove_file(&path).unwrap();
}
