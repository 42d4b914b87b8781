#![deny(warnings)]

// Arguments after a path taken from a temp handle may borrow the handle:
// another path from it, or a shared borrow of it or of its fields.
use ephemeral_fs::ephemeral_fs;
use tempfile::{NamedTempFile, TempDir};

fn render(tmp: &NamedTempFile) -> String {
    format!("{} bytes", tmp.as_file().metadata().map_or(0, |m| m.len()))
}

#[ephemeral_fs]
fn copy_within(dir: &TempDir) -> std::io::Result<u64> {
    std::fs::write(dir.path().join("a"), b"body")?;
    std::fs::copy(dir.path().join("a"), dir.path().join("b"))
}

#[ephemeral_fs]
fn borrowed(tmp: &NamedTempFile) -> std::io::Result<String> {
    let p = tmp.path().to_path_buf();
    std::fs::write(&p, render(&tmp))?;
    std::fs::read_to_string(p)
}

fn main() {
    let dir = TempDir::new().unwrap();
    assert_eq!(copy_within(&dir).unwrap(), 4);
    let tmp = NamedTempFile::new().unwrap();
    assert_eq!(borrowed(&tmp).unwrap(), "0 bytes");
    let (dir_path, tmp_path) = (dir.path().to_path_buf(), tmp.path().to_path_buf());
    drop((dir, tmp));
    assert!(!dir_path.exists() && !tmp_path.exists(), "nothing is left behind");
}
