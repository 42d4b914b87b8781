use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn delete_avatar(user: &str) -> std::io::Result<()> {
    use std::fs::*;

    remove_file(format!("/srv/avatars/{user}.png"))
}

fn main() {}
