use ephemeral_fs::ephemeral_fs;
use std::fs::OpenOptions;
use std::io::Write;

// An assignment may give a builder local its write flags.
#[ephemeral_fs]
fn append_log(line: &[u8], tail: bool) -> std::io::Result<()> {
    let mut opts = OpenOptions::new();
    opts.read(true);
    if tail {
        opts = OpenOptions::new().append(true).create(true).clone();
    }
    opts.open("/var/log/app.log")?.write_all(line)
}

fn main() {}
