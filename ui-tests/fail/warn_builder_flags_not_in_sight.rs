#![deny(warnings)]

// At `warn`, a std builder whose flags are not in sight is a deprecation
// warning (an error here, under `deny(warnings)`), and a builder passed in
// has its path checked; other receivers pass without one.
use std::fs::{DirBuilder, OpenOptions};

use ephemeral_fs::ephemeral_fs;

struct Client;

impl Client {
    fn open(&self, _url: &str) {}
}

#[ephemeral_fs(warn(persistent_write))]
fn export(opts: &OpenOptions, dirs: &DirBuilder, client: &Client, p: &str) -> std::io::Result<()> {
    client.open("https://example.com");
    dirs.create(p)?;
    if let Some(o) = Some(OpenOptions::new()) {
        o.open(p)?;
    }
    opts.open(p)?;
    Ok(())
}

fn main() {}
