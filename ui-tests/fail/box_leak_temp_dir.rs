use ephemeral_fs::ephemeral_fs;
use tempfile::TempDir;

// A leaked directory is never removed, and its children live for 'static.
#[ephemeral_fs]
fn scratch() -> std::io::Result<&'static TempDir> {
    Ok(Box::leak(Box::new(TempDir::new()?)))
}

fn main() {}
