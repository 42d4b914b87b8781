use std::fs::File;

use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn describe(name: &str) -> String {
    format!("created: {:?}", File::create(name).is_ok())
}

fn main() {}
