#![deny(warnings)]

// A `persist` the attribute checks is still the call the user wrote: its
// destination is evaluated after the receiver, reborrows a `&mut` as the
// call does, and moves nothing the call does not.

use std::cell::RefCell;
use std::ops::Index;
use std::path::PathBuf;

use ephemeral_fs::ephemeral_fs;
use tempfile::TempDir;

/// A type of the user's with `persist(&self, &mut ..)`.
struct Note(u8);

impl Note {
    fn persist(&self, out: &mut Vec<u8>) {
        out.push(self.0);
    }
}

/// A type of the user's with `persist(self, ..)` and a destructor.
struct Doc<'a>(u32, &'a RefCell<Vec<String>>);

impl Doc<'_> {
    fn persist(self, note: &str) -> u32 {
        self.1.borrow_mut().push(format!("persist {} ({note})", self.0));
        self.0
    }
}

impl Drop for Doc<'_> {
    fn drop(&mut self) {
        self.1.borrow_mut().push(format!("drop {}", self.0));
    }
}

/// A type of the user's with `persist(&self, PathBuf)`.
struct Sheet(u32);

impl Sheet {
    fn persist(&self, to: PathBuf) -> (u32, PathBuf) {
        (self.0, to)
    }
}

/// Items that log each indexing.
struct Logged<'a, T> {
    items: Vec<T>,
    name: &'static str,
    log: &'a RefCell<Vec<String>>,
}

impl<T> Index<usize> for Logged<'_, T> {
    type Output = T;

    fn index(&self, at: usize) -> &T {
        self.log.borrow_mut().push(format!("{}[{at}]", self.name));
        &self.items[at]
    }
}

// A destination derived from an indexed temp directory's path is checked
// through its owner, borrowed once: after the receiver's index, as the
// call evaluates them.
#[ephemeral_fs]
fn joined_owner_after_receiver(log: &RefCell<Vec<String>>) -> std::io::Result<(u32, bool)> {
    let sheets = Logged {
        items: vec![Sheet(5)],
        name: "sheets",
        log,
    };
    let dirs = Logged {
        items: vec![TempDir::new()?],
        name: "dirs",
        log,
    };
    let (kept, to) = sheets[0].persist(dirs[0].path().join("s.txt"));
    Ok((kept, to.starts_with(dirs.items[0].path())))
}

// The `&mut` parameter is reborrowed by each call, not moved into the first.
#[ephemeral_fs]
fn reborrowed(out: &mut Vec<u8>) {
    let note = Note(1);
    note.persist(out);
    note.persist(out);
}

// The receiver is moved into the call before the destination assigns a new
// value to its variable.
#[ephemeral_fs]
fn receiver_first(log: &RefCell<Vec<String>>) -> u32 {
    let mut doc = Doc(1, log);
    let kept = doc.persist({
        doc = Doc(2, log);
        "first"
    });
    kept * 10 + doc.0
}

fn main() {
    let mut out = Vec::new();
    reborrowed(&mut out);
    assert_eq!(out, [1, 1]);

    let log = RefCell::new(Vec::new());
    assert_eq!(joined_owner_after_receiver(&log).unwrap(), (5, true));
    assert_eq!(log.replace(Vec::new()), ["sheets[0]", "dirs[0]"]);

    assert_eq!(receiver_first(&log), 12);
    assert_eq!(
        log.into_inner(),
        ["persist 1 (first)", "drop 1", "drop 2"],
    );
}
