//! An upload service that keeps nothing on the local disk.
//!
//! - `POST /uploads` stages the raw body, or the first field of a
//!   `multipart/form-data` body, in a temp file while hashing it, stores the
//!   file under its SHA-256 and answers `{"key": "<64 hex digits>", ..}`.
//! - `GET /uploads/{key}` streams the object back.
//! - `GET /healthz` answers `{"status": "ok"}`.
//!
//! Every handler carries `#[ephemeral_fs]`: the only local files they may
//! write are temp files, which are gone when the request ends, whether it
//! succeeds, fails or the client hangs up. What lasts goes to the object
//! store, through `ephemeral_fs::store::put_file`.

use std::io;
use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{DefaultBodyLimit, FromRequest, Multipart, Path, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Json, Response};
use axum::routing::get;
use ephemeral_fs::ephemeral_fs;
use ephemeral_fs::store::put_file;
use futures_util::{Stream, StreamExt, TryStreamExt};
use object_store::path::Path as ObjectPath;
use object_store::{ObjectStore, ObjectStoreExt};
use serde_json::json;
use sha2::{Digest, Sha256};
use tempfile::NamedTempFile;
use tokio::io::{AsyncWriteExt, BufWriter};

/// Uploads larger than this are refused with 413 unless `MAX_UPLOAD_BYTES`
/// says otherwise.
pub const DEFAULT_MAX_UPLOAD_BYTES: u64 = 1 << 30;

/// The process's configuration, read from the environment.
#[derive(Debug, Clone)]
pub struct Config {
    /// `HOST`, default `127.0.0.1`; a container sets `0.0.0.0`.
    pub host: String,
    /// `PORT`, default `3000`; `0` picks a free port.
    pub port: u16,
    /// `STORE_URL`: unset for an in-memory store, else `s3://bucket/prefix`,
    /// `file:///path` or any other URL object_store can parse.
    pub store_url: Option<String>,
    /// `MAX_UPLOAD_BYTES`, default 1 GiB.
    pub max_upload_bytes: u64,
}

impl Config {
    /// Reads `HOST`, `PORT`, `STORE_URL` and `MAX_UPLOAD_BYTES`.
    pub fn from_env() -> Result<Config, String> {
        Self::from_vars(|name| std::env::var(name).ok().filter(|v| !v.is_empty()))
    }

    fn from_vars(var: impl Fn(&str) -> Option<String>) -> Result<Config, String> {
        let port = match var("PORT") {
            Some(port) => port
                .parse()
                .map_err(|_| format!("PORT must be a port number, not {port:?}"))?,
            None => 3000,
        };
        let max_upload_bytes = match var("MAX_UPLOAD_BYTES") {
            Some(max) => max
                .parse()
                .map_err(|_| format!("MAX_UPLOAD_BYTES must be a number of bytes, not {max:?}"))?,
            None => DEFAULT_MAX_UPLOAD_BYTES,
        };
        Ok(Config {
            host: var("HOST").unwrap_or_else(|| "127.0.0.1".to_owned()),
            port,
            store_url: var("STORE_URL"),
            max_upload_bytes,
        })
    }
}

/// What every handler shares.
#[derive(Debug, Clone)]
pub struct AppState {
    store: Arc<dyn ObjectStore>,
    /// The path part of `STORE_URL`: objects live under `<prefix>/sha256/`.
    prefix: ObjectPath,
    max_upload_bytes: u64,
}

impl AppState {
    /// Opens the store `config.store_url` names. An `s3://` URL takes the
    /// rest of its settings from object_store's `AWS_*` variables
    /// (`AWS_ENDPOINT`, `AWS_ALLOW_HTTP`, `AWS_REGION`, credentials, ..).
    pub fn from_config(config: &Config) -> Result<AppState, String> {
        let (store, prefix): (Arc<dyn ObjectStore>, ObjectPath) = match &config.store_url {
            None => (
                Arc::new(object_store::memory::InMemory::new()),
                ObjectPath::default(),
            ),
            Some(raw) => {
                let url = url::Url::parse(raw)
                    .map_err(|e| format!("STORE_URL {raw:?} is not a URL: {e}"))?;
                let aws_vars = std::env::vars().filter(|(name, _)| name.starts_with("AWS_"));
                let (store, prefix) = object_store::parse_url_opts(&url, aws_vars)
                    .map_err(|e| format!("STORE_URL {raw:?}: {e}"))?;
                (Arc::from(store), prefix)
            }
        };
        Ok(AppState {
            store,
            prefix,
            max_upload_bytes: config.max_upload_bytes,
        })
    }

    /// Where the object of `key` lives in the store.
    fn location(&self, key: &ContentKey) -> ObjectPath {
        self.prefix.clone().join("sha256").join(key.as_str())
    }

    /// A one-line description of the store, for the start-up log.
    pub fn describe_store(&self) -> String {
        format!("{} under {:?}", self.store, self.prefix.as_ref())
    }
}

/// The service's routes.
pub fn router(state: AppState) -> Router {
    // Multipart bodies are limited by axum; raw bodies are counted in
    // `stage`, against the same limit.
    let limit = usize::try_from(state.max_upload_bytes).unwrap_or(usize::MAX);
    Router::new()
        .route("/healthz", get(health))
        .route("/uploads", axum::routing::post(upload))
        .route("/uploads/{key}", get(download))
        .layer(DefaultBodyLimit::max(limit))
        .with_state(state)
}

/// Binds `config.host:config.port` and serves until SIGINT or SIGTERM.
/// `on_bound` gets the bound address before the first request.
pub async fn serve(config: &Config, on_bound: impl FnOnce(SocketAddr)) -> io::Result<()> {
    let state = AppState::from_config(config).map_err(io::Error::other)?;
    let listener = tokio::net::TcpListener::bind((config.host.as_str(), config.port)).await?;
    tracing::info!(store = %state.describe_store(), "store opened");
    on_bound(listener.local_addr()?);
    axum::serve(listener, router(state))
        .with_graceful_shutdown(shutdown_signal())
        .await
}

async fn shutdown_signal() {
    let interrupt = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut terminate =
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(signal) => signal,
                Err(_) => return interrupt.await.unwrap_or_default(),
            };
        tokio::select! {
            _ = interrupt => {}
            _ = terminate.recv() => {}
        }
    }
    #[cfg(not(unix))]
    interrupt.await.unwrap_or_default();
}

/// A SHA-256 content key: exactly 64 lowercase hex digits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentKey(String);

impl ContentKey {
    /// The key of a finished SHA-256 digest.
    pub fn from_digest(digest: &[u8]) -> ContentKey {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let hex = digest
            .iter()
            .flat_map(|byte| [HEX[usize::from(byte >> 4)], HEX[usize::from(byte & 15)]])
            .map(char::from)
            .collect();
        ContentKey(hex)
    }

    /// A well-formed key, or `None`: any other length, an uppercase digit or
    /// any other character is refused, so one object has exactly one key.
    pub fn parse(text: &str) -> Option<ContentKey> {
        let well_formed = text.len() == 64
            && text
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        well_formed.then(|| ContentKey(text.to_owned()))
    }

    /// The 64 hex digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Why a request failed, and what the client is told.
#[derive(Debug)]
pub enum AppError {
    /// The request is malformed: 400, with the reason.
    BadRequest(String),
    /// A request axum's extractors refused, with their status and reason.
    Rejected(StatusCode, String),
    /// The body is larger than `MAX_UPLOAD_BYTES`: 413.
    TooLarge(u64),
    /// No object under a well-formed key: 404.
    NotFound,
    /// Staging the body in a temp file failed: 500, cause logged.
    TempFile(io::Error),
    /// The object store failed: 502, cause logged.
    Store(object_store::Error),
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let (status, message) = match self {
            AppError::BadRequest(reason) => (StatusCode::BAD_REQUEST, reason),
            AppError::Rejected(status, reason) => (status, reason),
            AppError::TooLarge(limit) => (
                StatusCode::PAYLOAD_TOO_LARGE,
                format!("the upload is larger than {limit} bytes"),
            ),
            AppError::NotFound => (StatusCode::NOT_FOUND, "no such object".to_owned()),
            AppError::TempFile(cause) => {
                tracing::error!(%cause, "staging the upload failed");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "staging the upload failed".to_owned(),
                )
            }
            AppError::Store(cause) => {
                tracing::error!(%cause, "object store request failed");
                (
                    StatusCode::BAD_GATEWAY,
                    "the object store failed".to_owned(),
                )
            }
        };
        (status, Json(json!({ "error": message }))).into_response()
    }
}

/// `GET /healthz`.
#[ephemeral_fs]
async fn health() -> Json<serde_json::Value> {
    Json(json!({ "status": "ok" }))
}

/// `POST /uploads`: a raw body, or the first field of a multipart body.
#[ephemeral_fs]
async fn upload(
    State(state): State<AppState>,
    request: Request,
) -> Result<Json<serde_json::Value>, AppError> {
    let staged = if is_multipart(&request) {
        let mut multipart = Multipart::from_request(request, &state)
            .await
            .map_err(|rejection| AppError::Rejected(rejection.status(), rejection.body_text()))?;
        let field = multipart
            .next_field()
            .await
            .map_err(multipart_error)?
            .ok_or_else(|| AppError::BadRequest("the multipart body has no field".to_owned()))?;
        stage(field, state.max_upload_bytes, multipart_error).await?
    } else {
        let body = request.into_body().into_data_stream();
        stage(body, state.max_upload_bytes, |e: axum::Error| {
            AppError::BadRequest(format!("reading the body failed: {e}"))
        })
        .await?
    };
    let Staged { file, key, size } = staged;
    // The temp file is moved into the upload and removed when it ends.
    let stored = put_file(state.store.as_ref(), &state.location(&key), file)
        .await
        .map_err(AppError::Store)?;
    Ok(Json(json!({
        "key": key.as_str(),
        "size": size,
        "e_tag": stored.e_tag,
    })))
}

/// `GET /uploads/{key}`: the object, streamed from the store.
#[ephemeral_fs]
async fn download(
    State(state): State<AppState>,
    Path(key): Path<String>,
) -> Result<Response, AppError> {
    let key = ContentKey::parse(&key).ok_or_else(|| {
        AppError::BadRequest("a key is the SHA-256 of the object: 64 lowercase hex digits".into())
    })?;
    let location = state.location(&key);
    let object = match state.store.get(&location).await {
        Ok(object) => object,
        Err(object_store::Error::NotFound { .. }) => return Err(AppError::NotFound),
        Err(e) => return Err(AppError::Store(e)),
    };
    let size = object.meta.size;
    let stream = object.into_stream().inspect_err(move |cause| {
        tracing::error!(%cause, %location, "object store stream failed part-way");
    });
    let mut response = Body::from_stream(stream).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/octet-stream"),
    );
    headers.insert(header::CONTENT_LENGTH, HeaderValue::from(size));
    Ok(response)
}

fn is_multipart(request: &Request) -> bool {
    request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| {
            value
                .trim_start()
                .to_ascii_lowercase()
                .starts_with("multipart/form-data")
        })
}

/// A malformed multipart body is a 400; one over the size limit a 413.
fn multipart_error(error: axum::extract::multipart::MultipartError) -> AppError {
    AppError::Rejected(error.status(), error.body_text())
}

/// An upload staged in a temp file, with its content key.
struct Staged {
    file: NamedTempFile,
    key: ContentKey,
    size: u64,
}

/// Streams `body` into a new temp file while hashing it. If the body fails
/// or the client goes away, the future ends or is dropped, and the temp file
/// with it.
#[ephemeral_fs]
async fn stage<S, E>(
    body: S,
    limit: u64,
    body_error: impl Fn(E) -> AppError,
) -> Result<Staged, AppError>
where
    S: Stream<Item = Result<Bytes, E>>,
{
    let file = NamedTempFile::new().map_err(AppError::TempFile)?;
    // Opened through the temp file's own handle type, so the attribute
    // checks that this write stays in a temp file.
    let opened = tokio::fs::OpenOptions::new()
        .write(true)
        .open(&file)
        .await
        .map_err(AppError::TempFile)?;
    let mut out = BufWriter::with_capacity(256 * 1024, opened);
    let mut hasher = Sha256::new();
    let mut size = 0u64;
    let mut body = std::pin::pin!(body);
    while let Some(chunk) = body.next().await {
        let chunk = chunk.map_err(&body_error)?;
        size += chunk.len() as u64;
        if size > limit {
            return Err(AppError::TooLarge(limit));
        }
        hasher.update(&chunk);
        out.write_all(&chunk).await.map_err(AppError::TempFile)?;
    }
    // Flushing also waits for tokio's last background write to land.
    out.flush().await.map_err(AppError::TempFile)?;
    drop(out);
    Ok(Staged {
        file,
        key: ContentKey::from_digest(&hasher.finalize()),
        size,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_keys_are_canonical_hex() {
        let digest = Sha256::digest(b"abc");
        let key = ContentKey::from_digest(&digest);
        assert_eq!(
            key.as_str(),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(ContentKey::parse(key.as_str()), Some(key.clone()));
        for bad in [
            "",
            &key.as_str()[..63],
            &format!("{}0", key.as_str()),
            &key.as_str().to_ascii_uppercase(),
            &key.as_str().replace('a', "g"),
            "../../../../etc/passwd/................................................",
        ] {
            assert_eq!(ContentKey::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn config_defaults_and_errors() {
        let config = Config::from_vars(|_| None).unwrap();
        assert_eq!((config.host.as_str(), config.port), ("127.0.0.1", 3000));
        assert_eq!(config.store_url, None);
        assert_eq!(config.max_upload_bytes, DEFAULT_MAX_UPLOAD_BYTES);
        let bad_port = Config::from_vars(|name| (name == "PORT").then(|| "http".to_owned()));
        assert_eq!(
            bad_port.unwrap_err(),
            "PORT must be a port number, not \"http\""
        );
    }

    #[test]
    fn store_urls() {
        let config = |url: &str| Config {
            store_url: Some(url.to_owned()),
            ..Config::from_vars(|_| None).unwrap()
        };
        let state = AppState::from_config(&config("memory:///some/prefix")).unwrap();
        let key = ContentKey::from_digest(&Sha256::digest(b""));
        assert_eq!(
            state.location(&key).as_ref(),
            format!("some/prefix/sha256/{}", key.as_str())
        );
        let error = AppState::from_config(&config("no url")).unwrap_err();
        assert!(
            error.starts_with("STORE_URL \"no url\" is not a URL"),
            "{error}"
        );
        let error = AppState::from_config(&config("ftp://host/x")).unwrap_err();
        assert!(error.starts_with("STORE_URL \"ftp://host/x\": "), "{error}");
    }
}
