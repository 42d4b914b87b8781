use ephemeral_fs::ephemeral_fs;
use ephemeral_fs::TempDirExt;
use tempfile::{NamedTempFile, TempDir};

// The temp file may be removed before the link: a write through the link
// would then create it again, where nothing removes it.
#[ephemeral_fs]
fn link(dir: &TempDir, tmp: &NamedTempFile) -> std::io::Result<()> {
    std::os::unix::fs::symlink(tmp, dir.child("latest")?)
}

fn main() {}
