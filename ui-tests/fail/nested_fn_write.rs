use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn handle(body: &[u8]) -> std::io::Result<usize> {
    fn audit(len: usize) -> std::io::Result<()> {
        std::fs::write("audit.log", len.to_string())
    }
    audit(body.len())?;
    Ok(body.len())
}

fn main() {}
