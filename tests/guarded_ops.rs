use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn stage(body: &[u8]) -> std::io::Result<Vec<u8>> {
    let tmp = tempfile::NamedTempFile::new()?;
    std::fs::write(&tmp, body)?;
    std::fs::read(&tmp)
}

#[test]
fn write_round_trips() {
    assert_eq!(stage(b"hello").unwrap(), b"hello");
}
