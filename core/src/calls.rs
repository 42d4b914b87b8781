//! What the rewriter does with each call: path-called `std::fs`
//! operations, builder chains, tempfile escapes and functions used as values.

use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use syn::visit_mut::{self, VisitMut};
use syn::{Attribute, Expr, ExprLit, Lit, UnOp};

use crate::emit;
use crate::finding::Finding;
use crate::lints::{Level, Lint};
use crate::ops::{self, Builder};
use crate::rewrite::{BuilderState, Rewriter};
use crate::syntax::ident_name;

impl Rewriter<'_> {
    /// Records a finding; `probed` when a type probe will decide it, on the
    /// type of `subject`.
    fn record(
        &mut self,
        lint: Lint,
        span: Span,
        operation: String,
        probed: bool,
        subject: Option<TokenStream>,
    ) -> Level {
        let level = self.levels.get(lint);
        let reason = match level {
            Level::Allow => self
                .reasons
                .iter()
                .rev()
                .find(|(allowed, _)| *allowed == lint)
                .and_then(|(_, reason)| reason.clone()),
            _ => None,
        };
        self.findings.push(Finding {
            lint,
            level,
            span,
            operation,
            probed,
            subject,
            reason,
        });
        if level != Level::Allow {
            self.changes += 1;
            if emit::needs_probe_traits(level, probed) {
                self.body.uses_probes = true;
            }
        }
        level
    }

    // Input:  fs::copy(src, dst)
    // Output: fs::copy(src, ::ephemeral_fs::__private::persistent_write(dst))
    pub(crate) fn visit_call(&mut self, expr: &mut Expr) {
        let Expr::Call(call) = expr else { return };
        let Expr::Path(callee) = &*call.func else {
            return visit_mut::visit_expr_mut(self, expr);
        };
        if callee.qself.is_some() {
            return visit_mut::visit_expr_mut(self, expr);
        }
        let path = callee.path.clone();
        let callee_span = last_ident_span(&path);
        let name = path
            .segments
            .last()
            .map(|s| ident_name(&s.ident))
            .unwrap_or_default();
        let resolved = if self.may_name_operation(&path, &name) {
            self.resolve_expr_path(&path)
        } else {
            None
        };
        if let Some(canonical) = resolved {
            if let Some((operation, _)) = ops::lookup(&canonical) {
                // The callee is the operation itself, not a value: only the
                // arguments are visited.
                for arg in call.args.iter_mut() {
                    self.visit_expr_mut(arg);
                }
                let name = canonical.join("::");
                for target in operation.targets {
                    if let Some(arg) = call.args.iter_mut().nth(target.arg) {
                        self.guard_target(target.lint, arg, name.clone(), callee_span);
                    }
                }
                return;
            }
        }
        visit_mut::visit_expr_mut(self, expr);
        if path.segments.len() < 2 {
            return;
        }
        if ops::ESCAPE_CONSTRUCTORS.contains(&name.as_str()) {
            let level = self.record(
                Lint::TempEscape,
                callee_span,
                format!("{}::{name}", path_text(&path)),
                true,
                Some(path.to_token_stream()),
            );
            if level != Level::Allow {
                let whole = std::mem::replace(expr, Expr::Verbatim(Default::default()));
                *expr = emit::escape_by_result(level, whole, callee_span);
            }
            return;
        }
        // `NamedTempFile::persist(tmp, dest)`: the first argument is the
        // receiver, and is probed as in `tmp.persist(dest)`. Only a type's
        // or trait's function has one, and those are UpperCamelCase; a
        // module's `cache::keep(x)` takes no receiver.
        let Expr::Call(call) = expr else { return };
        if !ops::ESCAPE_METHODS.contains(&name.as_str())
            || !owner_is_type(&path)
            || switched_off(&name, call.args.iter().nth(1))
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
        let level = self.record(
            Lint::TempEscape,
            callee_span,
            format!("{}::{name}", path_text(&path)),
            true,
            Some(receiver.to_token_stream()),
        );
        if level == Level::Allow {
            return;
        }
        if kind == PlaceKind::Pure {
            let place = receiver.clone();
            let whole = std::mem::replace(expr, Expr::Verbatim(Default::default()));
            *expr = emit::escape_by_place(level, &place, whole, callee_span);
        } else if let Some(receiver) = call.args.first_mut() {
            let value = std::mem::replace(receiver, Expr::Verbatim(Default::default()));
            *receiver = emit::escape_by_value(level, value, callee_span);
        }
    }

    /// A cheap test before resolving, which allocates: the last segment is
    /// an operation's name, or a lone name an import renamed.
    fn may_name_operation(&self, path: &syn::Path, last: &str) -> bool {
        ops::is_operation_name(last) || (path.segments.len() == 1 && self.scope.imports(last))
    }

    /// The absolute path an expression path stands for. A local variable
    /// hides an imported function of the same name.
    fn resolve_expr_path(&self, path: &syn::Path) -> Option<Vec<String>> {
        if let Some(ident) = path.get_ident() {
            if self.body.locals.contains(&ident_name(ident)) {
                return None;
            }
        }
        self.scope.resolve(path)
    }

    /// Records a path argument and wraps it as its level says.
    fn guard_target(&mut self, lint: Lint, arg: &mut Expr, operation: String, callee_span: Span) {
        let span = syn::spanned::Spanned::span(&*arg);
        let owner = temp_path_owner(arg).cloned();
        let subject = Some(arg.to_token_stream());
        let level = self.record(lint, span, operation, owner.is_some(), subject);
        let original = std::mem::replace(arg, Expr::Verbatim(Default::default()));
        *arg = match (&owner, level) {
            (Some(owner), Level::Deny | Level::Warn) => {
                emit::guard_path_of(lint, level, owner, original, callee_span)
            }
            _ => emit::guard_target(lint, level, original, callee_span),
        };
    }

    pub(crate) fn visit_method_call(&mut self, expr: &mut Expr) {
        let Expr::MethodCall(call) = expr else { return };
        let name = ident_name(&call.method);
        let method_span = call.method.span();
        // Only `.open(..)` and `.create(..)` end a builder chain.
        let builder = match name.as_str() {
            "open" | "create" => self.builder_chain(&call.receiver),
            _ => None,
        };
        visit_mut::visit_expr_method_call_mut(self, call);

        // Input:  OpenOptions::new().append(true).open(path)
        // Output: OpenOptions::new().append(true)
        //             .open(::ephemeral_fs::__private::persistent_write(path))
        if let Some(state) = builder.filter(|state| name == state.kind.terminal()) {
            if call.args.len() == 1 {
                let lint = match state.kind {
                    Builder::OpenOptions if !state.writes => Lint::PersistentRead,
                    _ => Lint::PersistentWrite,
                };
                let operation = match state.kind {
                    Builder::OpenOptions => "OpenOptions::open",
                    Builder::DirBuilder => "DirBuilder::create",
                };
                if let Some(arg) = call.args.first_mut() {
                    self.guard_target(lint, arg, operation.to_owned(), method_span);
                }
            }
            return;
        }
        self.note_builder_flags(&call.receiver, &name, call.args.first());

        if !ops::ESCAPE_METHODS.contains(&name.as_str()) || switched_off(&name, call.args.first()) {
            return;
        }
        let receiver_kind = place_kind(&call.receiver);
        if receiver_kind == PlaceKind::Impure {
            // Borrowing it would evaluate its calls twice, and taking it by
            // value could move out of a place: left to the documented limits.
            return;
        }
        let subject = Some(call.receiver.to_token_stream());
        let level = self.record(
            Lint::TempEscape,
            method_span,
            format!(".{name}()"),
            true,
            subject,
        );
        if level == Level::Allow {
            return;
        }
        match receiver_kind {
            PlaceKind::Pure => {
                let place = (*call.receiver).clone();
                let whole = expr.clone();
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

    // Input:  let f = std::fs::write;
    // Output: let f = ::ephemeral_fs::__private::with_witness(std::fs::write::<&'static str, &'static str>, ::ephemeral_fs::fs::write);
    pub(crate) fn visit_value_path(&mut self, expr: &mut Expr) {
        let Expr::Path(value) = expr else { return };
        if value.qself.is_some() {
            return;
        }
        let last = value
            .path
            .segments
            .last()
            .map(|s| ident_name(&s.ident))
            .unwrap_or_default();
        if !self.may_name_operation(&value.path, &last) {
            return;
        }
        let Some(canonical) = self.resolve_expr_path(&value.path) else {
            return;
        };
        let Some((operation, is_std)) = ops::lookup(&canonical) else {
            return;
        };
        // A mirror enforces the lint of the operation's last target (the
        // destination of `copy`, the path of everything else).
        let (Some(mirror), true, Some(target)) =
            (operation.mirror, is_std, operation.targets.last())
        else {
            return;
        };
        let span = last_ident_span(&value.path);
        if self.levels.get(target.lint) != Level::Deny {
            return;
        }
        self.record(target.lint, span, canonical.join("::"), false, None);
        *expr = emit::guarded_value(value.clone(), mirror, operation.generics, span);
    }

    /// The builder a receiver chain starts from, with the write flags it sets.
    pub(crate) fn builder_chain(&self, mut expr: &Expr) -> Option<BuilderState> {
        let mut writes = false;
        loop {
            match expr {
                Expr::MethodCall(call) => {
                    writes |= sets_write_flag(&ident_name(&call.method), call.args.first());
                    expr = &call.receiver;
                }
                Expr::Paren(paren) => expr = &paren.expr,
                Expr::Reference(reference) => expr = &reference.expr,
                Expr::Call(call) => {
                    let Expr::Path(callee) = &*call.func else {
                        return None;
                    };
                    // Constructors are `new` and `options`: a cheap test
                    // before resolving, which allocates.
                    let last = callee.path.segments.last()?;
                    if !matches!(ident_name(&last.ident).as_str(), "new" | "options") {
                        return None;
                    }
                    let canonical = self.scope.resolve(&callee.path)?;
                    let kind = ops::lookup_builder(&canonical)?;
                    return Some(BuilderState { kind, writes });
                }
                Expr::Path(path) => {
                    let ident = path.path.get_ident()?;
                    let state = self.body.builders.get(&ident_name(ident))?;
                    return Some(BuilderState {
                        kind: state.kind,
                        writes: writes || state.writes,
                    });
                }
                _ => return None,
            }
        }
    }

    /// `opts.write(true);` on a builder local makes its later `open` a write.
    fn note_builder_flags(&mut self, receiver: &Expr, method: &str, first_arg: Option<&Expr>) {
        if !sets_write_flag(method, first_arg) {
            return;
        }
        let mut root = receiver;
        loop {
            match root {
                Expr::MethodCall(call) => root = &call.receiver,
                Expr::Paren(paren) => root = &paren.expr,
                _ => break,
            }
        }
        if let Expr::Path(path) = root {
            if let Some(state) = path
                .path
                .get_ident()
                .and_then(|i| self.body.builders.get_mut(&ident_name(i)))
            {
                state.writes = true;
            }
        }
    }
}

/// For an argument `owner.path()` with a plain place as owner, the owner:
/// its type decides whether the path is a temp file's.
fn temp_path_owner(arg: &Expr) -> Option<&Expr> {
    let Expr::MethodCall(call) = arg else {
        return None;
    };
    let plain =
        ident_name(&call.method) == "path" && call.args.is_empty() && call.turbofish.is_none();
    (plain && place_kind(&call.receiver) == PlaceKind::Pure).then_some(&*call.receiver)
}

fn sets_write_flag(method: &str, first_arg: Option<&Expr>) -> bool {
    ops::WRITE_FLAGS.contains(&method) && !first_arg.is_some_and(is_literal_false)
}

fn is_literal_false(expr: &Expr) -> bool {
    matches!(expr, Expr::Lit(ExprLit { lit: Lit::Bool(b), .. }) if !b.value)
}

/// `keep(false)` and `disable_cleanup(false)` keep the cleanup: no escape.
fn switched_off(method: &str, switch: Option<&Expr>) -> bool {
    ops::ESCAPE_SWITCHES.contains(&method) && switch.is_some_and(is_literal_false)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PlaceKind {
    /// A variable or field path: borrowing it twice is free.
    Pure,
    /// A place whose evaluation calls code (`v[next()]`, `call().field`).
    Impure,
    /// A temporary value.
    Value,
}

fn place_kind(expr: &Expr) -> PlaceKind {
    match expr {
        Expr::Path(path) if path.qself.is_none() => PlaceKind::Pure,
        Expr::Paren(paren) => place_kind(&paren.expr),
        Expr::Field(field) => match place_kind(&field.base) {
            PlaceKind::Pure => PlaceKind::Pure,
            _ => PlaceKind::Impure,
        },
        Expr::Index(index) => match (place_kind(&index.expr), &*index.index) {
            (PlaceKind::Pure, Expr::Lit(_)) => PlaceKind::Pure,
            (PlaceKind::Pure, index) if place_kind(index) == PlaceKind::Pure => PlaceKind::Pure,
            _ => PlaceKind::Impure,
        },
        Expr::Unary(unary) if matches!(unary.op, UnOp::Deref(_)) => match place_kind(&unary.expr) {
            PlaceKind::Pure => PlaceKind::Pure,
            _ => PlaceKind::Impure,
        },
        _ => PlaceKind::Value,
    }
}

fn owner_is_type(path: &syn::Path) -> bool {
    let count = path.segments.len();
    count >= 2 && {
        let owner = ident_name(&path.segments[count - 2].ident);
        owner == "Self" || owner.starts_with(|c: char| c.is_ascii_uppercase())
    }
}

fn last_ident_span(path: &syn::Path) -> Span {
    path.segments
        .last()
        .map_or_else(Span::call_site, |segment| segment.ident.span())
}

fn path_text(path: &syn::Path) -> String {
    path.segments
        .iter()
        .map(|s| ident_name(&s.ident))
        .collect::<Vec<_>>()
        .join("::")
}

/// The outer attributes of an expression, where it has them.
pub(crate) fn expr_attrs_mut(expr: &mut Expr) -> Option<&mut Vec<Attribute>> {
    Some(match expr {
        Expr::Array(e) => &mut e.attrs,
        Expr::Assign(e) => &mut e.attrs,
        Expr::Async(e) => &mut e.attrs,
        Expr::Await(e) => &mut e.attrs,
        Expr::Binary(e) => &mut e.attrs,
        Expr::Block(e) => &mut e.attrs,
        Expr::Break(e) => &mut e.attrs,
        Expr::Call(e) => &mut e.attrs,
        Expr::Cast(e) => &mut e.attrs,
        Expr::Closure(e) => &mut e.attrs,
        Expr::Const(e) => &mut e.attrs,
        Expr::Continue(e) => &mut e.attrs,
        Expr::Field(e) => &mut e.attrs,
        Expr::ForLoop(e) => &mut e.attrs,
        Expr::Group(e) => &mut e.attrs,
        Expr::If(e) => &mut e.attrs,
        Expr::Index(e) => &mut e.attrs,
        Expr::Infer(e) => &mut e.attrs,
        Expr::Let(e) => &mut e.attrs,
        Expr::Lit(e) => &mut e.attrs,
        Expr::Loop(e) => &mut e.attrs,
        Expr::Macro(e) => &mut e.attrs,
        Expr::Match(e) => &mut e.attrs,
        Expr::MethodCall(e) => &mut e.attrs,
        Expr::Paren(e) => &mut e.attrs,
        Expr::Path(e) => &mut e.attrs,
        Expr::Range(e) => &mut e.attrs,
        Expr::RawAddr(e) => &mut e.attrs,
        Expr::Reference(e) => &mut e.attrs,
        Expr::Repeat(e) => &mut e.attrs,
        Expr::Return(e) => &mut e.attrs,
        Expr::Struct(e) => &mut e.attrs,
        Expr::Try(e) => &mut e.attrs,
        Expr::TryBlock(e) => &mut e.attrs,
        Expr::Tuple(e) => &mut e.attrs,
        Expr::Unary(e) => &mut e.attrs,
        Expr::Unsafe(e) => &mut e.attrs,
        Expr::While(e) => &mut e.attrs,
        Expr::Yield(e) => &mut e.attrs,
        _ => return None,
    })
}
