//! Functions and methods that skip a destructor (`std::mem::forget`,
//! `ManuallyDrop::new`, `Box::leak`, `Vec::leak`): what they are given may
//! own a temp handle, which would then never be removed. Decided by the
//! type of the value, where it is in sight; refused where it is not.

use proc_macro2::Span;
use syn::Expr;

use crate::check::{Callee, Subject};
use crate::emit;
use crate::lints::{Level, Lint};
use crate::ops;
use crate::rewrite::Rewriter;
use crate::syntax::{ident_name, last_ident_span};

impl Rewriter<'_> {
    // Input:  std::mem::forget(tmp)
    // Output: std::mem::forget(::ephemeral_fs::__private::Probe(tmp).__ephemeral_fs_deny_temp_forget())
    /// `mem::forget`, `ManuallyDrop::new`, `Box::leak` and the like skip
    /// their argument's destructor: a temp handle the argument owns is an
    /// escape, decided by its type.
    pub(crate) fn visit_leak(&mut self, expr: &mut Expr, path: &syn::Path, callee_span: Span) {
        let Expr::Call(call) = expr else { return };
        let Some(arg) = call.args.first_mut() else {
            return;
        };
        let value = &*arg;
        let describe = || (Callee::Leak { path }, Some(Subject::Value(value)));
        // In a `const fn`, at the levels of its body: the probe is `const`.
        let in_const_fn = self.const_fn_levels;
        let level = match in_const_fn {
            Some(levels) => {
                let level = levels.get(Lint::TempEscape);
                self.record_at(Lint::TempEscape, level, callee_span, true, describe)
            }
            None => self.record(Lint::TempEscape, callee_span, true, describe),
        };
        if level == Level::Allow || !self.emits {
            return;
        }
        let value = std::mem::replace(arg, Expr::Verbatim(Default::default()));
        *arg = match in_const_fn {
            Some(_) => emit::forgotten_in_const(level, value, callee_span),
            None => emit::forgotten(level, value, callee_span),
        };
    }

    // Input:  uploads.leak()
    /// A method that skips its receiver's destructor (`Vec::leak`): the
    /// receiver is probed for a temp handle it owns, by type, as the
    /// argument of `Vec::leak(uploads)` is. A place is read, not moved.
    pub(crate) fn visit_method_leak(&mut self, expr: &mut Expr, method_span: Span) {
        let Expr::MethodCall(call) = &*expr else {
            return;
        };
        let path: syn::Path = syn::parse_quote!(Vec::leak);
        let receiver = &*call.receiver;
        let level = self.record(Lint::TempEscape, method_span, true, || {
            (Callee::Leak { path: &path }, Some(Subject::Value(receiver)))
        });
        if level == Level::Allow || !self.emits {
            return;
        }
        use crate::syntax::{PlaceKind, place_kind};
        let has_value_root = |receiver: &Expr| {
            let mut receiver = receiver.clone();
            crate::syntax::value_root_mut(&mut receiver).is_some()
        };
        match place_kind(receiver) {
            PlaceKind::Pure => {
                let place = receiver.clone();
                self.probe_by_place(expr, &place, None, |place, whole| {
                    emit::leak_by_place(level, place, whole, method_span)
                });
            }
            PlaceKind::Value => {
                let Expr::MethodCall(call) = expr else { return };
                let value =
                    std::mem::replace(&mut *call.receiver, Expr::Verbatim(Default::default()));
                *call.receiver = emit::forgotten_receiver(level, value, method_span);
            }
            // `(files,).0.leak()`, `(*load()?).leak()`: a projection of a
            // value, read by type without moving it, the value evaluated
            // once where it is written.
            PlaceKind::Impure if has_value_root(receiver) => {
                if let Expr::MethodCall(call) = expr {
                    emit::leak_by_root(level, &mut call.receiver, method_span);
                }
            }
            // `items[next()].leak()`: a place that cannot be moved out of,
            // so no `Vec::leak`; a method of the user's, by reference.
            PlaceKind::Impure => {}
        }
    }

    // Input:  forget   ManuallyDrop::new   discard (use std::mem::forget as discard;)
    // Output: true
    /// The cheap test before resolving a path as a leak function, which
    /// allocates: a leak word in it, or a first segment that an import or
    /// alias in sight binds (`use std::mem::forget as discard;`, `type
    /// Hold<T> = ManuallyDrop<T>;`).
    pub(crate) fn may_name_leak_function(&self, path: &syn::Path) -> bool {
        let Some(last) = path.segments.last() else {
            return false;
        };
        ops::LEAK_WORDS.contains(&ident_name(&last.ident).as_str())
            || path
                .segments
                .iter()
                .any(|s| ops::LEAK_TYPES.iter().any(|ty| s.ident == ty))
            || path.segments.first().is_some_and(|first| {
                // `discard(tmp)`, `self::discard(tmp)`, `util::discard(tmp)`
                let first = ident_name(&first.ident);
                path.leading_colon.is_none()
                    && (self.namespaces.imports(&first)
                        || self.namespaces.is_module(&first)
                        || (path.segments.len() > 1
                            && matches!(first.as_str(), "self" | "super" | "crate")))
            })
    }

    /// Whether a value path names a function that skips its argument's
    /// destructor (`std::mem::forget`, `Box::leak`).
    pub(crate) fn is_leak_value(&self, path: &syn::Path) -> bool {
        self.may_name_leak_function(path)
            && self
                .namespaces
                .resolve_with(path, ops::leak_conventional)
                .as_deref()
                .is_some_and(ops::is_leak_function)
    }

    // Input:  lock.try_lock().map(core::mem::forget)
    // Output: lock.try_lock().map(|__ephemeral_fs_leaked| core::mem::forget(
    //             ::ephemeral_fs::__private::checked_in_const(__ephemeral_fs_leaked, ..)))
    /// A leak function passed as an argument: a closure that calls it takes
    /// its place, and that call is checked as any other. The callee's bound
    /// (`FnOnce(T)`) gives the closure its argument's type, which decides.
    /// Only at `deny`, where the value would be refused, and outside const
    /// contexts, where a closure cannot be called.
    pub(crate) fn leak_arguments_as_calls(&mut self, expr: &mut Expr) {
        if self.stripping
            || self.const_levels.is_some()
            || self.const_fn_levels.is_some()
            || self.levels.get(Lint::TempEscape) != Level::Deny
        {
            return;
        }
        let args = match expr {
            Expr::Call(call) => &mut call.args,
            Expr::MethodCall(call) => &mut call.args,
            _ => return,
        };
        for arg in args.iter_mut() {
            let Expr::Path(value) = &*arg else { continue };
            if !value.attrs.is_empty() || !self.is_leak_value(&value.path) {
                continue;
            }
            let span = last_ident_span(&value.path);
            // At the function's name, as written, so that a refusal points
            // there (a binding no user names, by its prefix).
            let leaked = syn::Ident::new(crate::symbol::LEAKED, span);
            *arg = syn::parse_quote_spanned!(span=> |#leaked| #value(#leaked));
        }
    }

    // Input:  let skip = std::mem::forget::<NamedTempFile>;
    // Output: error: temp_escape: `std::mem::forget` used as a value is not checked ..
    /// A leak function taken as a value has no argument in sight to probe:
    /// refused at `deny`.
    pub(crate) fn refuse_leak_value(&mut self, path: &syn::Path) {
        if self.levels.get(Lint::TempEscape) != Level::Deny {
            return;
        }
        self.changes += 1;
        let message = format!(
            "temp_escape: `{}` used as a value is not checked, since it skips the destructor of what it is given, which may remove a temp file; call it where its argument is in sight instead; to do this on purpose, put `#[ephemeral_fs::allow(temp_escape, reason = \"...\")]` on the statement",
            crate::syntax::path_text(path)
        );
        self.ctxt.error_spanned(path, message);
    }
}
