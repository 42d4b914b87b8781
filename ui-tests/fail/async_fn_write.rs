use std::path::PathBuf;

use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
async fn receive(name: String, body: Vec<u8>) -> std::io::Result<()> {
    let path = PathBuf::from("/var/uploads").join(name);
    std::fs::write(&path, body)
}

fn main() {}
