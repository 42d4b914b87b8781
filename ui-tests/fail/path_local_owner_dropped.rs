use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

// The copy outlives the file it names: writing to it would recreate a file
// nobody removes.
#[ephemeral_fs]
fn save(body: &[u8]) -> std::io::Result<()> {
    let tmp = NamedTempFile::new()?;
    let p = tmp.path().to_path_buf();
    drop(tmp);
    std::fs::write(&p, body)
}

fn main() {}
