use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

// A local bound in an inner block does not reach the use after it: `path`
// there is the parameter.
#[ephemeral_fs]
fn save(path: &str, body: &[u8]) -> std::io::Result<()> {
    let tmp = NamedTempFile::new()?;
    {
        let path = tmp.path();
        std::fs::write(path, body)?;
    }
    std::fs::write(path, body)
}

fn main() {}
