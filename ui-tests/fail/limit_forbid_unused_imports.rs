// A limit, pinned: the traits a checked body's probes fall back to are
// imported with `#[allow(unused_imports)]`, since which of them is used is
// the compiler's to decide. A crate that forbids the lint cannot take that
// `allow` (E0453): deny it instead, `#![deny(unused_imports)]`.
#![forbid(unused_imports)]

#[ephemeral_fs::ephemeral_fs]
fn stage(body: &[u8]) -> std::io::Result<u64> {
    let tmp = tempfile::NamedTempFile::new()?;
    std::fs::write(tmp.path(), body)?;
    Ok(std::fs::metadata(tmp.path())?.len())
}

fn main() {}
