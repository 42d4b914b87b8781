#![deny(warnings)]

use std::path::PathBuf;

use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs(warn(persistent_write))]
fn save_draft(id: u32, body: &str) -> std::io::Result<()> {
    let path = PathBuf::from(format!("drafts/{id}.md"));
    std::fs::write(path, body)
}

fn main() {}
