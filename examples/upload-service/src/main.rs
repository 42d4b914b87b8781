//! `cargo run -p upload-service`: the upload service, configured from the
//! environment (`HOST`, `PORT`, `STORE_URL`, `MAX_UPLOAD_BYTES` and
//! object_store's `AWS_*` variables). Prints `listening on ADDR` once bound.

use std::io::Write;
use std::process::ExitCode;

use upload_service::Config;

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_target(false)
        .init();
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(error) => {
            tracing::error!("configuration: {error}");
            return ExitCode::from(2);
        }
    };
    if config.store_url.is_none() {
        tracing::warn!("STORE_URL is unset: objects are kept in memory and lost on exit");
    }
    let served = upload_service::serve(&config, |addr| {
        let mut stdout = std::io::stdout().lock();
        // The line tests and scripts wait for; with PORT=0 it is the only
        // way to learn the port.
        let _ = writeln!(stdout, "listening on {addr}");
        let _ = stdout.flush();
    })
    .await;
    match served {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!("{error}");
            ExitCode::FAILURE
        }
    }
}
