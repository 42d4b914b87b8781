use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

macro_rules! statements {
    ($($tokens:tt)*) => { $($tokens)* };
}

// A `let` among a macro's tokens binds `p` again where the macro expands.
#[ephemeral_fs]
fn save(body: &[u8]) -> std::io::Result<()> {
    let tmp = NamedTempFile::new()?;
    let p = tmp.path();
    statements! { let p = "/var/uploads/latest"; }
    std::fs::write(p, body)
}

fn main() {}
