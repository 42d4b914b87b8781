#![deny(warnings)]

use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

struct Limits {
    files: usize,
}

impl Limits {
    const fn keep(&self) -> usize {
        self.files
    }
}

// A `const fn` body is evaluated at compile time: the user's `keep()` must
// stay a plain const call.
#[ephemeral_fs]
const fn max_files(limits: &Limits) -> usize {
    limits.keep()
}

const MAX_FILES: usize = max_files(&Limits { files: 4 });

#[ephemeral_fs]
impl Limits {
    const fn doubled(&self) -> usize {
        self.keep() * 2
    }

    fn stage(&self, body: &[u8]) -> std::io::Result<usize> {
        let tmp = NamedTempFile::new()?;
        std::fs::write(&tmp, body)?;
        Ok(std::fs::read(&tmp)?.len() + self.keep())
    }
}

#[ephemeral_fs]
unsafe fn stage_raw(ptr: *const u8, len: usize) -> std::io::Result<u64> {
    let body = unsafe { std::slice::from_raw_parts(ptr, len) };
    let tmp = NamedTempFile::new()?;
    std::fs::write(&tmp, body)?;
    Ok(std::fs::metadata(&tmp)?.len())
}

#[ephemeral_fs]
extern "C" fn stage_zeros(len: usize) -> bool {
    let Ok(tmp) = NamedTempFile::new() else {
        return false;
    };
    std::fs::write(&tmp, vec![0u8; len]).is_ok()
}

#[ephemeral_fs]
const unsafe extern "C" fn const_unsafe_c(limits: &Limits) -> usize {
    limits.keep()
}

#[ephemeral_fs]
trait Stage {
    fn body(&self) -> &[u8];

    fn stage_body(&self) -> std::io::Result<u64> {
        let tmp = NamedTempFile::new()?;
        std::fs::write(&tmp, self.body())?;
        Ok(std::fs::metadata(&tmp)?.len())
    }

    unsafe fn stage_unchecked(&self) -> std::io::Result<u64> {
        let tmp = NamedTempFile::new()?;
        std::fs::write(&tmp, self.body())?;
        self.stage_body()
    }
}

impl Stage for Limits {
    fn body(&self) -> &[u8] {
        b"limits"
    }
}

fn main() {
    const DOUBLED: usize = Limits { files: 3 }.doubled();
    let limits = Limits { files: MAX_FILES };
    assert_eq!(DOUBLED, 6);
    assert_eq!(limits.stage(b"ab").unwrap(), 6);
    let body = b"raw";
    assert_eq!(unsafe { stage_raw(body.as_ptr(), body.len()) }.unwrap(), 3);
    assert!(stage_zeros(8));
    assert_eq!(unsafe { const_unsafe_c(&limits) }, 4);
    assert_eq!(limits.stage_body().unwrap(), 6);
    assert_eq!(unsafe { limits.stage_unchecked() }.unwrap(), 6);
}
