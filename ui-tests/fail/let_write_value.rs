use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn save_all(items: &[(&str, &[u8])]) -> std::io::Result<()> {
    let save = std::fs::write;
    for (name, body) in items {
        save(format!("exports/{name}"), body)?;
    }
    Ok(())
}

fn main() {}
