use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

// Removing the temp file from its container drops it: the copy of its path
// would then name a file nobody removes.
#[ephemeral_fs]
fn save(mut files: Vec<NamedTempFile>, body: &[u8]) -> std::io::Result<()> {
    let p = files[0].path().to_path_buf();
    files.remove(0);
    std::fs::write(&p, body)
}

fn main() {}
