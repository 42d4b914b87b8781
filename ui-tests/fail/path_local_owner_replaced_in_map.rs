use ephemeral_fs::ephemeral_fs;
use std::collections::HashMap;
use tempfile::NamedTempFile;

// `insert` replaces, and drops, the temp file the copy was taken from.
#[ephemeral_fs]
fn save(mut staged: HashMap<&'static str, NamedTempFile>, body: &[u8]) -> std::io::Result<()> {
    let p = staged["upload"].path().to_path_buf();
    staged.insert("upload", NamedTempFile::new()?);
    std::fs::write(&p, body)
}

fn main() {}
