// A `const` named in lower case outside the annotated item is taken for a
// local by its case: a field of it as a receiver is refused (E0745). Name
// it in upper case, or put the attribute on the module that declares it.
#![allow(non_upper_case_globals)]
use ephemeral_fs::ephemeral_fs;

struct Lease(u32);

impl Lease {
    fn keep(&self) -> u32 {
        self.0
    }
}

struct Config {
    lease: Lease,
}

const config: Config = Config { lease: Lease(7) };

#[ephemeral_fs]
fn handler() -> u32 {
    config.lease.keep()
}

fn main() {
    println!("kept {}", handler());
}
