#![deny(warnings)]

// A function called through an associated type is decided by the type:
// std's `File` takes a temp handle as it does when named, a type of the
// application's own with functions of the same names takes what it likes,
// and every argument is evaluated once, where it was written.
use std::cell::Cell;
use std::path::Path;

use ephemeral_fs::{TempDirExt, ephemeral_fs};

pub trait Backend {
    type Handle;
    type Options;
}

pub struct Local;

impl Backend for Local {
    type Handle = std::fs::File;
    type Options = std::fs::OpenOptions;
}

pub struct Memory;

pub struct Blob(String);

impl Blob {
    pub fn create(name: &str) -> std::io::Result<Blob> {
        Ok(Blob(name.to_owned()))
    }
}

pub struct Settings;

impl Settings {
    pub fn new() -> Settings {
        Settings
    }
}

impl Backend for Memory {
    type Handle = Blob;
    type Options = Settings;
}

thread_local! {
    static EVALUATED: Cell<usize> = const { Cell::new(0) };
}

fn counted<T>(value: T) -> T {
    EVALUATED.with(|n| n.set(n.get() + 1));
    value
}

#[ephemeral_fs]
fn stage<B: Backend<Handle = std::fs::File>>(dir: &tempfile::TempDir) -> std::io::Result<std::fs::File> {
    let tmp = tempfile::NamedTempFile::new()?;
    <Local as Backend>::Handle::create(counted(&tmp))?;
    B::Handle::create(counted(dir.child("staged")?))
}

#[ephemeral_fs]
fn in_memory<B: Backend<Handle = Blob>>(name: &str) -> std::io::Result<(Blob, Settings)> {
    let blob = B::Handle::create(counted(name))?;
    // Names a filesystem type, so that the item is read: one that names
    // none takes the fast path.
    let _: std::fs::File;
    let settings = <Memory as Backend>::Options::new();
    Ok((blob, settings))
}

fn main() {
    let dir = tempfile::TempDir::new().unwrap();
    stage::<Local>(&dir).unwrap();
    assert!(dir.path().join("staged").exists());
    let (blob, _) = in_memory::<Memory>("/srv/uploads/a").unwrap();
    assert_eq!(blob.0, "/srv/uploads/a");
    assert!(!Path::new("/srv/uploads/a").exists());
    assert_eq!(EVALUATED.with(Cell::get), 3);
    let kept = dir.path().to_path_buf();
    drop(dir);
    assert!(!kept.exists(), "the temp directory is removed with all it holds");
}
