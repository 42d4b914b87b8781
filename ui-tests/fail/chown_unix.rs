use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn hand_over(name: &str, uid: u32) -> std::io::Result<()> {
    std::os::unix::fs::chown(format!("/srv/shares/{name}"), Some(uid), None)
}

fn main() {}
