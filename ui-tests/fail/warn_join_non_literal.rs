#![deny(warnings)]

use ephemeral_fs::ephemeral_fs;
use tempfile::TempDir;

#[ephemeral_fs(warn(persistent_write))]
fn save(dir: &TempDir, name: &str) -> std::io::Result<()> {
    std::fs::write(dir.path().join(name), b"x")
}

fn main() {}
