//! The entry point: arguments, target check, rewrite, and the fallback
//! emitted when the macro itself reports an error.

use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use syn::Item;

use crate::args;
use crate::ctxt::Ctxt;
use crate::finding::Finding;
use crate::lints::Levels;
use crate::rewrite::Rewriter;
use syn::visit_mut::VisitMut;

/// The result of analysing one annotated item.
pub struct Analysis {
    /// The item as the compiler should see it.
    pub item: Item,
    pub findings: Vec<Finding>,
    /// Misuse of the attribute itself, all of it.
    pub error: Option<syn::Error>,
}

/// Expands `#[ephemeral_fs(args)] item`.
pub fn expand(args: TokenStream, input: TokenStream) -> TokenStream {
    if crate::prescan::nothing_to_do(&args, &input) {
        return input;
    }
    let item: Item = match syn::parse2(input.clone()) {
        Ok(item) => item,
        // rustc reports syntax errors in the item itself; a second error
        // from us would only add noise.
        Err(_) => return input,
    };
    let analysis = analyze(args, item);
    let mut out = analysis.item.into_token_stream();
    if let Some(error) = analysis.error {
        out.extend(error.to_compile_error());
    }
    out
}

/// Checks and rewrites an item as if it carried `#[ephemeral_fs(args)]`.
pub fn analyze(args: TokenStream, item: Item) -> Analysis {
    let mut ctxt = Ctxt::default();
    let settings = args::parse_levels(args, &mut ctxt);
    let levels = args::apply(Levels::default(), &settings);
    check_target(&item, &mut ctxt);
    if ctxt.has_errors() {
        return fallback(item, ctxt);
    }
    let original = item.clone();
    let mut item = item;
    let mut rewriter = Rewriter::new(&mut ctxt, levels);
    rewriter.visit_item_mut(&mut item);
    let findings = rewriter.into_findings();
    if ctxt.has_errors() {
        return fallback(original, ctxt);
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
    Rewriter::new(&mut ignored, Levels::all_allowed()).visit_item_mut(&mut item);
    Analysis {
        item,
        findings: Vec::new(),
        error: ctxt.finish(),
    }
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
