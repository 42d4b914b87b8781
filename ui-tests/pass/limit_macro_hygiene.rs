#![deny(warnings)]

// A limit, pinned: names are compared as text, not by hygiene. In a
// handler a `macro_rules!` makes, the macro's own path local `upload` and
// the parameter the caller names `upload` are one name to the attribute,
// so the write to the parameter passes as a write to the temp path. rustc
// writes to the parameter. If the attribute comes to tell them apart,
// this case fails and moves to the compile-fail cases.

use ephemeral_fs::ephemeral_fs;

macro_rules! staging_handler { // audit: annotated_in_macro
    ($name:ident, $target:ident) => {
        #[ephemeral_fs]
        fn $name($target: &str, body: &[u8]) -> std::io::Result<std::path::PathBuf> {
            let dir = tempfile::TempDir::new()?;
            let upload = dir.path().join("upload.bin");
            std::fs::write($target, body)?;
            Ok(upload)
        }
    };
}

staging_handler!(save_upload, upload);

fn main() {
    let out = tempfile::TempDir::new().unwrap();
    let target = out.path().join("upload.bin");
    let staged = save_upload(target.to_str().unwrap(), b"body").unwrap();
    assert!(!staged.exists(), "the macro's temp directory is removed");
    assert!(target.exists(), "the limit changed: move this case");
}
