#![deny(warnings)]

// `.leak()` on fields of a value is checked by the value's type: a `Vec` of
// strings may be leaked, and the value is evaluated once.
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

fn main() {
    assert_eq!(leaked(None).unwrap(), ["a"]);
    assert_eq!(MADE.with(Cell::get), 1);
}
