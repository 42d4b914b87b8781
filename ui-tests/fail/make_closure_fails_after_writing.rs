use ephemeral_fs::ephemeral_fs;
use tempfile::Builder;

// tempfile removes the path it hands a `make` closure only when the closure
// succeeds: one that fails after creating the file leaves it behind.
#[ephemeral_fs]
fn stage(body: &[u8]) -> std::io::Result<()> {
    let staged = Builder::new().make(|path| {
        std::fs::write(path, body)?;
        Err::<(), _>(std::io::Error::other("refused after writing"))
    });
    staged.map(drop)
}

fn main() {}
