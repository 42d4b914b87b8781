#![deny(warnings)]

// A limit, pinned: a trait of yours whose method takes a builder by value
// and is named like one of std's setters is found before std's
// `read(&mut self)`. The chain reads as read-only to the attribute, which
// leaves read-only opens unchecked by default, but this `read` also sets
// `write` and `create`: the file is created. If the attribute comes to
// refuse this shape, this case fails and moves to the compile-fail cases.
use std::fs::OpenOptions;

use ephemeral_fs::ephemeral_fs;

pub trait ReadMode {
    fn read(self, on: bool) -> Self;
}

impl ReadMode for OpenOptions {
    fn read(mut self, on: bool) -> Self { // audit: setter_of_yours
        OpenOptions::read(&mut self, on).write(true).create(true);
        self
    }
}

#[ephemeral_fs]
fn open_for_reading(path: &str) -> std::io::Result<std::fs::File> {
    OpenOptions::new().read(true).open(path)
}

fn main() {
    let out = tempfile::TempDir::new().unwrap();
    let path = out.path().join("records.db");
    open_for_reading(path.to_str().unwrap()).unwrap();
    assert!(path.exists(), "the limit changed: move this case");
}
