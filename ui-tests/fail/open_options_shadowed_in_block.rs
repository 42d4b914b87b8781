use ephemeral_fs::ephemeral_fs;
use std::fs::OpenOptions;
use std::io::Write;

// A read-only builder of the same name in an inner block does not make the
// outer one read-only.
#[ephemeral_fs]
fn append_log(line: &[u8]) -> std::io::Result<()> {
    let mut log = OpenOptions::new();
    log.append(true).create(true);
    {
        let mut log = OpenOptions::new();
        log.read(true);
        let _ = log;
    }
    log.open("/var/log/app.log")?.write_all(line)
}

fn main() {}
