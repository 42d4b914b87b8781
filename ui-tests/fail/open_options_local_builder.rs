use std::fs::OpenOptions;
use std::io::Write;
use std::path::Path;

use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn save_session(dir: &Path, id: &str, body: &[u8]) -> std::io::Result<()> {
    let mut opts = OpenOptions::new();
    opts.write(true);
    opts.create(true);
    opts.open(dir.join(id))?.write_all(body)
}

fn main() {}
