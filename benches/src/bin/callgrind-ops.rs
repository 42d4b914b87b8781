//! Runs one operation many times, guarded or not, for instruction counts
//! under `valgrind --tool=callgrind` (repeatable on a noisy machine).
//!
//! Usage: callgrind-ops <write|create|create_dir_all> <std|ephemeral_fs> [iterations]

use ephemeral_fs::TempDirExt;
use ephemeral_fs_benches::ops;

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let (op, mode) = (args.get(1).map(String::as_str), args.get(2).map(String::as_str));
    let iterations: usize = args.get(3).and_then(|n| n.parse().ok()).unwrap_or(1_000);
    let guarded = match mode {
        Some("std") => false,
        Some("ephemeral_fs") => true,
        _ => return Err(std::io::Error::other("mode: std or ephemeral_fs")),
    };
    let tmp = tempfile::NamedTempFile::new()?;
    let dir = tempfile::TempDir::new()?;
    let tree = dir.child("a/b/c/d")?;
    let data = vec![7u8; 4 << 10];
    for _ in 0..iterations {
        match (op, guarded) {
            (Some("write"), false) => ops::plain_write(&tmp, &data)?,
            (Some("write"), true) => ops::guarded_write(&tmp, &data)?,
            (Some("create"), false) => drop(ops::plain_create(&tmp)?),
            (Some("create"), true) => drop(ops::guarded_create(&tmp)?),
            (Some("create_dir_all"), false) => ops::plain_create_dir_all(&tree)?,
            (Some("create_dir_all"), true) => ops::guarded_create_dir_all(&tree)?,
            _ => return Err(std::io::Error::other("op: write, create or create_dir_all")),
        }
    }
    Ok(())
}
