// Macro arguments read piece by piece: a turbofish's comma does not cut an
// expression in two, and a value that is an `if` expression is read whole.
use ephemeral_fs::ephemeral_fs;
use tempfile::TempDir;

#[ephemeral_fs]
fn turbofish(name: &str, body: &[u8]) -> std::io::Result<serde_json::Value> {
    Ok(serde_json::json!({
        "name": name,
        "saved": std::fs::write::<&str, &[u8]>("/var/uploads/a.bin", body).is_ok(),
    }))
}

#[ephemeral_fs]
fn if_values(body: &[u8]) -> std::io::Result<serde_json::Value> {
    let dir = TempDir::new()?;
    Ok(serde_json::json!({
        "saved": if std::fs::write("/var/uploads/b.bin", body).is_ok() { 1 } else { 0 },
        "kept": if dir.keep().exists() { 1 } else { 0 },
    }))
}

fn main() {}
