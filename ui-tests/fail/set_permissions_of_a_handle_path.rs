// A limit, pinned: `fs::set_permissions` takes a temp file itself, not the
// path it hands out (`staged.path()` is a `&Path`, which may be a
// directory's): pass the handle, `fs::set_permissions(&staged, ..)`.
use std::fs::Permissions;
use std::os::unix::fs::PermissionsExt;

use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn handler(staged: &tempfile::NamedTempFile) -> std::io::Result<()> {
    std::fs::set_permissions(staged.path(), Permissions::from_mode(0o600))?;
    std::fs::set_permissions(staged, Permissions::from_mode(0o600))
}

fn main() {}
