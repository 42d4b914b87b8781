use std::fs;
use std::path::PathBuf;

use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn purge(dirs: Vec<PathBuf>) -> std::io::Result<()> {
    dirs.iter().try_for_each(fs::remove_dir_all)
}

fn main() {}
