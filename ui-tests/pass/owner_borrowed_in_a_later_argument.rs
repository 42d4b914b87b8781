#![deny(warnings)]

// Arguments after a path taken from a temp handle may borrow the handle
// (another path from it, a shared borrow of it or of its fields), may name
// fields, methods and closure parameters that share its name, and may
// await: the future stays `Send` whatever the handle's type.
use std::cell::Cell;
use std::future::Future;

use ephemeral_fs::ephemeral_fs;
use tempfile::{NamedTempFile, TempDir};

fn render(tmp: &NamedTempFile) -> String {
    format!("{} bytes", tmp.as_file().metadata().map_or(0, |m| m.len()))
}

#[ephemeral_fs]
fn copy_within(dir: &TempDir) -> std::io::Result<u64> {
    std::fs::write(dir.path().join("a"), b"body")?;
    std::fs::copy(dir.path().join("a"), dir.path().join("b"))
}

#[ephemeral_fs]
fn borrowed(tmp: &NamedTempFile) -> std::io::Result<String> {
    let p = tmp.path().to_path_buf();
    std::fs::write(&p, render(&tmp))?;
    std::fs::read_to_string(p)
}

pub struct Request {
    file: String,
}

impl Request {
    fn upload(&self) -> &[u8] {
        self.file.as_bytes()
    }
}

#[ephemeral_fs]
fn names_alike(file: &NamedTempFile, upload: &NamedTempFile, req: &Request) -> std::io::Result<()> {
    std::fs::write(file.path(), req.file.as_bytes())?;
    std::fs::write(upload.path(), req.upload())
}

pub struct Staging {
    upload: NamedTempFile,
}

#[ephemeral_fs]
fn closure_parameter(staging: &Staging, parts: &[&str]) -> std::io::Result<usize> {
    std::fs::write(
        staging.upload.path().to_owned(),
        parts.iter().map(|staging| staging.trim()).collect::<Vec<_>>().join(","),
    )?;
    Ok(std::fs::read(staging.upload.path())?.len())
}

pub struct Logged {
    upload: NamedTempFile,
    log: Vec<String>,
}

// A closure captures only the field it writes through, as without the
// attribute: the rest of the variable stays the handler's.
#[ephemeral_fs]
fn closure_captures_the_field(body: Vec<u8>) -> std::io::Result<Vec<String>> {
    let mut staging = Logged {
        upload: NamedTempFile::new()?,
        log: Vec::new(),
    };
    let write = move || std::fs::write(staging.upload.path(), &body);
    staging.log.push("staged".to_owned());
    write()?;
    Ok(staging.log)
}

fn require_send<F: Future + Send>(future: F) -> F {
    future
}

async fn body() -> Vec<u8> {
    b"abc".to_vec()
}

#[ephemeral_fs]
async fn awaits_in_a_later_argument() -> std::io::Result<usize> {
    let (_file, path) = NamedTempFile::new()?.into_parts();
    let tmp = NamedTempFile::from_parts(Cell::new(0u8), path);
    std::fs::write(tmp.path(), body().await)?;
    tmp.as_file().set(1);
    Ok(std::fs::read(tmp.path())?.len())
}

fn main() {
    let dir = TempDir::new().unwrap();
    assert_eq!(copy_within(&dir).unwrap(), 4);
    let tmp = NamedTempFile::new().unwrap();
    assert_eq!(borrowed(&tmp).unwrap(), "0 bytes");
    let other = NamedTempFile::new().unwrap();
    let req = Request { file: "body".to_owned() };
    names_alike(&tmp, &other, &req).unwrap();
    let staging = Staging {
        upload: NamedTempFile::new().unwrap(),
    };
    assert_eq!(closure_parameter(&staging, &[" a", "b "]).unwrap(), 3);
    assert_eq!(closure_captures_the_field(b"x".to_vec()).unwrap(), ["staged"]);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    assert_eq!(runtime.block_on(require_send(awaits_in_a_later_argument())).unwrap(), 3);
    assert_eq!(std::fs::read(other.path()).unwrap(), b"body");
    let (dir_path, tmp_path) = (dir.path().to_path_buf(), tmp.path().to_path_buf());
    drop((dir, tmp, other));
    assert!(!dir_path.exists() && !tmp_path.exists(), "nothing is left behind");
}
