#![deny(warnings)]

// A limit, pinned: a tempfile `Builder` whose `permissions` were set out
// of sight (a parameter) makes its directory unchecked for its mode. Here
// the mode leaves the owner all rights, so the cleanup empties it.
use std::fs::Permissions;
use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;

use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn permissions_out_of_sight(builder: &tempfile::Builder) -> std::io::Result<PathBuf> {
    let dir = builder.tempdir()?;
    Ok(dir.path().to_path_buf())
}

fn main() {
    let mut builder = tempfile::Builder::new();
    builder.permissions(Permissions::from_mode(0o700)); // audit: temp_dir_mode
    let made = permissions_out_of_sight(&builder).unwrap();
    assert!(!made.exists(), "the temp directory is removed with its handle");
}
