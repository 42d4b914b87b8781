// Inside an annotated item, the enclosing attribute applies a nested
// `#[ephemeral_fs(..)]` or `#[ephemeral_fs::allow(..)]` itself. Under
// `cfg_attr` it cannot tell whether the condition holds: it refuses the
// shape rather than apply the levels twice or not at all.
use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
mod handlers {
    #[cfg_attr(not(test), ephemeral_fs::ephemeral_fs(warn(persistent_write)))]
    pub fn stage(body: &[u8]) -> std::io::Result<()> {
        let tmp = tempfile::NamedTempFile::new()?;
        std::fs::write(tmp.path(), body)
    }
}

#[ephemeral_fs]
fn upload(body: &[u8]) -> std::io::Result<()> {
    #[cfg_attr(all(), cfg_attr(all(), ephemeral_fs::allow(persistent_write, reason = "a cache")))]
    std::fs::write("/var/cache/upload", body)?;
    Ok(())
}

fn main() {}
