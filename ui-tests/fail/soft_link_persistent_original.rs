use ephemeral_fs::{TempDirExt, ephemeral_fs};
use tempfile::TempDir;

// The link is inside a temp directory, but a write through it lands in
// `/var/data`.
#[ephemeral_fs]
fn alias(dir: &TempDir) -> std::io::Result<()> {
    std::os::unix::fs::symlink("/var/data", dir.child("d")?)?;
    std::fs::write(dir.child("d/x")?, b"through")
}

fn main() {}
