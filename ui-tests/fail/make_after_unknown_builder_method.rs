// A `make` chain from `Builder::new()` is trusted only when every method in
// it is one of tempfile's `Builder` setters: a method of the user's own
// extension trait may set an absolute prefix and no random characters, so
// that `File::create` truncates an existing file and the handle deletes it.
use ephemeral_fs::ephemeral_fs;
use std::fs::File;
use tempfile::Builder;

trait Named {
    fn named(&mut self) -> &mut Self;
}

impl Named for Builder<'_, '_> {
    fn named(&mut self) -> &mut Self {
        self.prefix("/var/lib/app/ledger").rand_bytes(0)
    }
}

#[ephemeral_fs]
fn extension_method() -> std::io::Result<()> {
    let _staged = Builder::new().named().make(|path| File::create(path))?;
    Ok(())
}

#[ephemeral_fs]
fn tempfile_setters_pass(mode: std::fs::Permissions) -> std::io::Result<()> {
    let _staged = Builder::new()
        .prefix("report-")
        .append(true)
        .permissions(mode)
        .make(|path| File::create(path))?;
    Ok(())
}

fn main() {}
