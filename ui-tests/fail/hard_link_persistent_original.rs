use ephemeral_fs::{TempDirExt, ephemeral_fs};
use tempfile::TempDir;

#[ephemeral_fs]
fn alias(dir: &TempDir) -> std::io::Result<()> {
    std::fs::hard_link("/var/data/ledger.csv", dir.child("ledger.csv")?)
}

fn main() {}
