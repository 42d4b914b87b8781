//! The proc-macro entry point of `ephemeral-fs`. Depend on `ephemeral-fs`,
//! which re-exports the attribute and holds the API the expansion calls.

use proc_macro::TokenStream;

/// See the `ephemeral-fs` crate.
#[proc_macro_attribute]
pub fn ephemeral_fs(args: TokenStream, item: TokenStream) -> TokenStream {
    ephemeral_fs_core::expand(args.into(), item.into()).into()
}
