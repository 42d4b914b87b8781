#![deny(warnings)]

// A documented limit, pinned: a temp handle moved into storage whose
// destructor never runs, with no leak call in sight, is not seen. Here
// `MaybeUninit::write` and an assignment through a `ManuallyDrop` made by
// `Default`: both compile, and both temp files outlive the handler. If the
// attribute comes to refuse these shapes, this case fails and moves to the
// compile-fail cases.

use std::mem::{ManuallyDrop, MaybeUninit};
use std::path::PathBuf;

use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

#[ephemeral_fs]
fn handler() -> std::io::Result<(PathBuf, PathBuf)> {
    let tmp = NamedTempFile::new()?;
    let written = tmp.path().to_path_buf();
    let mut slot = MaybeUninit::uninit();
    slot.write(tmp);

    let tmp = NamedTempFile::new()?;
    let assigned = tmp.path().to_path_buf();
    let mut held: ManuallyDrop<Option<NamedTempFile>> = ManuallyDrop::default();
    *held = Some(tmp);
    Ok((written, assigned))
}

fn main() {
    let (written, assigned) = handler().unwrap();
    let left = [written.exists(), assigned.exists()];
    // Clean up before asserting, so that a failure leaves nothing behind.
    let _ = std::fs::remove_file(&written);
    let _ = std::fs::remove_file(&assigned);
    assert_eq!(left, [true, true], "the limit changed: move this case");
}
