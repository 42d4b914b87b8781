use axum::body::Bytes;
use axum::extract::Path;
use ephemeral_fs::ephemeral_fs;

#[axum::debug_handler]
#[ephemeral_fs]
async fn save(Path(name): Path<String>, body: Bytes) -> &'static str {
    tokio::fs::write(format!("/var/uploads/{name}"), &body).await.unwrap();
    "saved"
}

fn main() {
    let _ = axum::Router::<()>::new().route("/{name}", axum::routing::post(save));
}
