// Macro arguments that are not expressions as a whole, with expressions
// after a leading `if`, a lone `=` or a lone `:`: tokio's `select!`
// precondition and branch future, and serde_json's object values. Each is
// checked as an expression.
use ephemeral_fs::ephemeral_fs;
use tempfile::TempDir;

#[ephemeral_fs]
async fn precondition(body: &[u8]) -> std::io::Result<()> {
    tokio::select! {
        _ = async {}, if std::fs::write("/var/uploads/a.bin", body).is_ok() => {}
        else => {}
    }
    Ok(())
}

#[ephemeral_fs]
async fn branch_future(body: &[u8]) -> std::io::Result<()> {
    tokio::select! {
        Ok(ref _done) = tokio::fs::write("/var/uploads/b.bin", body) => {}
        else => {}
    }
    Ok(())
}

#[ephemeral_fs]
async fn kept_in_a_precondition() -> std::io::Result<()> {
    let dir = TempDir::new()?;
    tokio::select! {
        _ = async {}, if dir.keep().exists() => {}
        else => {}
    }
    Ok(())
}

#[ephemeral_fs]
fn json_values(name: &str, body: &[u8]) -> std::io::Result<serde_json::Value> {
    let dir = TempDir::new()?;
    Ok(serde_json::json!({
        "name": name,
        "saved": std::fs::write(format!("/var/uploads/{name}"), body).is_ok(),
        "staged_in": dir.keep(),
    }))
}

fn main() {}
