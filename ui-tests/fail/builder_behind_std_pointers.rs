// A std builder whose flags are not in sight is refused through std's own
// pointers too: `Arc`, `Rc`, a `static` `LazyLock`, the guards of a
// `Mutex` or a `RefCell`, `Cow`, `AssertUnwindSafe`, and an index that
// calls nothing.
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

#[ephemeral_fs]
fn behind_guards(
    shared: &std::sync::Mutex<OpenOptions>,
    local: &std::cell::RefCell<OpenOptions>,
    p: &str,
) -> std::io::Result<()> {
    shared.lock().unwrap().open(p)?;
    local.borrow().open(p)?;
    Ok(())
}

#[ephemeral_fs]
fn behind_wrappers_and_indexes(
    copied: std::borrow::Cow<'_, OpenOptions>,
    wrapped: std::panic::AssertUnwindSafe<OpenOptions>,
    several: [OpenOptions; 2],
    append: bool,
    p: &str,
) -> std::io::Result<()> {
    copied.open(p)?;
    wrapped.open(p)?;
    several[append as usize].open(p)?;
    Ok(())
}

#[ephemeral_fs]
fn behind_manually_drop_and_pin(
    kept: &std::mem::ManuallyDrop<OpenOptions>,
    pinned: std::pin::Pin<&OpenOptions>,
    p: &str,
) -> std::io::Result<()> {
    kept.open(p)?;
    pinned.open(p)?;
    Ok(())
}

fn main() {}
