use ephemeral_fs::ephemeral_fs;
use std::fs::File;
use tempfile::Builder;

// A builder local may have had `rand_bytes(0)` set where the chain does not
// show it: only a chain from `Builder::new()` shows every setting.
#[ephemeral_fs]
fn stage() -> std::io::Result<()> {
    let mut builder = Builder::new();
    builder.rand_bytes(0).prefix("ledger.csv");
    let staged = builder.make_in("/var/data", |path| File::create(path))?;
    drop(staged);
    Ok(())
}

fn main() {}
