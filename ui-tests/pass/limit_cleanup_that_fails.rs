#![deny(warnings)]

// A limit, pinned: a temp directory whose cleanup fails stays. tempfile's
// `TempDir` removes its tree when dropped and ignores an error; std's
// `remove_dir_all` holds a descriptor per level, so a tree nested deeper
// than the process may open files at once is not removed. Here the handler
// uses only `dir.child(..)` paths, in a child process with 32 descriptors.
// If the attribute comes to refuse this shape, this case fails and moves
// to the compile-fail cases.
use std::path::PathBuf;
use std::process::Command;

use ephemeral_fs::{TempDirExt, ephemeral_fs};
use tempfile::TempDir;

#[ephemeral_fs]
fn unpack() -> std::io::Result<PathBuf> {
    let dir = TempDir::new()?;
    std::fs::create_dir_all(dir.child("a/".repeat(100))?)?;
    Ok(dir.path().to_path_buf())
}

fn main() {
    if std::env::args().nth(1).as_deref() == Some("child") {
        println!("{}", unpack().unwrap().display());
        return;
    }
    let exe = std::env::current_exe().unwrap();
    let out = Command::new("sh")
        .args(["-c", "ulimit -n 32 && exec \"$0\" child"])
        .arg(&exe)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let path = PathBuf::from(String::from_utf8(out.stdout).unwrap().trim());
    let left = path.exists();
    std::fs::remove_dir_all(&path).unwrap();
    assert!(left, "the limit changed: move this case");
}
