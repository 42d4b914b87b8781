// Forgetting a drain or an iterator of a container leaks the items it has
// not yielded: probed as the container is.
use std::collections::VecDeque;

use ephemeral_fs::ephemeral_fs;
use tempfile::{NamedTempFile, TempDir};

#[ephemeral_fs]
pub fn drain() -> std::io::Result<()> {
    let mut files: Vec<NamedTempFile> = vec![NamedTempFile::new()?];
    std::mem::forget(files.drain(..));
    Ok(())
}

#[ephemeral_fs]
pub fn into_iter() -> std::io::Result<()> {
    let dirs = vec![TempDir::new()?];
    std::mem::forget(dirs.into_iter());
    Ok(())
}

#[ephemeral_fs]
pub fn deque() -> std::io::Result<()> {
    let mut files = VecDeque::new();
    files.push_back(NamedTempFile::new()?);
    std::mem::forget(files.drain(..));
    Ok(())
}

fn main() {}
