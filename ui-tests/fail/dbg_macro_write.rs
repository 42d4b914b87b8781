use std::fs;

use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn reset(user: &str) -> std::io::Result<()> {
    dbg!(fs::remove_dir_all(format!("sessions/{user}")))
}

fn main() {}
