// A static of an `extern` block is an item of the block it is in: it
// shadows a path local of its name in the whole block, so the path local is
// not followed there.
#![allow(non_upper_case_globals)]
use ephemeral_fs::ephemeral_fs;
use tempfile::TempDir;

#[unsafe(no_mangle)]
pub static LEDGER_PATH: &str = "/var/lib/app/ledger.txt";

#[ephemeral_fs]
fn handler() -> std::io::Result<()> {
    let dir = TempDir::new()?;
    let p = dir.path().join("a.txt");
    {
        unsafe extern "Rust" {
            #[link_name = "LEDGER_PATH"]
            safe static p: &'static str;
        }
        std::fs::write(p, b"persistent")?;
    }
    std::fs::write(&p, b"temporary")?;
    Ok(())
}

fn main() {}
