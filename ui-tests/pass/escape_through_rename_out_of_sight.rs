#![deny(warnings)]

use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile as staged;

// Documented limit, pinned: a rename of tempfile's type imported outside
// the annotated item is not known to be tempfile's, so the path-called
// `staged::keep` (lowercase, as a module's function would be) is not
// probed. Import it inside the item, or call the method (`tmp.keep()`),
// which is decided by type; `cargo ephemeral-fs` reads the whole file and
// reports it.
#[ephemeral_fs]
fn save(tmp: staged) -> std::io::Result<std::path::PathBuf> {
    let (_, path) = staged::keep(tmp)?;
    Ok(path)
}

fn main() {
    let path = save(staged::new().unwrap()).unwrap();
    // Today's behaviour: the file is kept.
    assert!(path.exists());
    std::fs::remove_file(path).unwrap();
}
