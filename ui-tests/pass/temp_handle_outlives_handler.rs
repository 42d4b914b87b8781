#![deny(warnings)]

// Documented limit, pinned: a temp handle a handler moves to an owner that
// outlives it (its caller, a thread, a `static`) is removed only when that
// owner drops it, if ever. The attribute checks escapes and paths, not
// who owns a handle after an ordinary move.

use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::mpsc;
use std::thread::JoinHandle;

use ephemeral_fs::ephemeral_fs;
use tempfile::{NamedTempFile, TempDir};

static KEPT: Mutex<Vec<NamedTempFile>> = Mutex::new(Vec::new());

#[ephemeral_fs]
fn returned() -> std::io::Result<TempDir> {
    TempDir::new()
}

#[ephemeral_fs]
fn into_static() -> std::io::Result<PathBuf> {
    let tmp = NamedTempFile::new()?;
    let path = tmp.path().to_path_buf();
    KEPT.lock().unwrap().push(tmp);
    Ok(path)
}

#[ephemeral_fs]
fn into_thread(done: mpsc::Receiver<()>) -> std::io::Result<(PathBuf, JoinHandle<()>)> {
    let tmp = NamedTempFile::new()?;
    let path = tmp.path().to_path_buf();
    let worker = std::thread::spawn(move || {
        let _held = tmp;
        done.recv().unwrap();
    });
    Ok((path, worker))
}

fn main() {
    let dir = returned().unwrap();
    assert!(dir.path().exists(), "the caller owns the directory");
    let root = dir.path().to_path_buf();
    drop(dir);
    assert!(!root.exists());

    let kept = into_static().unwrap();
    assert!(kept.exists(), "the static owns the file");
    KEPT.lock().unwrap().clear();
    assert!(!kept.exists());

    let (tx, rx) = mpsc::channel();
    let (held, worker) = into_thread(rx).unwrap();
    assert!(held.exists(), "the thread owns the file");
    tx.send(()).unwrap();
    worker.join().unwrap();
    assert!(!held.exists());
}
