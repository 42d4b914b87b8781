//! Probes of places: a receiver or argument whose type is read by a
//! reference to it, or by a copy that is only type-checked, so that the
//! place is evaluated exactly as often as without the attribute.

use super::*;

fn borrow(place: &Expr, span: Span) -> Expr {
    shared_ref(place.clone(), span)
}

// Input:  tmp.keep()
// Output: ::ephemeral_fs::__private::after(
//             ::ephemeral_fs::__private::Probe(&tmp).__ephemeral_fs_deny_temp_escape_in_place(),
//             tmp.keep())
/// Checks the type of a place receiver by borrowing it, then runs the call.
pub fn escape_by_place(
    level: Level,
    place: ProbedPlace<'_>,
    whole_call: Expr,
    method_span: Span,
) -> Expr {
    probe_place_then(
        symbol::escape_probe(level, true),
        level,
        place,
        whole_call,
        method_span,
    )
}

// Input:  uploads.leak()
// Output: ::ephemeral_fs::__private::after(
//             Probe(type_of(|| ..uploads..)).__ephemeral_fs_deny_temp_forget(),
//             uploads.leak())
/// Checks a place receiver of a method that skips its destructor by the
/// type it owns (`Vec::leak`), then runs the call.
pub fn leak_by_place(
    level: Level,
    place: ProbedPlace<'_>,
    whole_call: Expr,
    method_span: Span,
) -> Expr {
    probe_place_then(
        symbol::forget_probe(level),
        level,
        place,
        whole_call,
        method_span,
    )
}

fn probe_place_then(
    probe_method: &str,
    level: Level,
    place: ProbedPlace<'_>,
    whole_call: Expr,
    method_span: Span,
) -> Expr {
    let check = method(
        probe(place_for_probe(place, method_span), method_span),
        probe_method,
        method_span,
    );
    let check = then_warn(level, check, symbol::ESCAPE_WARNING, method_span);
    call(
        private_path(symbol::AFTER, method_span),
        [check, whole_call],
        method_span,
    )
}

/// A receiver's place, and whether the name it starts from is an item in
/// sight rather than a local (a lower-case `const`), or is not a name at
/// all (a macro call): then it is read by type alone, never borrowed.
#[derive(Clone, Copy)]
pub struct ProbedPlace<'a> {
    pub place: &'a Expr,
    pub item: bool,
}

/// The name a place starts from (`files` in `*files[i].0`), when it is a
/// lone name.
pub fn place_root_name(place: &Expr) -> Option<String> {
    match place_root(place) {
        Expr::Path(path) if path.qself.is_none() && path.path.segments.len() == 1 => {
            Some(crate::syntax::ident_name(&path.path.segments[0].ident))
        }
        _ => None,
    }
}

// Input:  files[next]
// Output: ::ephemeral_fs::__private::type_of(|| &raw const files[next])
//
// Input:  tmp, STATE.0, lease_of!(row)  (a lone name, or not below a local)
// Output: ::ephemeral_fs::__private::type_of(|| match tmp {
//             ref __ephemeral_fs_place => ::core::ptr::from_ref(__ephemeral_fs_place) })
/// What a receiver's probe looks at: only its type, from a closure that is
/// never called, so that the call that follows evaluates the place once and
/// nothing is borrowed, moved or dropped at run time.
///
/// The closure makes no reference where rustc forbids one. Below a local,
/// it makes a raw pointer: a field of a `#[repr(packed)]` struct may not be
/// borrowed. A lone name, or a place below any other name, which may be a
/// `static mut` (no reference allowed) or a `const` (a value, with no
/// address for a raw pointer, whose borrow would be a second temporary to
/// drop), is bound by `ref`, which takes the address of either.
pub(super) fn place_for_probe(ProbedPlace { place, item }: ProbedPlace<'_>, span: Span) -> Expr {
    let place = &typed_only(place);
    let below_local =
        !item && is_local_name(place_root(place)) && !crate::held::is_lone_name(place);
    // A `return Err(code)` in the copy is `unreachable!()`, which leaves
    // `code` unused there (and only there: the place as written uses it).
    let closure: Expr = if below_local {
        syn::parse_quote_spanned!(span=> #[allow(unused_variables)] || &raw const #place)
    } else {
        let bound = Ident::new(symbol::PLACE, crate::held::glue_span(span));
        syn::parse_quote_spanned!(span=> #[allow(unused_variables)] || match #place {
            ref #bound => ::core::ptr::from_ref(#bound)
        })
    };
    call(private_path(symbol::TYPE_OF, span), [closure], span)
}

// Input:  reg[key]                 leases[slot(name)?]
// Output: reg[value_of(&key)]      leases[value_of(&try_output(&slot(name)))]
// Input:  leases[match k { Some(k) => k, None => continue }]
// Output: leases[value_of(&match k { Some(k) => k, None => ::core::unreachable!() })]
/// A copy of a place for a closure that is never called and only gives its
/// type, where a `?` or an `.await` cannot be written: each is replaced by
/// a function of the same type that is given a reference, so that the
/// closure moves nothing. An index is too: one taken by value
/// (`Index<SessionKey>`) would move its variables into the closure, and the
/// call after it would use them moved. A `return`, or a `break` or
/// `continue` out of the place, would leave the closure instead of the
/// function: each is `!`, as `unreachable!()` is.
fn typed_only(place: &Expr) -> Expr {
    #[derive(Default)]
    struct TypedOnly {
        /// Loops and labelled blocks inside the place, innermost last:
        /// their label, and whether a bare `break` or `continue` is theirs.
        scopes: Vec<(Option<String>, bool)>,
    }
    impl TypedOnly {
        fn escapes(&self, label: Option<&syn::Lifetime>) -> bool {
            match label {
                Some(label) => !self
                    .scopes
                    .iter()
                    .any(|(known, _)| known.as_deref() == Some(&label.ident.to_string())),
                None => !self.scopes.iter().any(|(_, is_loop)| *is_loop),
            }
        }

        fn enter(&mut self, label: Option<&syn::Label>, is_loop: bool) {
            let label = label.map(|label| label.name.ident.to_string());
            self.scopes.push((label, is_loop));
        }
    }
    impl syn::visit_mut::VisitMut for TypedOnly {
        fn visit_expr_mut(&mut self, expr: &mut Expr) {
            let escapes = match expr {
                Expr::ForLoop(for_loop) => {
                    // Its iterator is outside the loop.
                    self.visit_expr_mut(&mut for_loop.expr);
                    self.enter(for_loop.label.as_ref(), true);
                    self.visit_block_mut(&mut for_loop.body);
                    self.scopes.pop();
                    return;
                }
                Expr::While(syn::ExprWhile { label, .. })
                | Expr::Loop(syn::ExprLoop { label, .. }) => {
                    self.enter(label.as_ref(), true);
                    syn::visit_mut::visit_expr_mut(self, expr);
                    self.scopes.pop();
                    return;
                }
                Expr::Block(block) => {
                    self.enter(block.label.as_ref(), false);
                    syn::visit_mut::visit_expr_mut(self, expr);
                    self.scopes.pop();
                    return;
                }
                Expr::Return(_) => true,
                Expr::Break(broken) => self.escapes(broken.label.as_ref()),
                Expr::Continue(continued) => self.escapes(continued.label.as_ref()),
                _ => false,
            };
            if escapes {
                let span = syn::spanned::Spanned::span(&*expr);
                *expr = syn::parse_quote_spanned!(span=> ::core::unreachable!());
                return;
            }
            syn::visit_mut::visit_expr_mut(self, expr);
            // `value?` and `value.await` become `function(&value)`; an
            // index, `value_of(&index)`.
            let (function, replaced) = match expr {
                Expr::Try(_) => (symbol::TRY_OUTPUT, expr),
                Expr::Await(_) => (symbol::AWAIT_OUTPUT, expr),
                Expr::Index(indexed) => (symbol::VALUE_OF, &mut *indexed.index),
                _ => return,
            };
            let taken = std::mem::replace(replaced, Expr::Verbatim(Default::default()));
            let value = match (function, taken) {
                (symbol::TRY_OUTPUT, Expr::Try(tried)) => *tried.expr,
                (symbol::AWAIT_OUTPUT, Expr::Await(awaited)) => *awaited.base,
                (_, index) => index,
            };
            let span = syn::spanned::Spanned::span(&value);
            *replaced = call(private_path(function, span), [borrow(&value, span)], span);
        }

        // Their own `?` and `.await` are theirs.
        fn visit_expr_closure_mut(&mut self, _: &mut syn::ExprClosure) {}
        fn visit_expr_async_mut(&mut self, _: &mut syn::ExprAsync) {}
        fn visit_item_mut(&mut self, _: &mut syn::Item) {}
    }
    let mut place = place.clone();
    syn::visit_mut::VisitMut::visit_expr_mut(&mut TypedOnly::default(), &mut place);
    place
}

// Input:  (tmp,).0.keep()
// Output: ::ephemeral_fs::__private::projected((tmp,), |__ephemeral_fs_root|
//             ::ephemeral_fs::__private::Probe(::ephemeral_fs::__private::type_behind(
//                 &(*__ephemeral_fs_root).0)).__ephemeral_fs_deny_temp_escape_in_place()).0.keep()
/// Checks a receiver that starts from a value: the value is evaluated once,
/// where the user wrote it, and the receiver's type is read from a closure
/// that is given it and never called. `receiver` is the receiver as
/// written, whose root is replaced here.
pub fn escape_by_root(level: Level, receiver: &mut Expr, method_span: Span) {
    check_by_root(receiver, method_span, |projection| {
        let check = method(
            probe(
                call(
                    private_path(symbol::TYPE_BEHIND, method_span),
                    [borrow(projection, method_span)],
                    method_span,
                ),
                method_span,
            ),
            symbol::escape_probe(level, true),
            method_span,
        );
        then_warn(level, check, symbol::ESCAPE_WARNING, method_span)
    });
}

// Input:  (*load()?).leak()        batch()?.files.leak()
// Output: (*projected(load()?, |__ephemeral_fs_root| Probe(type_of(|| &raw const
//             (*(*__ephemeral_fs_root)))).__ephemeral_fs_deny_temp_forget())).leak()
/// `escape_by_root` for `.leak()`: the receiver's type, read by the forget
/// probe, without moving it out of the value it is a projection of.
pub fn leak_by_root(level: Level, receiver: &mut Expr, method_span: Span) {
    check_by_root(receiver, method_span, |projection| {
        let place: Expr = syn::parse_quote_spanned!(method_span=> || &raw const #projection);
        let place = call(
            private_path(symbol::TYPE_OF, method_span),
            [place],
            method_span,
        );
        let check = method(
            probe(place, method_span),
            symbol::forget_probe(level),
            method_span,
        );
        then_warn(level, check, symbol::ESCAPE_WARNING, method_span)
    });
}

/// Replaces the value `receiver` starts from by `projected(value, |root|
/// check)`, where `check` is made from the receiver's projection of `root`.
fn check_by_root(receiver: &mut Expr, method_span: Span, check: impl FnOnce(&Expr) -> Expr) {
    let root_ident = Ident::new(symbol::PROJECTED_ROOT, method_span);
    let mut projection = typed_only(receiver);
    if let Some(root) = crate::syntax::value_root_mut(&mut projection) {
        *root = syn::parse_quote_spanned!(method_span=> (*#root_ident));
    }
    let check = check(&projection);
    let Some(root) = crate::syntax::value_root_mut(receiver) else {
        return;
    };
    let value = std::mem::replace(root, Expr::Verbatim(Default::default()));
    let closure: Expr = syn::parse_quote_spanned!(method_span=> |#root_ident| #check);
    *root = call(
        private_path(symbol::PROJECTED, method_span),
        [value, closure],
        method_span,
    );
}

/// The name a place is a field, element or pointee of (`files` in
/// `*files[i].0`).
fn place_root(place: &Expr) -> &Expr {
    match place {
        Expr::Paren(paren) => place_root(&paren.expr),
        Expr::Field(field) => place_root(&field.base),
        Expr::Index(index) => place_root(&index.expr),
        Expr::Unary(unary) => place_root(&unary.expr),
        root => root,
    }
}

/// Whether a path is a local's name or `self`, by the naming convention:
/// a `static` or `const` is named in upper case.
fn is_local_name(root: &Expr) -> bool {
    crate::held::is_lone_name(root)
        && matches!(root, Expr::Path(path) if path.path.segments[0].ident.to_string()
            .trim_start_matches("r#")
            .starts_with(|c: char| c.is_lowercase() || c == '_'))
}
