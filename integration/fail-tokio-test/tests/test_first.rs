use ephemeral_fs::ephemeral_fs;

#[tokio::test]
#[ephemeral_fs]
async fn writes_a_report() {
    let report = std::path::PathBuf::from("/var/reports/today.csv");
    tokio::fs::write(&report, "day,visits\n").await.unwrap();
}
