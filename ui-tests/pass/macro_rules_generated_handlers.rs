#![deny(warnings)]

use std::io::Write;

use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

// Defines an annotated handler from its arguments: the name, the body's
// parameter and what to do with the staged file all come from the caller.
macro_rules! staging_handler {
    ($name:ident, |$body:ident, $tmp:ident| $stage:expr) => {
        #[ephemeral_fs]
        fn $name($body: &[u8]) -> std::io::Result<u64> {
            let $tmp = NamedTempFile::new()?;
            $stage?;
            Ok(std::fs::metadata(&$tmp)?.len())
        }
    };
}

staging_handler!(stage_upload, |body, tmp| std::fs::write(&tmp, body));
staging_handler!(stage_twice, |body, tmp| {
    std::fs::write(tmp.path(), body)?;
    std::fs::OpenOptions::new()
        .append(true)
        .open(&tmp)?
        .write_all(body)
});

struct Draft(Vec<u8>);

impl Draft {
    fn keep(self) -> Vec<u8> {
        self.0
    }
}

// Every filesystem call comes from the macro's own tokens.
macro_rules! scratch_handler {
    ($name:ident) => {
        #[ephemeral_fs]
        fn $name(body: &[u8]) -> std::io::Result<Vec<u8>> {
            let mut tmp = NamedTempFile::new()?;
            tmp.write_all(body)?;
            std::fs::write(tmp.path(), body)?;
            let draft = Draft(std::fs::read(&tmp)?);
            Ok(draft.keep())
        }
    };
}

scratch_handler!(stage_scratch);

// Two variables named `tmp`: the macro's own temp file and the caller's
// draft. Hygiene keeps them apart, so the write goes to the temp file and
// `keep()` is the draft's.
macro_rules! shadowing_handler {
    ($name:ident, $tmp:ident) => {
        #[ephemeral_fs]
        fn $name(body: &[u8]) -> std::io::Result<usize> {
            let tmp = NamedTempFile::new()?;
            let $tmp = Draft(body.to_vec());
            std::fs::write(&tmp, body)?;
            Ok($tmp.keep().len() + std::fs::read(&tmp)?.len())
        }
    };
}

shadowing_handler!(stage_shadowed, tmp);

fn main() {
    assert_eq!(stage_upload(b"abc").unwrap(), 3);
    assert_eq!(stage_twice(b"ab").unwrap(), 4);
    assert_eq!(stage_scratch(b"xyz").unwrap(), b"xyz");
    assert_eq!(stage_shadowed(b"12").unwrap(), 4);
}
