#![deny(warnings)]

// A documented limit, pinned: a temp handle moved into storage whose
// destructor never runs, with no leak call in sight, is not seen. Here
// `MaybeUninit::write` and an assignment through a `ManuallyDrop` made by
// `Default`, and `ManuallyDrop::new` and `Box::leak` reached through an
// associated type: all compile, and all temp files outlive the handler. If the
// attribute comes to refuse these shapes, this case fails and moves to the
// compile-fail cases.

use std::mem::{ManuallyDrop, MaybeUninit};
use std::path::PathBuf;

use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

pub trait Slot {
    type Hold;
    type Boxed;
}

pub struct Keeper;

impl Slot for Keeper {
    type Hold = ManuallyDrop<NamedTempFile>;
    type Boxed = Box<NamedTempFile>;
}

#[ephemeral_fs]
fn through_associated_types() -> std::io::Result<(PathBuf, PathBuf)> {
    let tmp = NamedTempFile::new()?;
    let held_path = tmp.path().to_path_buf();
    let held = <Keeper as Slot>::Hold::new(tmp); // audit: leak_storage
    assert!(held.path().exists());
    let tmp = NamedTempFile::new()?;
    let leaked = <Keeper as Slot>::Boxed::leak(Box::new(tmp)); // audit: leak_storage
    Ok((held_path, leaked.path().to_path_buf()))
}

#[ephemeral_fs]
fn handler() -> std::io::Result<(PathBuf, PathBuf)> {
    let tmp = NamedTempFile::new()?;
    let written = tmp.path().to_path_buf();
    let mut slot = MaybeUninit::uninit(); // audit: leak_storage
    slot.write(tmp);

    let tmp = NamedTempFile::new()?;
    let assigned = tmp.path().to_path_buf();
    let mut held: ManuallyDrop<Option<NamedTempFile>> = ManuallyDrop::default(); // audit: leak_storage
    *held = Some(tmp);
    Ok((written, assigned))
}

fn main() {
    let (written, assigned) = handler().unwrap();
    let (held, leaked) = through_associated_types().unwrap();
    let paths = [written, assigned, held, leaked];
    let left = paths.each_ref().map(|path| path.exists());
    // Clean up before asserting, so that a failure leaves nothing behind.
    for path in &paths {
        let _ = std::fs::remove_file(path);
    }
    assert_eq!(left, [true; 4], "the limit changed: move this case");
}
