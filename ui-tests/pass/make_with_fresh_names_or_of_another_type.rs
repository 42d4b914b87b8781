#![deny(warnings)]

// A `make` of tempfile's with fresh names passes, whatever its closure does
// with the path, and so does a `make` of the user's with the same shape,
// unchanged.
use ephemeral_fs::ephemeral_fs;
use std::io;
use std::path::{Path, PathBuf};

pub struct Factory {
    pub made: std::cell::Cell<u32>,
}

impl Factory {
    pub fn make<T>(&self, build: impl FnOnce(&str) -> T) -> T {
        self.made.set(self.made.get() + 1);
        build("widget")
    }

    pub fn make_in(&self, size: u32, build: fn(u32) -> u32) -> u32 {
        self.made.set(self.made.get() + 1);
        build(size)
    }
}

fn double(size: u32) -> u32 {
    size * 2
}

#[ephemeral_fs]
fn fresh(dir: &Path) -> io::Result<PathBuf> {
    let staged = tempfile::Builder::new()
        .prefix("upload-")
        .make_in(dir, |_| Ok(()))?;
    std::fs::write(&staged, b"body")?;
    assert_eq!(std::fs::read(&staged)?, b"body");
    Ok(staged.path().to_path_buf())
}

#[ephemeral_fs]
fn of_another_type(factory: &Factory) -> (String, u32) {
    let name = factory.make(|kind| format!("{kind}-1"));
    let size = factory.make_in(21, double);
    (name, size)
}

fn main() {
    let dir = tempfile::TempDir::new().unwrap();
    let staged = fresh(dir.path()).unwrap();
    assert!(!staged.exists(), "the temp file is removed");
    let factory = Factory {
        made: std::cell::Cell::new(0),
    };
    assert_eq!(of_another_type(&factory), ("widget-1".to_owned(), 42));
    assert_eq!(factory.made.get(), 2, "each call runs once");
}
