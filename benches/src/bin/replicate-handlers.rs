//! Turns a real service's handler module into a benchmark workload: prints
//! the file as it is, followed by `copies` inline modules that each hold a
//! copy of its free functions under one attribute. `scripts/bench-check.sh`
//! (`WORKLOAD=real`) uses it to reach about 1,000 functions of code nobody
//! here wrote, in a crate that still builds with its own dependencies.
//!
//! ```text
//! replicate-handlers count <file.rs>...
//!     Prints how many functions a copy of these files holds, and how many
//!     of them #[ephemeral_fs]'s fast path skips.
//! replicate-handlers copy <file.rs> <copies> <variant>
//!     Prints the file with its copies. <variant>: none, ephemeral_fs,
//!     floor, identity or tracing.
//! ```
//!
//! A copy is `mod __bench_copy_N { use super::*; .. }`, so the file's own
//! imports and items stay in sight. Functions the attribute would reject at
//! its default levels (they write to a local path, which these services do
//! on purpose) carry `#[ephemeral_fs(warn(..))]` in the ephemeral_fs
//! variant, as a service adopting it handler by handler would first write.
//! Functions whose analysis reports an error at any level, `main` and tests
//! are not copied, in any variant.

use std::process::ExitCode;

use ephemeral_fs_core::lints::Level;
use proc_macro2::TokenStream;
use quote::{ToTokens, quote};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["count", files @ ..] if !files.is_empty() => count(files),
        ["copy", file, copies, variant] => copies
            .parse()
            .map_err(|_| format!("not a number of copies: {copies}"))
            .and_then(|copies| copy(file, copies, variant)),
        _ => Err(
            "usage: replicate-handlers count <file.rs>... | copy <file.rs> <copies> <variant>"
                .into(),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::from(2)
        }
    }
}

/// A function to copy, with the attribute arguments the ephemeral_fs
/// variant gives it.
struct Handler {
    function: syn::ItemFn,
    warn: bool,
}

fn parse(path: &str) -> Result<syn::File, String> {
    let source =
        std::fs::read_to_string(path).map_err(|error| format!("cannot read {path}: {error}"))?;
    syn::parse_file(&source).map_err(|error| format!("{path} does not parse: {error}"))
}

fn handlers(file: &syn::File) -> Vec<Handler> {
    file.items
        .iter()
        .filter_map(|item| match item {
            syn::Item::Fn(function) => Some(function),
            _ => None,
        })
        .filter(|function| function.sig.ident != "main" && !is_test(&function.attrs))
        .filter_map(|function| {
            let default =
                ephemeral_fs_core::analyze(TokenStream::new(), syn::Item::Fn(function.clone()));
            let warned = ephemeral_fs_core::analyze(warn_levels(), syn::Item::Fn(function.clone()));
            if warned.error.is_some() {
                return None;
            }
            let warn =
                default.error.is_some() || default.findings.iter().any(|f| f.level == Level::Deny);
            Some(Handler {
                function: function.clone(),
                warn,
            })
        })
        .collect()
}

fn warn_levels() -> TokenStream {
    quote!(warn(persistent_write, temp_escape))
}

fn is_test(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|attr| {
        attr.path().is_ident("test")
            || (attr.path().is_ident("cfg") && attr.to_token_stream().to_string().contains("test"))
    })
}

fn count(files: &[&str]) -> Result<(), String> {
    let (mut functions, mut skipped, mut warned) = (0, 0, 0);
    for path in files {
        for handler in handlers(&parse(path)?) {
            functions += 1;
            warned += usize::from(handler.warn);
            let tokens = handler.function.to_token_stream();
            skipped += usize::from(ephemeral_fs_core::nothing_to_do(
                &TokenStream::new(),
                &tokens,
            ));
        }
    }
    println!("{functions} {skipped} {warned}");
    Ok(())
}

fn copy(path: &str, copies: usize, variant: &str) -> Result<(), String> {
    let file = parse(path)?;
    let handlers = handlers(&file);
    let mut out = file.to_token_stream();
    for n in 0..copies {
        let module = quote::format_ident!("__bench_copy_{n}");
        let mut functions = TokenStream::new();
        for handler in &handlers {
            let attribute = match variant {
                "none" => TokenStream::new(),
                "ephemeral_fs" if handler.warn => {
                    let levels = warn_levels();
                    quote!(#[ephemeral_fs::ephemeral_fs(#levels)])
                }
                "ephemeral_fs" => quote!(#[ephemeral_fs::ephemeral_fs]),
                "floor" => quote!(#[floor::floor]),
                "identity" => quote!(#[identity::identity]),
                "tracing" => quote!(#[tracing::instrument(skip_all)]),
                other => return Err(format!("unknown variant {other}")),
            };
            let function = &handler.function;
            functions.extend(quote!(#attribute #function));
        }
        out.extend(quote! {
            #[allow(dead_code, unused_imports, unused_variables, unused_mut, deprecated)]
            mod #module {
                use super::*;
                #functions
            }
        });
    }
    println!("{out}");
    Ok(())
}
