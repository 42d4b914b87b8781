// A function called through an associated type that no impl in sight names
// is decided by the type the compiler resolves it to: for std's `File`,
// `OpenOptions`, `DirBuilder` and Unix sockets, its path gets the bound it
// gets when the type is named, and a builder made this way is refused.
// The impl may sit where the resolver does not follow it: renamed by a
// `use` in its own module, reached through a rename or an alias of the
// projection, imported from a sibling module, inside a `const _` block,
// for a generic type, fixed by a generic bound, or out of sight (where the
// item still names a type of std's filesystem: an item that names none
// takes the fast path unread), a parameter of an impl out of sight (the
// attribute on a method), `Self` out of sight, a trait's parameter, an
// alias of an alias, an alias in a module, an identity alias of the
// projection, and such a function taken as a value.
use ephemeral_fs::ephemeral_fs;

pub trait Backend {
    type Handle;
    type Options;
}

pub struct Local;

impl Backend for Local {
    type Handle = std::fs::File;
    type Options = std::fs::OpenOptions;
}

#[ephemeral_fs]
mod handlers {
    pub trait Store {
        type Blob;
    }

    pub mod backends {
        use std::fs::File as Blob;

        pub struct Disk;

        impl super::Store for Disk {
            type Blob = Blob;
        }
    }

    use backends::Disk as Configured;

    pub fn renamed(path: &str) -> std::io::Result<()> {
        <Configured as Store>::Blob::create(path)?;
        Ok(())
    }

    pub mod api {
        use super::Store;
        use super::backends::Disk;

        pub fn from_a_sibling(path: &str) -> std::io::Result<()> {
            <<Disk as Store>::Blob>::create_new(path)?;
            Ok(())
        }
    }
}

#[ephemeral_fs]
fn bound<B: Backend<Handle = std::fs::File>>(path: &std::path::Path) -> std::io::Result<()> {
    B::Handle::create(path)?;
    Ok(())
}

#[ephemeral_fs]
fn out_of_sight(path: &str) -> std::io::Result<std::fs::File> {
    let mut options = <Local as Backend>::Options::new();
    options.read(true);
    <Local as Backend>::Handle::create(path)
}

pub struct Service;

#[ephemeral_fs]
impl Backend for Service {
    type Handle = std::fs::File;
    type Options = std::os::unix::net::UnixListener;
}

#[ephemeral_fs]
impl Service {
    pub fn listen(path: &str) -> std::io::Result<std::os::unix::net::UnixListener> {
        <Self as Backend>::Options::bind(path)
    }
}

#[ephemeral_fs]
mod generic_types {
    pub trait Backend {
        type Handle;
    }

    pub struct Disk<T>(pub T);

    impl<T> Backend for Disk<T> {
        type Handle = std::fs::File;
    }

    impl<T> Disk<T> {
        pub fn save(path: &str) -> std::io::Result<()> {
            <Self as Backend>::Handle::create(path)?;
            Ok(())
        }
    }

    pub struct Local;

    const _: () = {
        impl Backend for Local {
            type Handle = std::fs::File;
        }
    };

    type HandleOf<B> = <B as Backend>::Handle;

    pub fn through_an_alias(path: &str) -> std::io::Result<()> {
        HandleOf::<Local>::create(path)?;
        <Local as Backend>::Handle::create(path)?;
        Ok(())
    }
}

pub struct Svc<B>(pub B);

impl<B: Backend<Handle = std::fs::File>> Svc<B> {
    // On the method alone: the impl's parameter is out of sight.
    #[ephemeral_fs]
    pub fn save(path: &str) -> std::io::Result<std::fs::File> {
        B::Handle::create(path)
    }
}

#[ephemeral_fs]
pub trait Saver<B: Backend<Handle = std::fs::File>> {
    fn save(path: &str) -> std::io::Result<std::fs::File> {
        B::Handle::create(path)
    }
}

pub trait Sink {
    fn open_sink(path: &str) -> std::io::Result<std::fs::File>;
}

impl Sink for std::fs::File {
    // `Self` is `File`, out of sight.
    #[ephemeral_fs]
    fn open_sink(path: &str) -> std::io::Result<std::fs::File> {
        Self::create(path)
    }
}

#[ephemeral_fs]
mod aliases {
    use super::{Backend, Local};

    pub mod types {
        pub type Handle = <super::super::Local as super::super::Backend>::Handle;
    }
    type LogFile = types::Handle;
    type Id<T> = T;

    pub fn save(path: &str) -> std::io::Result<Vec<std::fs::File>> {
        types::Handle::create(path)?;
        LogFile::create(path)?;
        Id::<<Local as Backend>::Handle>::create(path)?;
        [path].into_iter().map(<Local as Backend>::Handle::create).collect()
    }
}

fn main() {}
