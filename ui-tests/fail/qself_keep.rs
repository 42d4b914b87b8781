use ephemeral_fs::ephemeral_fs;
use tempfile::TempDir;

// `<TempDir>::keep` is `TempDir::keep`.
#[ephemeral_fs]
fn save(dir: TempDir) -> std::path::PathBuf {
    <TempDir>::keep(dir)
}

fn main() {}
