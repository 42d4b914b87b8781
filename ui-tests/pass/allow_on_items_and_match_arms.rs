#![deny(warnings)]

use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
mod handlers {
    #[ephemeral_fs::allow(persistent_write, reason = "documents intent for reviewers")]
    pub struct Settings;

    pub fn rotate(dir: &std::path::Path, keep_old: bool) -> std::io::Result<()> {
        match keep_old {
            #[ephemeral_fs::allow(persistent_write, reason = "the operator asked to keep the log")]
            true => std::fs::write(dir.join("rotated.log"), b""),
            false => Ok(()),
        }
    }
}

fn main() {
    let _ = handlers::Settings;
    let dir = tempfile::tempdir().unwrap();
    handlers::rotate(dir.path(), true).unwrap();
    assert!(dir.path().join("rotated.log").exists());
}
