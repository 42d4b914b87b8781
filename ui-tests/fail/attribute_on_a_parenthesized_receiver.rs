// An attribute on an expression in parentheses is refused by rustc on
// stable, with the attribute as without it: the checked code keeps the
// receiver, parentheses and all, where it was written.
use ephemeral_fs::ephemeral_fs;

pub struct Session(u32);

impl Session {
    fn keep(self) -> u32 {
        self.0
    }
}

fn make() -> Session {
    Session(3)
}

#[ephemeral_fs]
fn handler() -> u32 {
    (#[allow(unused)] make()).keep()
}

fn main() {}
