use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn save_if_named(name: Option<&str>, body: &[u8]) -> bool {
    matches!(name, Some(n) if std::fs::write(n, body).is_ok())
}

fn main() {}
