//! A checked call fails exactly as the unchecked call does.

use std::fs;
use std::io;

use ephemeral_fs::{TempDirExt, ephemeral_fs};
use tempfile::TempDir;

/// The same body, with and without the attribute.
macro_rules! twins {
    ($checked:ident, $plain:ident, |$dir:ident| $body:expr) => {
        #[ephemeral_fs]
        fn $checked($dir: &TempDir) -> io::Result<()> {
            $body
        }
        fn $plain($dir: &TempDir) -> io::Result<()> {
            $body
        }
    };
}

twins!(read_missing, read_missing_plain, |dir| fs::read(
    dir.child("missing")?
)
.map(drop));
twins!(create_existing_dir, create_existing_dir_plain, |dir| {
    let sub = dir.child("sub")?;
    fs::create_dir(&sub)?;
    fs::create_dir(&sub)
});
twins!(remove_full_dir, remove_full_dir_plain, |dir| {
    let sub = dir.child("full")?;
    fs::create_dir(&sub)?;
    fs::write(sub.child("f")?, b"x")?;
    fs::remove_dir(&sub)
});
twins!(
    write_into_missing_dir,
    write_into_missing_dir_plain,
    |dir| fs::write(dir.child("no/such/dir/file")?, b"x")
);
twins!(create_new_twice, create_new_twice_plain, |dir| {
    let path = dir.child("once")?;
    fs::File::create_new(&path)?;
    fs::File::create_new(&path).map(drop)
});

fn same_error(
    checked: fn(&TempDir) -> io::Result<()>,
    plain: fn(&TempDir) -> io::Result<()>,
) -> io::ErrorKind {
    let a = checked(&TempDir::new().unwrap()).unwrap_err();
    let b = plain(&TempDir::new().unwrap()).unwrap_err();
    assert_eq!(a.kind(), b.kind());
    assert_eq!(a.raw_os_error(), b.raw_os_error());
    a.kind()
}

#[test]
fn errors_are_the_same_as_std() {
    assert_eq!(
        same_error(read_missing, read_missing_plain),
        io::ErrorKind::NotFound
    );
    assert_eq!(
        same_error(create_existing_dir, create_existing_dir_plain),
        io::ErrorKind::AlreadyExists
    );
    assert_eq!(
        same_error(write_into_missing_dir, write_into_missing_dir_plain),
        io::ErrorKind::NotFound
    );
    assert_eq!(
        same_error(create_new_twice, create_new_twice_plain),
        io::ErrorKind::AlreadyExists
    );
    same_error(remove_full_dir, remove_full_dir_plain);
}
