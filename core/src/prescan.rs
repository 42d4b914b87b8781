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

/// What one pass over the tokens tells.
pub struct Shape {
    /// Deepest nesting of delimited groups.
    pub depth: usize,
    /// Tokens in all, groups included.
    pub tokens: usize,
    /// Some identifier could start a rewrite.
    pub mentions_trigger: bool,
}

impl Shape {
    pub fn of(tokens: &TokenStream) -> Shape {
        let mut shape = Shape {
            depth: 0,
            tokens: 0,
            mentions_trigger: false,
        };
        shape.scan(tokens, 1);
        shape
    }

    fn scan(&mut self, tokens: &TokenStream, depth: usize) {
        self.depth = self.depth.max(depth);
        let triggers = triggers();
        for token in tokens.clone() {
            self.tokens += 1;
            match token {
                TokenTree::Ident(ident) if !self.mentions_trigger => {
                    let name = ident.to_string();
                    self.mentions_trigger =
                        triggers.contains(name.strip_prefix("r#").unwrap_or(&name));
                }
                TokenTree::Group(group) => self.scan(&group.stream(), depth + 1),
                _ => {}
            }
        }
    }

    /// A generous bound on the stack that parsing and rewriting this item
    /// takes in a debug build of the macro. Measured worst cases: about
    /// 40 KiB per nested closure (one group each), and about 13 KiB per
    /// token of nested generic types, the deepest shape without groups.
    pub fn stack_needed(&self) -> usize {
        (512 << 10) + (48 << 10) * self.depth + (16 << 10) * self.tokens
    }
}

/// Whether `#[ephemeral_fs(args)] item` expands to `item` unchanged.
pub fn nothing_to_do(args: &TokenStream, item: &TokenStream, shape: &Shape) -> bool {
    args.is_empty() && !shape.mentions_trigger && accepted_kind(item)
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

    fn nothing_to_do(args: &TokenStream, item: &TokenStream) -> bool {
        super::nothing_to_do(args, item, &Shape::of(item))
    }

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

#[cfg(test)]
mod shape_tests {
    use super::*;
    use quote::quote;

    #[test]
    fn measures_depth_and_tokens() {
        let shape = Shape::of(&quote! { fn f() { g((1)) } });
        assert_eq!((shape.depth, shape.tokens), (4, 8));
        assert!(!shape.mentions_trigger);
        assert!(Shape::of(&quote! { fn f() { r#keep() } }).mentions_trigger);
    }
}
