use std::path::{Path, PathBuf};

use ephemeral_fs::ephemeral_fs;

struct Config {
    file: PathBuf,
}

impl Config {
    fn path(&self) -> &Path {
        &self.file
    }
}

#[ephemeral_fs]
fn save_config(config: &Config, body: &str) -> std::io::Result<()> {
    std::fs::write(config.path(), body)
}

fn main() {}
