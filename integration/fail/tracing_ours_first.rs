use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
#[tracing::instrument(skip(body))]
async fn save(name: String, body: Vec<u8>) -> std::io::Result<()> {
    tokio::fs::write(format!("/var/uploads/{name}"), body).await
}

fn main() {}
