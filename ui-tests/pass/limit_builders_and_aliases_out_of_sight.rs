#![deny(warnings)]

// Limits, pinned: a std builder in a field of a type defined elsewhere,
// where the annotated item names no builder type (the probe runs only
// where one is named, so that `client.open(url)` costs nothing); a generic
// `O: Deref<Target = OpenOptions>` (the probe sees `O`, not the builder);
// a `type` alias of `File` outside the item, plain or generic (`type
// Wrap<T> = T;` then `Wrap::<std::fs::File>`); and an associated type reached
// through another type's trait impl (`<Local as Backend>::Handle`). All
// write here, to paths inside a temp directory.

use std::ops::Deref;

use ephemeral_fs::ephemeral_fs;

pub struct AppState {
    pub opts: std::fs::OpenOptions,
}

type Upload = std::fs::File;

type Wrap<T> = T;

pub trait Backend {
    type Handle;
}

pub struct Local;

impl Backend for Local {
    type Handle = std::fs::File;
}

#[ephemeral_fs]
fn field_out_of_sight(state: &AppState, p: &str) -> std::io::Result<()> {
    state.opts.open(p)?; // audit: builder_out_of_sight
    Ok(())
}

#[ephemeral_fs]
fn generic_deref<O: Deref<Target = std::fs::OpenOptions>>(
    opts: O,
    p: &str,
) -> std::io::Result<()> {
    opts.open(p)?; // audit: builder_out_of_sight
    Ok(())
}

#[ephemeral_fs]
fn alias_out_of_sight(p: &str) -> std::io::Result<()> {
    Upload::create(p)?; // audit: persistent_write
    Ok(())
}

#[ephemeral_fs]
fn generic_alias_out_of_sight(p: &str) -> std::io::Result<()> {
    Wrap::<std::fs::File>::create(p)?; // audit: persistent_write
    Ok(())
}

#[ephemeral_fs]
fn associated_type_of_another_impl(p: &str) -> std::io::Result<()> {
    <Local as Backend>::Handle::create(p)?; // audit: persistent_write
    Ok(())
}

fn main() {
    let dir = tempfile::TempDir::new().unwrap();
    let paths: Vec<_> = ["a", "b", "c", "d", "e"]
        .iter()
        .map(|name| dir.path().join(name))
        .collect();
    let text = |i: usize| paths[i].to_str().unwrap().to_owned();
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create(true);
    field_out_of_sight(&AppState { opts: opts.clone() }, &text(0)).unwrap();
    generic_deref(std::sync::Arc::new(opts), &text(1)).unwrap();
    alias_out_of_sight(&text(2)).unwrap();
    associated_type_of_another_impl(&text(3)).unwrap();
    generic_alias_out_of_sight(&text(4)).unwrap();
    assert!(paths.iter().all(|p| p.exists()), "all five wrote unchecked");
    let kept = dir.path().to_path_buf();
    drop(dir);
    assert!(!kept.exists(), "nothing is left behind");
}
