// A method of yours named like one of tempfile's escapes, on a `&mut` to a
// handle, is refused as tempfile's: `disable_cleanup` and `Builder::keep`
// take their handle by `&mut`, and the check reads the receiver's type,
// not the method rustc picks. On a shared reference it compiles
// (`escape_names_of_yours_on_shared_references`).
use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

trait Touch {
    fn keep(&mut self) -> bool;
}

impl Touch for NamedTempFile {
    fn keep(&mut self) -> bool {
        self.path().exists()
    }
}

#[ephemeral_fs]
fn touched(tmp: &mut NamedTempFile) -> bool {
    tmp.keep()
}

fn main() {}
