#![deny(warnings)]

// A limit, pinned: a path local named in a macro the attribute trusts to
// bind no name (std's formatting macros, log's and tracing's event
// macros, by their path) is still followed after it. A `macro_rules!` of
// yours of such a name defined outside the annotated item, or one in a
// module of yours named like `log` or `tracing`, is not seen, and may bind
// the name again: here to a path the attribute does not check. The audit
// reports the macro and the module. If the attribute comes to refuse this
// shape, this case fails and moves to the compile-fail cases.
use std::path::PathBuf;
use std::sync::OnceLock;

use ephemeral_fs::ephemeral_fs;

/// Stands for a persistent directory.
static ELSEWHERE: OnceLock<PathBuf> = OnceLock::new();

mod log { // audit: trusted_macro_of_yours
    macro_rules! info { // audit: trusted_macro_of_yours
        ($p:ident) => {
            let $p = crate::ELSEWHERE.get().unwrap().join(&$p.file_name().unwrap()).with_file_name("via-log.txt");
        };
    }
    pub(crate) use info;
}

macro_rules! println { // audit: trusted_macro_of_yours
    ($p:ident) => {
        let $p = crate::ELSEWHERE.get().unwrap().join(&$p.file_name().unwrap()).with_file_name("via-println.txt");
    };
}

#[ephemeral_fs]
fn stage_logged(body: &[u8]) -> std::io::Result<()> {
    let dir = tempfile::TempDir::new()?;
    let p = dir.path().join("a.txt");
    log::info!(p);
    std::fs::write(p, body)
}

#[ephemeral_fs]
fn stage_printed(body: &[u8]) -> std::io::Result<()> {
    let dir = tempfile::TempDir::new()?;
    let p = dir.path().join("a.txt");
    println!(p);
    std::fs::write(p, body)
}

fn main() {
    let elsewhere = tempfile::TempDir::new().unwrap();
    ELSEWHERE.set(elsewhere.path().to_path_buf()).unwrap();
    stage_logged(b"x").unwrap();
    stage_printed(b"x").unwrap();
    assert!(elsewhere.path().join("via-log.txt").exists());
    assert!(elsewhere.path().join("via-println.txt").exists());
}
