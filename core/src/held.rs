//! The code for paths derived from `owner.path()`: the owner is evaluated
//! once, where the user wrote it, and the path is computed by tempfile's
//! and `Path`'s own methods, so that no method of the user's can stand in
//! for them (a trait of the user's implemented for `Box<NamedTempFile>` or
//! `PathBuf` is found before tempfile's `path` or `Path::join`).
//
// Input:  let p = files[next].path().join("a");      (`p` is read by a check)
// Output: let __ephemeral_fs_owner_0 = &files[next];
//         let p = ::ephemeral_fs::__private::Probe(__ephemeral_fs_owner_0)
//             .__ephemeral_fs_joined(&["a"], || (*__ephemeral_fs_owner_0).path().join("a"));
//
// Input:  fs::write(self.dir.path().join("a"), data)
// Output: fs::write(match &self.dir { __ephemeral_fs_owner =>
//             Probe(__ephemeral_fs_owner).__ephemeral_fs_deny_persistent_write_joined(
//                 Probe(__ephemeral_fs_owner).__ephemeral_fs_joined(&["a"],
//                     || (*__ephemeral_fs_owner).path().join("a"))) }, data)
//
// For a temp handle the inherent method computes the path and the closure
// is never called; any other owner takes the fallback trait method, which
// calls the closure: the user's own code, evaluated once, as written.

use proc_macro2::Span;
use quote::quote_spanned;
use syn::{Expr, Ident, Stmt};

use crate::symbol;
use crate::syntax::ident_name;

/// Where generated glue is spanned: at the user's tokens for messages, with
/// the hygiene of the expansion, so that our bindings cannot meet a user's.
pub(crate) fn glue_span(at: Span) -> Span {
    Span::mixed_site().located_at(at)
}

/// The binding a path local's `let` holds its owner's borrow in.
pub(crate) fn held_ident(slot: usize, at: Span) -> Ident {
    Ident::new(&symbol::held_owner(slot), glue_span(at))
}

/// The binding a checked argument's owner is borrowed into.
pub(crate) fn owner_ident(at: Span) -> Ident {
    Ident::new(symbol::OWNER, glue_span(at))
}

pub(crate) fn ident_expr(ident: &Ident) -> Expr {
    Expr::Path(syn::ExprPath {
        attrs: Vec::new(),
        qself: None,
        path: ident.clone().into(),
    })
}

// Input:  files[next]                Output: let __ephemeral_fs_owner_0 = &files[next];
/// The statement that borrows an owner once and holds the borrow.
pub(crate) fn hold_stmt(held: &Ident, owner: &Expr) -> Stmt {
    let span = syn::spanned::Spanned::span(owner);
    let borrow = crate::emit::shared_ref(owner.clone(), span);
    syn::parse_quote_spanned!(glue_span(span)=> let #held = #borrow;)
}

/// `(*held)`, to stand for the owner in the user's own chain.
pub(crate) fn deref_of(held: &Ident) -> Expr {
    let span = held.span();
    syn::parse_quote_spanned!(span=> (*#held))
}

// Input:  tmp.path().to_path_buf()
// Output: ::ephemeral_fs::__private::Probe(&tmp).__ephemeral_fs_path_buf(|| tmp.path().to_path_buf())
/// The path computed from `owner_ref` (a reference to the owner) by
/// tempfile's methods for a temp handle, by the user's `chain` otherwise.
pub(crate) fn compute(owner_ref: &Expr, joins: &[String], owned: bool, chain: Expr) -> Expr {
    // From the chain's first token to its last, as the user's argument
    // spanned: a type error on the computed path underlines all of it.
    let mut tokens = quote::ToTokens::to_token_stream(&chain).into_iter();
    let first = tokens
        .next()
        .map_or_else(Span::call_site, |token| token.span());
    let last = tokens.last().map_or(first, |token| token.span());
    let method = Ident::new(symbol::path_probe(owned, !joins.is_empty()), first);
    let names = (!joins.is_empty()).then(|| quote_spanned!(first=> &[#(#joins),*],));
    let mut args = proc_macro2::Group::new(
        proc_macro2::Delimiter::Parenthesis,
        quote_spanned!(first=> #names || #chain),
    );
    args.set_span(last);
    let (runtime, private, probe) = (
        Ident::new(symbol::RUNTIME, first),
        Ident::new(symbol::PRIVATE, first),
        Ident::new(symbol::PROBE, first),
    );
    Expr::Verbatim(quote_spanned!(first=>
        ::#runtime::#private::#probe(#owner_ref).#method #args))
}

/// Replaces the chain of calls in `expr` (below any `&` and parentheses)
/// by what `f` makes of it.
pub(crate) fn replace_chain(expr: &mut Expr, f: impl FnOnce(Expr) -> Expr) {
    match expr {
        Expr::Reference(reference) if reference.mutability.is_none() => {
            replace_chain(&mut reference.expr, f)
        }
        Expr::Paren(paren) => replace_chain(&mut paren.expr, f),
        chain => {
            let taken = std::mem::replace(chain, Expr::Verbatim(Default::default()));
            *chain = f(taken);
        }
    }
}

/// Replaces the receiver of the `.path()` a chain starts from (the shapes
/// `flow::classify` follows) by `with`.
pub(crate) fn replace_owner(expr: &mut Expr, with: Expr) {
    match expr {
        Expr::Reference(reference) => replace_owner(&mut reference.expr, with),
        Expr::Paren(paren) => replace_owner(&mut paren.expr, with),
        Expr::MethodCall(call) if ident_name(&call.method) == "path" => *call.receiver = with,
        Expr::MethodCall(call) => replace_owner(&mut call.receiver, with),
        _ => {}
    }
}

/// Whether an owner is a lone name (`tmp`, `self`): borrowing it again
/// runs no code, so it needs no binding.
pub(crate) fn is_lone_name(owner: &Expr) -> bool {
    matches!(owner, Expr::Path(path) if path.qself.is_none() && path.path.get_ident().is_some())
}

// Input:  ((tmp))   or `tmp` from a macro's `$h:expr` (an invisible group)
// Output: Some(tmp)
/// The lone name an owner is, below parentheses and invisible groups,
/// which name the same variable.
pub(crate) fn lone_name_within(owner: &Expr) -> Option<&Expr> {
    match owner {
        Expr::Paren(paren) => lone_name_within(&paren.expr),
        Expr::Group(group) => lone_name_within(&group.expr),
        name => is_lone_name(name).then_some(name),
    }
}

/// The `&`s and parentheses an argument starts with, outermost first, and
/// what is below them.
pub(crate) fn take_borrows(mut expr: Expr) -> (Vec<syn::Token![&]>, Expr) {
    let mut borrows = Vec::new();
    loop {
        expr = match expr {
            Expr::Reference(reference) if reference.mutability.is_none() => {
                borrows.push(reference.and_token);
                *reference.expr
            }
            Expr::Paren(paren) => *paren.expr,
            other => return (borrows, other),
        };
    }
}

/// `expr` below the `&`s `take_borrows` took.
pub(crate) fn put_borrows(borrows: Vec<syn::Token![&]>, mut expr: Expr) -> Expr {
    for and_token in borrows.into_iter().rev() {
        expr = Expr::Reference(syn::ExprReference {
            attrs: Vec::new(),
            and_token,
            mutability: None,
            expr: Box::new(expr),
        });
    }
    expr
}
