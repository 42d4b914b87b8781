use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
const UPLOAD_DIR: &str = "/var/uploads";

fn main() {
    assert!(!UPLOAD_DIR.is_empty());
}
