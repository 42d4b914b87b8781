#![deny(warnings)]

// A `persist` receiver bound by a pattern macro, with no other variable of
// its name: its type is read at the call, and a persist into a temp
// directory compiles and runs.
use ephemeral_fs::{TempDirExt, ephemeral_fs};
use tempfile::{NamedTempFile, TempDir};

macro_rules! some {
    ($name:ident) => {
        Some($name)
    };
}

#[ephemeral_fs]
fn let_chain(staged: Option<NamedTempFile>, dir: &TempDir) -> std::io::Result<bool> {
    let kept = dir.child("kept.bin")?;
    if let some!(upload) = staged
        && upload.persist(dir.child("kept.bin")?).is_ok()
    {
        return Ok(kept.exists());
    }
    Ok(false)
}

fn main() {
    let dir = TempDir::new().unwrap();
    assert!(let_chain(Some(NamedTempFile::new().unwrap()), &dir).unwrap());
    let path = dir.path().to_path_buf();
    drop(dir);
    assert!(!path.exists(), "nothing is left behind");
}
