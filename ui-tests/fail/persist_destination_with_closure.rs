#![deny(warnings)]

// A destination that holds a closure is checked in place, as any other:
// a computed name joined onto a temp directory may leave it, and a field of
// a `#[repr(packed)]` struct is probed without a reference to it.

use ephemeral_fs::{TempDirExt, ephemeral_fs};
use tempfile::{NamedTempFile, TempDir};

#[repr(packed)]
struct Staged {
    tag: u8,
    tmp: NamedTempFile,
}

#[ephemeral_fs]
fn publish(dir: &TempDir, names: &[&str], staged: Staged) -> std::io::Result<u8> {
    let tmp = NamedTempFile::new()?;
    tmp.persist(dir.path().join(names.iter().map(|n| n.len()).sum::<usize>().to_string()))?;
    let tag = staged.tag;
    staged.tmp.keep()?;
    Ok(tag)
}

#[ephemeral_fs(warn(temp_escape))]
fn publish_warned(dir: &TempDir, names: &[&str]) -> std::io::Result<()> {
    let inside = NamedTempFile::new()?;
    inside.persist(dir.child(names.iter().map(|n| n.len()).sum::<usize>().to_string())?)?;
    let outside = NamedTempFile::new()?;
    outside.persist(names.iter().map(|n| format!("/var/{n}")).collect::<String>())?;
    Ok(())
}

fn main() {}
