// `Vec::into_raw_parts` gives up a vector's items without dropping them:
// like `Vec::leak`, it is probed for the temp handles they own, as a
// method, by path, and as a value.
use ephemeral_fs::ephemeral_fs;
use tempfile::{NamedTempFile, TempDir};

#[ephemeral_fs]
pub fn as_a_method() -> std::io::Result<usize> {
    let staged = NamedTempFile::new()?;
    let (_ptr, len, _cap) = vec![staged].into_raw_parts();
    Ok(len)
}

#[ephemeral_fs]
pub fn by_path() -> std::io::Result<usize> {
    let dir = TempDir::new()?;
    let (_ptr, len, _cap) = Vec::into_raw_parts(vec![dir]);
    Ok(len)
}

#[ephemeral_fs]
pub fn as_a_value(batches: Vec<Vec<NamedTempFile>>) -> usize {
    batches.into_iter().map(Vec::into_raw_parts).map(|(_, len, _)| len).sum()
}

fn main() {}
