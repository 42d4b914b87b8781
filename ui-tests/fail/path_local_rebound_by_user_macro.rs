use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

macro_rules! bind {
    ($name:ident, $value:expr) => {
        let $name = $value;
    };
}

// A macro of the user's may bind any name it is handed.
#[ephemeral_fs]
fn save(body: &[u8]) -> std::io::Result<()> {
    let tmp = NamedTempFile::new()?;
    let p = tmp.path();
    bind!(p, std::path::Path::new("/var/uploads/latest"));
    std::fs::write(p, body)
}

fn main() {}
