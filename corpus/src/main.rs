//! Proves the expansion on code nobody on this team wrote.
//!
//! ```text
//! ephemeral-fs-corpus run [--manifest-path Cargo.toml]
//!     Expands every function, impl, trait and inline module of every crate
//!     in the resolved dependency graph, and checks each output.
//! ephemeral-fs-corpus annotate <crate-dir> <out-dir> --runtime <path> [--drop-benches]
//!     Copies a crate, puts #[::ephemeral_fs::ephemeral_fs] on every
//!     function, impl, trait and inline module of it, and makes it depend on
//!     the ephemeral-fs crate at <path>.
//! ephemeral-fs-corpus compare-errors <annotated-crate-dir> <cargo-json>
//!     Checks that the build errors (cargo --message-format json) are
//!     exactly the enforced findings of the annotated sources.
//! ```

mod annotate;
mod errors;
mod run;
mod unrewrite;

use std::path::PathBuf;

const USAGE: &str = "usage: ephemeral-fs-corpus run [--manifest-path PATH]
       ephemeral-fs-corpus annotate <crate-dir> <out-dir> --runtime <path> [--drop-benches]
       ephemeral-fs-corpus compare-errors <annotated-crate-dir> <cargo-json>";
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["run"] => run::corpus_run(None),
        ["run", "--manifest-path", path] => run::corpus_run(Some(PathBuf::from(path))),
        ["annotate", from, to, "--runtime", runtime, rest @ ..] => {
            let patch = annotate::ManifestPatch {
                runtime: runtime.as_ref(),
                drop_benches: rest == ["--drop-benches"],
            };
            annotate::annotate_crate(from.as_ref(), to.as_ref(), &patch)
        }
        ["compare-errors", crate_dir, messages] => {
            errors::compare(crate_dir.as_ref(), messages.as_ref())
        }
        _ => Err(USAGE.into()),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::from(2)
        }
    }
}
