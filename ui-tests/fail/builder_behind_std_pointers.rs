// A std builder whose flags are not in sight is refused through std's own
// pointers too: `Arc`, `Rc`, and a `static` `LazyLock`.
use ephemeral_fs::ephemeral_fs;
use std::fs::OpenOptions;
use std::rc::Rc;
use std::sync::{Arc, LazyLock};

pub struct AppState {
    pub opts: Arc<OpenOptions>,
}

#[ephemeral_fs]
fn shared_state(state: &AppState, local: Rc<OpenOptions>, p: &str) -> std::io::Result<()> {
    state.opts.open(p)?;
    local.open(p)?;
    Ok(())
}

#[ephemeral_fs]
fn lazy_static(p: &str) -> std::io::Result<()> {
    static OPTS: LazyLock<OpenOptions> = LazyLock::new(|| {
        let mut o = OpenOptions::new();
        o.write(true).create(true);
        o
    });
    OPTS.open(p)?;
    Ok(())
}

fn main() {}
