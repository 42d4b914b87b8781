#![deny(warnings)]

use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs(warn(persistent_read))]
fn settings() -> std::io::Result<String> {
    std::fs::read_to_string("/etc/app/settings.toml")
}

fn main() {}
