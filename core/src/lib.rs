//! The analysis and rewrite behind `#[ephemeral_fs]`, on proc-macro2 so it
//! can be unit-tested and reused outside a proc macro.
//!
//! Stages: `prescan` (the common case of nothing to do, without parsing),
//! `args` (attribute arguments), `resolve` (names in sight),
//! `rewrite` (the walk), `flow` (where a path local comes from), `calls`,
//! `escape` and `macros` (what to do at each call),
//! `emit` (generated code), `expand` (entry point and fallback).
//!
//! The audit (`ephemeral-fs-audit`) runs the same walk over whole files for
//! `cargo ephemeral-fs`. It lives in its own crate so that none of it is
//! compiled into the proc macro; the modules it reuses are public here but
//! hidden, and are not a stable API.

#[doc(hidden)]
pub mod args;
mod calls;
#[doc(hidden)]
pub mod ctxt;
mod emit;
mod escape;
mod expand;
mod finding;
mod flow;
pub mod lints;
mod macros;
pub mod ops;
#[doc(hidden)]
pub mod prescan;
#[doc(hidden)]
pub mod resolve;
#[doc(hidden)]
pub mod rewrite;
#[doc(hidden)]
pub mod syntax;

pub use expand::{Analysis, analyze, expand};
pub use finding::{Finding, Subject};
