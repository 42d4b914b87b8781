use std::fs::OpenOptions;
use std::io::Write;

use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn log_request(line: &str) -> std::io::Result<()> {
    let mut log = OpenOptions::new()
        .create(true)
        .append(true)
        .open("/var/log/app/requests.log")?;
    writeln!(log, "{line}")
}

fn main() {}
