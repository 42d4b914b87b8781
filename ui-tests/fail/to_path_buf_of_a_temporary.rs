use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

// The temp file is dropped at the end of the `let`: the copy names a file
// that no longer exists, and writing to it would recreate it for good.
#[ephemeral_fs]
fn save(body: &[u8]) -> std::io::Result<()> {
    let p = NamedTempFile::new()?.path().to_path_buf();
    std::fs::write(&p, body)
}

fn main() {}
