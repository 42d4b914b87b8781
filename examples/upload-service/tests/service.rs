//! The upload service as its clients see it: the real binary on
//! `127.0.0.1:0`, a real HTTP client, and each suite run twice: against the
//! in-memory store and against a real S3-protocol server on loopback.

mod common;

use std::io::Write;
use std::net::TcpStream;
use std::time::Duration;

use common::{Backend, MIB, Server, bytes, multipart, poll, sha256_hex};
use reqwest::StatusCode;
use serde_json::Value;

async fn post(server: &Server, body: Vec<u8>) -> (StatusCode, Value) {
    let response = reqwest::Client::new()
        .post(server.url("/uploads"))
        .header("content-type", "application/octet-stream")
        .body(body)
        .send()
        .await
        .expect("POST /uploads");
    let status = response.status();
    let body = response.bytes().await.expect("response body");
    let json = serde_json::from_slice(&body)
        .unwrap_or_else(|_| panic!("not JSON: {}", String::from_utf8_lossy(&body)));
    (status, json)
}

async fn get(server: &Server, key: &str) -> (StatusCode, Vec<u8>) {
    let response = reqwest::get(server.url(&format!("/uploads/{key}")))
        .await
        .expect("GET /uploads/{key}");
    let status = response.status();
    (status, response.bytes().await.expect("body").to_vec())
}

/// Uploads `data`, checks the key, reads it back byte for byte; returns the
/// upload's JSON answer.
async fn round_trip(server: &Server, data: Vec<u8>) -> Value {
    let expected_key = sha256_hex(&data);
    let len = data.len();
    let (status, json) = post(server, data.clone()).await;
    assert_eq!(status, StatusCode::OK, "{json}");
    assert_eq!(json["key"], expected_key.as_str());
    assert_eq!(json["size"], len);
    let (status, back) = get(server, &expected_key).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(back.len(), len);
    assert!(back == data, "the object read back differs from the upload");
    json
}

macro_rules! suite {
    ($backend:expr) => {
        use super::*;

        #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
        async fn uploads_round_trip_byte_for_byte() {
            let Some(server) = Server::start($backend).await else {
                return;
            };
            for (len, seed) in [(1, 1), (MIB, 2), (64 * MIB, 3)] {
                let json = round_trip(&server, bytes(len, seed)).await;
                if matches!($backend, Backend::S3) {
                    // S3 gives a multipart upload's ETag a `-<parts>` suffix:
                    // the 64 MiB file went up in 13 parts of 5 MiB.
                    let e_tag = json["e_tag"].as_str().unwrap_or_default();
                    let parts = if len > 5 * MIB { "-13\"" } else { "\"" };
                    assert!(e_tag.ends_with(parts) && !e_tag.ends_with("-1\""), "{json}");
                    if len <= 5 * MIB {
                        assert!(!e_tag.contains('-'), "single put expected: {json}");
                    }
                }
            }
            server.assert_tmpdir_empty();
        }

        #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
        async fn multipart_field_round_trips() {
            let Some(server) = Server::start($backend).await else {
                return;
            };
            let data = bytes(MIB + 3, 4);
            let (content_type, body) = multipart("file", "photo.jpg", &data);
            let response = reqwest::Client::new()
                .post(server.url("/uploads"))
                .header("content-type", content_type)
                .body(body)
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), StatusCode::OK);
            let json: Value = response.json().await.unwrap();
            let key = sha256_hex(&data);
            assert_eq!(json["key"], key.as_str());
            let (status, back) = get(&server, &key).await;
            assert_eq!(status, StatusCode::OK);
            assert!(back == data);
            server.assert_tmpdir_empty();
        }

        #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
        async fn thirty_two_concurrent_uploads_succeed() {
            let Some(server) = Server::start($backend).await else {
                return;
            };
            let server = std::sync::Arc::new(server);
            let tasks: Vec<_> = (0..32)
                .map(|i| {
                    let server = std::sync::Arc::clone(&server);
                    tokio::spawn(async move {
                        round_trip(&server, bytes(64 * 1024 + i * 1000, 100 + i as u64)).await
                    })
                })
                .collect();
            let mut keys = std::collections::HashSet::new();
            for task in tasks {
                let json = task.await.expect("an upload task panicked");
                keys.insert(json["key"].as_str().unwrap().to_owned());
            }
            assert_eq!(keys.len(), 32);
            server.assert_tmpdir_empty();
        }

        #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
        async fn a_client_that_hangs_up_leaves_no_temp_file() {
            let Some(mut server) = Server::start($backend).await else {
                return;
            };
            let addr = server.addr.clone();
            let wrote = tokio::task::spawn_blocking(move || {
                let mut socket = TcpStream::connect(&addr).unwrap();
                // Promise 100 MiB, send 2 MiB, go away.
                socket
                    .write_all(
                        b"POST /uploads HTTP/1.1\r\nHost: test\r\n\
                          Content-Type: application/octet-stream\r\n\
                          Content-Length: 104857600\r\n\r\n",
                    )
                    .unwrap();
                socket.write_all(&bytes(2 * MIB, 7)).unwrap();
                socket
            })
            .await
            .unwrap();
            // The upload is being staged: its temp file exists.
            assert!(
                poll(Duration::from_secs(10), || !server.temp_files().is_empty()),
                "the server never started staging the upload"
            );
            drop(wrote);
            assert!(
                poll(Duration::from_secs(10), || server.temp_files().is_empty()),
                "temp files left after the client hung up: {:?}",
                server.temp_files()
            );
            assert!(server.is_running());
            let health = reqwest::get(server.url("/healthz")).await.unwrap();
            assert_eq!(health.status(), StatusCode::OK);
            round_trip(&server, bytes(1000, 8)).await;
            server.assert_tmpdir_empty();
        }

        #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
        async fn malformed_requests_and_bad_keys_get_4xx() {
            let Some(mut server) =
                Server::start_with($backend, &[("MAX_UPLOAD_BYTES", "1048576")]).await
            else {
                return;
            };
            let client = reqwest::Client::new();
            let good = sha256_hex(b"never uploaded");
            let cases: Vec<(&str, reqwest::RequestBuilder, StatusCode)> = vec![
                (
                    "not hex",
                    client.get(server.url("/uploads/hello")),
                    StatusCode::BAD_REQUEST,
                ),
                (
                    "uppercase",
                    client.get(server.url(&format!("/uploads/{}", good.to_uppercase()))),
                    StatusCode::BAD_REQUEST,
                ),
                (
                    "63 digits",
                    client.get(server.url(&format!("/uploads/{}", &good[..63]))),
                    StatusCode::BAD_REQUEST,
                ),
                (
                    "dot-dot",
                    client.get(server.url("/uploads/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd")),
                    StatusCode::BAD_REQUEST,
                ),
                (
                    "absent",
                    client.get(server.url(&format!("/uploads/{good}"))),
                    StatusCode::NOT_FOUND,
                ),
                (
                    "no boundary",
                    client
                        .post(server.url("/uploads"))
                        .header("content-type", "multipart/form-data")
                        .body("x"),
                    StatusCode::BAD_REQUEST,
                ),
                (
                    "garbage multipart",
                    client
                        .post(server.url("/uploads"))
                        .header("content-type", "multipart/form-data; boundary=zzz")
                        .body("this is not a multipart body"),
                    StatusCode::BAD_REQUEST,
                ),
                (
                    "no field",
                    client
                        .post(server.url("/uploads"))
                        .header("content-type", "multipart/form-data; boundary=zzz")
                        .body("--zzz--\r\n"),
                    StatusCode::BAD_REQUEST,
                ),
                (
                    "raw body over MAX_UPLOAD_BYTES",
                    client.post(server.url("/uploads")).body(bytes(MIB + 1, 9)),
                    StatusCode::PAYLOAD_TOO_LARGE,
                ),
                (
                    "multipart over MAX_UPLOAD_BYTES",
                    {
                        let (content_type, body) = multipart("file", "big", &bytes(MIB + 1, 10));
                        client
                            .post(server.url("/uploads"))
                            .header("content-type", content_type)
                            .body(body)
                    },
                    StatusCode::PAYLOAD_TOO_LARGE,
                ),
                (
                    "wrong method",
                    client.put(server.url("/uploads")),
                    StatusCode::METHOD_NOT_ALLOWED,
                ),
            ];
            for (name, request, expected) in cases {
                let status = request.send().await.map(|r| r.status());
                assert_eq!(status.ok(), Some(expected), "{name}");
            }
            assert!(server.is_running());
            round_trip(&server, bytes(MIB, 11)).await;
            server.assert_tmpdir_empty();
        }

        #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
        async fn health_endpoint_answers() {
            let Some(server) = Server::start($backend).await else {
                return;
            };
            let response = reqwest::get(server.url("/healthz")).await.unwrap();
            assert_eq!(response.status(), StatusCode::OK);
            let json: Value = response.json().await.unwrap();
            assert_eq!(json["status"], "ok");
        }
    };
}

mod memory {
    suite!(Backend::Memory);
}

mod s3 {
    suite!(Backend::S3);

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_64_mib_upload_grows_rss_by_at_most_16_mib() {
        let Some(server) = Server::start(Backend::S3).await else {
            return;
        };
        let growth = peak_rss_growth_mib(&server).await;
        assert!(growth <= 16.0, "peak RSS grew by {growth:.1} MiB");
        server.assert_tmpdir_empty();
    }

    /// A store that refuses the write: a 502 for the client, the cause in
    /// the log, and the server keeps serving.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_missing_bucket_is_a_logged_502() {
        let Some(endpoint) = common::s3_endpoint() else {
            return;
        };
        let mut server = Server::start_with(
            Backend::Memory,
            &[
                ("STORE_URL", "s3://no-such-bucket-for-upload-tests/x"),
                ("AWS_ENDPOINT", &endpoint),
                ("AWS_ALLOW_HTTP", "true"),
                ("AWS_ACCESS_KEY_ID", "test"),
                ("AWS_SECRET_ACCESS_KEY", "test"),
                ("AWS_REGION", "us-east-1"),
            ],
        )
        .await
        .unwrap();
        let data = bytes(100, 12);
        let (status, json) = post(&server, data.clone()).await;
        assert_eq!(status, StatusCode::BAD_GATEWAY, "{json}");
        assert_eq!(json["error"], "the object store failed");
        // The logged cause names the object: the helper adds the key.
        assert_logged_cause_names_key(&server, &data);
        assert!(server.is_running());
        server.assert_tmpdir_empty();
    }
}

/// A store failure is logged with its cause, which names the object's key.
fn assert_logged_cause_names_key(server: &Server, data: &[u8]) {
    let key = sha256_hex(data);
    assert!(
        server.wait_for_log("object store request failed") && server.wait_for_log(&key),
        "no logged cause naming the key: {}",
        server.stderr()
    );
}

/// The server's peak RSS during a 64 MiB upload, over its idle RSS after a
/// warm-up upload, in MiB. Only for stores that do not keep objects in
/// memory.
async fn peak_rss_growth_mib(server: &Server) -> f64 {
    round_trip(server, bytes(MIB, 20)).await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    let idle = server.status_kib("VmRSS");
    let (status, json) = post(server, bytes(64 * MIB, 21)).await;
    assert_eq!(status, StatusCode::OK, "{json}");
    let peak = server.status_kib("VmHWM");
    let growth = peak.saturating_sub(idle) as f64 / 1024.0;
    eprintln!("idle RSS {idle} KiB, peak {peak} KiB: {growth:.1} MiB for a 64 MiB upload");
    growth
}

/// The staged upload never has to fit in memory: the bound is
/// 16 MiB over idle for a 64 MiB upload. (The in-memory store keeps the
/// object itself in memory, so a local directory stands in for it here.)
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_64_mib_upload_to_a_directory_grows_rss_by_at_most_16_mib() {
    let store = tempfile::tempdir().unwrap();
    let url = format!("file://{}", store.path().display());
    let server = Server::start_with(Backend::Memory, &[("STORE_URL", &url)])
        .await
        .unwrap();
    let growth = peak_rss_growth_mib(&server).await;
    assert!(growth <= 16.0, "peak RSS grew by {growth:.1} MiB");
    server.assert_tmpdir_empty();
}

/// A store that cannot write (a directory below `/dev/null`): a logged 502.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failing_store_is_a_logged_502_and_the_server_keeps_serving() {
    let mut server =
        Server::start_with(Backend::Memory, &[("STORE_URL", "file:///dev/null/store")])
            .await
            .unwrap();
    let data = bytes(10, 13);
    let (status, json) = post(&server, data.clone()).await;
    assert_eq!(status, StatusCode::BAD_GATEWAY, "{json}");
    assert_logged_cause_names_key(&server, &data);
    assert!(server.is_running());
    let health = reqwest::get(server.url("/healthz")).await.unwrap();
    assert_eq!(health.status(), StatusCode::OK);
    server.assert_tmpdir_empty();
}

/// Bad configuration stops the process with a message, not a panic.
#[test]
fn bad_configuration_exits_with_a_message() {
    for (name, value, message) in [
        ("PORT", "http", "PORT must be a port number"),
        ("STORE_URL", "not a url", "is not a URL"),
        (
            "STORE_URL",
            "ftp://example/x",
            "STORE_URL \"ftp://example/x\"",
        ),
    ] {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_upload-service"))
            .env("HOST", "127.0.0.1")
            .env("PORT", "0")
            .env(name, value)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success(), "{name}={value} started");
        assert!(stderr.contains(message), "{name}={value}: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}
