// A builder written inside a block, behind `?`, in both branches of an
// `if` or every arm of a `match`, or made by tokio's `default()`, is a
// chain whose flags are in sight: its path is checked as usual.
use ephemeral_fs::ephemeral_fs;
use std::fs::OpenOptions;

#[ephemeral_fs]
fn in_a_block(p: &str) -> std::io::Result<()> {
    { OpenOptions::new() }.write(true).create(true).open(p)?;
    Ok(())
}

#[ephemeral_fs]
fn behind_try(p: &str) -> std::io::Result<()> {
    Ok::<_, std::io::Error>(OpenOptions::new())?.write(true).open(p)?;
    Ok(())
}

#[ephemeral_fs]
fn in_both_branches(p: &str, c: bool) -> std::io::Result<()> {
    let mut o = if c { OpenOptions::new() } else { std::fs::File::options() };
    o.write(true).create(true).open(p)?;
    Ok(())
}

#[ephemeral_fs]
fn dir_builder_in_a_block(p: &str) -> std::io::Result<()> {
    { std::fs::DirBuilder::new() }.create(p)
}

#[ephemeral_fs]
async fn tokio_default(p: &str) -> std::io::Result<()> {
    tokio::fs::OpenOptions::default().write(true).open(p).await?;
    tokio::fs::DirBuilder::default().recursive(true).create(p).await?;
    { tokio::fs::OpenOptions::new() }.append(true).open(p).await?;
    let mut o = match p.len() {
        0 => tokio::fs::OpenOptions::new(),
        _ => tokio::fs::OpenOptions::default(),
    };
    o.truncate(true).open(p).await?;
    Ok(())
}

#[ephemeral_fs]
fn allowed(p: &str) -> std::io::Result<()> {
    #[ephemeral_fs::allow(persistent_write, reason = "the export directory is a mounted volume")]
    { OpenOptions::new() }.write(true).open(p)?;
    Ok(())
}

fn main() {}
