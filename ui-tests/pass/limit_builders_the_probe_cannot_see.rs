#![deny(warnings)]

// Limits, pinned: builders whose flags are not in sight, and which the
// receiver probe cannot name, compile unchecked. tokio's builder bound by a
// pattern (the runtime does not depend on tokio, so it cannot name its
// type), and a type of yours that dereferences to a std builder (the probe
// sees your type). Both write here, to a path inside a temp directory.

use std::fs::OpenOptions;
use std::ops::Deref;

use ephemeral_fs::ephemeral_fs;

struct Opts(OpenOptions);

impl Deref for Opts {
    type Target = OpenOptions;

    fn deref(&self) -> &OpenOptions {
        &self.0
    }
}

#[ephemeral_fs]
async fn unchecked(tokio_path: &str, std_path: &str, wrapped: &Opts) -> std::io::Result<()> {
    if let Some(mut o) = Some(tokio::fs::OpenOptions::new()) {
        o.write(true).create(true).open(tokio_path).await?;
    }
    wrapped.open(std_path)?;
    Ok(())
}

fn main() {
    let dir = tempfile::TempDir::new().unwrap();
    let (tokio_path, std_path) = (dir.path().join("a"), dir.path().join("b"));
    let mut opts = OpenOptions::new();
    opts.write(true).create(true);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    runtime
        .block_on(unchecked(
            tokio_path.to_str().unwrap(),
            std_path.to_str().unwrap(),
            &Opts(opts),
        ))
        .unwrap();
    assert!(tokio_path.exists() && std_path.exists(), "both opened unchecked");
    let kept = dir.path().to_path_buf();
    drop(dir);
    assert!(!kept.exists(), "nothing is left behind");
}
