// Escapes and leak functions used as values in a const context (a `const`
// or `static` initializer, a `const fn` body) are called at run time, but
// no check can run there: they are refused, as they are checked in a body.
use ephemeral_fs::ephemeral_fs;
use std::path::PathBuf;
use tempfile::{NamedTempFile, TempDir};

#[ephemeral_fs]
fn keep_through_const() -> std::io::Result<PathBuf> {
    const KEEP: fn(TempDir) -> PathBuf = TempDir::keep;
    let dir = TempDir::new()?;
    Ok(KEEP(dir))
}

#[ephemeral_fs]
fn forget_through_static() -> std::io::Result<PathBuf> {
    static DISCARD: fn(NamedTempFile) = std::mem::forget::<NamedTempFile>;
    let tmp = NamedTempFile::new()?;
    let p = tmp.path().to_path_buf();
    DISCARD(tmp);
    Ok(p)
}

#[ephemeral_fs]
mod handlers {
    use tempfile::NamedTempFile;

    const fn discard(t: NamedTempFile) {
        let skip = std::mem::forget::<NamedTempFile>;
        skip(t)
    }

    pub fn forget_in_const_fn() -> std::io::Result<std::path::PathBuf> {
        let tmp = NamedTempFile::new()?;
        let p = tmp.path().to_path_buf();
        discard(tmp);
        Ok(p)
    }
}

fn main() {}
