//! The analysis and rewrite behind `#[ephemeral_fs]`, on proc-macro2 so it
//! can be unit-tested and reused outside a proc macro.
//!
//! Stages: `prescan` (the common case of nothing to do, without parsing,
//! from `text_scan`'s reading of the item's words),
//! `args` (attribute arguments), `resolve` (names in sight),
//! `rewrite` (the walk), `flow` (where a path local comes from), `calls`,
//! `builders`, `make`, `temp_dir_modes`, `values`, `unseen`, `escape` and
//! `macros` (what to decide at each call,
//! as a `check`), `emit` (generated code), `expand` (entry point and fallback).
//!
//! The audit (`ephemeral-fs-audit`) runs the same walk over whole files for
//! `cargo ephemeral-fs`. It lives in its own crate so that none of it is
//! compiled into the proc macro; the modules it reuses are public here but
//! hidden, and are not a stable API.

#[cfg(test)]
mod agreement;
#[doc(hidden)]
pub mod args;
mod bodies;
mod builders;
mod by_type;
mod calls;
pub mod check;
#[doc(hidden)]
pub mod ctxt;
mod emit;
mod escape;
mod expand;
mod flow;
mod held;
mod items;
mod leaks;
pub mod lints;
mod macro_scope;
mod macros;
mod make;
pub mod ops;
mod our_attrs;
#[doc(hidden)]
pub mod prescan;
#[doc(hidden)]
pub mod resolve;
#[doc(hidden)]
pub mod rewrite;
mod symbol;
#[doc(hidden)]
pub mod syntax;
mod temp_dir_modes;
#[doc(hidden)]
pub mod text_scan;
mod unseen;
mod values;

pub use check::{Callee, Check, CheckSummary, Subject};
pub use expand::{Analysis, analyze, expand};
pub use macros::{is_trusted_macro_crate, is_trusted_macro_name};
pub use prescan::nothing_to_do;
