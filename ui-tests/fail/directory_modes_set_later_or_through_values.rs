// A mode given anywhere in the body counts: a `DirBuilder`'s `mode` after
// its `create`, which a loop runs before the next one, and tempfile's
// `Builder::permissions` taken as a value, where the body makes a temp
// directory, there or in a macro's arguments.
use ephemeral_fs::{TempDirExt, ephemeral_fs};

#[ephemeral_fs]
fn mode_after_create() -> std::io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    let dir = tempfile::TempDir::new()?;
    let mut builder = std::fs::DirBuilder::new();
    for name in ["inbox", "sealed"] {
        builder.create(dir.child(name)?)?;
        builder.mode(0o000);
    }
    Ok(())
}

#[ephemeral_fs]
fn permissions_as_a_value() -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mut builder = tempfile::Builder::new();
    let set = tempfile::Builder::permissions;
    set(&mut builder, std::fs::Permissions::from_mode(0o000));
    let _dir = builder.tempdir()?;
    Ok(())
}

#[ephemeral_fs]
fn made_in_a_macro() -> std::io::Result<usize> {
    use std::os::unix::fs::PermissionsExt;
    let mut builder = tempfile::Builder::new();
    builder.permissions(std::fs::Permissions::from_mode(0o300));
    let dirs = vec![builder.tempdir()?];
    Ok(dirs.len())
}

fn main() {}
