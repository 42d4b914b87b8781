//! The code for `persist`, whose destination is checked by its type too.
//! The destination stays in the call, so that Rust evaluates it where it
//! does without the attribute: after the receiver's place, with what
//! `persist` expects reaching it (an implicit reborrow of a `&mut`, a
//! closure's parameter types).

use proc_macro2::Span;
use quote::ToTokens;
use syn::{Expr, Ident};

use super::{ProbedPlace, method, place_for_probe, private_path, probe, then_warn};
use crate::lints::Level;
use crate::symbol;

// Input:  tmp.persist(dest)
// Output: match Probe(&tmp).__ephemeral_fs_persist_receiver() {
//             __ephemeral_fs_receiver => tmp.persist(::ephemeral_fs::__private::destination(
//                 dest, |__ephemeral_fs_dest| __ephemeral_fs_receiver
//                     .__ephemeral_fs_deny_temp_persist_in_place(__ephemeral_fs_dest))) }
//
// Input:  tmp.persist(dest)            (`hoisted`: a statement of a block)
// Output: let __ephemeral_fs_receiver_0 = Probe(&tmp).__ephemeral_fs_persist_receiver();
//         tmp.persist(::ephemeral_fs::__private::destination(dest, ..))
/// Checks the receiver and the destination of `persist`: into a temp
/// directory it is no escape. The receiver's type is read before the call,
/// which may move it, into a marker that borrows nothing; the destination
/// is evaluated once, in the call. `put` puts the checked destination back
/// into `whole_call`.
///
/// The marker is bound by a `let` put before the statement when `hoisted`
/// names it, and by a `match` around the call otherwise. A `match` arm
/// drops the call's temporaries at its end, before the rest of the
/// statement, so the `let` is used wherever it can be (see `Hoist`).
#[allow(clippy::too_many_arguments)]
pub fn escape_persist_in_place(
    level: Level,
    place: ProbedPlace<'_>,
    destination: Expr,
    destination_owner: Option<DestinationOwner>,
    mut whole_call: Expr,
    put: impl FnOnce(&mut Expr, Expr),
    method_span: Span,
    hoisted: Option<Ident>,
) -> (Expr, Option<syn::Stmt>) {
    let written = destination_owner
        .as_ref()
        .map_or(&destination, |owner| &owner.written);
    let mut tokens = written.to_token_stream().into_iter();
    let first = tokens
        .next()
        .map_or_else(Span::call_site, |token| token.span());
    let last = tokens.last().map_or(first, |token| token.span());
    let binding = Ident::new(symbol::DESTINATION, last);
    let glue = crate::held::glue_span(method_span);
    let marker = hoisted
        .clone()
        .unwrap_or_else(|| Ident::new(symbol::RECEIVER, glue));
    // The borrow runs from the destination's first token to its last, so
    // that an error underlines all of it: the tokens as the user wrote
    // them, before a derived path's computation replaced them.
    let reborrow: Expr = syn::parse_quote_spanned!(first=> &*#binding);
    let check = persist_check(
        level,
        crate::held::ident_expr(&marker),
        reborrow,
        &destination_owner,
        method_span,
    );
    let wrapper = private_path(symbol::PERSIST_DESTINATION, first);
    // The borrow of the destination's owner is part of the argument, so
    // that it too is evaluated after the receiver.
    let argument: Expr =
        syn::parse_quote_spanned!(first=> #wrapper(#destination, |#binding| #check));
    put(
        &mut whole_call,
        bind_owner(destination_owner, argument, method_span),
    );
    let receiver = method(
        probe(place_for_probe(place, method_span), method_span),
        symbol::PERSIST_RECEIVER,
        method_span,
    );
    match hoisted {
        Some(_) => {
            let binding: syn::Stmt = syn::parse_quote_spanned!(glue=> let #marker = #receiver;);
            (whole_call, Some(binding))
        }
        None => (single_arm_match(receiver, marker, whole_call, glue), None),
    }
}

/// The check of a `persist` on `receiver` (a probe of its receiver, or the
/// marker of its type) into the destination `dest_ref` refers to.
fn persist_check(
    level: Level,
    receiver: Expr,
    dest_ref: Expr,
    destination_owner: &Option<DestinationOwner>,
    method_span: Span,
) -> Expr {
    let first = dest_ref
        .to_token_stream()
        .into_iter()
        .next()
        .map_or(method_span, |token| token.span());
    let mut check = method(receiver, symbol::persist_probe(level), method_span);
    if let Expr::MethodCall(check) = &mut check {
        let dest: Expr = match destination_owner {
            // Input:  tmp.persist(dir.path().join("a"))
            // Output: .. &Probe(&dir).__ephemeral_fs_joined_destination(&__ephemeral_fs_dest) ..
            Some(owner) => {
                let owner_ref = &owner.owner_ref;
                let method = Ident::new(symbol::destination_probe(owner.joined), first);
                let probe = private_path(symbol::PROBE, first);
                syn::parse_quote_spanned!(first=> &#probe(#owner_ref).#method(#dest_ref))
            }
            None => dest_ref,
        };
        check.args.push(dest);
    }
    then_warn(level, check, symbol::ESCAPE_WARNING, method_span)
}

/// The checked destination inside the borrow of its owner, when the owner
/// is bound once for it.
fn bind_owner(destination_owner: Option<DestinationOwner>, checked: Expr, span: Span) -> Expr {
    match destination_owner.and_then(|owner| owner.bound) {
        Some((bound, owner)) => {
            let span = crate::held::glue_span(span);
            syn::parse_quote_spanned!(span=> match &#owner { #bound => #checked })
        }
        None => checked,
    }
}

/// The owner of a `persist` destination derived from `owner.path()`.
pub struct DestinationOwner {
    /// The destination as written.
    pub written: Expr,
    /// A reference to the owner.
    pub owner_ref: Expr,
    pub joined: bool,
    /// The binding `owner_ref` names and the owner it borrows, when the
    /// owner is written in the destination and is not a lone name.
    pub bound: Option<(Ident, Expr)>,
}

// Input:  Entry { key: 3 }, __ephemeral_fs_dest, body
// Output: match (Entry { key: 3 }) { __ephemeral_fs_dest => body }
/// `match scrutinee { binding => body }`, built as a tree rather than parsed
/// from tokens: a struct literal is not allowed as a scrutinee, and the
/// printer adds the parentheses it needs only where it needs them (and so
/// never trips `unused_parens`).
fn single_arm_match(scrutinee: Expr, binding: Ident, body: Expr, span: Span) -> Expr {
    let mut matched: syn::ExprMatch =
        syn::parse_quote_spanned!(span=> match () { #binding => #body });
    *matched.expr = scrutinee;
    Expr::Match(matched)
}
