use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn save(body: &[u8]) -> std::io::Result<()> {
    const SAVE: fn(&[u8]) -> std::io::Result<()> = |body| std::fs::write("/var/uploads/latest", body);
    SAVE(body)
}

fn main() {}
