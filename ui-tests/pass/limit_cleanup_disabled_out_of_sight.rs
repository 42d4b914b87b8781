#![deny(warnings)]

// A limit, pinned: a tempfile `Builder` whose cleanup was disabled out of
// sight (`disable_cleanup(true)` in start-up code, or in a method of your
// own on a `Builder::new()` chain) makes temp files and directories that
// outlive the handler. `disable_cleanup(true)` and `keep(true)` in sight
// are refused. If the attribute comes to refuse these shapes, this case
// fails and moves to the compile-fail cases.
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

fn main() {
    let out = tempfile::TempDir::new().unwrap();
    let mut staging = tempfile::Builder::new();
    staging.prefix("upload-").disable_cleanup(true); // audit: temp_escape
    let state = AppState { staging };
    let (file, dir) = from_state(&state, out.path(), b"body").unwrap();
    let other = through_a_method_of_yours(out.path(), b"body").unwrap();
    let left = [file.exists(), dir.exists(), other.exists()];
    // `out` removes them all when it drops.
    assert_eq!(left, [true; 3], "the limit changed: move this case");
}
