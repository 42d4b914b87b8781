use ephemeral_fs::ephemeral_fs;
use std::fs::File;
use tempfile::Builder;

// Only a chain from `Builder::new()` shows every setting: a builder that
// any other call returns (`Some(&b).unwrap()`) may have had `rand_bytes(0)`
// and a path as prefix set unseen, so its closure's path is not trusted.
#[ephemeral_fs]
fn stage() -> std::io::Result<()> {
    let mut steer = Builder::new();
    steer.prefix("victim.txt").rand_bytes(0);
    let made = Some(&steer).unwrap().make(|path| File::create(path))?;
    drop(made);
    Ok(())
}

fn main() {}
