use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn save(name: &str, body: &[u8]) -> std::io::Result<()> {
    assert!(std::fs::write(name, body).is_ok(), "could not save {name}");
    Ok(())
}

fn main() {}
