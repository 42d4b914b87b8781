//! The entry point: arguments, target check, rewrite, and the fallback
//! emitted when the macro itself reports an error.

use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use syn::Item;

use crate::args;
use crate::check::{Check, CheckSummary};
use crate::ctxt::Ctxt;
use crate::lints::Levels;
use crate::prescan::TokenScan;
use crate::rewrite::Rewriter;
use crate::unseen::ItemWords;
use syn::visit_mut::VisitMut;

/// The result of analysing one annotated item.
pub struct Analysis {
    /// The item as the compiler should see it.
    pub item: Item,
    /// Every check, in the order the walk made them; empty from `expand`,
    /// which has no use for them.
    pub findings: Vec<CheckSummary>,
    /// Misuse of the attribute itself, all of it.
    pub error: Option<syn::Error>,
}

/// Expands `#[ephemeral_fs(args)] item`.
pub fn expand(args: TokenStream, input: TokenStream) -> TokenStream {
    if crate::prescan::nothing_to_do(&args, &input) {
        return input;
    }
    let shape = TokenScan::of(&input);
    // syn's parser and our walk recurse once per nesting level, and rustc
    // gives a proc macro a few MiB of stack: code nested some hundreds deep,
    // which rustc itself compiles, would crash it. When what is left might
    // not do, the expansion moves to a larger stack on the same thread
    // (token handles cannot move to another). Mapping one costs some
    // microseconds, so ordinary handlers stay where they are.
    let needed = shape.stack_needed();
    stacker::maybe_grow(needed, needed.max(MIN_GROWN_STACK), || {
        expand_parsed(args, input)
    })
}

/// Lazily committed, so only the depth actually used costs memory.
const MIN_GROWN_STACK: usize = 256 << 20;

fn expand_parsed(args: TokenStream, input: TokenStream) -> TokenStream {
    let item: Item = match syn::parse2(input.clone()) {
        Ok(item) => item,
        // rustc reports syntax errors in the item itself; a second error
        // from us would only add noise. Our attributes still go, or rustc
        // would add errors about them.
        Err(_) => return strip_attribute_tokens(input),
    };
    // On error the item is parsed again from the tokens, which is cheaper
    // than keeping a copy of every item for the rare misuse.
    let original = || syn::parse2(input.clone()).map_err(|_| ());
    let item_words = ItemWords::of(input.clone());
    let analysis = analyze_with(args, item, original, false, item_words);
    let mut out = analysis.item.into_token_stream();
    if let Some(error) = analysis.error {
        out.extend(error.to_compile_error());
    }
    out
}

/// Checks and rewrites an item as if it carried `#[ephemeral_fs(args)]`.
pub fn analyze(args: TokenStream, item: Item) -> Analysis {
    let original = item.clone();
    let item_words = ItemWords::of(item.to_token_stream());
    analyze_with(args, item, || Ok(original), true, item_words)
}

/// `analyze`, with the way to get the original item back if the macro
/// reports an error after rewriting has begun; `summarize` keeps a summary
/// of each check; `item_words` tells what the item's words say (whether
/// it names a builder type, whether the fast path reads it; see
/// `unseen.rs`), read from its tokens when first needed.
fn analyze_with(
    args: TokenStream,
    item: Item,
    original: impl FnOnce() -> Result<Item, ()>,
    summarize: bool,
    item_words: ItemWords,
) -> Analysis {
    let mut ctxt = Ctxt::default();
    let settings = args::parse_levels(args, &mut ctxt);
    let levels = args::apply(Levels::default(), &settings);
    check_target(&item, &mut ctxt);
    if ctxt.has_errors() {
        return fallback(item, ctxt);
    }
    let mut item = item;
    let mut findings = Vec::new();
    let mut summarize_check = |check: &Check<'_>| findings.push(CheckSummary::of(check));
    let mut rewriter = if summarize {
        Rewriter::recording(&mut ctxt, levels, &mut summarize_check)
    } else {
        Rewriter::new(&mut ctxt, levels)
    };
    rewriter.item_words = item_words;
    rewriter.visit_item_mut(&mut item);
    drop(rewriter);
    if ctxt.has_errors() {
        // The tokens parsed once, so they parse again; if not, the rewritten
        // item still carries no attribute of ours.
        return fallback(original().unwrap_or(item), ctxt);
    }
    Analysis {
        item,
        findings,
        error: None,
    }
}

/// The original item, minus the attributes only we understand, so that our
/// error is the only one the user sees.
fn fallback(mut item: Item, ctxt: Ctxt) -> Analysis {
    let mut ignored = Ctxt::default();
    Rewriter::stripper(&mut ignored).visit_item_mut(&mut item);
    Analysis {
        item,
        findings: Vec::new(),
        error: ctxt.finish(),
    }
}

/// Removes `#[ephemeral_fs::allow(..)]` and `#[ephemeral_fs(..)]` from
/// tokens that do not parse, at any depth.
fn strip_attribute_tokens(tokens: TokenStream) -> TokenStream {
    use proc_macro2::{Group, TokenTree};
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    let mut out = Vec::with_capacity(tokens.len());
    let mut at = 0;
    while at < tokens.len() {
        let is_ours = matches!(&tokens[at], TokenTree::Punct(p) if p.as_char() == '#')
            && matches!(tokens.get(at + 1), Some(TokenTree::Group(g))
                if g.delimiter() == proc_macro2::Delimiter::Bracket && names_ours(&g.stream()));
        if is_ours {
            at += 2;
            continue;
        }
        out.push(match &tokens[at] {
            TokenTree::Group(group) => {
                let mut stripped =
                    Group::new(group.delimiter(), strip_attribute_tokens(group.stream()));
                stripped.set_span(group.span());
                TokenTree::Group(stripped)
            }
            other => other.clone(),
        });
        at += 1;
    }
    out.into_iter().collect()
}

/// Whether an attribute's tokens are `ephemeral_fs(..)`, `ephemeral_fs`,
/// `ephemeral_fs::ephemeral_fs..` or `ephemeral_fs::allow..`.
fn names_ours(attribute: &TokenStream) -> bool {
    let attribute: syn::Result<syn::Meta> = syn::parse2(attribute.clone());
    attribute.is_ok_and(|meta| {
        let path = meta.path();
        let names = crate::syntax::segment_names(path);
        matches!(
            names
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>()
                .as_slice(),
            ["ephemeral_fs"] | ["ephemeral_fs", "ephemeral_fs" | "allow"]
        )
    })
}

fn check_target(item: &Item, ctxt: &mut Ctxt) {
    let kind = match item {
        Item::Fn(_) | Item::Impl(_) | Item::Trait(_) => return,
        Item::Mod(module) if module.content.is_some() => return,
        Item::Mod(module) => {
            ctxt.error(
                Span::call_site(),
                format!(
                    "#[ephemeral_fs] cannot see inside `mod {};`: an attribute on a module declaration is not given the file's contents; annotate the functions and impl blocks in that file, or write the module inline",
                    module.ident
                ),
            );
            return;
        }
        Item::Const(_) => "a const",
        Item::Enum(_) => "an enum",
        Item::ExternCrate(_) => "an `extern crate`",
        Item::ForeignMod(_) => "an `extern` block",
        Item::Macro(_) => "a macro",
        Item::Static(_) => "a static",
        Item::Struct(_) => "a struct",
        Item::TraitAlias(_) => "a trait alias",
        Item::Type(_) => "a type alias",
        Item::Union(_) => "a union",
        Item::Use(_) => "a `use` item",
        _ => "this item",
    };
    ctxt.error(
        Span::call_site(),
        format!(
            "#[ephemeral_fs] goes on a function, an impl block, a trait or an inline module, not on {kind}: put it on the handler functions that use this"
        ),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    #[test]
    fn only_analyze_keeps_checks() {
        let item: Item = syn::parse_quote! {
            fn f(tmp: NamedTempFile) { std::fs::write(p, b); tmp.keep(); }
        };
        let recorded = analyze(quote!(), item.clone());
        assert_eq!(recorded.findings.len(), 2);
        // The macro's path: the same rewrite, and no check built.
        let expanded = analyze_with(
            quote!(),
            item,
            || Err(()),
            false,
            ItemWords::of(proc_macro2::TokenStream::new()),
        );
        assert!(expanded.findings.is_empty());
        assert_eq!(
            expanded.item.to_token_stream().to_string(),
            recorded.item.to_token_stream().to_string()
        );
    }
}
