use std::path::Path;

use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn save<P: AsRef<Path>, B: AsRef<[u8]>>(path: P, body: B) -> std::io::Result<()> {
    std::fs::write(path, body)
}

fn main() {}
