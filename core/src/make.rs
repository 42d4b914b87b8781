//! tempfile's `make` and `make_in`: the closure's path is followed where
//! the closure uses it, and the builder's settings are read for names that
//! may not be fresh (an adopted file is deleted with the handle).

use proc_macro2::Span;
use syn::visit_mut::{self, VisitMut};
use syn::{Expr, ExprLit, Lit};

use crate::check::{Callee, Subject};
use crate::emit;
use crate::flow;
use crate::lints::{Level, Lint};
use crate::ops::{self, Builder};
use crate::rewrite::Rewriter;
use crate::syntax::ident_name;

impl Rewriter<'_> {
    // Input:  Builder::new().make(|path| File::create(path))
    // Output: ::ephemeral_fs::__private::persistent_write_make(
    //             Builder::new(), |path| File::create(path))                  (deny)
    //         ::ephemeral_fs::__private::Probe(Builder::new().make(|path| File::create(path)))
    //             .closure_path_is_not_from_tempfile()                        (warn)
    /// A `make(|path| ..)` or `make_in(dir, |path| ..)` call: the closure's
    /// path passes where the closure uses it, and the call is checked to be
    /// tempfile's. Returns `false` when the call is not of that shape.
    pub(crate) fn visit_make(&mut self, expr: &mut Expr) -> bool {
        let Expr::MethodCall(call) = expr else {
            return false;
        };
        let name = ident_name(&call.method);
        let Some(method) = ops::MAKE_METHODS.iter().find(|m| **m == name).copied() else {
            return false;
        };
        let method_span = call.method.span();
        let Some(param) = make_closure_param(call) else {
            // `make_in(dir, |_| Ok(()))`, `make(noop)`: no path to follow,
            // but a handle that adopts whatever the path names.
            // tempfile's takes a closure or a function: a last argument
            // that is neither (`pool.make(4)`) is a `make` of the user's.
            let arity = if method == "make" { 1 } else { 2 };
            if call.args.len() != arity
                || !matches!(call.args.last(), Some(Expr::Path(_) | Expr::Closure(_)))
                || self.names_are_random(&call.receiver)
            {
                return false;
            }
            visit_mut::visit_expr_method_call_mut(self, call);
            self.refuse_make_names(expr, method, method_span);
            return true;
        };
        let before = self.body.made_uses.len();
        let refusals_before = self.body.made_refusals;
        let random = self.names_are_random(&call.receiver);
        let trusted = random
            && matches!(call.args.last(), Some(Expr::Closure(closure))
                if only_opens(&closure.body, &param, |receiver| self.is_literal_open_chain(receiver)));
        self.visit_expr_mut(&mut call.receiver);
        let last = call.args.len() - 1;
        for (at, arg) in call.args.iter_mut().enumerate() {
            match arg {
                Expr::Closure(closure) if at == last => {
                    let saved = std::mem::replace(&mut self.made_is_trusted, trusted);
                    self.visit_closure(closure, Some(&param));
                    self.made_is_trusted = saved;
                }
                arg => self.visit_expr_mut(arg),
            }
        }
        let uses: Vec<(Lint, Level)> = self.body.made_uses.drain(before..).collect();
        let Some(&(lint, _)) = uses.first() else {
            // The closure's path is not used, but the handle still adopts
            // whatever the closure left there: with names that may not be
            // fresh, an existing file, which its drop deletes.
            if !random && self.body.made_refusals == refusals_before {
                self.refuse_make_names(expr, method, method_span);
            }
            return true;
        };
        let level = if uses.iter().any(|(_, level)| *level == Level::Deny) {
            Level::Deny
        } else {
            Level::Warn
        };
        // The check is a plain identity at `deny`: only `warn` needs the probe traits.
        self.record_at(lint, level, method_span, false, || {
            let builder = &*call.receiver;
            (Callee::Make(method), Some(Subject::Made { builder }))
        });
        if !self.emits {
            return true;
        }
        let whole = std::mem::replace(expr, Expr::Verbatim(Default::default()));
        *expr = match (level, whole) {
            // At `deny` the call itself is tempfile's, so that no `make` of
            // the user's can hand the closure another path.
            (Level::Deny, Expr::MethodCall(call)) => {
                let name = crate::symbol::make_guard(lint, &ident_name(&call.method));
                emit::make_by_tempfile(&name, *call.receiver, call.args, method_span)
            }
            (_, whole) => emit::guard_made(lint, level, whole, method_span),
        };
        true
    }

    // Input:  Builder::new().rand_bytes(0).prefix("records.db").make(|_| Ok(()))
    // Output: Probe(Builder::new()..make(|_| Ok(()))).__ephemeral_fs_deny_make_names()
    /// Refuses, by the type it returns, a `make` whose names may not be
    /// fresh and whose closure's path is not used (where it is used, that
    /// use is refused instead).
    fn refuse_make_names(&mut self, expr: &mut Expr, method: &'static str, method_span: Span) {
        let Expr::MethodCall(call) = &*expr else {
            return;
        };
        let level = self.record(Lint::TempEscape, method_span, true, || {
            (
                Callee::EscapeMethod(method),
                Some(Subject::Value(&*call.receiver)),
            )
        });
        if level != Level::Allow && self.emits {
            let whole = std::mem::replace(expr, Expr::Verbatim(Default::default()));
            *expr = emit::make_names_by_result(level, whole, method_span);
        }
    }
}

// Input:  |path| File::create_new(path)          Output: true
// Input:  |path| { fs::write(path, b)?; File::open(path) }   Output: false
/// Whether a `make` closure's body is one call that creates or opens its
/// path and nothing else: tempfile removes the path only when the closure
/// succeeds, so a closure that fails after creating the file would leave
/// it, and a directory made there is not removed by a file's cleanup.
fn only_opens(body: &Expr, param: &str, is_literal_open_chain: impl Fn(&Expr) -> bool) -> bool {
    let body = match body {
        Expr::Block(block) if block.block.stmts.len() == 1 => match &block.block.stmts[0] {
            syn::Stmt::Expr(expr, None) => expr,
            _ => return false,
        },
        body => body,
    };
    let is_param = |arg: Option<&Expr>| {
        matches!(arg.map(strip_parens_and_borrows), Some(Expr::Path(path))
            if path.path.get_ident().is_some_and(|ident| ident_name(ident) == param))
    };
    match body {
        Expr::Call(call) => {
            let Expr::Path(callee) = &*call.func else {
                return false;
            };
            let names = crate::syntax::segment_names(&callee.path);
            let opens = matches!(
                names
                    .iter()
                    .rev()
                    .take(2)
                    .map(String::as_str)
                    .collect::<Vec<_>>()[..],
                ["create" | "create_new" | "open", "File"]
            );
            opens && call.args.len() == 1 && is_param(call.args.first())
        }
        Expr::MethodCall(call) => {
            ident_name(&call.method) == "open"
                && call.args.len() == 1
                && is_param(call.args.first())
                && is_literal_open_chain(&call.receiver)
        }
        _ => false,
    }
}

fn strip_parens_and_borrows(mut expr: &Expr) -> &Expr {
    loop {
        match expr {
            Expr::Reference(reference) => expr = &reference.expr,
            Expr::Paren(paren) => expr = &paren.expr,
            Expr::Group(group) => expr = &group.expr,
            _ => return expr,
        }
    }
}

/// The fewest random characters a trusted `make` name has: tempfile's
/// default. With fewer, an existing file is within reach of the guess.
const MIN_RAND_BYTES: u64 = 6;

impl Rewriter<'_> {
    /// Whether a `make` receiver's settings keep the closure's path a fresh
    /// name inside the temp directory: a chain from `Builder::new()` with at
    /// least `MIN_RAND_BYTES` random characters, a prefix and suffix that
    /// are literals of plain characters, and no method but tempfile's
    /// `Builder` setters. Otherwise the closure may be handed a path that
    /// exists (an absolute or `..` prefix points anywhere, `rand_bytes(1)`
    /// leaves 62 names to hit), which `File::create` truncates and the
    /// handle then deletes.
    fn names_are_random(&self, mut receiver: &Expr) -> bool {
        loop {
            match receiver {
                Expr::MethodCall(call) => {
                    let name = ident_name(&call.method);
                    let trusted = match name.as_str() {
                        "rand_bytes" => {
                            matches!(call.args.first().map(strip_parens_and_borrows), Some(Expr::Lit(ExprLit { lit: Lit::Int(n), .. }))
                            if n.base10_parse::<u64>().is_ok_and(|n| n >= MIN_RAND_BYTES))
                        }
                        "prefix" | "suffix" => call.args.first().is_some_and(is_plain_name_literal),
                        // tempfile's other setters leave the name alone
                        // (`keep` and `disable_cleanup` are escapes, checked
                        // as such).
                        "append" | "permissions" | "keep" | "disable_cleanup" => true,
                        // Any other method is not tempfile's `Builder`'s: an
                        // extension trait of the user's may set anything.
                        _ => false,
                    };
                    if !trusted {
                        return false;
                    }
                    receiver = &call.receiver;
                }
                Expr::Paren(paren) => receiver = &paren.expr,
                Expr::Reference(reference) => receiver = &reference.expr,
                // Only a chain from the constructor shows every setting: a
                // builder local, or one that any other call returns
                // (`Some(&b).unwrap()`), may have had `rand_bytes(0)` set
                // unseen.
                Expr::Call(call) => {
                    return call.args.is_empty() && self.is_tempfile_builder_new(&call.func);
                }
                _ => return false,
            }
        }
    }

    // Input:  Builder::make_in(&Builder::new().rand_bytes(0), dir, |_| Ok(()))
    /// tempfile's `make` or `make_in` called by path: its builder's names
    /// and its closure are read only in the method form, so this form is
    /// refused, and the error says to write that.
    pub(crate) fn refuse_path_called_make(&mut self, path: &syn::Path) {
        if self.levels.get(Lint::TempEscape) != Level::Deny {
            return;
        }
        let Some(method) = ops::MAKE_METHODS
            .iter()
            .find(|method| self.is_tempfile_builder_function(path, method))
        else {
            return;
        };
        self.changes += 1;
        self.ctxt.error_spanned(
            path,
            format!(
                "temp_escape: `Builder::{method}` called by path is not checked for the names it adopts nor for what its closure does with the path; call it as a method on a chain from `tempfile::Builder::new()` (`Builder::new().{method}(..)`); to do this on purpose, put `#[ephemeral_fs::allow(temp_escape, reason = \"...\")]` on the statement"
            ),
        );
    }

    // Input:  Builder::new    tempfile::Builder::new    Output: true
    /// `Builder::new` or `tempfile::Builder::new`, and nothing in sight
    /// makes it another function. (At `deny` the `make` call is forced to be
    /// tempfile's, so its receiver is a `tempfile::Builder` by type.)
    fn is_tempfile_builder_new(&self, func: &Expr) -> bool {
        let Expr::Path(callee) = func else {
            return false;
        };
        callee.qself.is_none() && self.is_tempfile_builder_function(&callee.path, "new")
    }

    // Input:  Builder::make_in, "make_in"    tempfile::Builder::new, "new"    Output: true
    /// Whether `path` is `Builder::<function>` or
    /// `tempfile::Builder::<function>`, and nothing in sight makes it
    /// another function.
    fn is_tempfile_builder_function(&self, path: &syn::Path, function: &str) -> bool {
        let names = crate::syntax::segment_names(path);
        let written = match names.iter().map(String::as_str).collect::<Vec<_>>()[..] {
            ["Builder", last] | ["tempfile", "Builder", last] => last == function,
            _ => false,
        };
        // A `Builder` of the user's in sight (`struct Builder`) is not
        // tempfile's, though it resolves to nothing we know.
        written
            && match self.namespaces.resolve(path) {
                Some(resolved) => resolved == ["tempfile", "Builder", function],
                None => !self.namespaces.names(&names[0]),
            }
    }

    // Input:  OpenOptions::new().write(true).create_new(true)   Output: true
    // Input:  OpenOptions::new().write(File::create(p).is_err())   Output: false
    /// A `make` closure's `X.open(path)`: whether `X` is a std builder chain
    /// in sight from its constructor whose every argument is a literal, so
    /// that nothing in it can create the closure's path first.
    fn is_literal_open_chain(&self, mut receiver: &Expr) -> bool {
        loop {
            match receiver {
                Expr::MethodCall(call) => {
                    if !call.args.iter().all(|arg| matches!(arg, Expr::Lit(_))) {
                        return false;
                    }
                    receiver = &call.receiver;
                }
                Expr::Paren(paren) => receiver = &paren.expr,
                Expr::Call(call) if call.args.is_empty() => {
                    let Expr::Path(callee) = &*call.func else {
                        return false;
                    };
                    return callee.qself.is_none()
                        && self
                            .namespaces
                            .resolve(&callee.path)
                            .and_then(|path| ops::lookup_builder(&path))
                            .is_some_and(|kind| kind == Builder::OpenOptions);
                }
                _ => return false,
            }
        }
    }
}

// Input:  "report-"      Output: true
// Input:  "/var/data/x"  Output: false
/// A string literal that can only be part of one file name: no separator,
/// no `..`, no NUL.
fn is_plain_name_literal(expr: &Expr) -> bool {
    let expr = strip_parens_and_borrows(expr);
    let Expr::Lit(ExprLit {
        lit: Lit::Str(text),
        ..
    }) = expr
    else {
        return false;
    };
    let text = text.value();
    !text.contains(['/', '\\', '\0']) && !text.contains("..")
}

/// `make(|path| ..)` or `make_in(dir, |path| ..)`: the name of the last
/// argument's closure's one parameter.
fn make_closure_param(call: &syn::ExprMethodCall) -> Option<String> {
    let Some(Expr::Closure(closure)) = call.args.last() else {
        return None;
    };
    if closure.inputs.len() != 1 {
        return None;
    }
    let (name, mutable) = flow::let_binding(closure.inputs.first()?)?;
    (!mutable).then_some(name)
}
