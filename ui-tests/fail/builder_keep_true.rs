use ephemeral_fs::ephemeral_fs;
use tempfile::Builder;

#[allow(deprecated)]
#[ephemeral_fs]
fn stage(body: &[u8]) -> std::io::Result<()> {
    let tmp = Builder::new().prefix("report-").keep(true).tempfile()?;
    std::fs::write(&tmp, body)
}

fn main() {}
