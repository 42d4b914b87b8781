// A directory its owner cannot list or enter cannot be emptied by a temp
// directory's cleanup, which then leaves it and all it holds: a
// `DirBuilder` given a mode that may take the owner's rights makes a
// directory only where no path passes, and tempfile's `permissions` for a
// temp directory must be a literal mode with them. A `DirBuilder` out of
// sight may have been given any mode.
use std::fs::{DirBuilder, Permissions};
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};

use ephemeral_fs::{TempDirExt, ephemeral_fs};
use tempfile::TempDir;

#[ephemeral_fs]
fn sub_directory(mode: u32) -> std::io::Result<()> {
    let dir = TempDir::new()?;
    DirBuilder::new().mode(0o300).create(dir.child("inbox")?)?;
    DirBuilder::new().mode(mode).create(dir.child("outbox")?)?;
    DirBuilder::new().mode(0o755).create(dir.child("fine")?)?;
    Ok(())
}

// A builder out of sight may have been given any mode.
#[ephemeral_fs]
fn builder_out_of_sight(builder: &DirBuilder, dir: &TempDir) -> std::io::Result<()> {
    builder.create(dir.child("inbox")?)
}

#[ephemeral_fs]
fn temp_dir(mode: u32) -> std::io::Result<()> {
    let _dir = tempfile::Builder::new()
        .prefix("upload-")
        .permissions(Permissions::from_mode(0o300))
        .tempdir()?;
    let _dir = tempfile::Builder::new()
        .permissions(Permissions::from_mode(mode))
        .tempdir()?;
    let _fine = tempfile::Builder::new()
        .permissions(Permissions::from_mode(0o700))
        .tempdir()?;
    Ok(())
}

#[ephemeral_fs]
fn path_called() -> std::io::Result<()> {
    let dir = TempDir::new()?;
    let mut sub = DirBuilder::new();
    DirBuilderExt::mode(&mut sub, 0o300);
    sub.create(dir.child("inbox")?)?;
    let mut builder = tempfile::Builder::new();
    tempfile::Builder::permissions(&mut builder, Permissions::from_mode(0o300));
    let _dir = tempfile::Builder::tempdir(&builder)?;
    Ok(())
}

#[ephemeral_fs]
fn file_mode_left_on_a_local() -> std::io::Result<()> {
    let mut builder = tempfile::Builder::new();
    let _file = builder.permissions(Permissions::from_mode(0o300)).tempfile()?;
    let _dir = builder.tempdir()?;
    Ok(())
}

#[ephemeral_fs]
fn temp_dir_made_by_a_function_value() -> std::io::Result<()> {
    let mut builder = tempfile::Builder::new();
    builder.permissions(Permissions::from_mode(0o300));
    let _dirs: Vec<TempDir> = Some(&builder)
        .into_iter()
        .map(tempfile::Builder::tempdir)
        .collect::<std::io::Result<_>>()?;
    Ok(())
}

#[ephemeral_fs]
fn permissions_on_a_local() -> std::io::Result<()> {
    let mut builder = tempfile::Builder::new();
    builder.permissions(Permissions::from_mode(0o300));
    let _dir = builder.tempdir()?;
    let other = tempfile::Builder::new()
        .permissions(Permissions::from_mode(0o200))
        .clone();
    let _dir = other.tempdir_in("/tmp")?;
    Ok(())
}

fn main() {}
