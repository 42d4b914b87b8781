use ephemeral_fs::ephemeral_fs;
use std::fs::OpenOptions;

// A flag set through a `&mut` alias makes the open a write.
#[ephemeral_fs]
fn open() -> std::io::Result<std::fs::File> {
    let mut opts = OpenOptions::new();
    let alias = &mut opts;
    alias.write(true).create(true);
    opts.open("/var/data/log")
}

fn main() {}
