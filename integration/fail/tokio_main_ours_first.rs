use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
#[tokio::main]
async fn main() -> std::io::Result<()> {
    let report = std::path::PathBuf::from("/var/reports/today.csv");
    tokio::fs::write(&report, "day,visits\n").await
}
