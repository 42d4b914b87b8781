#![deny(warnings)]

// Limits, pinned: a tempfile `Builder` whose `permissions` were set out of
// sight (a parameter), and a `DirBuilder` local whose `mode` is set where
// it is handed out of sight, make their directory unchecked for its mode.
// Here the modes leave the owner all rights, so the cleanup empties them.
use std::fs::{DirBuilder, Permissions};
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::PathBuf;

use ephemeral_fs::{TempDirExt, ephemeral_fs};
use tempfile::TempDir;

fn set_mode(builder: &mut DirBuilder) {
    builder.mode(0o700);
}

#[ephemeral_fs]
fn mode_set_out_of_sight(dir: &TempDir) -> std::io::Result<()> {
    let mut builder = DirBuilder::new();
    set_mode(&mut builder);
    builder.create(dir.child("inbox")?)
}

#[ephemeral_fs]
fn permissions_out_of_sight(builder: &tempfile::Builder) -> std::io::Result<PathBuf> {
    let dir = builder.tempdir()?;
    Ok(dir.path().to_path_buf())
}

fn main() {
    let dir = TempDir::new().unwrap();
    mode_set_out_of_sight(&dir).unwrap();
    assert!(dir.path().join("inbox").is_dir());
    let kept = dir.path().to_path_buf();
    drop(dir);
    assert!(!kept.exists(), "the cleanup empties a directory its owner can list");
    let mut builder = tempfile::Builder::new();
    builder.permissions(Permissions::from_mode(0o700));
    let made = permissions_out_of_sight(&builder).unwrap();
    assert!(!made.exists(), "the temp directory is removed with its handle");
}
