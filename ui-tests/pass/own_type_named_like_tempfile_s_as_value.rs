#![deny(warnings)]

// A function of the user's own type named like one of tempfile's, used as
// a value, under a name tempfile's type does not have: its own signature
// decides, and the program compiles and runs as without the attribute.

use ephemeral_fs::ephemeral_fs;

struct Builder {
    n: u32,
}

impl Builder {
    fn persist(self) -> u32 {
        self.n
    }
}

struct TempDir(u32);

impl TempDir {
    fn persist_noclobber(&self, extra: u32) -> u32 {
        self.0 + extra
    }
}

#[ephemeral_fs]
fn handler() -> Vec<u32> {
    vec![Builder { n: 1 }, Builder { n: 2 }]
        .into_iter()
        .map(Builder::persist)
        .collect()
}

#[ephemeral_fs]
fn with_arity_two() -> u32 {
    let add = TempDir::persist_noclobber;
    add(&TempDir(3), 4)
}

fn main() {
    assert_eq!(handler(), [1, 2]);
    assert_eq!(with_arity_two(), 7);
}
