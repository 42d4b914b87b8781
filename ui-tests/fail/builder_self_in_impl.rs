// `Self` in an impl for a std type is that type.
use ephemeral_fs::ephemeral_fs;

trait Make: Sized {
    fn make(p: &str) -> std::io::Result<Self>;
}

#[ephemeral_fs]
impl Make for std::fs::File {
    fn make(p: &str) -> std::io::Result<Self> {
        Self::create(p)
    }
}

trait Save {
    fn save(p: &str) -> std::io::Result<()>;
}

#[ephemeral_fs]
impl Save for std::fs::OpenOptions {
    fn save(p: &str) -> std::io::Result<()> {
        Self::new().write(true).create(true).open(p)?;
        Ok(())
    }
}

fn main() {}
