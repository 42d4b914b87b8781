#![deny(warnings)]

// A `persist` the attribute checks is still the call the user wrote: its
// destination is evaluated after the receiver, reborrows a `&mut` as the
// call does, and moves nothing the call does not.

use std::cell::RefCell;

use ephemeral_fs::ephemeral_fs;

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
    assert_eq!(receiver_first(&log), 12);
    assert_eq!(
        log.into_inner(),
        ["persist 1 (first)", "drop 1", "drop 2"],
    );
}
