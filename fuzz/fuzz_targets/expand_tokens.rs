//! Arbitrary text as `#[ephemeral_fs(ARGS)] ITEM`.
//!
//! Input format: UTF-8 text; the attribute arguments come before the first
//! NUL byte, the item after it. Without a NUL the whole text is the item and
//! the arguments are empty.
//!
//! Asserts: `expand` never panics; when the item parses as a `syn::Item`,
//! the output parses as a `syn::File` (the item plus `compile_error!`s).
#![no_main]

use libfuzzer_sys::fuzz_target;
use proc_macro2::TokenStream;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (args, item) = match text.split_once('\u{0}') {
        Some((args, item)) => (args, item),
        None => ("", text),
    };
    let Ok(args) = args.parse::<TokenStream>() else {
        return;
    };
    let Ok(item) = item.parse::<TokenStream>() else {
        return;
    };
    let item_parses = syn::parse2::<syn::Item>(item.clone()).is_ok();
    let output = ephemeral_fs_core::expand(args.clone(), item.clone());
    if item_parses {
        if let Err(error) = syn::parse2::<syn::File>(output.clone()) {
            panic!(
                "output does not parse as a file: {error}\nargs: {args}\nitem: {item}\noutput: {output}"
            );
        }
    }
});
