#![deny(warnings)]

// A handler a `macro_rules!` generates: its literal and expression fragments
// arrive in invisible groups, and read as written (`dir.path().join($file)`
// is a join of a literal name).
use std::io::Write;

use ephemeral_fs::{TempDirExt, ephemeral_fs};

macro_rules! staging_handler {
    ($name:ident, $file:literal, $tmp:ident, $body:expr) => {
        #[ephemeral_fs]
        fn $name(data: &[u8]) -> std::io::Result<(String, std::path::PathBuf)> {
            let dir = tempfile::TempDir::new()?;
            let p = dir.path().join($file);
            std::fs::write(&p, data)?;
            let mut $tmp = tempfile::NamedTempFile::new()?;
            $tmp.write_all(data)?;
            std::fs::copy($tmp.path(), dir.child("copy.bin")?)?;
            $tmp.persist(dir.child("moved.bin")?)?;
            assert_eq!(std::fs::read(&p)?, data);
            Ok(($body, dir.path().to_path_buf()))
        }
    };
}

staging_handler!(stage, "a.bin", upload, format!("ok {}", 1));

fn main() {
    let (body, dir) = stage(b"data").unwrap();
    assert_eq!(body, "ok 1");
    assert!(!dir.exists(), "the temp directory is removed with all it holds");
}
