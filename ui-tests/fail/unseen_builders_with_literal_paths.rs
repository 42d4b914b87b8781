// A builder whose flags are not in sight is probed by its type whatever
// its path, a string literal included: in a field, from a helper, bound
// by a pattern, or named through an alias or an associated type.
use std::fs::OpenOptions;

use ephemeral_fs::ephemeral_fs;

pub struct AppState {
    pub log_opts: OpenOptions,
}

fn default_opts() -> OpenOptions {
    let mut opts = OpenOptions::new();
    opts.create(true).append(true);
    opts
}

#[ephemeral_fs]
fn handler(state: &AppState) -> std::io::Result<()> {
    let _fallback: Option<OpenOptions> = None;
    state.log_opts.open("/srv/logs/field.log")?;
    default_opts().open("/srv/logs/helper.log")?;
    for opts in [default_opts()] {
        opts.open("/srv/logs/loop.log")?;
    }
    Ok(())
}

#[ephemeral_fs]
mod handlers {
    pub trait Backend {
        type Dirs;
    }

    pub struct Disk;

    impl Backend for Disk {
        type Dirs = std::fs::DirBuilder;
    }

    pub fn make_dir() -> std::io::Result<()> {
        <Disk as Backend>::Dirs::new().create("/srv/uploads/dir")
    }
}

fn main() {}
