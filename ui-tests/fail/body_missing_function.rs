use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn save(name: &str, body: &[u8]) -> std::io::Result<()> {
    std::fs::write(upload_path(name), body)
}

fn main() {}
