use ephemeral_fs::ephemeral_fs;
use tempfile::TempDir;

// `TempDir::keep` passed as a value keeps the directory, as the call does.
#[ephemeral_fs]
fn save(dirs: Vec<TempDir>) -> Vec<std::path::PathBuf> {
    dirs.into_iter().map(TempDir::keep).collect()
}

fn main() {}
