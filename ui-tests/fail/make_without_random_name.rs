use ephemeral_fs::ephemeral_fs;
use std::fs::OpenOptions;
use tempfile::Builder;

// Without random characters the name is fixed: the closure may be handed a
// file that exists, and dropping the handle deletes it.
#[ephemeral_fs]
fn record(line: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let staged = Builder::new()
        .prefix("ledger.csv")
        .rand_bytes(0)
        .make_in("/var/data", |path| OpenOptions::new().append(true).open(path))?;
    staged.as_file().write_all(line)
}

fn main() {}
