//! The analysis and rewrite behind `#[ephemeral_fs]`, on proc-macro2 so it
//! can be unit-tested and reused outside a proc macro.
//!
//! Stages: `prescan` (the common case of nothing to do, without parsing),
//! `args` (attribute arguments), `resolve` (names in sight),
//! `rewrite` (the walk), `flow` (where a path local comes from), `calls`,
//! `escape` and `macros` (what to do at each call),
//! `emit` (generated code), `expand` (entry point and fallback).
//! `audit` runs the same walk over whole files for `cargo ephemeral-fs`,
//! with `approx` standing in for the compiler's type checks.

pub mod approx;
mod args;
pub mod audit;
mod calls;
mod ctxt;
mod emit;
mod escape;
mod expand;
mod finding;
mod flow;
pub mod lints;
mod macros;
pub mod ops;
mod prescan;
mod resolve;
mod rewrite;
mod syntax;

pub use expand::{Analysis, analyze, expand};
pub use finding::{Finding, Subject};
