#![deny(warnings)]

// A `persist` receiver assigned earlier in the same statement (here the
// first value of a `let tmp;`, plainly or by destructuring): its type is read at the call, not before
// the statement, where it is not yet initialized.
use ephemeral_fs::{TempDirExt, ephemeral_fs};
use tempfile::{NamedTempFile, TempDir};

#[ephemeral_fs]
fn stage_and_move(dir: &TempDir) -> std::io::Result<bool> {
    let tmp;
    let moved = (tmp = NamedTempFile::new()?, tmp.persist(dir.child("kept.bin")?).is_ok()).1;
    Ok(moved && dir.child("kept.bin")?.exists())
}

#[ephemeral_fs]
fn by_destructuring(dir: &TempDir) -> std::io::Result<bool> {
    let tmp;
    let n;
    let moved = ((tmp, n) = (NamedTempFile::new()?, 1), tmp.persist(dir.child("tuple.bin")?).is_ok()).1;
    let only;
    let array_moved = ([only] = [NamedTempFile::new()?], only.persist(dir.child("array.bin")?).is_ok()).1;
    Ok(moved && array_moved && n == 1 && dir.child("tuple.bin")?.exists())
}

fn main() {
    let dir = TempDir::new().unwrap();
    assert!(stage_and_move(&dir).unwrap());
    assert!(by_destructuring(&dir).unwrap());
    let kept = dir.path().to_path_buf();
    drop(dir);
    assert!(!kept.exists(), "nothing is left behind");
}
