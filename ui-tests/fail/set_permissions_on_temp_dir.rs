use ephemeral_fs::ephemeral_fs;
use std::os::unix::fs::PermissionsExt;
use tempfile::TempDir;

// A read-only directory cannot be emptied: its cleanup would fail.
#[ephemeral_fs]
fn lock(dir: &TempDir) -> std::io::Result<()> {
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555))
}

fn main() {}
