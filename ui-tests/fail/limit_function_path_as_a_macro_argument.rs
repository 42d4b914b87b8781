// A limit, pinned: a macro's arguments are read as code. An operation's
// path given alone is a function used as a value, and is checked as one
// (`macro_rules! run { ($f:expr) => { $f(path, body) } }` would call it),
// so a macro that puts it where a path goes (`use $p;`) no longer
// compiles. Import the function outside the macro.
macro_rules! import {
    ($p:path) => {
        use $p;
    };
}

#[ephemeral_fs::ephemeral_fs]
pub fn staged(body: &[u8]) -> std::io::Result<u64> {
    import!(std::fs::write);
    let tmp = tempfile::NamedTempFile::new()?;
    write(tmp.path(), body)?;
    Ok(std::fs::metadata(tmp.path())?.len())
}

fn main() {}
