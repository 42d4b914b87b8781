use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

// `std::fs::copy` used as a value under `deny(persistent_read)`: its source
// is checked, as in a call written out.
#[ephemeral_fs(deny(persistent_read))]
fn snapshot() -> std::io::Result<u64> {
    let tmp = NamedTempFile::new()?;
    let cp = std::fs::copy;
    cp("/etc/hostname", &tmp)
}

// The same with `persistent_write` allowed: the source is still checked.
#[ephemeral_fs(deny(persistent_read), allow(persistent_write))]
fn export() -> std::io::Result<u64> {
    let cp = std::fs::copy;
    cp("/etc/hostname", "/var/exports/hostname")
}

fn main() {
    let _ = (snapshot(), export());
}
