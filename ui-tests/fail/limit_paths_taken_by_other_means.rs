// A limit, pinned: a temp file's path passes where it is the handle,
// `tmp.path()`, a join of it, or a local bound to one of those. Other ways
// to the same path are plain `&Path`s or `PathBuf`s, and are refused:
// pass the handle or `tmp.path()` itself.
use std::path::{Path, PathBuf};

use ephemeral_fs::{TempDirExt, ephemeral_fs};
use tempfile::{NamedTempFile, TempDir, TempPath};

#[ephemeral_fs]
pub fn as_ref(tmp: &NamedTempFile) -> std::io::Result<()> {
    std::fs::write(tmp.as_ref(), b"1")
}

#[ephemeral_fs]
pub fn as_path(dir: &TempDir) -> std::io::Result<()> {
    std::fs::write(dir.child("a")?.as_path(), b"2")
}

#[ephemeral_fs]
pub fn deref(dir: &TempDir) -> std::io::Result<()> {
    std::fs::write(&*dir.child("b")?, b"3")
}

#[ephemeral_fs]
pub fn path_new(tmp: &NamedTempFile) -> std::io::Result<()> {
    std::fs::write(Path::new(tmp.path()), b"4")
}

#[ephemeral_fs]
pub fn path_buf_from(tmp: &NamedTempFile) -> std::io::Result<()> {
    std::fs::write(PathBuf::from(tmp.path()), b"5")
}

#[ephemeral_fs]
pub fn to_path_buf(staged: &TempPath) -> std::io::Result<()> {
    std::fs::write(staged.to_path_buf(), b"6")
}

fn first(files: &[NamedTempFile]) -> &NamedTempFile {
    &files[0]
}

// The handle is a call's result: even one that outlives the call cannot be
// kept borrowed through it.
#[ephemeral_fs]
pub fn of_a_call(files: &[NamedTempFile]) -> std::io::Result<()> {
    std::fs::write(first(files).path(), b"6a")
}

// An index with an operator in it is not read as a place.
#[ephemeral_fs]
pub fn of_an_index_with_an_operator(files: &[NamedTempFile], i: usize) -> std::io::Result<()> {
    std::fs::write(files[i + 1].path(), b"6b")
}

// Accepted: the handle, `tmp.path()`, and a local bound to its copy.
#[ephemeral_fs]
pub fn accepted(tmp: &NamedTempFile, dir: &TempDir) -> std::io::Result<()> {
    std::fs::write(tmp, b"7")?;
    std::fs::write(tmp.path(), b"8")?;
    let copy = tmp.path().to_owned();
    std::fs::write(&copy, b"9")?;
    std::fs::write(dir.child("c")?, b"10")?;
    std::fs::write(first(std::slice::from_ref(tmp)), b"11")?;
    let files = std::slice::from_ref(tmp);
    let next = files.len() - 1;
    std::fs::write(files[next].path(), b"12")
}

fn main() {}
