#![deny(warnings)]

// `.leak()` on fields of a value is checked by the value's type, without
// moving it: a `Vec` of strings may be leaked, a `leak(&self)` of your own
// on a field of a temporary whose type implements `Drop` compiles, the
// temporary is dropped where it was, and the value is evaluated once.
use std::cell::Cell;

use ephemeral_fs::ephemeral_fs;

pub struct Names {
    pub list: Vec<String>,
}

thread_local! {
    static MADE: Cell<usize> = const { Cell::new(0) };
}

fn names() -> Names {
    MADE.with(|n| n.set(n.get() + 1));
    Names { list: vec!["a".to_owned()] }
}

// The log file names a filesystem type, so that the item is read: one that
// names none takes the fast path.
#[ephemeral_fs]
fn leaked(_log: Option<&std::fs::File>) -> std::io::Result<&'static mut [String]> {
    Ok(names().list.leak())
}

pub struct Counter(usize);

impl Counter {
    pub fn leak(&self) -> usize {
        EVENTS.with(|events| events.borrow_mut().push("leak"));
        self.0
    }
}

pub struct Snapshot {
    pub counter: Counter,
}

impl Drop for Snapshot {
    fn drop(&mut self) {
        EVENTS.with(|events| events.borrow_mut().push("drop snapshot"));
    }
}

thread_local! {
    static EVENTS: std::cell::RefCell<Vec<&'static str>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn note(event: &'static str) -> usize {
    EVENTS.with(|events| events.borrow_mut().push(event));
    0
}

#[ephemeral_fs]
fn own_leak(_log: Option<&std::fs::File>) -> usize {
    Snapshot { counter: Counter(3) }.counter.leak() + note("rest of the statement")
}

fn main() {
    assert_eq!(own_leak(None), 3);
    EVENTS.with(|events| {
        assert_eq!(*events.borrow(), ["leak", "rest of the statement", "drop snapshot"]);
    });
    assert_eq!(leaked(None).unwrap(), ["a"]);
    assert_eq!(MADE.with(Cell::get), 1);
}
