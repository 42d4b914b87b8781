use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn save(name: &str, body: &[u8]) -> std::io::Result<()> {
    fs_err::write(format!("/var/uploads/{name}"), body)
}

fn main() {}
