#![deny(warnings)]

use std::fs;

use ephemeral_fs::ephemeral_fs;
use tempfile::{NamedTempFile, TempPath};

#[ephemeral_fs]
fn clear_chunks(count: usize) -> std::io::Result<usize> {
    let chunks = (0..count)
        .map(|_| Ok(NamedTempFile::new()?.into_temp_path()))
        .collect::<std::io::Result<Vec<TempPath>>>()?;
    let save = std::fs::write;
    save(&chunks[0], b"first")?;
    chunks.iter().try_for_each(fs::remove_file)?;
    Ok(chunks.len())
}

fn main() {
    assert_eq!(clear_chunks(3).unwrap(), 3);
}
