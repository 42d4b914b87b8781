#![deny(warnings)]

// A method of your own named like an escape, on an element whose index
// leaves the loop or the function (`continue`, `break`, a labelled
// `continue`, `return`): the receiver's type is read without leaving
// anything, and the program runs as without the attribute.
use ephemeral_fs::ephemeral_fs;

pub struct Lease(pub u32);

impl Lease {
    pub fn keep(&self) -> u32 {
        self.0 + 100
    }

    pub fn persist(&self, to: &str) -> usize {
        self.0 as usize + to.len()
    }
}

#[ephemeral_fs]
fn renew_each(items: &[Lease], slots: &[Option<usize>]) -> u32 {
    let mut renewed = 0;
    for slot in slots {
        renewed += items[match slot {
            Some(slot) => *slot,
            None => continue,
        }]
        .keep();
    }
    renewed
}

#[ephemeral_fs]
fn renew_until_gap(items: &[Lease], slots: &[Option<usize>]) -> usize {
    let mut total = 0;
    for slot in slots {
        total += items[match slot {
            Some(slot) => *slot,
            None => break,
        }]
        .persist("ab");
    }
    total
}

#[ephemeral_fs]
fn renew_labelled(items: &[Lease], slots: &[Option<usize>]) -> u32 {
    let mut renewed = 0;
    'slots: for slot in slots {
        renewed += items[loop {
            match slot {
                Some(slot) => break *slot,
                None => continue 'slots,
            }
        }]
        .keep();
    }
    renewed
}

#[ephemeral_fs]
fn renew_one(items: &[Lease], slot: Option<usize>) -> Option<u32> {
    Some(
        items[match slot {
            Some(slot) => slot,
            None => return None,
        }]
        .keep(),
    )
}

fn main() {
    let items = [Lease(1), Lease(2)];
    let slots = [Some(0), None, Some(1)];
    assert_eq!(renew_each(&items, &slots), 203);
    assert_eq!(renew_until_gap(&items, &slots), 3);
    assert_eq!(renew_labelled(&items, &slots), 203);
    assert_eq!(renew_one(&items, Some(1)), Some(102));
    assert_eq!(renew_one(&items, None), None);
}
