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

use crate::{ops, text_scan};

/// What one pass over the tokens tells.
pub struct TokenScan {
    /// Deepest nesting of delimited groups.
    pub depth: usize,
    /// The most tokens a chain of nested expressions can span: per group,
    /// the longest run between `;` and `,`, summed along the path through
    /// the groups where that sum is largest. Statements follow each other;
    /// only a run nests (`a + b + ..`, `x.f().g()`, `Vec<Vec<..>>`).
    pub chain: usize,
    /// Some identifier could start a rewrite.
    pub mentions_trigger: bool,
}

impl TokenScan {
    pub fn of(tokens: &TokenStream) -> TokenScan {
        let mut shape = TokenScan {
            depth: 0,
            chain: 0,
            mentions_trigger: false,
        };
        shape.chain = shape.scan(tokens, 1);
        shape
    }

    /// Scans one group's tokens; returns its chain bound.
    fn scan(&mut self, tokens: &TokenStream, depth: usize) -> usize {
        self.depth = self.depth.max(depth);
        let triggers = triggers();
        let (mut run, mut longest_run, mut deepest_inner) = (0, 0, 0);
        for token in tokens.clone() {
            run += 1;
            match token {
                TokenTree::Ident(ident) if !self.mentions_trigger => {
                    let name = ident.to_string();
                    self.mentions_trigger =
                        triggers.contains(name.strip_prefix("r#").unwrap_or(&name));
                }
                TokenTree::Group(group) => {
                    deepest_inner = deepest_inner.max(self.scan(&group.stream(), depth + 1));
                }
                TokenTree::Punct(punct) if matches!(punct.as_char(), ';' | ',') => run = 0,
                _ => {}
            }
            longest_run = longest_run.max(run);
        }
        longest_run + deepest_inner
    }

    /// A generous bound on the stack that parsing and rewriting this item
    /// takes in a debug build of the macro. Measured worst cases: about
    /// 40 KiB per nested closure (a group each), and about 13 KiB per token
    /// of nested generic types, the deepest chain without groups.
    pub fn stack_needed(&self) -> usize {
        (512 << 10) + (48 << 10) * self.depth + (16 << 10) * self.chain
    }
}

/// Whether `#[ephemeral_fs(args)] item` expands to `item` unchanged, with
/// nothing to report.
///
/// Read from the item's text, not its tokens: in a proc macro, one
/// `to_string()` is a single call into the compiler, while visiting tokens
/// one by one costs more than the rest of a handler's expansion (see the
/// design notes). What in the text can start a rewrite is `text_scan`'s.
pub fn nothing_to_do(args: &TokenStream, item: &TokenStream) -> bool {
    args.is_empty() && !text_scan::may_rewrite(&item.to_string()) && accepted_kind(item)
}

/// Identifiers that could be part of a rewrite: every segment of the
/// operations' paths, the builders, the escape methods, the module and
/// type names the resolver knows, and our own attributes. A cheap filter
/// for macro arguments inside the full analysis, which reads tokens.
fn triggers() -> &'static HashSet<&'static str> {
    static TRIGGERS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    TRIGGERS.get_or_init(|| {
        let mut names: HashSet<&'static str> = ops::OPERATIONS
            .iter()
            .flat_map(|operation| operation.path.split("::"))
            .collect();
        names.extend(ops::ESCAPE_METHODS);
        names.extend(ops::ESCAPE_CONSTRUCTORS);
        names.extend(ops::LEAK_WORDS);
        names.extend(ops::CONVENTIONAL.iter().map(|(name, _)| *name));
        names.extend(ops::Builder::words());
        // Crate names (`std`, `tokio`) are no triggers: a path into their fs
        // module also names `fs` or the function, and `std::io::Result`
        // alone must not cost a parse.
        names.insert("ephemeral_fs");
        names.insert("permissions");
        // A temp directory made in a macro's arguments (`vec![b.tempdir()?]`)
        // is one whose builder's `permissions` are checked.
        names.extend(["tempdir", "tempdir_in"]);
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

    /// The fast path's answer, checked against the full analysis: when it
    /// skips an item, the analysis finds nothing and changes nothing.
    fn nothing_to_do(args: &TokenStream, item: &TokenStream) -> bool {
        let answer = super::nothing_to_do(args, item);
        if answer {
            crate::agreement::assert_skip_is_sound(item);
        }
        answer
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
        assert!(!nothing_to_do(&quote!(), &quote! { fn f() { r#keep() } }));
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
        let shape = TokenScan::of(&quote! { fn f() { g((1)); h(2, 3) } });
        // `fn f () {..}` is a run of 4; inside, `h (..)` and `g (..)`
        // runs of 2 (reset by `;`); inside `(..)`, `(1)` and `2`, `3`.
        assert_eq!((shape.depth, shape.chain), (4, 4 + 2 + 1 + 1));
        assert!(!shape.mentions_trigger);
        assert!(TokenScan::of(&quote! { fn f() { r#keep() } }).mentions_trigger);
    }
}

/// The stack bound is what keeps the direct path safe: for each shape known
/// to recurse deeply, expand the deepest variant the bound lets run without
/// growing, on a thread whose stack is just what the bound asked for. An
/// under-estimate overflows and fails the test.
#[cfg(test)]
mod stack_bound_tests {
    use super::*;

    const THREAD_STACK: usize = 8 << 20;

    /// Source of a handler with one shape nested `n` deep.
    type Generator = fn(usize) -> String;

    fn shapes() -> Vec<(&'static str, Generator)> {
        vec![
            ("parentheses", |n| {
                format!(
                    "fn f() {{ let _ = {}fs::write(p, b){}; }}",
                    "(".repeat(n),
                    ")".repeat(n)
                )
            }),
            ("right sums", |n| {
                format!(
                    "fn f() {{ let _ = {}fs::write(p, b).is_ok() as u8{}; }}",
                    "a + (".repeat(n),
                    ")".repeat(n)
                )
            }),
            ("left sums", |n| {
                format!(
                    "fn f() {{ let _ = {}fs::write(p, b).is_ok() as u8; }}",
                    "a + ".repeat(n)
                )
            }),
            ("blocks", |n| {
                format!(
                    "fn f() {{ {} fs::write(p, b); {} }}",
                    "{ ".repeat(n),
                    " }".repeat(n)
                )
            }),
            ("closures", |n| {
                format!(
                    "fn f() {{ let _ = {}fs::write(p, b){}; }}",
                    "|| { ".repeat(n),
                    " }".repeat(n)
                )
            }),
            ("method chain", |n| {
                format!(
                    "fn f() {{ let _ = fs::write(p, b){}; }}",
                    ".map(|x| x)".repeat(n)
                )
            }),
            ("generic types", |n| {
                format!(
                    "fn f() {{ let _: {}u8{} = fs::write(p, b); }}",
                    "Vec<".repeat(n),
                    ">".repeat(n)
                )
            }),
            ("unary", |n| {
                format!(
                    "fn f() {{ let _ = {}fs::write(p, b).is_ok(); }}",
                    "!".repeat(n)
                )
            }),
            ("ifs", |n| {
                format!(
                    "fn f() {{ {} fs::write(p, b); {} }}",
                    "if c { ".repeat(n),
                    " }".repeat(n)
                )
            }),
            ("nested fns", |n| {
                format!(
                    "fn f() {{ {} fs::write(p, b); {} }}",
                    "fn g() { ".repeat(n),
                    " }".repeat(n)
                )
            }),
        ]
    }

    #[test]
    fn the_bound_covers_every_deep_shape_it_does_not_grow_for() {
        for (name, make) in shapes() {
            // The deepest variant the bound keeps within the thread's stack.
            let fits = |n: usize| {
                let tokens: TokenStream = make(n).parse().expect("lexes");
                TokenScan::of(&tokens).stack_needed() <= THREAD_STACK - (1 << 20)
            };
            let mut depth = 1;
            while fits(depth * 2) {
                depth *= 2;
            }
            let (mut low, mut high) = (depth, depth * 2);
            while high - low > 1 {
                let mid = (low + high) / 2;
                if fits(mid) { low = mid } else { high = mid }
            }
            let source = make(low);
            let expanded = std::thread::Builder::new()
                .stack_size(THREAD_STACK)
                .spawn(move || {
                    // Not grown: the bound says it fits.
                    let tokens: TokenStream = source.parse().expect("lexes");
                    let needed = TokenScan::of(&tokens).stack_needed();
                    assert!(stacker::remaining_stack().is_some_and(|left| left >= needed));
                    crate::expand(TokenStream::new(), tokens).to_string()
                })
                .expect("thread starts")
                .join();
            let output = expanded.unwrap_or_else(|_| panic!("{name}: failed at depth {low}"));
            assert!(
                output.contains("persistent_write"),
                "{name} at depth {low}: {output}"
            );
        }
    }
}
