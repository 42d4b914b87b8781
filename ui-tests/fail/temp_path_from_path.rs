use ephemeral_fs::ephemeral_fs;
use tempfile::TempPath;

#[ephemeral_fs]
fn save_report(name: &str, body: &[u8]) -> std::io::Result<()> {
    #[allow(deprecated)]
    let path = TempPath::from_path(format!("/srv/reports/{name}"));
    std::fs::write(&path, body)
}

fn main() {}
