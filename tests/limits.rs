//! The documented limits hold: a proc macro sees only the annotated tokens.

use std::fs;
use std::io::Write;
use std::path::Path;

use ephemeral_fs::ephemeral_fs;
use tempfile::TempDir;

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
