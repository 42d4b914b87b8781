//! A cheap look at the tokens before any parsing: most handlers mention no
//! filesystem name at all, and for them the expansion is the identity.
//!
//! It only ever answers "nothing to do" when that is certain from the
//! tokens: the item is of a kind the attribute accepts, and no identifier
//! in it (macro arguments included) could start anything we rewrite or
//! strip. Anything else goes through the full analysis.

use std::collections::HashSet;
use std::sync::OnceLock;

use proc_macro2::{Delimiter, TokenStream, TokenTree};

use crate::ops;

/// Whether `#[ephemeral_fs(args)] item` expands to `item` unchanged.
pub fn nothing_to_do(args: &TokenStream, item: &TokenStream) -> bool {
    args.is_empty() && accepted_kind(item) && !mentions_trigger(item)
}

/// Identifiers that can start a rewrite: every segment of the operations'
/// paths, the builders, the escape methods, the module and type names the
/// resolver knows, and our own attributes.
fn triggers() -> &'static HashSet<&'static str> {
    static TRIGGERS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    TRIGGERS.get_or_init(|| {
        let mut names: HashSet<&'static str> = ops::OPERATIONS
            .iter()
            .flat_map(|operation| operation.path.split("::"))
            .collect();
        names.extend(ops::ESCAPE_METHODS);
        names.extend(ops::ESCAPE_CONSTRUCTORS);
        names.extend([
            "fs",
            "File",
            "OpenOptions",
            "DirBuilder",
            "options",
            "open",
            "create",
        ]);
        names.extend(["std", "tokio", "async_std", "ephemeral_fs"]);
        names
    })
}

fn mentions_trigger(tokens: &TokenStream) -> bool {
    let triggers = triggers();
    tokens.clone().into_iter().any(|token| match token {
        TokenTree::Ident(ident) => {
            let name = ident.to_string();
            triggers.contains(name.strip_prefix("r#").unwrap_or(&name))
        }
        TokenTree::Group(group) => mentions_trigger(&group.stream()),
        _ => false,
    })
}

/// Whether the item is a function, impl, trait or inline module, read from
/// its leading keywords. Other kinds take the full path to their error.
fn accepted_kind(item: &TokenStream) -> bool {
    let tokens: Vec<TokenTree> = item.clone().into_iter().collect();
    let mut at = 0;
    while let Some(token) = tokens.get(at) {
        match token {
            // An outer attribute: `#` and its brackets.
            TokenTree::Punct(p) if p.as_char() == '#' => at += 2,
            TokenTree::Ident(ident) => {
                let word = ident.to_string();
                match word.as_str() {
                    "fn" | "impl" | "trait" => return true,
                    "mod" => {
                        // `mod name { .. }`, not `mod name;`.
                        return matches!(tokens.get(at + 2), Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Brace);
                    }
                    "pub" => {
                        at += 1;
                        if matches!(tokens.get(at), Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Parenthesis)
                        {
                            at += 1;
                        }
                    }
                    "const" | "async" | "unsafe" | "safe" | "default" | "auto" => at += 1,
                    "extern" => {
                        at += 1;
                        if matches!(tokens.get(at), Some(TokenTree::Literal(_))) {
                            at += 1;
                        }
                    }
                    _ => return false,
                }
            }
            _ => return false,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    #[test]
    fn skips_items_without_filesystem_names() {
        assert!(nothing_to_do(
            &quote!(),
            &quote! { pub async fn get(id: u32) -> Json<User> { db.get(id).await } }
        ));
        assert!(nothing_to_do(
            &quote!(),
            &quote! { #[inline] pub(crate) const unsafe extern "C" fn f() {} }
        ));
        assert!(nothing_to_do(
            &quote!(),
            &quote! { impl Handler for Api { fn call(&self) { log!("{}", self.id) } } }
        ));
        assert!(nothing_to_do(&quote!(), &quote! { mod m { fn f() {} } }));
        assert!(nothing_to_do(&quote!(), &quote! { unsafe trait T {} }));
    }

    #[test]
    fn analyses_anything_that_could_need_it() {
        // A filesystem name anywhere, even in a macro or a nested group.
        assert!(!nothing_to_do(
            &quote!(),
            &quote! { fn f() { x(vec![(fs::write(p, b))]) } }
        ));
        assert!(!nothing_to_do(&quote!(), &quote! { fn f() { tmp.keep() } }));
        assert!(!nothing_to_do(
            &quote!(),
            &quote! { fn f() { use std::fs::remove_file as rm; rm(p) } }
        ));
        assert!(!nothing_to_do(
            &quote!(),
            &quote! { fn f() { #[ephemeral_fs::allow(x)] g() } }
        ));
        // Arguments to check, and kinds that are an error.
        assert!(!nothing_to_do(
            &quote!(deny(persistent_read)),
            &quote! { fn f() {} }
        ));
        for item in [
            quote! { struct S; },
            quote! { mod m; },
            quote! { const X: u8 = 1; },
            quote! { extern "C" {} },
        ] {
            assert!(!nothing_to_do(&quote!(), &item), "{item}");
        }
    }
}
