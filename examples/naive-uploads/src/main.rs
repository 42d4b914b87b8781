//! The wrong way to keep uploads: on the local disk of the process.
//!
//! Every handler here works on a laptop and fails in production, one
//! instance at a time: the files vanish when the container is replaced, and
//! the instance behind the next request has never seen them. Nothing here is
//! annotated, and it builds; `cargo ephemeral-fs examples/naive-uploads`
//! finds each place.

mod journal;

use std::fs;

use axum::Router;
use axum::body::Bytes;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::routing::post;
use tempfile::NamedTempFile;

const UPLOADS: &str = "/var/uploads";

/// Saves the body under `/var/uploads/{name}` and logs it locally, through
/// a helper in another file: the audit follows the call.
async fn save_upload(Path(name): Path<String>, body: Bytes) -> Result<StatusCode, StatusCode> {
    fs::create_dir_all(UPLOADS).map_err(internal)?;
    fs::write(format!("{UPLOADS}/{name}"), &body).map_err(internal)?;
    journal::record(&format!("saved {name} ({} bytes)", body.len())).map_err(internal)?;
    Ok(StatusCode::CREATED)
}

/// Reads an upload back from wherever this instance saved it.
async fn fetch_upload(Path(name): Path<String>) -> Result<Vec<u8>, StatusCode> {
    fs::read(format!("{UPLOADS}/{name}")).map_err(|_| StatusCode::NOT_FOUND)
}

/// Stages the body in a temp file, which is fine, then keeps the temp file.
async fn import_upload(Path(name): Path<String>, body: Bytes) -> Result<StatusCode, StatusCode> {
    let staged = NamedTempFile::new().map_err(internal)?;
    fs::write(staged.path(), &body).map_err(internal)?;
    staged
        .persist(format!("{UPLOADS}/{name}"))
        .map_err(|e| internal(e.error))?;
    Ok(StatusCode::CREATED)
}

fn internal(_: std::io::Error) -> StatusCode {
    StatusCode::INTERNAL_SERVER_ERROR
}

fn app() -> Router {
    Router::new()
        .route("/uploads/{name}", post(save_upload).get(fetch_upload))
        .route("/imports/{name}", post(import_upload))
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:3000").await?;
    axum::serve(listener, app()).await
}
