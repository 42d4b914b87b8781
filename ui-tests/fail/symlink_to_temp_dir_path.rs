use ephemeral_fs::ephemeral_fs;
use ephemeral_fs::TempDirExt;
use tempfile::TempDir;

// A link to a temp directory itself outlives it the same way.
#[ephemeral_fs]
fn link(work: &TempDir, other: &TempDir) -> std::io::Result<()> {
    std::os::unix::fs::symlink(other.path(), work.child("other")?)
}

fn main() {}
