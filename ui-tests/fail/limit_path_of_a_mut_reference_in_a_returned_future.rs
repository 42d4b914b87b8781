// A limit, pinned (a false rejection): a path taken from a temp handle
// behind a `&mut` reference, inline in a call whose future is returned, is
// computed from a borrow of the reference itself, which the future cannot
// outlive (E0515). Without the attribute, `tmp.path()` reborrows `*tmp` for
// the reference's lifetime. Reborrow it shared first:
// `let tmp: &NamedTempFile = tmp;`. If the attribute comes to accept this,
// this case fails and moves to the compile-pass cases.
use std::future::Future;

use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

#[ephemeral_fs]
fn stage<'a>(
    tmp: &'a mut NamedTempFile,
    body: &'a [u8],
) -> impl Future<Output = std::io::Result<()>> + 'a {
    tokio::fs::write(tmp.path(), body)
}

#[ephemeral_fs]
fn reborrowed<'a>(
    tmp: &'a mut NamedTempFile,
    body: &'a [u8],
) -> impl Future<Output = std::io::Result<()>> + 'a {
    let tmp: &NamedTempFile = tmp;
    tokio::fs::write(tmp.path(), body)
}

fn main() {}
