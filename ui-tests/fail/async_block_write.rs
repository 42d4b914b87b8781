use std::future::Future;

use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn save_later(name: String, body: Vec<u8>) -> impl Future<Output = std::io::Result<()>> {
    async move { std::fs::write(format!("/var/spool/{name}"), body) }
}

fn main() {}
