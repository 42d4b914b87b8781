use ephemeral_fs::{TempDirExt, ephemeral_fs};
use tempfile::TempDir;

#[ephemeral_fs]
fn log(dir: &TempDir) -> std::io::Result<()> {
    fs_err::OpenOptions::new()
        .append(true)
        .open("/var/log/app/uploads.log")?;
    fs_err::os::unix::fs::symlink("/var/data", dir.child("data")?)
}

fn main() {}
