#![deny(warnings)]

// `mem::forget` and `ManuallyDrop::new` in a `const fn` are checked by the
// type of what they are given, and the functions stay `const`: usable in
// const items, and at run time. A temp file forgotten under an `allow` is
// left; one that is not is removed.

use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
mod consts {
    use std::mem::{ManuallyDrop, forget};
    use tempfile::NamedTempFile;

    pub const fn wrap(n: u32) -> ManuallyDrop<u32> {
        ManuallyDrop::new(n)
    }

    pub const fn discard<T>(value: T) {
        forget(value)
    }

    pub const fn keep_on_purpose(tmp: NamedTempFile) {
        #[ephemeral_fs::allow(temp_escape, reason = "the test removes it")]
        std::mem::forget(tmp)
    }

    pub fn stage(body: &[u8]) -> std::io::Result<(std::path::PathBuf, std::path::PathBuf)> {
        let kept = NamedTempFile::new()?;
        let dropped = NamedTempFile::new()?;
        std::fs::write(&kept, body)?;
        let paths = (kept.path().to_path_buf(), dropped.path().to_path_buf());
        keep_on_purpose(kept);
        discard(String::from("not a temp file"));
        Ok(paths)
    }
}

const WRAPPED: std::mem::ManuallyDrop<u32> = consts::wrap(3);
const DISCARDED: () = consts::discard(5u8);

fn main() {
    let () = DISCARDED;
    assert_eq!(*WRAPPED, 3);
    let (kept, dropped) = consts::stage(b"kept").unwrap();
    assert_eq!(std::fs::read(&kept).unwrap(), b"kept");
    std::fs::remove_file(&kept).unwrap();
    assert!(!dropped.exists(), "{} left behind", dropped.display());
}
