use async_trait::async_trait;
use ephemeral_fs::ephemeral_fs;

#[async_trait]
trait Save {
    async fn save(&self, name: &str, body: &[u8]) -> std::io::Result<()>;
}

struct Disk;

#[ephemeral_fs]
#[async_trait]
impl Save for Disk {
    async fn save(&self, name: &str, body: &[u8]) -> std::io::Result<()> {
        tokio::fs::write(format!("/var/uploads/{name}"), body).await
    }
}

fn main() {}
