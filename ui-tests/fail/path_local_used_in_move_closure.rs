use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

// A check inside the closure would capture `tmp` too (and a `move` would
// move it): path locals are not followed into closures.
#[ephemeral_fs]
fn save(body: Vec<u8>) -> std::io::Result<()> {
    let tmp = NamedTempFile::new()?;
    let p = tmp.path().to_path_buf();
    let job = move || std::fs::write(&p, &body);
    job()
}

fn main() {}
