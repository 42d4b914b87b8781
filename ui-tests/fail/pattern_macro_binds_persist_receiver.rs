// A pattern macro (`some!(upload)`) binds the name it is given: in a let
// chain, the `persist` receiver is that binding, not the outer `upload`,
// and it is checked at the call.
use tempfile::NamedTempFile;

use ephemeral_fs::ephemeral_fs;

macro_rules! some {
    ($name:ident) => {
        Some($name)
    };
}

struct Draft;

impl Draft {
    fn persist(&self, _key: &str) -> Result<(), ()> {
        Ok(())
    }
}

#[ephemeral_fs]
fn let_chain(staged: Option<NamedTempFile>) -> bool {
    let upload = Draft;
    let _ = upload.persist("draft");
    if let some!(upload) = staged
        && upload.persist("/var/uploads/let_chain.bin").is_ok()
    {
        true
    } else {
        false
    }
}

fn main() {}
