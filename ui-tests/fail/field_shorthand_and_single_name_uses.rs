// A std function taken as a value in a struct literal's field shorthand
// (`Io { write }`) is checked as the value it is: the field is written out
// with the checked value. A `use` of a single name in sight (`use fs as
// disk;` after `use std::fs;`, `use save as store;`, `use forget as
// discard;`) means what that name means there, and a name nothing in sight
// binds (`use fs as disk;`, `use super::fs;` with the parent out of sight)
// what it conventionally means, as in a path.
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

#[ephemeral_fs]
fn conventional_name_renamed(name: &str) -> std::io::Result<()> {
    use fs as disk;
    disk::write(format!("/srv/uploads/{name}"), b"x")
}

#[ephemeral_fs]
mod handlers {
    use super::fs;
    use super::File;

    pub fn save(name: &str) -> std::io::Result<()> {
        fs::write(format!("/srv/uploads/{name}"), b"x")?;
        File::create("/srv/uploads/log")?;
        Ok(())
    }
}

use std::fs::{self, File};

fn main() {}
