#![deny(warnings)]

// A documented limit, pinned: `dbg!` and `assert!` run their tokens, so
// those are checked in place, and the text these macros print shows the
// check. The values and the outcome are the same as without the attribute.

use std::panic::{self, AssertUnwindSafe};

use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

#[ephemeral_fs]
fn failed_assertion() -> std::io::Result<String> {
    let tmp = NamedTempFile::new()?;
    let written = dbg!(std::fs::write(&tmp, b"x").is_ok());
    assert!(written);
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
        assert!(std::fs::write(&tmp, b"x").is_err());
    }));
    let payload = outcome.expect_err("the assertion fails");
    Ok(payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .unwrap_or_default())
}

fn main() {
    panic::set_hook(Box::new(|_| {}));
    let message = failed_assertion().unwrap();
    let _ = panic::take_hook();
    assert!(message.starts_with("assertion failed: std::fs::write("), "{message}");
    assert!(message.contains("ephemeral_fs::__private::persistent_write(&tmp)"), "{message}");
}
