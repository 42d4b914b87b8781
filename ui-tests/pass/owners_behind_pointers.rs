#![deny(warnings)]

use std::fs;
use std::rc::Rc;
use std::sync::Arc;

use ephemeral_fs::ephemeral_fs;
use tempfile::{NamedTempFile, TempDir};

#[ephemeral_fs]
fn through_arc(worker: Arc<NamedTempFile>, body: &[u8]) -> std::io::Result<usize> {
    fs::write(worker.path(), body)?;
    let path = worker.path();
    fs::write(path, body)?;
    Ok(body.len())
}

#[ephemeral_fs]
fn through_rc_box_and_mut(
    dir: Rc<TempDir>,
    boxed: Box<NamedTempFile>,
    borrowed: &mut NamedTempFile,
) -> std::io::Result<()> {
    fs::write(dir.path().join("rc.txt"), "rc")?;
    fs::write(boxed.path(), "box")?;
    fs::write(borrowed.path(), "mut")?;
    Ok(())
}

fn main() {
    let worker = Arc::new(NamedTempFile::new().unwrap());
    assert_eq!(through_arc(Arc::clone(&worker), b"abc").unwrap(), 3);
    assert_eq!(fs::read(worker.path()).unwrap(), b"abc");

    let dir = Rc::new(TempDir::new().unwrap());
    let boxed = Box::new(NamedTempFile::new().unwrap());
    let boxed_path = boxed.path().to_path_buf();
    let mut borrowed = NamedTempFile::new().unwrap();
    through_rc_box_and_mut(Rc::clone(&dir), boxed, &mut borrowed).unwrap();
    assert_eq!(fs::read_to_string(dir.path().join("rc.txt")).unwrap(), "rc");
    assert_eq!(fs::read_to_string(borrowed.path()).unwrap(), "mut");
    // The box was dropped with its temp file.
    assert!(!boxed_path.exists());
}
