#![deny(warnings)]

use ephemeral_fs::{TempDirExt, ephemeral_fs};
use tempfile::{NamedTempFile, TempDir};

// fs-err and async-fs are checked like `std::fs`; temp handles pass.
#[ephemeral_fs(deny(persistent_read))]
fn with_fs_err(dir: &TempDir) -> std::io::Result<String> {
    use fs_err as fs;
    let tmp = NamedTempFile::new()?;
    fs::write(tmp.path(), "fs-err")?;
    fs_err::File::create(dir.child("created")?)?;
    fs_err::OpenOptions::new()
        .append(true)
        .open(dir.child("created")?)?;
    fs::hard_link(&tmp, dir.child("hard")?)?;
    fs_err::os::unix::fs::symlink(dir.child("hard")?, dir.child("link")?)?;
    fs::read_to_string(dir.child("link")?)
}

#[ephemeral_fs(deny(persistent_read))]
async fn with_async_crates(dir: &TempDir) -> std::io::Result<(String, Vec<u8>)> {
    fs_err::tokio::write(dir.child("tokio")?, "tokio").await?;
    async_fs::write(dir.child("smol")?, b"smol").await?;
    Ok((
        fs_err::tokio::read_to_string(dir.child("tokio")?).await?,
        async_fs::read(dir.child("smol")?).await?,
    ))
}

fn main() {
    let dir = TempDir::new().unwrap();
    assert_eq!(with_fs_err(&dir).unwrap(), "fs-err");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let (tokio_text, smol_bytes) = runtime.block_on(with_async_crates(&dir)).unwrap();
    assert_eq!((tokio_text.as_str(), smol_bytes.as_slice()), ("tokio", &b"smol"[..]));
}
