// The compiler evaluates the `#[cfg]`s inside an item only after the
// attribute has seen it, so the attribute cannot tell which alternative is
// compiled, and checks each: an fs import beside a `#[cfg]`'d stand-in
// for it is the fs one, a `#[cfg]`'d item hides nothing, and a `#[cfg]`'d
// `let` makes its names followed as neither value.
use ephemeral_fs::ephemeral_fs;

pub mod testing {
    pub struct File;
    impl File {
        pub fn create(_p: &str) -> std::io::Result<File> {
            Ok(File)
        }
    }
}

#[ephemeral_fs]
mod handlers {
    #[cfg(test)]
    use crate::testing::File;
    #[cfg(not(test))]
    use std::fs::File;

    pub fn import(p: &str) -> std::io::Result<()> {
        File::create(p)?;
        Ok(())
    }
}

#[ephemeral_fs]
mod glob {
    use std::fs::*;

    #[cfg(test)]
    fn write(_p: &str, _body: &[u8]) -> std::io::Result<()> {
        Ok(())
    }

    pub fn item(p: &str) -> std::io::Result<()> {
        write(p, b"x")
    }
}

#[ephemeral_fs]
fn conditional_let(name: &str) -> std::io::Result<()> {
    let scratch = tempfile::TempDir::new()?;
    let target = format!("/srv/uploads/{name}");
    #[cfg(test)]
    let target = scratch.path().join("out.bin");
    std::fs::write(target, b"x")?;
    drop(scratch);
    Ok(())
}

#[ephemeral_fs]
fn conditional_builder(p: &str) -> std::io::Result<()> {
    let o = std::fs::OpenOptions::new().write(true).create(true).clone();
    #[cfg(test)]
    let o = std::fs::OpenOptions::new().read(true).clone();
    o.open(p)?;
    Ok(())
}

fn main() {}
