// A trait impl's associated type in sight is followed wherever the impl's
// type names it: `<Local as Backend>::Handle` in the module,
// `<Self as Backend>::Handle` in an inherent impl of `Local`, an alias of
// it, a nested qualified path, and an impl for a reference.
use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
mod storage {
    pub trait Backend {
        type Handle;
    }

    pub struct Local;

    impl Backend for Local {
        type Handle = std::fs::File;
    }

    pub fn save(name: &str) -> std::io::Result<()> {
        <Local as Backend>::Handle::create(format!("/srv/uploads/{name}"))?;
        Ok(())
    }

    pub struct Disk;

    impl Backend for &'static Disk {
        type Handle = std::fs::File;
    }

    type Upload = <Local as Backend>::Handle;

    pub mod backends {
        pub struct Remote;

        impl super::Backend for Remote {
            type Handle = std::fs::File;
        }
    }

    pub fn impl_in_a_child_module() -> std::io::Result<()> {
        <backends::Remote as Backend>::Handle::create("/srv/uploads/d")?;
        Ok(())
    }

    pub fn spelled_otherwise() -> std::io::Result<()> {
        Upload::create("/srv/uploads/a")?;
        <<Local as Backend>::Handle>::create("/srv/uploads/b")?;
        <&'static Disk as Backend>::Handle::create("/srv/uploads/c")?;
        Ok(())
    }

    impl Local {
        pub fn save_log(&self) -> std::io::Result<()> {
            <Self as Backend>::Handle::create("/srv/uploads/local.log")?;
            Ok(())
        }
    }
}

fn main() {}
