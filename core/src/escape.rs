//! `temp_escape`: tempfile calls that cancel a temp file's cleanup. Which
//! type the receiver has is left to the compiler; a method of another type
//! with the same name compiles untouched.

use proc_macro2::Span;
use quote::ToTokens;
use syn::{Expr, ExprMethodCall};

use crate::calls::{is_literal_false, path_text};
use crate::emit;
use crate::finding::Subject;
use crate::flow::{Origin, Owner};
use crate::held;
use crate::lints::{Level, Lint};
use crate::ops;
use crate::rewrite::Rewriter;
use crate::syntax::{PlaceKind, ident_name, place_kind};

impl Rewriter<'_> {
    // Input:  tmp.persist(dest)
    // Output: match dest { __ephemeral_fs_dest => ::ephemeral_fs::__private::after(
    //             Probe(&tmp).__ephemeral_fs_deny_temp_persist_in_place(&__ephemeral_fs_dest),
    //             tmp.persist(__ephemeral_fs_dest)) }
    /// `tmp.keep()`, `tmp.persist(dest)` and the like, once the call's own
    /// receiver and arguments are visited.
    pub(crate) fn visit_method_escape(&mut self, expr: &mut Expr, name: &str, method_span: Span) {
        let Expr::MethodCall(call) = expr else { return };
        if !ops::ESCAPE_METHODS.contains(&name) || switched_off(name, call.args.first()) {
            return;
        }
        let receiver_kind = place_kind(&call.receiver);
        if receiver_kind == PlaceKind::Impure {
            // Borrowing it would evaluate its calls twice, and taking it by
            // value could move out of a place: left to the documented limits.
            return;
        }
        let subject = match call.args.first() {
            Some(destination)
                if receiver_kind == PlaceKind::Pure
                    && checks_destination(name, Some(destination)) =>
            {
                Subject::Persist {
                    receiver: call.receiver.to_token_stream(),
                    destination: destination.to_token_stream(),
                }
            }
            _ => Subject::Value(call.receiver.to_token_stream()),
        };
        let level = self.record(
            Lint::TempEscape,
            method_span,
            format!(".{name}()"),
            true,
            Some(subject),
        );
        if level == Level::Allow {
            return;
        }
        match receiver_kind {
            PlaceKind::Pure if checks_destination(name, call.args.first()) => {
                let place = (*call.receiver).clone();
                let destination = take_destination(call, 0);
                let (destination, owner) = self.persist_destination(destination, method_span);
                let whole = std::mem::replace(expr, Expr::Verbatim(Default::default()));
                *expr = emit::escape_persist(level, &place, destination, owner, whole, method_span);
            }
            PlaceKind::Pure => {
                let place = (*call.receiver).clone();
                let whole = std::mem::replace(expr, Expr::Verbatim(Default::default()));
                *expr = emit::escape_by_place(level, &place, whole, method_span);
            }
            PlaceKind::Value => {
                let receiver =
                    std::mem::replace(&mut *call.receiver, Expr::Verbatim(Default::default()));
                *call.receiver = emit::escape_by_value(level, receiver, method_span);
            }
            PlaceKind::Impure => {}
        }
    }

    /// `TempPath::from_path(p)` and `NamedTempFile::persist(tmp, dest)`,
    /// once the call's arguments are visited.
    pub(crate) fn visit_path_called_escape(
        &mut self,
        expr: &mut Expr,
        path: &syn::Path,
        name: &str,
        callee_span: Span,
    ) {
        if path.segments.len() < 2 {
            return;
        }
        if ops::ESCAPE_CONSTRUCTORS.contains(&name) {
            let level = self.record(
                Lint::TempEscape,
                callee_span,
                path_text(path),
                true,
                Some(Subject::Value(path.to_token_stream())),
            );
            if level != Level::Allow {
                let whole = std::mem::replace(expr, Expr::Verbatim(Default::default()));
                *expr = emit::escape_by_result(level, whole, callee_span);
            }
            return;
        }
        // `NamedTempFile::persist(tmp, dest)`: the first argument is the
        // receiver, and is probed as in `tmp.persist(dest)`. Only a type's
        // or trait's function has one, and those are UpperCamelCase, or
        // named by an import of tempfile in sight (`use
        // tempfile::NamedTempFile as staged;`); a module's `cache::keep(x)`
        // takes no receiver.
        let Expr::Call(call) = expr else { return };
        if !ops::ESCAPE_METHODS.contains(&name)
            || !(owner_is_type(path) || self.names_tempfile(path))
            || switched_off(name, call.args.iter().nth(1))
        {
            return;
        }
        let Some(receiver) = call.args.first() else {
            return;
        };
        let kind = place_kind(receiver);
        if kind == PlaceKind::Impure {
            return;
        }
        let subject = match call.args.iter().nth(1) {
            Some(destination)
                if kind == PlaceKind::Pure && checks_destination(name, Some(destination)) =>
            {
                Subject::Persist {
                    receiver: receiver.to_token_stream(),
                    destination: destination.to_token_stream(),
                }
            }
            _ => Subject::Value(receiver.to_token_stream()),
        };
        // A rename of tempfile's type is named as what it stands for, so
        // that the audit knows the type.
        let operation = match self.scope.resolve(path) {
            Some(resolved) if !owner_is_type(path) => resolved.join("::"),
            _ => path_text(path),
        };
        let level = self.record(
            Lint::TempEscape,
            callee_span,
            operation,
            true,
            Some(subject),
        );
        if level == Level::Allow {
            return;
        }
        if kind == PlaceKind::Pure {
            let place = receiver.clone();
            if checks_destination(name, call.args.iter().nth(1)) {
                let destination =
                    std::mem::replace(&mut call.args[1], Expr::Verbatim(Default::default()));
                call.args[1] = destination_placeholder(&destination);
                let (destination, owner) = self.persist_destination(destination, callee_span);
                let whole = std::mem::replace(expr, Expr::Verbatim(Default::default()));
                *expr = emit::escape_persist(level, &place, destination, owner, whole, callee_span);
            } else {
                let whole = std::mem::replace(expr, Expr::Verbatim(Default::default()));
                *expr = emit::escape_by_place(level, &place, whole, callee_span);
            }
        } else if let Some(receiver) = call.args.first_mut() {
            let value = std::mem::replace(receiver, Expr::Verbatim(Default::default()));
            *receiver = emit::escape_by_value(level, value, callee_span);
        }
    }
}

impl Rewriter<'_> {
    /// Whether a path names an item of tempfile through the imports in
    /// sight, whatever it was renamed to.
    fn names_tempfile(&self, path: &syn::Path) -> bool {
        self.scope
            .resolve(path)
            .is_some_and(|resolved| resolved.first().is_some_and(|krate| krate == "tempfile"))
    }

    // Input:  dir.path().join("a")
    // Output: Probe(&dir).__ephemeral_fs_joined(&["a"], || dir.path().join("a")), with `&dir`
    /// A `persist` destination derived from `owner.path()` counts as it does
    /// everywhere else: computed by tempfile's methods, and decided by the
    /// owner's type.
    fn persist_destination(
        &mut self,
        mut destination: Expr,
        span: Span,
    ) -> (Expr, Option<emit::DestinationOwner>) {
        let Some(Origin::PathOf(path_of)) = self.body.flow.classify(&destination) else {
            return (destination, None);
        };
        let written = destination.clone();
        let joined = path_of.joined();
        let (joins, owned) = (path_of.joins, path_of.owned);
        let (owner_ref, bound) = match path_of.owner {
            Owner::Held { slot, .. } => {
                let dest_span = syn::spanned::Spanned::span(&destination);
                let held = held::ident_expr(&held::held_ident(slot, dest_span));
                match path_of.local {
                    Some(local) => {
                        self.body.flow.mark(local);
                        return (
                            destination,
                            Some(emit::DestinationOwner {
                                written,
                                owner_ref: held,
                                joined,
                                bound: None,
                            }),
                        );
                    }
                    None => self.body.flow.mark(slot),
                }
                (held, None)
            }
            Owner::Place(owner) if held::is_lone_name(&owner) => {
                (syn::parse_quote_spanned!(span=> &#owner), None)
            }
            Owner::Place(owner) => {
                let bound = held::owner_ident(syn::spanned::Spanned::span(&*owner));
                held::replace_owner(&mut destination, held::deref_of(&bound));
                (held::ident_expr(&bound), Some((bound, *owner)))
            }
        };
        held::replace_chain(&mut destination, |chain| {
            held::compute(&owner_ref, &joins, owned, chain)
        });
        let owner = emit::DestinationOwner {
            written,
            owner_ref,
            joined,
            bound,
        };
        (destination, Some(owner))
    }
}

/// The names of tempfile's types whose functions the value form checks.
const TEMPFILE_TYPES: &[&str] = &["NamedTempFile", "TempDir", "TempPath", "Builder"];

/// A cheap test before `visit_escape_value`: the path ends in an escape's
/// name below some other segment.
pub(crate) fn may_be_escape_value(path: &syn::Path) -> bool {
    path.segments.last().is_some_and(|last| {
        let name = ident_name(&last.ident);
        ops::ESCAPE_METHODS.contains(&name.as_str())
            || ops::ESCAPE_CONSTRUCTORS.contains(&name.as_str())
    })
}

impl Rewriter<'_> {
    // Input:  dirs.into_iter().map(TempDir::keep)
    // Output: dirs.into_iter().map(::ephemeral_fs::__private::fn_value_1(TempDir::keep)
    //             .__ephemeral_fs_deny_temp_escape_value())
    /// A tempfile escape used as a value: its first argument's type (for a
    /// constructor, its result's) decides, as in the call written out.
    /// Checked at `deny`, as `std::fs` functions used as values are.
    pub(crate) fn visit_escape_value(&mut self, expr: &mut Expr, path: &syn::Path) -> bool {
        let count = path.segments.len();
        if count < 2 {
            return false;
        }
        let name = ident_name(&path.segments[count - 1].ident);
        let resolved = self.scope.resolve(path);
        let owner = match &resolved {
            Some(resolved) if resolved.first().is_some_and(|k| k == "tempfile") => {
                resolved.iter().rev().nth(1).cloned().unwrap_or_default()
            }
            _ => ident_name(&path.segments[count - 2].ident),
        };
        if !TEMPFILE_TYPES.contains(&owner.as_str()) {
            return false;
        }
        let constructor = ops::ESCAPE_CONSTRUCTORS.contains(&name.as_str());
        // tempfile's arities: a type of the user's named like tempfile's
        // with another arity fails the bound, which says so.
        let arity = match name.as_str() {
            "keep" if owner == "Builder" => 2,
            "keep" | "into_path" | "from_path" | "try_from_path" => 1,
            _ => 2,
        };
        let span = crate::calls::last_ident_span(path);
        if self.levels.get(Lint::TempEscape) != Level::Deny {
            return false;
        }
        self.record(
            Lint::TempEscape,
            span,
            path_text(path),
            true,
            Some(Subject::Value(path.to_token_stream())),
        );
        let value = std::mem::replace(expr, Expr::Verbatim(Default::default()));
        *expr = emit::escape_value(value, arity, constructor, span);
        true
    }
}

/// `keep(false)` and `disable_cleanup(false)` keep the cleanup: no escape.
fn switched_off(method: &str, switch: Option<&Expr>) -> bool {
    ops::ESCAPE_SWITCHES.contains(&method) && switch.is_some_and(is_literal_false)
}

/// Whether `persist(dest)` is decided by the destination's type too. A
/// closure is left alone: bound to a name first, it would lose the
/// parameter types a user's own `persist` infers for it.
fn checks_destination(method: &str, destination: Option<&Expr>) -> bool {
    ops::PERSIST_METHODS.contains(&method)
        && destination.is_some_and(|dest| !matches!(dest, Expr::Closure(_)))
}

/// Takes argument `at` out of a method call, leaving the binding the
/// destination is evaluated into.
fn take_destination(call: &mut ExprMethodCall, at: usize) -> Expr {
    let destination = std::mem::replace(&mut call.args[at], Expr::Verbatim(Default::default()));
    call.args[at] = destination_placeholder(&destination);
    destination
}

fn destination_placeholder(destination: &Expr) -> Expr {
    let ident = emit::destination_ident(syn::spanned::Spanned::span(destination));
    syn::parse_quote!(#ident)
}

fn owner_is_type(path: &syn::Path) -> bool {
    let count = path.segments.len();
    count >= 2 && {
        let owner = ident_name(&path.segments[count - 2].ident);
        owner == "Self" || owner.starts_with(|c: char| c.is_ascii_uppercase())
    }
}
