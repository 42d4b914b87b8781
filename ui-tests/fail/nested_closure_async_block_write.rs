use std::future::Future;

use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn save_later(names: Vec<String>, body: Vec<u8>) -> impl Future<Output = std::io::Result<()>> {
    async move {
        names.iter().try_for_each(|name| {
            let save = |dir: &str| std::fs::write(format!("{dir}/{name}"), &body);
            save("/var/spool")
        })
    }
}

fn main() {}
