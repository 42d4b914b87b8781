#![deny(warnings)]

// Limits, pinned:
// - an associated type fixed by a generic bound (`B: Backend<Handle =
//   std::fs::File>`, then `B::Handle::create(p)`) is not followed: generic
//   bounds are not read. Here it writes inside a temp directory;
// - a `persist` call in the arguments of a macro other than std's
//   formatting and assertion macros is checked in a `match` around it,
//   since the macro may bind the receiver's name: the call's temporaries
//   are dropped at the end of the call, before the rest of the statement.
use std::cell::RefCell;

use ephemeral_fs::ephemeral_fs;

pub trait Backend {
    type Handle;
}

pub struct Local;

impl Backend for Local {
    type Handle = std::fs::File;
}

#[ephemeral_fs]
fn bound<B: Backend<Handle = std::fs::File>>(p: &std::path::Path) -> std::io::Result<()> {
    B::Handle::create(p)?;
    Ok(())
}

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
    let dir = tempfile::TempDir::new().unwrap();
    bound::<Local>(&dir.path().join("a")).unwrap();
    assert!(dir.path().join("a").exists(), "written unchecked");
    assert_eq!(in_a_user_macro(&Store), 1);
    EVENTS.with(|events| {
        // Without the attribute: persist, rest of the statement, drop key.
        assert_eq!(*events.borrow(), ["persist", "drop key", "rest of the statement"]);
    });
}
