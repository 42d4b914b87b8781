use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
async fn save(body: Vec<u8>) -> std::io::Result<()> {
    fs_err::tokio::File::create("/var/uploads/latest").await?;
    fs_err::tokio::write("/var/uploads/latest", body).await
}

fn main() {}
