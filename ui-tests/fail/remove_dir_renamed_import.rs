use std::path::Path;

use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn close_tenant(root: &Path, tenant: &str) -> std::io::Result<()> {
    use std::fs::remove_dir as rmdir;

    rmdir(root.join(tenant))
}

fn main() {}
