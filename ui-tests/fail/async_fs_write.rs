use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
async fn save(body: Vec<u8>) -> std::io::Result<()> {
    async_fs::write("/var/uploads/latest", body).await
}

fn main() {}
