use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
mod handlers {
    use std::fs::write as save;

    pub fn upload(name: &str, body: &[u8]) -> std::io::Result<()> {
        save(format!("uploads/{name}"), body)
    }
}

fn main() {}
