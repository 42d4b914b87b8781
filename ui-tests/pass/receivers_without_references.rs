#![deny(warnings)]

// A receiver is probed without a reference to it: a field of a
// `#[repr(packed)]` struct may not be borrowed, nor may a `static mut`,
// and a `const` (or a field of one) is not evaluated by its probe (its value is dropped as
// often as without the attribute).

use std::sync::LazyLock;
use std::sync::atomic::{AtomicU32, Ordering};

use ephemeral_fs::ephemeral_fs;

/// A type of the user's whose `keep` takes it by value.
#[derive(Clone, Copy)]
struct Marker(u32);

impl Marker {
    fn keep(self) -> u32 {
        self.0
    }
}

#[repr(packed)]
struct Packed {
    tag: u8,
    marker: Marker,
}

static mut STATE: Marker = Marker(7);

static DROPS: AtomicU32 = AtomicU32::new(0);

/// A value that counts its drops.
struct Counted(u32);

impl Counted {
    const ZERO: Counted = Counted(0);

    fn keep(&self) -> u32 {
        self.0
    }

    fn persist(&self, name: &str) -> usize {
        name.len() + self.0 as usize
    }
}

impl Drop for Counted {
    fn drop(&mut self) {
        DROPS.fetch_add(1, Ordering::Relaxed);
    }
}

const FIXED: Counted = Counted(9);
const PAIR: (Counted, u8) = (Counted(5), 1);

static SHARED: LazyLock<Counted> = LazyLock::new(|| Counted(4));

#[ephemeral_fs]
fn arrange(packed: Packed) -> (u8, u32, u32, u32, usize) {
    let tag = packed.tag;
    let marker = packed.marker.keep();
    // SAFETY: `STATE` is only read, on one thread.
    let state = unsafe { STATE.keep() };
    let fixed = FIXED.keep() + PAIR.0.keep() + Counted::ZERO.keep();
    let shared = SHARED.persist("ab");
    (tag, marker, state, fixed, shared)
}

fn main() {
    let packed = Packed {
        tag: 1,
        marker: Marker(2),
    };
    assert_eq!(arrange(packed), (1, 2, 7, 14, 6));
    // One temporary for each `const`; `SHARED` is never dropped.
    assert_eq!(DROPS.load(Ordering::Relaxed), 3);
}
