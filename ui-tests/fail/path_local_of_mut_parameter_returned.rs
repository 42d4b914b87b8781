// A limit: a path local's owner is held by a shared borrow of its name.
// Through a `&mut TempDir` parameter that borrow is of the parameter
// itself, so a `&Path` taken from it cannot be returned. Reborrow it as
// `&TempDir` first (`stage_shared`).

use std::fs;
use std::path::Path;

use ephemeral_fs::ephemeral_fs;
use tempfile::TempDir;

#[ephemeral_fs]
fn stage(dir: &mut TempDir) -> std::io::Result<&Path> {
    let p = dir.path();
    fs::write(p.join("a"), b"a")?;
    Ok(p)
}

#[ephemeral_fs]
fn stage_shared(dir: &mut TempDir) -> std::io::Result<&Path> {
    let dir: &TempDir = dir;
    let p = dir.path();
    fs::write(p.join("a"), b"a")?;
    Ok(p)
}

fn main() {}
