//! The guide: the attribute's and the audit's reference, one chapter a
//! module. The chapters are the Markdown files in `runtime/src/guide/`.
//!
//! - [`temp_files`]: what counts as a temp file, and how locals are followed.
//! - [`keeping`]: keeping what must last, with `store::put_file`.
//! - [`placement`]: where the attribute goes.
//! - [`lints`]: the lints, the calls each one looks at, the spellings
//!   recognised, exceptions and levels. Each lint's own page is in
//!   [`lint`](crate::lint).
//! - [`limits`]: what the attribute cannot see.
//! - [`audit`]: `cargo ephemeral-fs`: scopes, levels, formats, exit status,
//!   how it decides what is a temp file, and its limits.
//! - [`upload_service`]: the example upload service.
//! - [`cost`]: build-time and run-time cost, and the runs on code we did not
//!   write.
//! - [`how_it_works`]: what the attribute generates.

#[doc = include_str!("guide/temp_files.md")]
pub mod temp_files {}

#[doc = include_str!("guide/keeping.md")]
pub mod keeping {}

#[doc = include_str!("guide/placement.md")]
pub mod placement {}

#[doc = include_str!("guide/lints.md")]
pub mod lints {}

#[doc = include_str!("guide/limits.md")]
pub mod limits {}

#[doc = include_str!("guide/audit.md")]
pub mod audit {}

#[doc = include_str!("guide/upload_service.md")]
pub mod upload_service {}

#[doc = include_str!("guide/cost.md")]
pub mod cost {}

#[doc = include_str!("guide/how_it_works.md")]
pub mod how_it_works {}
