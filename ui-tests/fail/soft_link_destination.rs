use std::fs;
use std::path::Path;

use ephemeral_fs::ephemeral_fs;

#[allow(deprecated)]
#[ephemeral_fs]
fn point_latest(release: &Path) -> std::io::Result<()> {
    fs::soft_link(release, "releases/latest")
}

fn main() {}
