use ephemeral_fs::ephemeral_fs;
use std::fs::OpenOptions;

// `OpenOptions::open(&o, p)` opens as `o.open(p)` does.
#[ephemeral_fs]
fn open() -> std::io::Result<std::fs::File> {
    let mut opts = OpenOptions::new();
    opts.append(true);
    OpenOptions::open(&opts, "/var/data/log")
}

fn main() {}
