#![deny(warnings)]

// The argument of a leak call may take its type from what the call is
// expected to give (the `let`'s type annotation): the check waits for
// that type and accepts the program, which compiles without the attribute.

use std::mem::ManuallyDrop;

use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn inferred() -> usize {
    let m: ManuallyDrop<String> = ManuallyDrop::new(Default::default());
    m.len()
}

#[ephemeral_fs]
fn inferred_vec() -> usize {
    let v: ManuallyDrop<Vec<u8>> = ManuallyDrop::new(Vec::with_capacity(4));
    v.capacity().min(4)
}

fn main() {
    assert_eq!(inferred(), 0);
    assert_eq!(inferred_vec(), 4);
}
