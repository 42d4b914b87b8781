use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn save(body: &[u8]) -> std::io::Result<()> {
    std::fs::r#write("/var/uploads/raw", body)
}

fn main() {}
