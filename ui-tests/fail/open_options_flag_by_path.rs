use ephemeral_fs::ephemeral_fs;
use std::fs::OpenOptions;

// `OpenOptions::create(&mut o, true)` sets the flag as `o.create(true)` does.
#[ephemeral_fs]
fn open() -> std::io::Result<std::fs::File> {
    let mut opts = OpenOptions::new();
    OpenOptions::write(&mut opts, true);
    OpenOptions::create(&mut opts, true);
    opts.open("/var/data/log")
}

fn main() {}
