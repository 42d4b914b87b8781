#![deny(warnings)]

use ephemeral_fs::ephemeral_fs;

struct Lanes;

impl Lanes {
    const fn keep(&self) -> usize {
        4
    }
}

/// Array lengths are const contexts: a probe there would not be `const`.
#[ephemeral_fs]
fn buffer() -> usize {
    let staged: [u8; Lanes.keep()] = [0; Lanes.keep()];
    staged.len()
}

fn main() {
    assert_eq!(buffer(), 4);
}
