// A limit, pinned: our attribute under a name imported outside the
// annotated item is not known to be ours inside it. The enclosing
// attribute leaves it in place, and it then runs on the rewritten item and
// reads the enclosing one's checks as plain paths. Correct code fails to
// build (it fails closed); write `#[ephemeral_fs(..)]`, or import the name
// inside the item.
use ephemeral_fs::ephemeral_fs;
use ephemeral_fs::ephemeral_fs as guarded;

#[ephemeral_fs]
mod handlers {
    use super::*;

    #[guarded]
    pub fn stage(body: &[u8]) -> std::io::Result<()> {
        let tmp = tempfile::NamedTempFile::new()?;
        std::fs::write(tmp.path(), body)
    }
}

fn main() {}
