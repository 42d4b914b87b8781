use ephemeral_fs::ephemeral_fs;
use tempfile::Builder;

// A `NamedTempFile`'s drop removes a file: a directory made at its path
// stays.
#[ephemeral_fs]
fn stage() -> std::io::Result<()> {
    let made = Builder::new().make(|path| std::fs::create_dir(path))?;
    drop(made);
    Ok(())
}

fn main() {}
