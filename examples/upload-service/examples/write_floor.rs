//! The floor for the upload benchmark (`scripts/bench-upload.sh`): the same
//! bytes written with a plain `tokio::fs::write` to a temp file, with no
//! HTTP, hashing or store. Prints the median of `RUNS` writes as MiB/s.
//!
//! `cargo run --release -p upload-service --example write_floor [MiB] [runs]`

use std::time::Instant;

use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

#[ephemeral_fs]
async fn write_once(data: Vec<u8>) -> std::io::Result<f64> {
    let staged = NamedTempFile::new()?;
    let start = Instant::now();
    tokio::fs::write(&staged, data).await?;
    Ok(start.elapsed().as_secs_f64())
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let mib: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(64);
    let runs: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(5);
    let data: Vec<u8> = (0..mib << 20).map(|i| (i * 31 + i / 4093) as u8).collect();
    let mut seconds = Vec::new();
    for _ in 0..runs {
        seconds.push(write_once(data.clone()).await?);
    }
    seconds.sort_by(f64::total_cmp);
    let median = seconds[seconds.len() / 2];
    println!(
        "tokio::fs::write {mib} MiB: median {:.1} ms, {:.0} MiB/s (min {:.1} ms, max {:.1} ms)",
        median * 1e3,
        mib as f64 / median,
        seconds[0] * 1e3,
        seconds[seconds.len() - 1] * 1e3
    );
    Ok(())
}
