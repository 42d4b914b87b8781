//! Marker types naming the lints, as they appear in compiler messages
//! (`TempTarget<persistent_read>`), and the traits through which `warn`
//! levels report.
#![allow(non_camel_case_types)]

use crate::sealed::Sealed;

// One source per lint, the table of `ephemeral-fs-lints`: the same text is
// `cargo ephemeral-fs --explain`'s and the SARIF report's.
#[doc = ephemeral_fs_lints::lint_doc!(persistent_write)]
pub enum persistent_write {}
#[doc = ephemeral_fs_lints::lint_doc!(persistent_read)]
pub enum persistent_read {}
#[doc = ephemeral_fs_lints::lint_doc!(temp_escape)]
pub enum temp_escape {}
#[doc = ephemeral_fs_lints::lint_doc!(local_volume)]
pub enum local_volume {}
#[doc = ephemeral_fs_lints::lint_doc!(unguarded_request_path)]
pub enum unguarded_request_path {}

// A proc macro can only raise a warning on stable Rust by making the user's
// code call something `#[deprecated]`. rustc's message starts with the
// deprecated method's full path, so these traits and methods are named to
// read as the lint and the problem:
//
//   warning: use of deprecated method
//            `ephemeral_fs::lint::PersistentWrite::path_is_not_a_temp_file`: ..

/// How `warn(persistent_write)` findings are reported. Not for direct use.
#[doc(hidden)]
pub trait PersistentWrite<T>: Sealed {
    #[deprecated(
        note = "a request handler's local files vanish on restart and are not shared between instances; use a `tempfile::NamedTempFile`, a `dir.child(..)` of a `tempfile::TempDir`, or a backing service such as object storage; to write there on purpose, put `#[ephemeral_fs::allow(persistent_write, reason = \"...\")]` on the statement"
    )]
    fn path_is_not_a_temp_file(self) -> T;

    #[deprecated(
        note = "`x.path()` is a temp file's path when `x` is a `NamedTempFile` or `TempDir`, and a local bound to it counts when its `let` is not `mut` and it is not bound again; a request handler's other local files vanish on restart; to write there on purpose, put `#[ephemeral_fs::allow(persistent_write, reason = \"...\")]` on the statement"
    )]
    fn path_owner_is_not_a_temp_file<P>(self, path: P) -> P;

    #[deprecated(
        note = "`dir.path().join(\"name\")` stays inside a temp directory when `dir` is a `TempDir` and the name a literal of normal components; use `dir.child(name)?` for names known at run time; to write there on purpose, put `#[ephemeral_fs::allow(persistent_write, reason = \"...\")]` on the statement"
    )]
    fn joined_path_may_leave_the_temp_dir<P>(self, path: P) -> P;

    #[deprecated(
        note = "the path handed to a `make(|path| ..)` closure is a temp file's only for `tempfile::Builder::make`; to write there on purpose, put `#[ephemeral_fs::allow(persistent_write, reason = \"...\")]` on the statement"
    )]
    fn closure_path_is_not_from_tempfile(self) -> T;
}

/// How `warn(persistent_read)` findings are reported. Not for direct use.
#[doc(hidden)]
pub trait PersistentRead<T>: Sealed {
    #[deprecated(
        note = "a local file may be missing after a restart or on another instance; read from a backing service, or from a temp file this request created; to read it on purpose, put `#[ephemeral_fs::allow(persistent_read, reason = \"...\")]` on the statement"
    )]
    fn read_path_is_not_a_temp_file(self) -> T;

    #[deprecated(
        note = "`x.path()` is a temp file's path when `x` is a `NamedTempFile` or `TempDir`, and a local bound to it counts when its `let` is not `mut` and it is not bound again; to read it on purpose, put `#[ephemeral_fs::allow(persistent_read, reason = \"...\")]` on the statement"
    )]
    fn read_path_owner_is_not_a_temp_file<P>(self, path: P) -> P;

    #[deprecated(
        note = "`dir.path().join(\"name\")` stays inside a temp directory when `dir` is a `TempDir` and the name a literal of normal components; to read it on purpose, put `#[ephemeral_fs::allow(persistent_read, reason = \"...\")]` on the statement"
    )]
    fn read_joined_path_may_leave_the_temp_dir<P>(self, path: P) -> P;
}

/// How `warn(temp_escape)` findings are reported. Not for direct use.
#[doc(hidden)]
pub trait TempEscape: Sealed {
    type Output;

    #[deprecated(
        note = "a file kept on local disk vanishes on restart and is not shared between instances; upload the data to a backing service before the request ends (`ephemeral_fs::store::put_file`, feature `object-store`); to keep it on purpose, put `#[ephemeral_fs::allow(temp_escape, reason = \"...\")]` on the statement"
    )]
    fn lets_a_temp_file_outlive_the_request(self) -> Self::Output;

    #[deprecated(
        note = "dropping the handle deletes that path, and keeping it keeps a local file; create temp files with `NamedTempFile::new()`; to do this on purpose, put `#[ephemeral_fs::allow(temp_escape, reason = \"...\")]` on the statement"
    )]
    fn adopts_a_path_that_is_not_a_temp_file(self) -> Self::Output;
}

/// How `warn(persistent_write)` reports a std builder whose flags are not
/// in sight. Not for direct use.
#[doc(hidden)]
pub trait UnseenBuilderFlags: Sealed {
    type Output;

    #[deprecated(
        note = "the flags of this builder are not in sight (it is bound by a pattern, passed in, held in a field, made by a function value, or an item of the block), so its `open` or `create` may write anywhere; write the chain in one piece, `OpenOptions::new().write(true).open(path)`, so that its path is checked; to open it on purpose, put `#[ephemeral_fs::allow(persistent_write, reason = \"...\")]` on the statement"
    )]
    fn builder_flags_are_not_in_sight(self) -> Self::Output;
}
