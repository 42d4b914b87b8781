#![deny(warnings)]

// A `persist` call's temporaries live to the end of its statement, as
// without the attribute: the receiver's type is read by a `let` put before
// the statement, not by a `match` around the call, whose arm would drop
// them first. Where no `let` can go there (in a closure, or with the
// receiver bound inside the statement), the call still compiles and runs.
use std::cell::RefCell;

use ephemeral_fs::ephemeral_fs;

thread_local! {
    static EVENTS: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

fn event(text: &str) {
    EVENTS.with(|events| events.borrow_mut().push(text.to_owned()));
}

struct Key(&'static str);

impl Drop for Key {
    fn drop(&mut self) {
        event("drop key");
    }
}

struct Store;

impl Store {
    fn persist(&self, key: &Key) -> usize {
        event("persist");
        key.0.len()
    }
}

struct Entry<'k> {
    key: &'k str,
}

struct Cache;

impl Cache {
    fn persist<'k>(&self, key: &'k str) -> Entry<'k> {
        Entry { key }
    }
}

#[ephemeral_fs]
fn drop_order(store: &Store) -> usize {
    let n = store.persist(&Key("user/7")) + {
        event("rest of the statement");
        0
    };
    n
}

#[ephemeral_fs]
fn result_borrows_a_temporary(cache: &Cache, id: u32) -> usize {
    cache.persist(&format!("user/{id}")).key.len()
}

#[ephemeral_fs]
fn closure_and_macro_results_borrow_temporaries(cache: &Cache, ids: &[u32]) -> usize {
    let lengths: Vec<usize> = ids
        .iter()
        .map(|id| cache.persist(&format!("user/{id}")).key.len())
        .collect();
    println!("{}", cache.persist(&format!("user/{}", ids[0])).key);
    lengths.iter().sum()
}

#[ephemeral_fs]
fn closure_drop_order(store: &Store) -> usize {
    let persist = |store: &Store| {
        store.persist(&Key("c")) + {
            event("rest of the closure");
            0
        }
    };
    persist(store)
}

#[ephemeral_fs]
fn bound_inside_the_statement(stores: Option<&[Store]>) -> usize {
    if let Some(stores) = stores
        && let Some(first) = stores.first()
        && first.persist(&Key("dd")) > 0
    {
        return 2;
    }
    #[cfg(any())]
    let gone = Store;
    #[cfg(any())]
    gone.persist(&Key("never"));
    0
}

#[ephemeral_fs]
fn arm_binds_the_receiver(stores: &[Store], cache: Option<&Cache>) -> usize {
    let first = match stores.first() {
        Some(store) => store.persist(&Key("arm")) + {
            event("rest of the arm");
            0
        },
        None => 0,
    };
    let second = match cache {
        Some(cache) => cache.persist(&format!("user/{first}")).key.len(),
        None => 0,
    };
    first + second
}

#[ephemeral_fs]
fn in_a_closure_and_an_arm(stores: &[Store]) -> usize {
    let first = stores.iter().map(|store| store.persist(&Key("a"))).sum::<usize>();
    let second = match stores.first() {
        Some(store) => store.persist(&Key("bb")),
        None => 0,
    };
    first + second
}

fn main() {
    assert_eq!(drop_order(&Store), 6);
    EVENTS.with(|events| {
        assert_eq!(
            *events.borrow(),
            ["persist", "rest of the statement", "drop key"],
        );
    });
    assert_eq!(result_borrows_a_temporary(&Cache, 7), 6);
    assert_eq!(closure_and_macro_results_borrow_temporaries(&Cache, &[7, 42]), 13);
    EVENTS.with(|events| events.borrow_mut().clear());
    assert_eq!(closure_drop_order(&Store), 1);
    EVENTS.with(|events| {
        assert_eq!(
            *events.borrow(),
            ["persist", "rest of the closure", "drop key"],
        );
    });
    EVENTS.with(|events| events.borrow_mut().clear());
    assert_eq!(arm_binds_the_receiver(&[Store], Some(&Cache)), 3 + 6);
    EVENTS.with(|events| {
        assert_eq!(*events.borrow(), ["persist", "rest of the arm", "drop key"]);
    });
    assert_eq!(bound_inside_the_statement(Some(&[Store])), 2);
    assert_eq!(bound_inside_the_statement(None), 0);
    assert_eq!(in_a_closure_and_an_arm(&[Store, Store]), 4);
}
