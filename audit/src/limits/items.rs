//! The limits found at items of a module or a block rather than in a
//! function's body: imports, `macro_rules!` definitions and modules.
//
// Input: one `use`, `macro_rules!` or `mod` item.
// Output: its place, with its `Limit`, where it has one of the shapes.

use ephemeral_fs_core::ops;
use ephemeral_fs_core::syntax::ident_name;

use super::{Limit, Place};

// Input:  use std::mem::take as fs;    use crate::models::Upload as write;
// Output: a place at `fs`, at `write`
/// The renames of a `use` item to an operation's name or to `fs`, of
/// something the tables do not know of (`use std::fs::metadata as copy;`
/// is known, and checked as `metadata`).
pub(crate) fn imports_under_operation_names(item: &syn::ItemUse) -> Vec<Place> {
    fn walk(tree: &syn::UseTree, prefix: &mut Vec<String>, places: &mut Vec<Place>) {
        match tree {
            syn::UseTree::Path(path) => {
                prefix.push(ident_name(&path.ident));
                walk(&path.tree, prefix, places);
                prefix.pop();
            }
            syn::UseTree::Group(group) => {
                for tree in &group.items {
                    walk(tree, prefix, places);
                }
            }
            syn::UseTree::Rename(rename) => {
                let name = ident_name(&rename.rename);
                let own = ident_name(&rename.ident);
                let hides = name != own && (name == "fs" || ops::is_operation_name(&name));
                let mut path = prefix.clone();
                path.push(own.clone());
                let known = ops::lookup(&path).is_some() || ops::names_type_or_module(&path);
                if hides && !known {
                    places.push(Place {
                        limit: Limit::ImportUnderOperationName,
                        span: rename.rename.span(),
                        operation: format!("{} as {name}", path.join("::")),
                    });
                }
            }
            syn::UseTree::Name(_) | syn::UseTree::Glob(_) => {}
        }
    }
    let mut places = Vec::new();
    walk(&item.tree, &mut Vec::new(), &mut places);
    places
}

// Input:  macro_rules! import { ($p:path) => { use $p; } }
// Output: a place at `import`
/// A `macro_rules!` whose rules expand to a `use`, `mod` or `extern crate`.
pub(crate) fn imports_from_macro(item: &syn::ItemMacro) -> Option<Place> {
    macro_rules_place(item, Limit::ImportsFromMacro, |ident| {
        ident == "use" || ident == "mod" || ident == "extern"
    })
}

// Input:  macro_rules! println { .. }    mod log { .. }
// Output: a place at `println`, at `log`
/// A `macro_rules!` named like a macro the attribute trusts.
pub(crate) fn trusted_macro_of_yours(item: &syn::ItemMacro) -> Option<Place> {
    let name = item.ident.as_ref()?;
    (item.mac.path.is_ident("macro_rules")
        && ephemeral_fs_core::is_trusted_macro_name(&ident_name(name)))
    .then(|| Place {
        limit: Limit::TrustedMacroOfYours,
        span: name.span(),
        operation: format!("macro_rules! {}", ident_name(name)),
    })
}

/// A module named like a crate whose macros the attribute trusts.
pub(crate) fn trusted_crate_module_of_yours(module: &syn::ItemMod) -> Option<Place> {
    let name = ident_name(&module.ident);
    ephemeral_fs_core::is_trusted_macro_crate(&name).then(|| Place {
        limit: Limit::TrustedMacroOfYours,
        span: module.ident.span(),
        operation: format!("mod {name}"),
    })
}

/// Whether a `macro_rules!` definition's tokens carry our attribute: a
/// handler the macro makes.
pub(crate) fn annotated_in_macro(item: &syn::ItemMacro) -> Option<Place> {
    macro_rules_place(item, Limit::AnnotatedInMacro, |ident| {
        ident == "ephemeral_fs"
    })
}

/// A place at a `macro_rules!` definition's name, where an identifier of
/// its tokens is one `wanted` looks for.
fn macro_rules_place(
    item: &syn::ItemMacro,
    limit: Limit,
    wanted: impl Fn(&proc_macro2::Ident) -> bool + Copy,
) -> Option<Place> {
    fn mentions(
        tokens: proc_macro2::TokenStream,
        wanted: impl Fn(&proc_macro2::Ident) -> bool + Copy,
    ) -> bool {
        tokens.into_iter().any(|token| match token {
            proc_macro2::TokenTree::Ident(ident) => wanted(&ident),
            proc_macro2::TokenTree::Group(group) => mentions(group.stream(), wanted),
            _ => false,
        })
    }
    if !item.mac.path.is_ident("macro_rules") {
        return None;
    }
    let name = item.ident.as_ref()?;
    mentions(item.mac.tokens.clone(), wanted).then(|| Place {
        limit,
        span: name.span(),
        operation: format!("macro_rules! {}", ident_name(name)),
    })
}
