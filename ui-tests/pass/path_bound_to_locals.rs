#![deny(warnings)]

use std::fs::{self, File};
use std::io::Write;
use std::path::PathBuf;

use ephemeral_fs::ephemeral_fs;
use tempfile::{NamedTempFile, TempDir};

// Paths of temp handles bound to locals, used while their owner lives.
#[ephemeral_fs(deny(persistent_read))]
fn stage(body: &[u8]) -> std::io::Result<(usize, String, Vec<u8>, PathBuf)> {
    let tmp = NamedTempFile::new()?;
    let path = tmp.path();
    fs::write(path, body)?;
    let len = fs::read(path)?.len();

    let dir = TempDir::new()?;
    let p = dir.path().join("x.txt");
    let mut file = File::create(p)?;
    file.write_all(b"local")?;
    drop(file);
    let base = dir.path();
    let again = base.join("x.txt");
    let text = fs::read_to_string(&again)?;

    // An owned copy of a temp file's path, written through a shared
    // borrow: the owner stays borrowed until the copy's last use.
    let staged = NamedTempFile::new()?;
    let copy = staged.path().to_path_buf();
    (&staged).write_all(b"copied")?;
    (&staged).flush()?;
    let copied = fs::read(&copy)?;
    fs::remove_file(&copy)?;
    Ok((len, text, copied, copy))
}

fn main() {
    let (len, text, copied, copy) = stage(b"abcd").unwrap();
    assert_eq!((len, text.as_str(), copied.as_slice()), (4, "local", &b"copied"[..]));
    assert!(!copy.exists());
}
