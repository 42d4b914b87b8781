use std::fs::DirBuilder;

use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn prepare_cache(key: &str) -> std::io::Result<()> {
    DirBuilder::new()
        .recursive(true)
        .create(format!("cache/{key}"))
}

fn main() {}
