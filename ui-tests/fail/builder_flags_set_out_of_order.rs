// Write flags the chain does not show: set by a function called by path,
// inside a closure the builder passes through, or below the `open` in a
// loop that runs them first. Each open counts as a write.
use ephemeral_fs::ephemeral_fs;
use std::fs::OpenOptions;
use std::os::unix::fs::OpenOptionsExt;

#[ephemeral_fs]
fn flags_by_path(p: &str) -> std::io::Result<()> {
    OpenOptions::create(OpenOptions::write(&mut OpenOptions::new(), true), true).open(p)?;
    Ok(())
}

#[ephemeral_fs]
fn custom_flags_by_path(p: &str) -> std::io::Result<()> {
    OpenOptionsExt::custom_flags(OpenOptions::new().read(true), 0o100).open(p)?;
    Ok(())
}

#[ephemeral_fs]
fn flags_in_a_closure(p: &str) -> std::io::Result<()> {
    Some(OpenOptions::new())
        .map(|mut o| {
            o.write(true).create(true);
            o
        })
        .unwrap()
        .open(p)?;
    Ok(())
}

#[ephemeral_fs]
fn flags_below_in_a_loop(p: &str) -> std::io::Result<()> {
    let mut o = OpenOptions::new();
    o.read(true);
    for round in 0..2 {
        if round == 1 {
            o.open(p)?;
        } else {
            o.write(true).create(true);
        }
    }
    Ok(())
}

#[ephemeral_fs]
fn allowed(p: &str) -> std::io::Result<()> {
    #[ephemeral_fs::allow(persistent_write, reason = "the export directory is a mounted volume")]
    OpenOptions::write(&mut OpenOptions::new(), true).open(p)?;
    Ok(())
}

fn main() {}
