//! Where a path argument comes from, as far as syntax can tell: the local
//! data flow that lets `let p = dir.path().join("x.txt"); File::create(p)`
//! through, while the compiler still decides every type.
//!
//! Syntax only says which expression's type to ask about (the owner of a
//! `.path()`); the generated code asks the compiler. A local counts only
//! when nothing between its `let` and its use could make it mean another
//! path: the binding is not `mut`, the name is not bound again, and an owned
//! copy's owner is never assigned to or mutably borrowed by name. Dropping
//! or moving the owner first is a borrow error, because the check borrows
//! the owner at the use.

use std::collections::{HashMap, HashSet};
use std::path::{Component, Path};

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::ToTokens;
use syn::visit::{self, Visit};
use syn::{Block, Expr, Lit, Pat};

use crate::syntax::{PlaceKind, ident_name, place_kind};

/// What the compiler is asked to check for a path argument.
#[derive(Clone)]
pub(crate) enum Origin {
    /// `owner.path()`, perhaps copied (`.to_path_buf()`) or with checked
    /// literals joined: a temp file's path when the owner has a temp type,
    /// and, when `joined`, a temp directory's.
    PathOf {
        owner: Box<Expr>,
        joined: bool,
        /// An owned copy (`PathBuf`), which does not borrow the owner.
        owned: bool,
    },
    /// The path a `tempfile::Builder::make` closure is handed: the make
    /// call's result type is checked instead.
    Made,
    /// A shape recognised but not accepted; the message says what would be.
    Refused(Refusal),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// `x.path()` of a temporary, bound to a `mut` local, or copied from an
    /// owner that is assigned to.
    PathOf,
    /// A join of anything but literals of normal components.
    Join,
}

#[derive(Clone)]
struct Binding {
    origin: Origin,
    /// The variable the owner starts from (`tmp` in `tmp.path()`): binding
    /// that name again invalidates the binding.
    owner_root: Option<String>,
}

#[derive(Default)]
struct Frame {
    /// `None`: bound to something we do not follow.
    names: HashMap<String, Option<Binding>>,
    /// A closure or async block: a check there would capture the owner, and
    /// a `move` would move it, so locals from outside are not followed.
    barrier: bool,
}

/// The locals of one function body bound to path origins, innermost scope
/// last.
#[derive(Default)]
pub(crate) struct Flow {
    frames: Vec<Frame>,
    /// Names assigned to or mutably borrowed anywhere in the body: an owned
    /// copy of their path may outlive what they hold.
    mutated: HashSet<String>,
}

impl Flow {
    pub(crate) fn for_body(block: &Block) -> Flow {
        let mut mutated = Mutated::default();
        mutated.visit_block(block);
        Flow {
            frames: vec![Frame::default()],
            mutated: mutated.0,
        }
    }

    pub(crate) fn enter(&mut self, barrier: bool) {
        self.frames.push(Frame {
            names: HashMap::new(),
            barrier,
        });
    }

    pub(crate) fn exit(&mut self) {
        self.frames.pop();
    }

    /// `name` is bound to something not followed; every binding whose owner
    /// it named is dropped too, since the owner's name now means another
    /// value.
    pub(crate) fn shadow(&mut self, name: &str) {
        for frame in &mut self.frames {
            for binding in frame.names.values_mut() {
                if binding
                    .as_ref()
                    .is_some_and(|b| b.owner_root.as_deref() == Some(name))
                {
                    *binding = None;
                }
            }
        }
        if let Some(frame) = self.frames.last_mut() {
            frame.names.insert(name.to_owned(), None);
        }
    }

    /// `let name = init;`, with `init` already classified.
    pub(crate) fn bind(&mut self, name: &str, mutable: bool, origin: Option<Origin>) {
        self.shadow(name);
        let origin = match origin {
            Some(Origin::PathOf { owner, owned, .. })
                if mutable || (owned && self.owner_is_mutated(&owner)) =>
            {
                Some(Origin::Refused(Refusal::PathOf))
            }
            Some(Origin::Made) if mutable => Some(Origin::Refused(Refusal::PathOf)),
            other => other,
        };
        let Some(origin) = origin else { return };
        let owner_root = match &origin {
            Origin::PathOf { owner, .. } => place_root(owner),
            _ => None,
        };
        if let Some(frame) = self.frames.last_mut() {
            frame
                .names
                .insert(name.to_owned(), Some(Binding { origin, owner_root }));
        }
    }

    fn owner_is_mutated(&self, owner: &Expr) -> bool {
        place_root(owner).is_none_or(|root| self.mutated.contains(&root))
    }

    fn lookup(&self, name: &str) -> Option<&Origin> {
        for frame in self.frames.iter().rev() {
            if let Some(binding) = frame.names.get(name) {
                return binding.as_ref().map(|b| &b.origin);
            }
            if frame.barrier {
                return None;
            }
        }
        None
    }

    // Input:  dir.path().join("a").join("b.txt")      Output: PathOf { owner: dir, joined }
    // Input:  &p          (after `let p = tmp.path();`) Output: PathOf { owner: tmp }
    // Input:  dir.path().join(name)                    Output: Refused(Join)
    /// What a path argument is, when its shape is one we follow.
    pub(crate) fn classify(&self, expr: &Expr) -> Option<Origin> {
        match strip_borrows(expr) {
            Expr::Path(path) if path.qself.is_none() => {
                self.lookup(&ident_name(path.path.get_ident()?)).cloned()
            }
            Expr::MethodCall(call) if call.turbofish.is_none() => {
                match (ident_name(&call.method).as_str(), call.args.len()) {
                    // The owner is borrowed again by the check: only a place
                    // can be, without running its code twice.
                    ("path", 0) if place_kind(&call.receiver) == PlaceKind::Pure => {
                        Some(Origin::PathOf {
                            owner: call.receiver.clone(),
                            joined: false,
                            owned: false,
                        })
                    }
                    ("path", 0) => Some(Origin::Refused(Refusal::PathOf)),
                    ("to_path_buf" | "to_owned", 0) => match self.classify(&call.receiver)? {
                        Origin::PathOf { owner, joined, .. } => Some(Origin::PathOf {
                            owner,
                            joined,
                            owned: true,
                        }),
                        Origin::Made => None,
                        refused => Some(refused),
                    },
                    ("join", 1) => match self.classify(&call.receiver)? {
                        Origin::PathOf { owner, .. }
                            if call.args.first().is_some_and(is_plain_name) =>
                        {
                            Some(Origin::PathOf {
                                owner,
                                joined: true,
                                owned: true,
                            })
                        }
                        Origin::PathOf { .. } | Origin::Refused(_) => {
                            Some(Origin::Refused(Refusal::Join))
                        }
                        Origin::Made => None,
                    },
                    _ => None,
                }
            }
            _ => None,
        }
    }
}

fn strip_borrows(mut expr: &Expr) -> &Expr {
    loop {
        match expr {
            Expr::Reference(reference) if reference.mutability.is_none() => expr = &reference.expr,
            Expr::Paren(paren) => expr = &paren.expr,
            _ => return expr,
        }
    }
}

/// A string literal that is a relative path of normal components only:
/// joined onto a directory, it stays inside.
fn is_plain_name(expr: &Expr) -> bool {
    let Expr::Lit(literal) = strip_borrows(expr) else {
        return false;
    };
    let Lit::Str(text) = &literal.lit else {
        return false;
    };
    let value = text.value();
    let path = Path::new(&value);
    // `a//b` and `a/./b` have only normal components once parsed, but a
    // literal that needs reading twice is not a plain name.
    !value.is_empty()
        && !value.contains("//")
        && !value.split('/').any(|part| part == "." || part == "..")
        && path
            .components()
            .all(|component| matches!(component, Component::Normal(_)))
}

/// The variable a place starts from: `tmp` in `tmp`, `tmp.0`, `self.dir`.
pub(crate) fn place_root(expr: &Expr) -> Option<String> {
    match expr {
        Expr::Path(path) if path.qself.is_none() => path.path.get_ident().map(ident_name),
        Expr::Field(field) => place_root(&field.base),
        Expr::Index(index) => place_root(&index.expr),
        Expr::Paren(paren) => place_root(&paren.expr),
        Expr::Unary(unary) => place_root(&unary.expr),
        Expr::Reference(reference) => place_root(&reference.expr),
        _ => None,
    }
}

/// The name a `let` pattern binds, if it is a single name, and whether it
/// is `mut`. `ref` bindings and sub-patterns are not followed.
pub(crate) fn let_binding(pat: &Pat) -> Option<(String, bool)> {
    let pat = match pat {
        Pat::Type(typed) => &*typed.pat,
        pat => pat,
    };
    match pat {
        Pat::Ident(ident) if ident.by_ref.is_none() && ident.subpat.is_none() => {
            Some((ident_name(&ident.ident), ident.mutability.is_some()))
        }
        _ => None,
    }
}

/// The owner tokens, placed at the use: a borrow error then points at the
/// argument, where the owner is borrowed, and names still resolve where
/// the owner was written.
pub(crate) fn owner_at(owner: &Expr, use_span: Span) -> Expr {
    fn respan(tokens: TokenStream, at: Span) -> TokenStream {
        tokens
            .into_iter()
            .map(|mut token| {
                if let TokenTree::Group(group) = &token {
                    let mut inner =
                        proc_macro2::Group::new(group.delimiter(), respan(group.stream(), at));
                    inner.set_span(at.resolved_at(group.span()));
                    token = TokenTree::Group(inner);
                } else {
                    token.set_span(at.resolved_at(token.span()));
                }
                token
            })
            .collect()
    }
    Expr::Verbatim(respan(owner.to_token_stream(), use_span))
}

/// Names assigned to (`x = ..`, `x.f += ..`) or mutably borrowed by name
/// (`&mut x`, as `mem::replace` needs) anywhere in a body.
#[derive(Default)]
struct Mutated(HashSet<String>);

impl<'ast> Visit<'ast> for Mutated {
    fn visit_expr(&mut self, expr: &'ast Expr) {
        let target = match expr {
            Expr::Assign(assign) => Some(&*assign.left),
            Expr::Binary(binary) if is_compound_assignment(&binary.op) => Some(&*binary.left),
            Expr::Reference(reference) if reference.mutability.is_some() => Some(&*reference.expr),
            Expr::RawAddr(raw) if matches!(raw.mutability, syn::PointerMutability::Mut(_)) => {
                Some(&*raw.expr)
            }
            _ => None,
        };
        if let Some(root) = target.and_then(place_root) {
            self.0.insert(root);
        }
        visit::visit_expr(self, expr);
    }
}

fn is_compound_assignment(op: &syn::BinOp) -> bool {
    use syn::BinOp::*;
    matches!(
        op,
        AddAssign(_)
            | SubAssign(_)
            | MulAssign(_)
            | DivAssign(_)
            | RemAssign(_)
            | BitXorAssign(_)
            | BitAndAssign(_)
            | BitOrAssign(_)
            | ShlAssign(_)
            | ShrAssign(_)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use syn::parse_quote;

    #[test]
    fn plain_names_are_relative_normal_components() {
        for good in [r#""a.txt""#, r#""a/b.txt""#, r#""dir/""#] {
            let expr: Expr = syn::parse_str(good).unwrap();
            assert!(is_plain_name(&expr), "{good}");
        }
        for bad in [
            r#""""#,
            r#""../x""#,
            r#""a/../b""#,
            r#""/etc/passwd""#,
            r#""./a""#,
            r#""a/./b""#,
            r#""a//b""#,
            "name",
            r#"format!("a")"#,
            "1",
        ] {
            let expr: Expr = syn::parse_str(bad).unwrap();
            assert!(!is_plain_name(&expr), "{bad}");
        }
    }

    #[test]
    fn bindings_follow_lets_and_stop_at_rebinding() {
        let body: Block = parse_quote!({});
        let mut flow = Flow::for_body(&body);
        let init: Expr = parse_quote!(dir.path().join("a"));
        flow.bind("p", false, flow.classify(&init));
        let use_p: Expr = parse_quote!(&p);
        assert!(matches!(
            flow.classify(&use_p),
            Some(Origin::PathOf { joined: true, .. })
        ));
        flow.enter(false);
        flow.shadow("p");
        assert!(flow.classify(&use_p).is_none());
        flow.exit();
        assert!(flow.classify(&use_p).is_some());
        // Rebinding the owner's name drops what was bound to its path.
        flow.shadow("dir");
        assert!(flow.classify(&use_p).is_none());
    }

    #[test]
    fn mut_locals_and_mutated_owners_are_refused() {
        let body: Block = parse_quote!({
            tmp = other;
        });
        let mut flow = Flow::for_body(&body);
        let borrowed: Expr = parse_quote!(tmp.path());
        let copied: Expr = parse_quote!(tmp.path().to_path_buf());
        flow.bind("a", true, flow.classify(&borrowed));
        flow.bind("b", false, flow.classify(&copied));
        flow.bind("c", false, flow.classify(&borrowed));
        let refused = |name: &str| {
            let expr: Expr = syn::parse_str(name).unwrap();
            matches!(flow.classify(&expr), Some(Origin::Refused(Refusal::PathOf)))
        };
        assert!(refused("a"));
        assert!(refused("b"));
        // A borrow of the owner keeps it from being assigned to meanwhile.
        assert!(!refused("c"));
    }

    #[test]
    fn barriers_stop_lookups() {
        let body: Block = parse_quote!({});
        let mut flow = Flow::for_body(&body);
        let init: Expr = parse_quote!(tmp.path());
        flow.bind("p", false, flow.classify(&init));
        flow.enter(true);
        let use_p: Expr = parse_quote!(p);
        assert!(flow.classify(&use_p).is_none());
    }
}
