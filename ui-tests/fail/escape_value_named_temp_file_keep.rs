use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

#[ephemeral_fs]
fn save(tmp: Option<NamedTempFile>) -> Option<std::io::Result<(std::fs::File, std::path::PathBuf)>> {
    tmp.map(NamedTempFile::keep).map(|kept| kept.map_err(|e| e.error))
}

fn main() {}
