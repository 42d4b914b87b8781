use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

// `mem::replace` through a `&mut` parameter drops the temp file the copy
// names.
#[ephemeral_fs]
fn save(staged: &mut NamedTempFile, body: &[u8]) -> std::io::Result<()> {
    let p = staged.path().to_path_buf();
    drop(std::mem::replace(staged, NamedTempFile::new()?));
    std::fs::write(&p, body)
}

fn main() {}
