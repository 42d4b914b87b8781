#![deny(warnings)]

// A tempfile `Builder` whose settings are all in sight (a chain from
// `Builder::new()`, or a local bound to one and given tempfile's setters)
// makes temp files and directories as written, and they are removed; a
// `tempdir()` of your own passes as written.
use std::io::Write;
use std::path::{Path, PathBuf};

use ephemeral_fs::{TempDirExt, ephemeral_fs};

pub struct Bucket(pub String);

impl Bucket {
    pub fn tempdir(&self) -> String {
        format!("{}/scratch/", self.0)
    }
}

#[ephemeral_fs]
fn chain(into: &Path, body: &[u8]) -> std::io::Result<PathBuf> {
    let mut staged = tempfile::Builder::new()
        .prefix("upload-")
        .suffix(".bin")
        .tempfile_in(into)?;
    staged.write_all(body)?;
    Ok(staged.path().to_path_buf())
}

#[ephemeral_fs]
fn local(into: &Path, body: &[u8]) -> std::io::Result<PathBuf> {
    let mut builder = tempfile::Builder::new();
    builder.prefix("part-").rand_bytes(8);
    let dir = builder.tempdir_in(into)?;
    std::fs::write(dir.child("part")?, body)?;
    Ok(dir.path().to_path_buf())
}

#[ephemeral_fs]
fn of_your_own(bucket: &Bucket) -> String {
    bucket.tempdir()
}

fn main() {
    let out = tempfile::TempDir::new().unwrap();
    let staged = chain(out.path(), b"body").unwrap();
    let dir = local(out.path(), b"body").unwrap();
    assert!(!staged.exists() && !dir.exists(), "both are removed");
    assert_eq!(of_your_own(&Bucket("uploads".to_owned())), "uploads/scratch/");
}
