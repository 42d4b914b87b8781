use std::fs::File;
use std::io::Write;

use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn save_settings(body: &str) -> std::io::Result<()> {
    File::options()
        .write(true)
        .truncate(true)
        .open("settings.toml")?
        .write_all(body.as_bytes())
}

fn main() {}
