use ephemeral_fs::ephemeral_fs;
use std::fs::{File, OpenOptions};
use tempfile::Builder;

// A `make` closure's `X.open(path)` counts only when `X` is a builder chain
// from its constructor with literal arguments: an argument may create the
// path first, and a closure that then fails leaves it behind.
#[ephemeral_fs]
fn stage() -> std::io::Result<()> {
    let made = Builder::new()
        .prefix("staged-")
        .make(|path| OpenOptions::new().write(File::create(path).is_err()).open(path))?;
    drop(made);
    Ok(())
}

fn main() {}
