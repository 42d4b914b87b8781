#![deny(warnings)]

// Arguments after a path taken from a temp handle may borrow the handle
// (another path from it, a shared borrow of it or of its fields), and may
// name fields and methods that share its name.
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

fn main() {
    let dir = TempDir::new().unwrap();
    assert_eq!(copy_within(&dir).unwrap(), 4);
    let tmp = NamedTempFile::new().unwrap();
    assert_eq!(borrowed(&tmp).unwrap(), "0 bytes");
    let other = NamedTempFile::new().unwrap();
    let req = Request { file: "body".to_owned() };
    names_alike(&tmp, &other, &req).unwrap();
    assert_eq!(std::fs::read(other.path()).unwrap(), b"body");
    let (dir_path, tmp_path) = (dir.path().to_path_buf(), tmp.path().to_path_buf());
    drop((dir, tmp, other));
    assert!(!dir_path.exists() && !tmp_path.exists(), "nothing is left behind");
}
