use ephemeral_fs::ephemeral_fs;
use std::fs::OpenOptions;
use std::io::Write;

// A builder bound in a tuple, or wrapped in another call, is still one.
#[ephemeral_fs]
fn append_log(line: &[u8]) -> std::io::Result<()> {
    let (mut opts, path) = (OpenOptions::new(), "/var/log/a.log");
    opts.append(true).create(true);
    opts.open(path)?.write_all(line)?;
    Some(OpenOptions::new())
        .unwrap()
        .append(true)
        .create(true)
        .open("/var/log/b.log")?
        .write_all(line)
}

fn main() {}
