use ephemeral_fs::ephemeral_fs;
use tempfile::{NamedTempFile, TempDir};

struct Holder {
    staged: NamedTempFile,
}

// A receiver that starts from a value, below a field or a deref, is checked
// by its type as a variable is, and evaluated once; so is a place with a
// call in its index.
#[ephemeral_fs]
fn save(body: &[u8], dirs: Vec<TempDir>, next: fn() -> usize) -> std::io::Result<()> {
    let tmp = NamedTempFile::new()?;
    std::fs::write(&tmp, body)?;
    (tmp,).0.persist("/srv/uploads/a.bin")?;
    let dir = TempDir::new()?;
    (*Box::new(dir)).keep();
    let staged = NamedTempFile::new()?;
    Holder { staged }.staged.keep()?;
    dirs[next()].keep();
    Ok(())
}

fn main() {}
