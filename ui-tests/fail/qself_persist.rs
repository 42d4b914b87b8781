use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

// `<NamedTempFile>::persist` is `NamedTempFile::persist`.
#[ephemeral_fs]
fn save(tmp: NamedTempFile) -> std::io::Result<()> {
    <NamedTempFile>::persist(tmp, "/var/uploads/latest")?;
    Ok(())
}

fn main() {}
