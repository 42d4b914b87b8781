//! Where the macro's time goes on a file of annotated functions: the text
//! scan (the fast path's decision on the item's text), and for the functions
//! it does not skip, syn's parse, the rewrite, and printing the result.
//! Meant to be built like the proc macro is in a user's dev profile, without
//! optimizations: `cargo run --bin phase-times -- <file.rs>` (not
//! `--release`). Tokens here are proc-macro2's own, not the compiler's, so
//! the compiler's side of the bridge, `to_string()` included, is not in
//! these figures (the `floor` variant of `scripts/bench-check.sh` measures
//! the round trip).
//!
//! Usage: phase-times <file.rs> [iterations]

use std::time::{Duration, Instant};

use proc_macro2::TokenStream;
use quote::ToTokens;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: phase-times <file.rs> [iterations]");
        std::process::exit(2);
    };
    let iterations: u32 = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(5);
    let source = std::fs::read_to_string(path).expect("reads the file");
    let file = syn::parse_file(&source).expect("parses");
    let mut functions = Vec::new();
    collect(file.items, &mut functions);

    let (mut scan, mut parse, mut rewrite, mut print) = (
        Duration::ZERO,
        Duration::ZERO,
        Duration::ZERO,
        Duration::ZERO,
    );
    let mut analysed = 0;
    for _ in 0..iterations {
        analysed = 0;
        for (args, tokens) in &functions {
            // The compiler prints the item in the real macro; here it
            // would be proc-macro2's own, much slower, printing.
            let text = tokens.to_string();
            let started = Instant::now();
            let skipped = args.is_empty() && !ephemeral_fs_core::text_scan::may_rewrite(&text);
            scan += started.elapsed();
            if skipped {
                continue;
            }
            analysed += 1;
            let started = Instant::now();
            let item: syn::Item = syn::parse2(tokens.clone()).expect("parses");
            parse += started.elapsed();
            let started = Instant::now();
            let analysis = ephemeral_fs_core::analyze(args.clone(), item);
            rewrite += started.elapsed();
            let started = Instant::now();
            let output = analysis.item.into_token_stream();
            print += started.elapsed();
            std::hint::black_box(output);
        }
    }
    let per_run = |d: Duration| d.as_secs_f64() * 1000.0 / f64::from(iterations);
    println!(
        "{} annotated functions, {} skipped by the fast path, {analysed} analysed; ms per pass over the file:",
        functions.len(),
        functions.len() - analysed
    );
    println!("| text scan | parse | rewrite | print |");
    println!("|---|---|---|---|");
    println!(
        "| {:.1} | {:.1} | {:.1} | {:.1} |",
        per_run(scan),
        per_run(parse),
        per_run(rewrite),
        per_run(print)
    );
}

/// Every function under `#[ephemeral_fs::ephemeral_fs(..)]`, in inline
/// modules too, without the attribute: its arguments and its tokens.
fn collect(items: Vec<syn::Item>, out: &mut Vec<(TokenStream, TokenStream)>) {
    for item in items {
        match item {
            syn::Item::Mod(module) => {
                if let Some((_, inner)) = module.content {
                    collect(inner, out);
                }
            }
            syn::Item::Fn(mut function) => {
                let at = function.attrs.iter().position(|attr| {
                    let path = attr.path();
                    path.segments.len() == 2
                        && path.segments[0].ident == "ephemeral_fs"
                        && path.segments[1].ident == "ephemeral_fs"
                });
                if let Some(at) = at {
                    let attr = function.attrs.remove(at);
                    let args = match attr.meta {
                        syn::Meta::List(list) => list.tokens,
                        _ => TokenStream::new(),
                    };
                    // Lexed again from text, as the compiler hands it over.
                    let tokens: TokenStream = function
                        .to_token_stream()
                        .to_string()
                        .parse()
                        .expect("lexes");
                    out.push((args, tokens));
                }
            }
            _ => {}
        }
    }
}
