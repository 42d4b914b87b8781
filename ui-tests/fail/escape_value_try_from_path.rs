use ephemeral_fs::ephemeral_fs;
use tempfile::TempPath;

#[ephemeral_fs]
fn adopt(paths: Vec<std::path::PathBuf>) -> Vec<std::io::Result<TempPath>> {
    paths.into_iter().map(TempPath::try_from_path).collect()
}

fn main() {}
