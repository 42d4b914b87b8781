#![deny(warnings)]

// Limits, pinned: builders whose flags are not in sight, and which the
// receiver probe cannot name, compile unchecked. tokio's builder held in a
// field (the runtime does not depend on tokio, so it cannot name its
// type), a type of yours that dereferences to a std builder (the probe
// sees your type), and a std builder in a field where the annotated item
// names no builder type (the probe runs only where one is named). All
// write here, to paths inside a temp directory.

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

struct Holder {
    opts: tokio::fs::OpenOptions,
    std_opts: OpenOptions,
}

#[ephemeral_fs]
async fn unchecked(
    tokio_path: &str,
    std_path: &str,
    holder: &Holder,
    wrapped: &Opts,
) -> std::io::Result<()> {
    holder.opts.open(tokio_path).await?; // audit: builder_out_of_sight
    holder.std_opts.open(tokio_path)?; // audit: builder_out_of_sight
    wrapped.open(std_path)?; // audit: builder_out_of_sight
    Ok(())
}

fn main() {
    let dir = tempfile::TempDir::new().unwrap();
    let (tokio_path, std_path) = (dir.path().join("a"), dir.path().join("b"));
    let mut opts = OpenOptions::new();
    opts.write(true).create(true);
    let mut tokio_opts = tokio::fs::OpenOptions::new();
    tokio_opts.write(true).create(true);
    let holder = Holder {
        opts: tokio_opts,
        std_opts: opts.clone(),
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    runtime
        .block_on(unchecked(
            tokio_path.to_str().unwrap(),
            std_path.to_str().unwrap(),
            &holder,
            &Opts(opts),
        ))
        .unwrap();
    assert!(tokio_path.exists() && std_path.exists(), "both opened unchecked");
    let kept = dir.path().to_path_buf();
    drop(dir);
    assert!(!kept.exists(), "nothing is left behind");
}
