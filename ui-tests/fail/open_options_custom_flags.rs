use ephemeral_fs::ephemeral_fs;
use std::os::unix::fs::OpenOptionsExt;

// `custom_flags` may carry `O_CREAT` or `O_TRUNC`.
#[ephemeral_fs]
fn open(flags: i32) -> std::io::Result<std::fs::File> {
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(flags)
        .open("/var/data/cache")
}

fn main() {}
