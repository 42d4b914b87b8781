use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;

use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn save_raw_name(body: &[u8]) -> std::io::Result<()> {
    std::fs::write(OsStr::from_bytes(b"/var/uploads/\xff\xfe.bin"), body)
}

fn main() {}
