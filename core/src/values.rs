//! Functions taken as values: an operation is replaced by its guarded
//! mirror, and what no mirror or probe can check (an operation without a
//! mirror, a builder's constructor, a leak function: see `leaks.rs`) is
//! refused at `deny`.
//! A value in a const context is called at run time, and is checked too.

use syn::Expr;
use syn::visit_mut::VisitMut;

use crate::calls::callee_path;
use crate::check::Callee;
use crate::emit;
use crate::escape;
use crate::lints::{Level, Lint};
use crate::ops::{self, Builder};
use crate::rewrite::Rewriter;
use crate::syntax::{ident_name, last_ident_span};

impl Rewriter<'_> {
    // Input:  let f = std::fs::write;
    // Output: let f = ::ephemeral_fs::__private::with_witness(std::fs::write::<&'static str, &'static str>, ::ephemeral_fs::fs::write);
    pub(crate) fn visit_value_path(&mut self, expr: &mut Expr) {
        let Expr::Path(value) = expr else { return };
        self.visit_path_generics(value);
        // `.map(Builder::tempdir)`: the body makes a temp directory too.
        if value
            .path
            .segments
            .last()
            .is_some_and(|last| last.ident == "tempdir" || last.ident == "tempdir_in")
        {
            self.body.makes_temp_dir = true;
        }
        // `let set = tempfile::Builder::permissions;`: a mode set through
        // the value, where the body makes a temp directory, is one unseen.
        let segments = &value.path.segments;
        if segments.len() >= 2
            && segments
                .last()
                .is_some_and(|last| last.ident == "permissions")
            && segments[segments.len() - 2].ident == "Builder"
        {
            let permissions = expr.clone();
            return self.note_permissions(&permissions);
        }
        // A function taken as a value in a const context (`const SAVE: fn(..)
        // = std::fs::write;`) is called at run time: checked with the levels
        // outside, by a mirror that is a `const` value too.
        if let Some(levels) = self.const_levels.filter(|_| self.stripping) {
            let (saved, stripping) = (self.levels, self.stripping);
            (self.levels, self.stripping) = (levels, false);
            // Escapes and leak functions are refused there: their checks
            // are not `const`.
            let path = value.path.clone();
            if self.is_leak_value(&path) {
                self.refuse_leak_value(&path);
            } else if !(escape::may_be_escape_value(&path)
                && callee_path(value).is_some_and(|path| self.refuse_escape_value_in_const(&path)))
            {
                self.visit_operation_value(expr);
            }
            (self.levels, self.stripping) = (saved, stripping);
            return;
        }
        if self.is_leak_value(&value.path) {
            return self.refuse_leak_value(&value.path);
        }
        if escape::may_be_escape_value(&value.path) {
            if let Some(path) = callee_path(value) {
                if self.visit_escape_value(expr, &path) {
                    return;
                }
            }
        }
        if self.visit_value_by_type(expr) {
            return;
        }
        self.visit_operation_value(expr);
    }

    // Input:  let create = <std::fs::File>::create;
    // Output: let create = ::ephemeral_fs::__private::with_witness(
    //             <std::fs::File>::create::<&'static str>, ::ephemeral_fs::fs::create_file);
    /// An operation taken as a value: replaced by its guarded mirror; one
    /// without a mirror, or a builder's constructor, is refused at `deny`.
    fn visit_operation_value(&mut self, expr: &mut Expr) {
        let Expr::Path(value) = expr else { return };
        // `<std::fs::File>::create` names `std::fs::File::create`.
        let Some(path) = callee_path(value) else {
            return;
        };
        let last = path
            .segments
            .last()
            .map(|s| ident_name(&s.ident))
            .unwrap_or_default();
        if !self.may_name_operation(&path, &last) && !Builder::is_constructor_name(&last) {
            return;
        }
        let Some(canonical) = self.resolve_expr_path(&path) else {
            return;
        };
        let Some((operation, is_std)) = ops::lookup(&canonical) else {
            if ops::lookup_builder(&canonical).is_some() {
                self.refuse_value(&path, &canonical, "since the flags of the builder it makes are not in sight; call it in a chain instead: `OpenOptions::new().write(true).open(path)`");
            }
            return;
        };
        if operation.mirror.is_none() || !is_std {
            return self.refuse_value(&path, &canonical, "since no guarded mirror stands in for it; call it where its arguments are in sight instead");
        }
        // A mirror enforces the lint of the operation's last target (the
        // destination of `copy`, the path of everything else); where an
        // earlier target's lint is denied too (`copy`'s source under
        // `deny(persistent_read)`), a mirror that also checks it.
        let (Some(mirror), true, Some(last)) = (operation.mirror, is_std, operation.targets.last())
        else {
            return;
        };
        let span = last_ident_span(&value.path);
        let last_denied = self.levels.get(last.lint) == Level::Deny;
        let earlier = operation
            .targets
            .iter()
            .find(|target| target.lint != last.lint && self.levels.get(target.lint) == Level::Deny);
        let mirror = match (earlier, last_denied) {
            (None, false) => return,
            (None, true) => mirror,
            (Some(_), last_denied) => match ops::source_checked_mirror(mirror, last_denied) {
                Some(checked) => checked,
                None if last_denied => mirror,
                None => return,
            },
        };
        for lint in earlier
            .map(|target| target.lint)
            .into_iter()
            .chain(last_denied.then_some(last.lint))
        {
            let callee = Callee::AsValue {
                row: operation,
                path: &canonical,
            };
            self.record(lint, span, false, || (callee, None));
        }
        if self.emits {
            *expr =
                emit::guarded_value(value.clone(), &canonical, mirror, operation.generics, span);
        }
    }

    // Input:  let open = OpenOptions::open;
    // Output: error: persistent_write: `std::fs::OpenOptions::open` used as a value is not checked ..
    /// Refuses an operation used as a value that no mirror can check, at
    /// `deny` of the lint of its last target (`persistent_write` for a
    /// builder's constructor).
    fn refuse_value(&mut self, path: &syn::Path, canonical: &[String], why: &str) {
        let lint = ops::lookup(canonical)
            .and_then(|(operation, _)| operation.targets.last())
            .map_or(Lint::PersistentWrite, |target| target.lint);
        if self.levels.get(lint) != Level::Deny {
            return;
        }
        self.changes += 1;
        let message = format!(
            "{lint}: `{}` used as a value is not checked, {why}; to do this on purpose, put `#[ephemeral_fs::allow({lint}, reason = \"...\")]` on the statement",
            canonical.join("::"),
            lint = lint.name(),
        );
        self.ctxt.error_spanned(path, message);
    }
}

impl Rewriter<'_> {
    // Input:  pad::<{ impl Saver for Local { .. } 1 }>
    /// The generic arguments and qualified-self type of a path called or
    /// taken as a value: items nested in them run at run time.
    pub(crate) fn visit_path_generics(&mut self, path: &mut syn::ExprPath) {
        if let Some(qself) = &mut path.qself {
            self.visit_type_mut(&mut qself.ty);
        }
        for segment in path.path.segments.iter_mut() {
            if !segment.arguments.is_none() {
                self.visit_path_arguments_mut(&mut segment.arguments);
            }
        }
    }
}
