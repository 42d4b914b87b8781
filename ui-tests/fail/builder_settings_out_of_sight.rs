// A tempfile `Builder` whose settings are out of sight may have its
// cleanup disabled (`disable_cleanup(true)` in start-up code, or in a
// method of your own on a `Builder::new()` chain), and the handles it
// makes do not say so: what it makes is refused by type.
use std::io::Write;
use std::path::{Path, PathBuf};

use ephemeral_fs::{TempDirExt, ephemeral_fs};

pub struct AppState {
    pub staging: tempfile::Builder<'static, 'static>,
}

pub trait Staging {
    fn for_uploads(&mut self) -> &mut Self;
}

impl Staging for tempfile::Builder<'_, '_> {
    fn for_uploads(&mut self) -> &mut Self {
        self.prefix("upload-").disable_cleanup(true)
    }
}

#[ephemeral_fs]
fn from_state(state: &AppState, into: &Path, body: &[u8]) -> std::io::Result<(PathBuf, PathBuf)> {
    let mut staged = state.staging.tempfile_in(into)?;
    staged.write_all(body)?;
    let dir = state.staging.tempdir_in(into)?;
    std::fs::write(dir.child("part")?, body)?;
    Ok((staged.path().to_path_buf(), dir.path().to_path_buf()))
}

#[ephemeral_fs]
fn through_a_method_of_yours(into: &Path, body: &[u8]) -> std::io::Result<PathBuf> {
    let dir = tempfile::Builder::new().for_uploads().tempdir_in(into)?;
    std::fs::write(dir.child("part")?, body)?;
    Ok(dir.path().to_path_buf())
}

#[ephemeral_fs]
fn parameter(builder: &tempfile::Builder) -> std::io::Result<PathBuf> {
    let dir = builder.tempdir()?;
    Ok(dir.path().to_path_buf())
}

#[ephemeral_fs]
fn local_lent_to_a_helper(into: &Path, setup: fn(&mut tempfile::Builder)) -> std::io::Result<()> {
    let mut builder = tempfile::Builder::new();
    setup(&mut builder);
    let _staged = builder.tempfile_in(into)?;
    Ok(())
}

fn main() {}
