use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn save_upload(name: &str, body: &[u8]) -> std::io::Result<()> {
    std::fs::write(format!("/var/uploads/{name}"), body)
}

fn main() {}
