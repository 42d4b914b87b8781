//! tempfile's `Builder` makes temp files and directories whose cleanup its
//! settings may have disabled (`disable_cleanup(true)`, `keep(true)`), and
//! the handles it returns do not say so. Those settings are refused where
//! they are written (`escape.rs`); a builder whose settings are out of
//! sight is refused where it makes a temp file or directory.
//
// Input:  state.staging.tempfile_in(dir)
// Output: ::ephemeral_fs::__private::Probe(state.staging.tempfile_in(dir))
//             .__ephemeral_fs_deny_builder_settings()
//
// Decided by the type the call returns: a `NamedTempFile` or a `TempDir`
// is refused, a `tempdir()` of the user's passes as written.

use proc_macro2::Span;
use syn::Expr;

use crate::check::{Callee, Subject};
use crate::emit;
use crate::lints::{Level, Lint};
use crate::ops;
use crate::rewrite::Rewriter;
use crate::syntax::ident_name;

/// tempfile's `Builder` setters. `keep` and `disable_cleanup` are among
/// them: given anything but a literal `false`, they are refused as escapes
/// where they are written.
const SETTERS: &[&str] = &[
    "prefix",
    "suffix",
    "rand_bytes",
    "append",
    "permissions",
    "keep",
    "disable_cleanup",
];

impl Rewriter<'_> {
    // Input:  Builder::new().prefix("upload-")      Output: true
    // Input:  state.staging, Builder::new().for_uploads()   Output: false
    /// Whether every setting of a tempfile `Builder` receiver is in sight:
    /// a chain from `Builder::new()` through tempfile's setters, or a local
    /// bound to one in this body and given nothing else.
    pub(crate) fn builder_settings_in_sight(&self, mut receiver: &Expr) -> bool {
        loop {
            match receiver {
                Expr::MethodCall(call) if SETTERS.contains(&ident_name(&call.method).as_str()) => {
                    receiver = &call.receiver;
                }
                Expr::Paren(paren) => receiver = &paren.expr,
                Expr::Reference(reference) => receiver = &reference.expr,
                Expr::Call(call) => {
                    return call.args.is_empty() && self.is_tempfile_builder_new(&call.func);
                }
                Expr::Path(path) => {
                    return path.qself.is_none()
                        && path.path.get_ident().is_some_and(|name| {
                            self.body.tempfile_builders.contains(&ident_name(name))
                        });
                }
                _ => return false,
            }
        }
    }

    /// Notes a `let` of a builder local whose settings are in sight, or
    /// forgets the name bound again to anything else.
    pub(crate) fn note_tempfile_builder_local(&mut self, name: &str, in_sight: bool) {
        if in_sight {
            self.body.tempfile_builders.insert(name.to_owned());
        } else {
            self.body.tempfile_builders.remove(name);
        }
    }

    /// A builder local given a method that is none of tempfile's setters
    /// (`b.for_uploads()`, your own trait's), or lent `&mut`: its settings
    /// are out of sight from here on.
    pub(crate) fn note_tempfile_builder_use(&mut self, expr: &Expr) {
        if self.body.tempfile_builders.is_empty() {
            return;
        }
        let local = match expr {
            Expr::MethodCall(call)
                if !SETTERS.contains(&ident_name(&call.method).as_str())
                    && !ops::BUILDER_MAKERS
                        .iter()
                        .any(|(name, _)| call.method == name) =>
            {
                &*call.receiver
            }
            Expr::Reference(reference) if reference.mutability.is_some() => &*reference.expr,
            _ => return,
        };
        if let Expr::Path(path) = local {
            if let Some(name) = path.path.get_ident() {
                self.body.tempfile_builders.remove(&ident_name(name));
            }
        }
    }

    /// Refuses, by the type it returns, a temp file or directory made by a
    /// builder whose settings are out of sight. Returns `false` when the
    /// call is none of tempfile's makers, or its builder is in sight.
    pub(crate) fn visit_builder_maker(&mut self, expr: &mut Expr, name: &str) -> bool {
        let Expr::MethodCall(call) = &*expr else {
            return false;
        };
        let Some(&(method, _)) = ops::BUILDER_MAKERS
            .iter()
            .find(|(maker, arity)| *maker == name && call.args.len() == *arity)
        else {
            return false;
        };
        if self.builder_settings_in_sight(&call.receiver) {
            return false;
        }
        let method_span: Span = call.method.span();
        if let Expr::MethodCall(call) = expr {
            syn::visit_mut::visit_expr_method_call_mut(self, call);
        }
        let Expr::MethodCall(call) = &*expr else {
            return true;
        };
        let level = self.record(Lint::TempEscape, method_span, true, || {
            (
                Callee::EscapeMethod(method),
                Some(Subject::Value(&*call.receiver)),
            )
        });
        if level != Level::Allow && self.emits {
            let whole = std::mem::replace(expr, Expr::Verbatim(Default::default()));
            *expr = emit::builder_settings_by_result(level, whole, method_span);
        }
        true
    }
}
