#![deny(warnings)]

// A limit, pinned: a temp handle made inside another temp directory can
// outlive it. Made through `..` of that directory's path, its stored path
// no longer resolves once the directory is gone, and its cleanup leaves
// the file; made inside it, `create_dir_all` of its path (a temp handle's
// path, accepted) makes the removed directory again, which nothing
// removes. Here both land inside a temp directory of the test's own. Make
// temp handles in `std::env::temp_dir()` or in a directory that outlives
// them, without `..`. If the attribute comes to refuse these shapes, this
// case fails and moves to the compile-fail cases.
use std::path::Path;

use ephemeral_fs::{TempDirExt, ephemeral_fs};
use tempfile::{NamedTempFile, TempDir};

#[ephemeral_fs]
fn through_dot_dot(root: &Path, body: &[u8]) -> std::io::Result<()> {
    let staged = {
        let scratch = TempDir::new_in(root)?;
        let staged = NamedTempFile::new_in(scratch.path().join(".."))?;
        std::fs::write(staged.path(), body)?;
        staged
    };
    drop(staged);
    Ok(())
}

#[ephemeral_fs]
fn parent_made_again(root: &Path, body: &[u8]) -> std::io::Result<()> {
    let work = {
        let scratch = TempDir::new_in(root)?;
        TempDir::new_in(scratch.path())?
    };
    std::fs::create_dir_all(work.path())?;
    std::fs::write(work.child("body.bin")?, body)?;
    Ok(())
}

fn main() {
    let root = TempDir::new().unwrap();
    through_dot_dot(root.path(), b"body").unwrap();
    parent_made_again(root.path(), b"body").unwrap();
    let left = std::fs::read_dir(root.path()).unwrap().count();
    assert_eq!(left, 2, "the limit changed: move this case");
}
