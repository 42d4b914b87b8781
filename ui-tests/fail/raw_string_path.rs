use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn save_report(body: &[u8]) -> std::io::Result<()> {
    std::fs::write(r"C:\reports\latest.csv", body)
}

fn main() {}
