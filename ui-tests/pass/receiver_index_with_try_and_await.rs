#![deny(warnings)]

// A method of your own named like an escape, on an element indexed by a
// `?` or an `.await`: the receiver's type is read without either, and the
// index is evaluated once, where it was written.
use std::cell::Cell;
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use ephemeral_fs::ephemeral_fs;

pub struct Lease {
    pub name: String,
}

impl Lease {
    pub fn keep(&self) -> String {
        format!("renewed {}", self.name)
    }
}

thread_local! {
    static LOOKUPS: Cell<usize> = const { Cell::new(0) };
}

pub fn slot(leases: &[Lease], name: &str) -> Result<usize, String> {
    LOOKUPS.with(|n| n.set(n.get() + 1));
    leases.iter().position(|l| l.name == name).ok_or_else(|| format!("no lease {name}"))
}

pub async fn slot_async(leases: &[Lease], name: &str) -> usize {
    slot(leases, name).unwrap()
}

// The log file names a filesystem type, so that the item is read.
#[ephemeral_fs]
fn renew(leases: &[Lease], name: &str, _log: Option<&std::fs::File>) -> Result<String, String> {
    Ok(leases[slot(leases, name)?].keep())
}

#[ephemeral_fs]
async fn renew_async(leases: &[Lease], name: &str, _log: Option<&std::fs::File>) -> String {
    leases[slot_async(leases, name).await].keep()
}

fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let mut context = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut context) {
            return output;
        }
    }
}

fn main() {
    let leases = [Lease { name: "a".to_owned() }, Lease { name: "b".to_owned() }];
    assert_eq!(renew(&leases, "b", None).unwrap(), "renewed b");
    assert_eq!(renew(&leases, "c", None).unwrap_err(), "no lease c");
    assert_eq!(block_on(renew_async(&leases, "a", None)), "renewed a");
    assert_eq!(LOOKUPS.with(Cell::get), 3);
}
