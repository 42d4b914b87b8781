use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn save_report(name: &str, body: &[u8]) -> std::io::Result<()> {
    let path = tempfile::TempPath::try_from_path(format!("reports/{name}"))?;
    std::fs::write(&path, body)
}

fn main() {}
