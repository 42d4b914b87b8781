#![deny(warnings)]

use ephemeral_fs::ephemeral_fs;
use tempfile::{Builder, TempDir};

#[ephemeral_fs]
fn stage(body: &[u8]) -> std::io::Result<bool> {
    let mut tmp = Builder::new()
        .prefix("upload-")
        .disable_cleanup(false)
        .tempfile()?;
    tmp.disable_cleanup(false);
    std::fs::write(&tmp, body)?;
    let mut dir = TempDir::new()?;
    dir.disable_cleanup(false);
    let path = tmp.into_temp_path();
    Ok(path.exists() && dir.path().exists())
}

fn main() {
    assert!(stage(b"x").unwrap());
}
