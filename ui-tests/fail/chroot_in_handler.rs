// `chroot` moves the root of the whole process: every temp handle's
// cleanup then looks for its path under the new root and leaves the file
// where it was. No path is fit for it in a handler, a temp one included.
use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn into_temp_dir(dir: &tempfile::TempDir) -> std::io::Result<()> {
    std::os::unix::fs::chroot(dir.path())
}

#[ephemeral_fs]
fn renamed(p: &str) -> std::io::Result<()> {
    use std::os::unix::fs as unix_fs;
    unix_fs::chroot(p)
}

fn main() {}
