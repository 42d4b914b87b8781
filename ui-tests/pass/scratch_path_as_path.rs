#![deny(warnings)]

// The README's second example, from `use` to the end of `thumbnail`: a
// `ScratchPath` is a `&Path` where one is expected.

use std::fs;
use std::path::Path;

use ephemeral_fs::{TempDirExt, ephemeral_fs};
use tempfile::{NamedTempFile, TempDir};

fn convert(src: &Path, dst: &Path) -> std::io::Result<()> {
    let text = fs::read_to_string(src)?;
    fs::write(dst, text.to_uppercase())
}

#[ephemeral_fs]
fn thumbnail(body: &[u8]) -> std::io::Result<String> {
    let original = NamedTempFile::new()?;
    fs::write(original.path(), body)?;
    let work = TempDir::new()?;
    let thumb = work.child("thumb.png")?;
    convert(original.path(), &thumb)?;
    assert_eq!(thumb.extension().and_then(|e| e.to_str()), Some("png"));
    fs::read_to_string(&thumb)
}

fn main() {
    assert_eq!(thumbnail(b"small").unwrap(), "SMALL");
}
