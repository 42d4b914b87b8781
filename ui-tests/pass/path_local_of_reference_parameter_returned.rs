#![deny(warnings)]

// A path local whose owner is a reference parameter (`dir: &TempDir`, or a
// `&&TempDir` from a loop) is held through that reference: the path lives
// as long as the temp directory, as without the attribute, and can be
// returned.

use std::fs;
use std::path::{Path, PathBuf};

use ephemeral_fs::ephemeral_fs;
use tempfile::{NamedTempFile, TempDir};

#[ephemeral_fs]
fn stage(dir: &TempDir) -> std::io::Result<&Path> {
    let p = dir.path();
    fs::write(p.join("a"), b"a")?;
    Ok(p)
}

#[ephemeral_fs]
fn stage_file(tmp: &NamedTempFile) -> std::io::Result<&Path> {
    let p = tmp.path();
    fs::write(p, b"file")?;
    Ok(p)
}

#[ephemeral_fs]
fn stage_joined(dir: &TempDir) -> std::io::Result<PathBuf> {
    let p = dir.path().join("b");
    fs::write(&p, b"b")?;
    Ok(p)
}

#[ephemeral_fs]
fn stage_all<'a>(dirs: &[&'a TempDir]) -> std::io::Result<Vec<&'a Path>> {
    let mut staged = Vec::new();
    for dir in dirs {
        let p = dir.path();
        fs::write(p.join("c"), b"c")?;
        staged.push(p);
    }
    Ok(staged)
}

fn main() {
    let (first, second) = (TempDir::new().unwrap(), TempDir::new().unwrap());
    let roots = [first.path().to_owned(), second.path().to_owned()];
    assert_eq!(stage(&first).unwrap(), roots[0]);
    assert_eq!(stage_joined(&first).unwrap(), roots[0].join("b"));
    assert_eq!(stage_all(&[&first, &second]).unwrap(), [&roots[0], &roots[1]]);
    assert_eq!(fs::read(roots[0].join("a")).unwrap(), b"a");
    assert_eq!(fs::read(roots[1].join("c")).unwrap(), b"c");

    let tmp = NamedTempFile::new().unwrap();
    let file = stage_file(&tmp).unwrap().to_owned();
    assert_eq!(fs::read(&file).unwrap(), b"file");

    drop((first, second, tmp));
    assert!(roots.iter().all(|root| !root.exists()));
    assert!(!file.exists());
}
