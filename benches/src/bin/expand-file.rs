//! Prints a Rust file with every item that carries
//! `#[ephemeral_fs::ephemeral_fs]` replaced by its expansion: what rustc
//! type-checks after the proc macro has run, without running it. Used by
//! `scripts/bench-check.sh` to split the attribute's cost between the proc
//! macro and the checking of the code it generates.
//!
//! Usage: expand-file <file.rs>

use std::process::ExitCode;

use proc_macro2::TokenStream;
use quote::ToTokens;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: expand-file <file.rs>");
        return ExitCode::from(2);
    };
    let source = match std::fs::read_to_string(&path) {
        Ok(source) => source,
        Err(error) => {
            eprintln!("error: cannot read {path}: {error}");
            return ExitCode::from(2);
        }
    };
    let mut file = match syn::parse_file(&source) {
        Ok(file) => file,
        Err(error) => {
            eprintln!("error: {path} does not parse: {error}");
            return ExitCode::from(2);
        }
    };
    let mut out = TokenStream::new();
    for attr in &file.attrs {
        attr.to_tokens(&mut out);
    }
    out.extend(expand_items(std::mem::take(&mut file.items)));
    println!("{out}");
    ExitCode::SUCCESS
}

/// The items, with annotated functions expanded, in inline modules too.
fn expand_items(items: Vec<syn::Item>) -> TokenStream {
    let mut out = TokenStream::new();
    for mut item in items {
        if let syn::Item::Mod(module) = &mut item
            && let Some((brace, inner)) = module.content.take()
        {
            let inner = expand_items(inner);
            let (attrs, vis, unsafety, ident) =
                (&module.attrs, &module.vis, &module.unsafety, &module.ident);
            let mut body = TokenStream::new();
            brace.surround(&mut body, |tokens| tokens.extend(inner));
            out.extend(quote::quote!(#(#attrs)* #vis #unsafety mod #ident #body));
            continue;
        }
        let args = take_attribute(&mut item);
        match args {
            Some(args) => out.extend(ephemeral_fs_core::expand(args, item.to_token_stream())),
            None => item.to_tokens(&mut out),
        }
    }
    out
}

/// Removes `#[ephemeral_fs::ephemeral_fs(..)]` from a function and returns
/// its arguments.
fn take_attribute(item: &mut syn::Item) -> Option<TokenStream> {
    let syn::Item::Fn(function) = item else {
        return None;
    };
    let at = function.attrs.iter().position(|attr| {
        let path = attr.path();
        path.segments.len() == 2
            && path.segments[0].ident == "ephemeral_fs"
            && path.segments[1].ident == "ephemeral_fs"
    })?;
    let attr = function.attrs.remove(at);
    Some(match attr.meta {
        syn::Meta::List(list) => list.tokens,
        _ => TokenStream::new(),
    })
}
