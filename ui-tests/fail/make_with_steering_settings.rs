// A `make` closure's path is trusted only when the builder keeps it a
// fresh name inside the temp directory: a prefix or suffix that is not a
// literal of plain characters, or fewer than 6 random characters, could
// hand the closure an existing file, which the handle then deletes.
use ephemeral_fs::ephemeral_fs;
use std::fs::File;
use tempfile::Builder;

#[ephemeral_fs]
fn absolute_prefix() -> std::io::Result<()> {
    let _staged = Builder::new()
        .prefix("/var/lib/app/ledger")
        .make(|path| File::create(path))?;
    Ok(())
}

#[ephemeral_fs]
fn few_random_characters() -> std::io::Result<()> {
    let _staged = Builder::new()
        .rand_bytes(1)
        .make(|path| File::create(path))?;
    Ok(())
}

#[ephemeral_fs]
fn prefix_known_at_run_time(name: &str) -> std::io::Result<()> {
    let _staged = Builder::new()
        .prefix(name)
        .make(|path| File::create(path))?;
    Ok(())
}

#[ephemeral_fs]
fn suffix_with_parent() -> std::io::Result<()> {
    let _staged = Builder::new()
        .suffix("/../../ledger")
        .make(|path| File::create(path))?;
    Ok(())
}

#[ephemeral_fs]
fn plain_settings_pass() -> std::io::Result<()> {
    let _staged = Builder::new()
        .prefix("report-")
        .suffix(".csv")
        .rand_bytes(8)
        .make(|path| File::create_new(path))?;
    Ok(())
}

fn main() {}
