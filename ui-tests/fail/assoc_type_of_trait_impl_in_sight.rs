// A trait impl's associated type in sight is followed wherever the impl's
// type names it: `<Local as Backend>::Handle` in the module, and
// `<Self as Backend>::Handle` in an inherent impl of `Local`.
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

    impl Local {
        pub fn save_log(&self) -> std::io::Result<()> {
            <Self as Backend>::Handle::create("/srv/uploads/local.log")?;
            Ok(())
        }
    }
}

fn main() {}
