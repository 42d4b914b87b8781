// A std function taken as a value in a struct literal's field shorthand
// (`Io { write }`) is checked as the value it is: the field is written out
// with the checked value. A `use` of a single name in sight (`use fs as
// disk;` after `use std::fs;`, `use save as store;`, `use forget as
// discard;`) means what that name means there.
use ephemeral_fs::ephemeral_fs;

pub struct Io {
    pub write: fn(String, &'static [u8]) -> std::io::Result<()>,
}

#[ephemeral_fs]
fn shorthand() -> Io {
    use std::fs::write;
    Io { write }
}

#[ephemeral_fs]
fn module_alias(name: &str) -> std::io::Result<()> {
    use std::fs;
    use fs as disk;
    disk::write(format!("/srv/uploads/{name}"), b"x")
}

#[ephemeral_fs]
fn function_alias(name: &str) -> std::io::Result<()> {
    use std::fs::write as save;
    use save as store;
    store(format!("/srv/uploads/{name}"), b"x")
}

#[ephemeral_fs]
fn leak_alias() -> std::io::Result<()> {
    use std::mem::forget;
    use forget as discard;
    let tmp = tempfile::NamedTempFile::new()?;
    discard(tmp);
    Ok(())
}

fn main() {}
