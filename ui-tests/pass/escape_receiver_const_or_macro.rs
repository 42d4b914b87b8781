#![deny(warnings)]
#![allow(non_upper_case_globals)]

// The receiver of a user's own escape method is checked without changing
// what it is: a `const` named in lower case is one temporary, dropped once;
// a field of one in sight of the attribute is no error; a place a macro
// names is not moved.

use std::cell::Cell;

use ephemeral_fs::ephemeral_fs;

thread_local! {
    static DROPS: Cell<u32> = const { Cell::new(0) };
}

struct Lease(u32);

impl Lease {
    fn keep(&self) -> u32 {
        self.0
    }
}

impl Drop for Lease {
    fn drop(&mut self) {
        DROPS.with(|drops| drops.set(drops.get() + 1));
    }
}

struct Config {
    lease: Lease,
}

const default_lease: Lease = Lease(7);

struct Row {
    lease: Lease,
}

macro_rules! lease_of {
    ($row:ident) => {
        $row.lease
    };
}

#[ephemeral_fs]
fn from_const() -> u32 {
    default_lease.keep()
}

#[ephemeral_fs]
fn from_const_field() -> u32 {
    const config: Config = Config { lease: Lease(8) };
    config.lease.keep()
}

#[ephemeral_fs]
mod settings {
    use super::{Config, Lease};

    const config: Config = Config { lease: Lease(9) };

    pub fn kept() -> u32 {
        config.lease.keep()
    }
}

#[ephemeral_fs]
fn from_macro(row: Row) -> u32 {
    let kept = lease_of!(row).keep();
    kept + row.lease.0
}

fn drops() -> u32 {
    DROPS.with(|drops| drops.replace(0))
}

fn main() {
    assert_eq!(from_const(), 7);
    assert_eq!(drops(), 1);
    assert_eq!(from_const_field(), 8);
    assert_eq!(drops(), 1);
    assert_eq!(settings::kept(), 9);
    assert_eq!(drops(), 1);
    assert_eq!(from_macro(Row { lease: Lease(7) }), 14);
    assert_eq!(drops(), 1);
}
