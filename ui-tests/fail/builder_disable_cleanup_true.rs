use ephemeral_fs::ephemeral_fs;
use tempfile::Builder;

#[ephemeral_fs]
fn stage(body: &[u8]) -> std::io::Result<()> {
    let mut builder = Builder::new();
    builder.disable_cleanup(true);
    let tmp = builder.tempfile()?;
    std::fs::write(&tmp, body)
}

fn main() {}
