#![deny(warnings)]

// A limit, pinned: a `persist` call in the arguments of a macro other than
// std's formatting and assertion macros is checked in a `match` around it,
// since the macro may bind the receiver's name: the call's temporaries are
// dropped at the end of the call, before the rest of the statement.
use std::cell::RefCell;

use ephemeral_fs::ephemeral_fs;

thread_local! {
    static EVENTS: RefCell<Vec<&'static str>> = const { RefCell::new(Vec::new()) };
}

struct Key;

impl Drop for Key {
    fn drop(&mut self) {
        EVENTS.with(|events| events.borrow_mut().push("drop key"));
    }
}

struct Store;

impl Store {
    fn persist(&self, _key: &Key) -> usize {
        EVENTS.with(|events| events.borrow_mut().push("persist"));
        1
    }
}

macro_rules! ensure {
    ($condition:expr) => {
        if !$condition {
            return 0;
        }
    };
}

#[ephemeral_fs]
fn in_a_user_macro(store: &Store) -> usize {
    ensure!(store.persist(&Key) + {
        EVENTS.with(|events| events.borrow_mut().push("rest of the statement"));
        0
    } > 0);
    1
}

fn main() {
    assert_eq!(in_a_user_macro(&Store), 1);
    EVENTS.with(|events| {
        // Without the attribute: persist, rest of the statement, drop key.
        assert_eq!(*events.borrow(), ["persist", "drop key", "rest of the statement"]);
    });
}
