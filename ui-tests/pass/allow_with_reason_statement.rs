#![deny(warnings)]

use std::fs;
use std::path::Path;

use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn write_health_marker(dir: &Path) -> std::io::Result<()> {
    #[ephemeral_fs::allow(persistent_write, reason = "liveness probe file, rewritten on start")]
    fs::write(dir.join("healthy"), b"ok")?;
    Ok(())
}

fn main() {
    let dir = tempfile::TempDir::new().unwrap();
    write_health_marker(dir.path()).unwrap();
    assert_eq!(fs::read(dir.path().join("healthy")).unwrap(), b"ok");
}
