//! Helpers shared by the expansion tests.
#![allow(dead_code)] // each test file uses its own subset

use ephemeral_fs_core::{Analysis, analyze};
use proc_macro2::TokenStream;
use quote::ToTokens;

/// Analyses `input` as if it carried `#[ephemeral_fs(args)]`.
pub fn run(args: TokenStream, input: TokenStream) -> Analysis {
    analyze(args, syn::parse2(input).expect("test input parses"))
}

/// The rewritten item, printed; panics if the macro reported an error.
pub fn rewritten(args: TokenStream, input: TokenStream) -> String {
    let analysis = run(args, input);
    if let Some(error) = &analysis.error {
        panic!("unexpected error: {error}");
    }
    analysis.item.to_token_stream().to_string()
}

/// Every error message, in order, and the item emitted next to them.
pub fn errors(args: TokenStream, input: TokenStream) -> (Vec<String>, String) {
    let analysis = run(args, input);
    let messages = analysis
        .error
        .expect("an error")
        .into_iter()
        .map(|error| error.to_string())
        .collect();
    (messages, analysis.item.to_token_stream().to_string())
}
