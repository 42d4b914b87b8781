use std::fs::{self, Permissions};
use std::os::unix::fs::PermissionsExt;

use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn lock_down(name: String) -> std::io::Result<()> {
    fs::set_permissions(name, Permissions::from_mode(0o600))
}

fn main() {}
