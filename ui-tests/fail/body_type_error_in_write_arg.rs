use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

fn pick(staged: &[NamedTempFile], index: usize) -> &NamedTempFile {
    &staged[index]
}

#[ephemeral_fs]
fn restage(staged: &[NamedTempFile], body: &[u8]) -> std::io::Result<()> {
    std::fs::write(pick(staged, "latest"), body)
}

fn main() {}
