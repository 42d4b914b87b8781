use std::path::PathBuf;

use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn save_avatar(user: &str, body: &[u8]) -> std::io::Result<()> {
    let path = PathBuf::from("/srv/avatars").join(user);
    ::std::fs::write(path, body)
}

fn main() {}
