#![deny(warnings)]

use std::fs;

use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

// The standard formatting and assertion macros bind no name: a path local
// they mention is still followed after them.
#[ephemeral_fs]
fn stage(body: &[u8]) -> std::io::Result<String> {
    let tmp = NamedTempFile::new()?;
    let p = tmp.path();
    let shown = format!("{}", p.display());
    assert!(p.exists());
    fs::write(p, body)?;
    Ok(shown)
}

fn main() {
    let shown = stage(b"x").unwrap();
    assert!(!std::path::Path::new(&shown).exists());
}
