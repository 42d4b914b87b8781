//! Starts the real server binary, with its own fresh `TMPDIR`, on
//! `127.0.0.1:0`, against the in-memory store or the S3-protocol server
//! whose endpoint `S3_TEST_ENDPOINT` names (`scripts/s3-server.sh` sets it).

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};

pub const MIB: usize = 1024 * 1024;

#[derive(Clone, Copy, Debug)]
pub enum Backend {
    Memory,
    S3,
}

/// The S3-protocol server's endpoint, or `None` when the S3 tests should be
/// skipped. Under `CI=true` a missing endpoint fails the test.
pub fn s3_endpoint() -> Option<String> {
    match std::env::var("S3_TEST_ENDPOINT") {
        Ok(endpoint) if !endpoint.is_empty() => Some(endpoint),
        _ if std::env::var("CI").is_ok_and(|ci| ci == "true") => {
            panic!(
                "CI=true but S3_TEST_ENDPOINT is unset: run the tests through scripts/s3-server.sh"
            )
        }
        _ => {
            // Written to the real stderr, past the test harness's capture,
            // so a skipped S3 suite is seen even when every test passes.
            static WARNED: std::sync::Once = std::sync::Once::new();
            WARNED.call_once(|| {
                let _ = writeln!(
                    std::io::stderr(),
                    "\n*** SKIPPED: S3_TEST_ENDPOINT is unset, so the S3 tests did not run against S3.\n\
                     *** Run `scripts/s3-server.sh cargo test -p upload-service` to include them.\n"
                );
            });
            None
        }
    }
}

/// A running server process; killed when dropped.
pub struct Server {
    child: Child,
    pub addr: String,
    pub tmpdir: tempfile::TempDir,
    stderr: Arc<Mutex<String>>,
    pub bucket: Option<String>,
}

impl Server {
    /// Starts the server for `backend`, or `None` when S3 tests are skipped.
    pub async fn start(backend: Backend) -> Option<Server> {
        Self::start_with(backend, &[]).await
    }

    pub async fn start_with(backend: Backend, env: &[(&str, &str)]) -> Option<Server> {
        let mut vars: Vec<(String, String)> = Vec::new();
        let mut bucket = None;
        if let Backend::S3 = backend {
            let endpoint = s3_endpoint()?;
            let name = new_bucket(&endpoint).await;
            vars.extend(
                [
                    ("STORE_URL", format!("s3://{name}/uploads")),
                    ("AWS_ENDPOINT", endpoint),
                    ("AWS_ALLOW_HTTP", "true".to_owned()),
                    ("AWS_ACCESS_KEY_ID", "test".to_owned()),
                    ("AWS_SECRET_ACCESS_KEY", "test".to_owned()),
                    ("AWS_REGION", "us-east-1".to_owned()),
                ]
                .map(|(k, v)| (k.to_owned(), v)),
            );
            bucket = Some(name);
        }
        vars.extend(env.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())));
        Some(Self::spawn(&vars, bucket))
    }

    fn spawn(vars: &[(String, String)], bucket: Option<String>) -> Server {
        let tmpdir = tempfile::tempdir().expect("a fresh TMPDIR");
        let mut command = Command::new(env!("CARGO_BIN_EXE_upload-service"));
        command
            .env_remove("STORE_URL")
            .env("HOST", "127.0.0.1")
            .env("PORT", "0")
            .env("TMPDIR", tmpdir.path())
            .envs(vars.iter().map(|(k, v)| (k, v)))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = command.spawn().expect("start the server");
        let stderr = Arc::new(Mutex::new(String::new()));
        let mut pipe = child.stderr.take().expect("stderr");
        let sink = Arc::clone(&stderr);
        std::thread::spawn(move || {
            let mut buf = [0; 4096];
            while let Ok(n @ 1..) = pipe.read(&mut buf) {
                let text = String::from_utf8_lossy(&buf[..n]);
                eprint!("[server] {text}");
                sink.lock().unwrap().push_str(&text);
            }
        });
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("read the server's first line");
        let addr = line
            .trim()
            .strip_prefix("listening on ")
            .unwrap_or_else(|| {
                panic!(
                    "the server printed {line:?}, stderr: {}",
                    stderr.lock().unwrap()
                )
            })
            .to_owned();
        Server {
            child,
            addr,
            tmpdir,
            stderr,
            bucket,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Everything the server logged so far.
    pub fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// Waits until the server has logged `text`, for at most 10 s.
    pub fn wait_for_log(&self, text: &str) -> bool {
        poll(Duration::from_secs(10), || self.stderr().contains(text))
    }

    /// The files left in the server's `TMPDIR`.
    pub fn temp_files(&self) -> Vec<PathBuf> {
        list(self.tmpdir.path())
    }

    pub fn assert_tmpdir_empty(&self) {
        let left = self.temp_files();
        assert!(left.is_empty(), "temp files left behind: {left:?}");
    }

    /// A `/proc/<pid>/status` field in KiB: `VmRSS` now, `VmHWM` the peak.
    pub fn status_kib(&self, field: &str) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid())).unwrap();
        status
            .lines()
            .find_map(|line| line.strip_prefix(field)?.strip_prefix(':'))
            .and_then(|value| value.split_whitespace().next()?.parse().ok())
            .unwrap_or_else(|| panic!("no {field} in /proc/{}/status", self.pid()))
    }

    /// Whether the process is still running.
    pub fn is_running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn list(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|entries| entries.flatten().map(|e| e.path()).collect())
        .unwrap_or_default()
}

/// Polls `done` every 20 ms until it holds or `limit` has passed.
pub fn poll(limit: Duration, mut done: impl FnMut() -> bool) -> bool {
    let start = Instant::now();
    loop {
        if done() {
            return true;
        }
        if start.elapsed() > limit {
            return false;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Creates a bucket of its own for one test, so tests do not share objects.
async fn new_bucket(endpoint: &str) -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let name = format!(
        "upload-test-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    );
    let status = reqwest::Client::new()
        .put(format!("{endpoint}/{name}"))
        .send()
        .await
        .map(|r| r.status());
    match status {
        Ok(status) if status.is_success() => name,
        other => panic!("cannot create bucket {name} at {endpoint}: {other:?}"),
    }
}

/// `len` bytes that differ from run to run of `seed`, without a RNG crate.
pub fn bytes(len: usize, seed: u64) -> Vec<u8> {
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut out = Vec::with_capacity(len + 8);
    while out.len() < len {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        out.extend_from_slice(&state.to_le_bytes());
    }
    out.truncate(len);
    out
}

pub fn sha256_hex(data: &[u8]) -> String {
    Sha256::digest(data)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A `multipart/form-data` body with one field, and its content type.
pub fn multipart(field: &str, filename: &str, data: &[u8]) -> (String, Vec<u8>) {
    let boundary = "ephemeral-fs-test-boundary-7d3f";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{filename}\"\r\n\
         Content-Type: application/octet-stream\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(data);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}
