use std::fs;

use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn clear(user: &str) -> Vec<std::io::Result<()>> {
    vec![fs::remove_file(format!("cache/{user}.json")), Ok(())]
}

fn main() {}
