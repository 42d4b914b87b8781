#![deny(warnings)]

// A receiver in braces (`{ s }.keep()`, which moves `s`) or parentheses
// stays a receiver in the checked code: no `unused_braces` or
// `unused_parens` where the code has none.
use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

pub struct Session(u32);

impl Session {
    fn keep(self) -> u32 {
        self.0
    }
}

trait Mark {
    fn keep(&self) -> bool;
}

impl Mark for NamedTempFile {
    fn keep(&self) -> bool {
        true
    }
}

#[ephemeral_fs]
fn handler(s: Session, v: Vec<u8>, tmp: &NamedTempFile) -> usize {
    let kept = { s }.keep();
    let leaked = { v }.leak();
    let marked = (&*tmp).keep();
    kept as usize + leaked.len() + usize::from(marked)
}

fn main() {
    let tmp = NamedTempFile::new().unwrap();
    assert_eq!(handler(Session(7), vec![1, 2], &tmp), 10);
}
