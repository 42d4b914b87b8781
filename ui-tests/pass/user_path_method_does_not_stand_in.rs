#![deny(warnings)]

use std::fs;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use ephemeral_fs::ephemeral_fs;
use tempfile::{NamedTempFile, TempDir};

// Traits of the user's that method resolution finds before tempfile's
// `path()` or `Path::join`. The guarded path is computed by tempfile's and
// `Path`'s own methods, so these never pick the path written to.
trait Elsewhere {
    fn path(&self) -> &Path;
}

impl Elsewhere for Box<NamedTempFile> {
    fn path(&self) -> &Path {
        Path::new("/nonexistent-ephemeral-fs/box")
    }
}

impl Elsewhere for Rc<TempDir> {
    fn path(&self) -> &Path {
        Path::new("/nonexistent-ephemeral-fs/rc")
    }
}

trait JoinElsewhere {
    fn join(&self, name: &str) -> PathBuf;
}

impl JoinElsewhere for PathBuf {
    fn join(&self, name: &str) -> PathBuf {
        Path::new("/nonexistent-ephemeral-fs/join").join(name)
    }
}

#[ephemeral_fs]
fn stage(boxed: &Box<NamedTempFile>, shared: &Rc<TempDir>) -> std::io::Result<()> {
    fs::write(boxed.path(), b"box")?;
    let p = shared.path().join("a");
    fs::create_dir(&p)?;
    fs::write(shared.path().join("a").join("b"), b"joined")?;
    let q = p.join("c");
    fs::write(q, b"local")?;
    Ok(())
}

fn main() {
    let boxed = Box::new(NamedTempFile::new().unwrap());
    let shared = Rc::new(TempDir::new().unwrap());
    stage(&boxed, &shared).unwrap();
    assert_eq!(fs::read(NamedTempFile::path(&boxed)).unwrap(), b"box");
    // Outside the attribute, the user's `join` on `PathBuf` would win.
    let dir = TempDir::path(&shared).join("a");
    assert_eq!(fs::read(Path::join(&dir, "b")).unwrap(), b"joined");
    assert_eq!(fs::read(Path::join(&dir, "c")).unwrap(), b"local");
    assert!(!Path::new("/nonexistent-ephemeral-fs").exists());
    let (file, dir) = (NamedTempFile::path(&boxed).to_path_buf(), TempDir::path(&shared).to_path_buf());
    drop((boxed, shared));
    assert!(!file.exists() && !dir.exists());
}
