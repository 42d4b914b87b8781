#![deny(warnings)]

use std::fs;
use std::path::Path;

use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
mod handlers {
    use super::*;

    pub fn upload(dir: &Path, body: &[u8]) -> std::io::Result<usize> {
        let tmp = tempfile::NamedTempFile::new()?;
        fs::write(&tmp, body)?;
        write_pid(dir)?;
        Ok(body.len())
    }

    #[ephemeral_fs::allow(persistent_write, reason = "pid file for the supervisor")]
    fn write_pid(dir: &Path) -> std::io::Result<()> {
        fs::write(dir.join("app.pid"), std::process::id().to_string())
    }
}

fn main() {
    let dir = tempfile::TempDir::new().unwrap();
    assert_eq!(handlers::upload(dir.path(), b"abc").unwrap(), 3);
    assert!(dir.path().join("app.pid").exists());
}
