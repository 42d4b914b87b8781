// A builder's constructor or other function called through a
// qualified-self path (`<tokio::fs::OpenOptions>::new()`, `<T as
// Default>::default()`, `<T as From<..>>::from(..)`) starts a builder as
// the plain path does, whichever crate's.
use std::path::Path;

fn writer() -> std::fs::OpenOptions {
    let mut o = std::fs::OpenOptions::new();
    o.write(true);
    o
}

#[ephemeral_fs::ephemeral_fs]
pub async fn tokio_s(p: &Path) -> std::io::Result<()> {
    let mut o = <tokio::fs::OpenOptions>::new();
    o.write(true).create(true);
    o.open(p).await?;
    <tokio::fs::DirBuilder>::new().recursive(true).create(p).await?;
    <tokio::fs::File>::options().write(true).open(p).await?;
    <tokio::fs::OpenOptions as From<std::fs::OpenOptions>>::from(writer())
        .open(p)
        .await?;
    Ok(())
}

#[ephemeral_fs::ephemeral_fs]
pub async fn fs_err_s_and_async_fs_s(p: &Path) -> std::io::Result<()> {
    <fs_err::OpenOptions>::new().append(true).open(p)?;
    <fs_err::tokio::OpenOptions>::from(writer()).open(p).await?;
    let mut o = <async_fs::OpenOptions as Default>::default();
    o.write(true);
    o.open(p).await?;
    Ok(())
}

fn main() {}
