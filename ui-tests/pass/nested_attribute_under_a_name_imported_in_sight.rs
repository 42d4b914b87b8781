#![deny(warnings)]

// A nested attribute under a name imported in the annotated item is the
// attribute itself: the enclosing one applies its levels and removes it,
// and the import stays used.
use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
mod handlers {
    use ephemeral_fs::ephemeral_fs as guarded;

    #[guarded(deny(persistent_read))]
    pub fn stage(body: &[u8]) -> std::io::Result<(Vec<u8>, std::path::PathBuf)> {
        let tmp = tempfile::NamedTempFile::new()?;
        std::fs::write(tmp.path(), body)?;
        Ok((std::fs::read(tmp.path())?, tmp.path().to_path_buf()))
    }
}

fn main() {
    let (read, staged) = handlers::stage(b"abc").unwrap();
    assert_eq!(read, b"abc");
    assert!(!staged.exists(), "the temp file is removed with its handle");
}
