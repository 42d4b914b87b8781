// `Self::Handle` where the impl in sight defines `type Handle =
// std::fs::File;` is std's `File`, as is `<Self as Store>::Handle`.
use ephemeral_fs::ephemeral_fs;

pub trait Store {
    type Handle;
    fn save(&self, p: &str) -> std::io::Result<()>;
}

pub struct Disk;

#[ephemeral_fs]
impl Store for Disk {
    type Handle = std::fs::File;

    fn save(&self, p: &str) -> std::io::Result<()> {
        Self::Handle::create(p)?;
        <Self as Store>::Handle::create(p)?;
        Ok(())
    }
}

fn main() {}
