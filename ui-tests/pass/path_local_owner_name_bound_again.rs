#![deny(warnings)]

// A path local's `let` holds its owner's borrow: binding the owner's name
// again (a closure parameter, a match arm, a `for` variable, a later
// `let`) does not change the value it names, so it stays followed.
use ephemeral_fs::ephemeral_fs;
use tempfile::{NamedTempFile, TempDir};

#[ephemeral_fs]
fn closure_parameter(rows: &[&str]) -> std::io::Result<String> {
    let dir = TempDir::new()?;
    let report = dir.path().join("report.csv");
    let total: usize = rows.iter().map(|dir| dir.len()).sum();
    std::fs::write(&report, total.to_string())?;
    std::fs::read_to_string(&report)
}

#[ephemeral_fs]
fn match_arm(input: Option<&str>) -> std::io::Result<String> {
    let tmp = NamedTempFile::new()?;
    let path = tmp.path();
    let text = match input {
        Some(tmp) => tmp.to_owned(),
        None => String::new(),
    };
    std::fs::write(path, &text)?;
    std::fs::read_to_string(path)
}

#[ephemeral_fs]
fn for_variable(names: &[&str]) -> std::io::Result<usize> {
    let tmp = NamedTempFile::new()?;
    let p = tmp.path();
    let mut n = 0;
    for tmp in names {
        n += tmp.len();
    }
    std::fs::write(p, n.to_string())?;
    Ok(std::fs::read(p)?.len())
}

#[ephemeral_fs]
fn later_let(body: &[u8]) -> std::io::Result<(Vec<u8>, std::path::PathBuf)> {
    let upload = NamedTempFile::new()?;
    let path = upload.path();
    let kept = path.to_path_buf();
    let upload = body.to_ascii_uppercase();
    std::fs::write(path, &upload)?;
    Ok((std::fs::read(path)?, kept))
}

fn main() {
    assert_eq!(closure_parameter(&["a", "bc"]).unwrap(), "3");
    assert_eq!(match_arm(Some("hello")).unwrap(), "hello");
    assert_eq!(for_variable(&["x", "yz"]).unwrap(), 1);
    let (written, path) = later_let(b"abc").unwrap();
    assert_eq!(written, b"ABC");
    assert!(!path.exists(), "the temp file is removed with its handle");
}
