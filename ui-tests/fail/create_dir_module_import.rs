use std::fs;

use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn open_tenant(tenant: &str) -> std::io::Result<()> {
    fs::create_dir(format!("/srv/tenants/{tenant}"))
}

fn main() {}
