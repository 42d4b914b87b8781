use std::io::Write;
use std::path::PathBuf;

use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn claim_slot(slot: u32) -> std::io::Result<()> {
    let lock = PathBuf::from(format!("/run/app/slot-{slot}.lock"));
    std::fs::File::create_new(&lock)?.write_all(b"taken")
}

fn main() {}
