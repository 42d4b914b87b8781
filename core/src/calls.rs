//! What the rewriter does with each call: path-called `std::fs`
//! operations, builder chains and tempfile escapes. Functions used as
//! values are in `values.rs`, terminals of builders out of sight in
//! `unseen.rs`.

use proc_macro2::Span;
use syn::visit_mut::{self, VisitMut};
use syn::{Expr, ExprClosure, ExprLit, Lit};

use crate::check::{Callee, Check, Subject};
use crate::emit;
use crate::flow::{self, Origin, Owner, PathOf};
use crate::held;
use crate::lints::{Level, Lint};
use crate::ops::{self, Builder, Role, Target};
use crate::rewrite::{BuilderState, Rewriter};
use crate::syntax::{ends_builder, ident_name, last_ident_span, may_set_write_flag};

impl Rewriter<'_> {
    /// Records a check at the level in force; `probed` when a type probe
    /// will decide it. `describe` says what is called and on what, for a
    /// consumer: the macro's own expansion has none, and never calls it.
    pub(crate) fn record<'e>(
        &mut self,
        lint: Lint,
        span: Span,
        probed: bool,
        describe: impl FnOnce() -> (Callee<'e>, Option<Subject<&'e Expr>>),
    ) -> Level {
        let level = self.levels.get(lint);
        self.record_at(lint, level, span, probed, describe)
    }

    fn record_at<'e>(
        &mut self,
        lint: Lint,
        level: Level,
        span: Span,
        probed: bool,
        describe: impl FnOnce() -> (Callee<'e>, Option<Subject<&'e Expr>>),
    ) -> Level {
        if let Some(consumer) = self.consumer.as_deref_mut() {
            // An allowed check carries the reason of the innermost `allow`.
            let reason = match level {
                Level::Allow => self
                    .reasons
                    .iter()
                    .rev()
                    .find(|(allowed, _)| *allowed == lint)
                    .and_then(|(_, reason)| reason.as_deref()),
                _ => None,
            };
            let (callee, subject) = describe();
            consumer(&Check {
                lint,
                level,
                span,
                callee,
                subject,
                reason,
            });
        }
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
        let Some(path) = callee_path(callee) else {
            return visit_mut::visit_expr_mut(self, expr);
        };
        if let Expr::Path(callee) = &mut *call.func {
            self.visit_path_generics(callee);
        }
        let args: Vec<&Expr> = call.args.iter().collect();
        self.note_temp_dir_permissions_called(&path, &args);
        self.refuse_path_called_make(&path);
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
                for target in operation.targets {
                    if let Some(arg) = call.args.iter_mut().nth(target.arg) {
                        let callee = Callee::Operation {
                            row: operation,
                            path: &canonical,
                        };
                        self.guard_target(*target, arg, callee, callee_span);
                    }
                }
                return;
            }
        }
        if self.visit_call_by_type(expr, &name, callee_span) {
            return;
        }
        if self.may_name_leak_function(&path) {
            let canonical = self.namespaces.resolve_with(&path, ops::leak_conventional);
            if canonical.as_deref().is_some_and(ops::is_leak_function) {
                if let Expr::Call(call) = expr {
                    for arg in call.args.iter_mut() {
                        self.visit_expr_mut(arg);
                    }
                }
                return self.visit_leak(expr, &path, callee_span);
            }
        }
        // The callee is a function called, not a value taken: only the
        // arguments are visited.
        if let Expr::Call(call) = expr {
            for arg in call.args.iter_mut() {
                self.visit_expr_mut(arg);
            }
        }
        self.visit_path_called_escape(expr, &path, &name, callee_span);
    }

    // Input:  std::mem::forget(tmp)
    // Output: std::mem::forget(::ephemeral_fs::__private::Probe(tmp).__ephemeral_fs_deny_temp_forget())
    /// `mem::forget`, `ManuallyDrop::new`, `Box::leak` and the like skip
    /// their argument's destructor: a temp handle the argument owns is an
    /// escape, decided by its type.
    fn visit_leak(&mut self, expr: &mut Expr, path: &syn::Path, callee_span: Span) {
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
    fn visit_method_leak(&mut self, expr: &mut Expr, method_span: Span) {
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
                *call.receiver = emit::forgotten(level, value, method_span);
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

    /// A cheap test before resolving, which allocates: the last segment is
    /// an operation's name, a lone name an import renamed, or a path through
    /// an inline module in sight, whose re-exports may rename one, or through
    /// `self::` or `super::` (`self::save`, an import renamed in the module).
    pub(crate) fn may_name_operation(&self, path: &syn::Path, last: &str) -> bool {
        ops::is_operation_name(last)
            || (path.segments.len() == 1 && self.namespaces.imports(last))
            || (path.segments.len() > 1 && {
                let first = ident_name(&path.segments[0].ident);
                matches!(first.as_str(), "self" | "super" | "crate")
                    || self.namespaces.is_module(&first)
            })
    }

    /// The absolute path an expression path stands for. A local variable
    /// hides an imported function of the same name.
    pub(crate) fn resolve_expr_path(&self, path: &syn::Path) -> Option<Vec<String>> {
        if let Some(ident) = path.get_ident() {
            if self.body.locals.contains(&ident_name(ident)) {
                return None;
            }
        }
        self.namespaces.resolve(path)
    }

    /// Records a path argument and wraps it as its level says. Where the
    /// argument is a path derived from `owner.path()`, the owner's type is
    /// checked; a `make` closure's path is left to the `make` call's check.
    pub(crate) fn guard_target(
        &mut self,
        target: Target,
        arg: &mut Expr,
        callee: Callee<'_>,
        callee_span: Span,
    ) {
        let lint = target.lint;
        let span = syn::spanned::Spanned::span(&*arg);
        let origin = match self.body.flow.classify(arg) {
            // A symbolic link to a temp file's or directory's own path can
            // outlive it; to a path joined inside a temp directory it cannot.
            Some(Origin::PathOf(path_of))
                if target.role == Role::SymlinkOriginal && !path_of.joined() =>
            {
                None
            }
            // Permissions: the handle itself says it is a file.
            Some(Origin::PathOf(_))
                if matches!(
                    target.role,
                    Role::FileOnly | Role::ProcessRoot | Role::DirectoryMode
                ) =>
            {
                None
            }
            origin => origin,
        };
        if let Some(Origin::Made) = origin {
            let level = self.levels.get(lint);
            if level != Level::Allow {
                self.body.made_uses.push((lint, level));
            }
            return;
        }
        let probed = matches!(origin, Some(Origin::PathOf(_)));
        let level = self.record(lint, span, probed, || {
            let subject = match &origin {
                Some(Origin::PathOf(path_of)) => Subject::PathOwner {
                    owner: path_of.owner.written(),
                    joined: path_of.joined(),
                },
                Some(Origin::Refused(_)) => Subject::Refused,
                _ => Subject::Value(&*arg),
            };
            (callee, Some(subject))
        });
        if level == Level::Allow {
            return;
        }
        if let Some(Origin::Refused(flow::Refusal::Made)) = origin {
            self.body.made_refusals += 1;
        }
        if !self.emits {
            return;
        }
        let original = std::mem::replace(arg, Expr::Verbatim(Default::default()));
        *arg = match origin {
            Some(Origin::PathOf(path_of)) => {
                self.guard_path_of(lint, level, path_of, original, span, callee_span)
            }
            Some(Origin::Refused(refusal)) => {
                emit::guard_refused(lint, refusal, level, original, callee_span)
            }
            _ if target.role == Role::LinkOriginal => {
                emit::guard_link_original(level, original, callee_span)
            }
            _ if target.role == Role::SymlinkOriginal => {
                emit::guard_symlink_original(level, original, callee_span)
            }
            _ if target.role == Role::FileOnly => {
                emit::guard_temp_file(level, original, callee_span)
            }
            _ if target.role == Role::ProcessRoot => {
                emit::guard_process_root(level, original, callee_span)
            }
            _ if target.role == Role::DirectoryMode => {
                emit::guard_directory_mode(level, original, callee_span)
            }
            _ => emit::guard_target(lint, level, original, callee_span),
        };
    }

    // Input:  fs::write(&p, data)        (after `let p = tmp.path().to_path_buf();`)
    // Output: fs::write(Probe(__ephemeral_fs_owner_0)
    //             .__ephemeral_fs_deny_persistent_write_path(&p), data)
    /// Checks a path derived from `owner.path()` by the owner's type, with
    /// the path computed as `held.rs` says. A local's owner is the one its
    /// `let` holds; an owner written in the argument is borrowed once here.
    fn guard_path_of(
        &mut self,
        lint: Lint,
        level: Level,
        path_of: PathOf,
        mut value: Expr,
        arg_span: Span,
        callee_span: Span,
    ) -> Expr {
        let joined = path_of.joined();
        let (joins, owned) = (path_of.joins, path_of.owned);
        match path_of.owner {
            Owner::Held { slot, .. } => {
                // Spanned at the argument: a borrow error says "later used here".
                let held = held::ident_expr(&held::held_ident(slot, arg_span));
                match path_of.local {
                    Some(local) => self.body.flow.mark(local),
                    None => {
                        self.body.flow.mark(slot);
                        held::replace_chain(&mut value, |chain| {
                            held::compute(&held, &joins, owned, chain)
                        });
                    }
                }
                emit::guard_path_of(lint, level, held, joined, value, callee_span)
            }
            Owner::Place(owner) if held::is_lone_name(&owner) => {
                let owner_ref: Expr = syn::parse_quote_spanned!(callee_span=> &#owner);
                held::replace_chain(&mut value, |chain| {
                    held::compute(&owner_ref, &joins, owned, chain)
                });
                emit::guard_path_of(lint, level, owner_ref, joined, value, callee_span)
            }
            Owner::Place(owner) => {
                let bound = held::owner_ident(syn::spanned::Spanned::span(&*owner));
                let owner_ref = held::ident_expr(&bound);
                // A match arm drops its temporaries: the borrows of the
                // argument go around the match, so that what they borrow
                // lives to the end of the statement as written.
                let (borrows, mut value) = held::take_borrows(value);
                held::replace_owner(&mut value, held::deref_of(&bound));
                held::replace_chain(&mut value, |chain| {
                    held::compute(&owner_ref, &joins, owned, chain)
                });
                let check = emit::guard_path_of(lint, level, owner_ref, joined, value, callee_span);
                let span = held::glue_span(callee_span);
                let checked = syn::parse_quote_spanned!(span=> match &#owner { #bound => #check });
                held::put_borrows(borrows, checked)
            }
        }
    }

    /// Visits a closure; `made` names the parameter of a `make` closure,
    /// whose path is a fresh temp file's.
    pub(crate) fn visit_closure(&mut self, closure: &mut ExprClosure, made: Option<&str>) {
        self.reject_stray_allow(&mut closure.attrs);
        self.body.flow.enter(true);
        self.body.enter_builder_scope();
        for input in closure.inputs.iter_mut() {
            self.visit_pat_mut(input);
        }
        if let Some(name) = made {
            let origin = if self.made_is_trusted {
                Origin::Made
            } else {
                Origin::Refused(flow::Refusal::Made)
            };
            self.body.flow.bind(name, false, Some(origin), None);
        }
        // `|t| t.persist(dest)`: the body is the closure's outermost scope,
        // so a `let` put before it in a block changes no drop order. (In a
        // const context the body gets a block of its own, for imports.)
        let outer_hoist = self.body.hoist.take();
        if self.const_levels.is_none() {
            self.visit_hoisting(&mut closure.body);
        } else {
            self.in_run_time_closure(&mut closure.body, |this, body| this.visit_expr_mut(body));
        }
        self.body.hoist = outer_hoist;
        self.body.exit_builder_scope();
        self.body.flow.exit();
    }

    // Input:  Builder::new().make(|path| File::create(path))
    // Output: ::ephemeral_fs::__private::persistent_write_make(
    //             Builder::new(), |path| File::create(path))                  (deny)
    //         ::ephemeral_fs::__private::Probe(Builder::new().make(|path| File::create(path)))
    //             .closure_path_is_not_from_tempfile()                        (warn)
    /// A `make(|path| ..)` or `make_in(dir, |path| ..)` call: the closure's
    /// path passes where the closure uses it, and the call is checked to be
    /// tempfile's. Returns `false` when the call is not of that shape.
    fn visit_make(&mut self, expr: &mut Expr) -> bool {
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

    pub(crate) fn visit_method_call(&mut self, expr: &mut Expr) {
        let Expr::MethodCall(call) = expr else { return };
        let name = ident_name(&call.method);
        if let Expr::MethodCall(call) = &*expr {
            self.note_temp_dir_permissions(call);
        }
        if ops::MAKE_METHODS.contains(&name.as_str()) && self.visit_make(expr) {
            return;
        }
        let Expr::MethodCall(call) = expr else { return };
        let method_span = call.method.span();
        // Only `.open(..)` and `.create(..)` end a builder chain.
        let builder = if Builder::is_terminal(&name) {
            self.builder_chain(&call.receiver)
        } else {
            None
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
                // A `DirBuilder` given a `mode` (or a method we don't know)
                // may make a directory its owner cannot list: only a temp
                // file's path, where no directory can be made, passes.
                let role = match state.kind {
                    Builder::DirBuilder if state.writes => Role::DirectoryMode,
                    _ => Role::Path,
                };
                let target = Target { arg: 0, lint, role };
                if let Some(arg) = call.args.first_mut() {
                    self.guard_target(target, arg, Callee::Builder(state.kind), method_span);
                }
            }
            return;
        }
        self.note_builder_flags(&call.receiver, &name, call.args.first());
        if builder.is_none() && Builder::is_terminal(&name) {
            return self.visit_unseen_terminal(expr, &name);
        }
        if ops::LEAK_METHODS.contains(&name.as_str()) && call.args.is_empty() {
            return self.visit_method_leak(expr, method_span);
        }
        self.visit_method_escape(expr, &name, method_span);
    }

    /// The builder a receiver chain starts from, with the write flags it sets.
    pub(crate) fn builder_chain(&self, mut expr: &Expr) -> Option<BuilderState> {
        let mut writes = false;
        loop {
            match expr {
                Expr::MethodCall(call) => {
                    writes |= may_set_write_flag(&ident_name(&call.method), call.args.first());
                    expr = &call.receiver;
                }
                Expr::Paren(paren) => expr = &paren.expr,
                Expr::Reference(reference) => expr = &reference.expr,
                // `{ OpenOptions::new() }` and `Ok(OpenOptions::new())?`:
                // what they yield is the builder written in them.
                Expr::Block(block) if block.attrs.is_empty() && block.label.is_none() => {
                    match block.block.stmts.as_slice() {
                        [syn::Stmt::Expr(tail, None)] => expr = tail,
                        _ => return None,
                    }
                }
                Expr::Try(tried) => expr = &tried.expr,
                // `if c { OpenOptions::new() } else { File::options() }`:
                // a builder of one kind in every branch, with the flags of
                // either.
                Expr::If(branches) => {
                    let then = syn::Expr::Block(syn::ExprBlock {
                        attrs: Vec::new(),
                        label: None,
                        block: branches.then_branch.clone(),
                    });
                    let first = self.builder_chain(&then)?;
                    let (_, otherwise) = branches.else_branch.as_ref()?;
                    let second = self.builder_chain(otherwise)?;
                    if first.kind != second.kind {
                        return None;
                    }
                    return Some(BuilderState {
                        kind: first.kind,
                        writes: writes || first.writes || second.writes,
                    });
                }
                // `match c { _ => tokio::fs::OpenOptions::new() }`: the same,
                // for every arm.
                Expr::Match(matched) => {
                    let mut arms = matched.arms.iter().map(|arm| self.builder_chain(&arm.body));
                    let first = arms.next()??;
                    let mut state = BuilderState {
                        kind: first.kind,
                        writes: writes || first.writes,
                    };
                    for arm in arms {
                        let arm = arm?;
                        if arm.kind != state.kind {
                            return None;
                        }
                        state.writes |= arm.writes;
                    }
                    return Some(state);
                }
                Expr::Call(call) => {
                    let Expr::Path(callee) = &*call.func else {
                        return None;
                    };
                    // Constructors are `new` and `options`: a cheap test
                    // before resolving, which allocates.
                    let last = callee.path.segments.last()?;
                    if !Builder::is_constructor_name(&ident_name(&last.ident)) {
                        // A builder passed through another call
                        // (`Some(OpenOptions::new()).unwrap()`) is one still;
                        // that call may set its flags where the chain does
                        // not show them (`OpenOptions::write(&mut o, true)`,
                        // a closure given to `Option::map`): it counts as
                        // writing.
                        let inner = call.args.iter().find_map(|arg| self.builder_chain(arg))?;
                        return Some(BuilderState {
                            writes: true,
                            ..inner
                        });
                    }
                    let canonical = self.namespaces.resolve(&callee.path)?;
                    let kind = ops::lookup_builder(&canonical)?;
                    return Some(BuilderState { kind, writes });
                }
                Expr::Path(path) => {
                    let name = ident_name(path.path.get_ident()?);
                    let state = self.body.builders.get(&name)?;
                    // Used other than as a receiver (`&mut b`, a path call
                    // `DirBuilderExt::mode(&mut b, ..)`), its flags or mode
                    // may be set where the rewrite does not see. (For a
                    // `DirBuilder`, flags given to the name elsewhere are
                    // another binding's: `create(table)` on a table builder.)
                    let escaped = match state.kind {
                        Builder::DirBuilder => {
                            self.body.used_by_value.contains(&name)
                                || self.body.given_modes.contains(&name)
                        }
                        Builder::OpenOptions => self.body.used_as_values.contains(&name),
                    };
                    return Some(BuilderState {
                        kind: state.kind,
                        writes: writes || state.writes || escaped,
                    });
                }
                _ => return None,
            }
        }
    }

    /// `opts.write(true);` on a builder local makes its later `open` a write.
    fn note_builder_flags(&mut self, receiver: &Expr, method: &str, first_arg: Option<&Expr>) {
        if !may_set_write_flag(method, first_arg) || ends_builder(receiver) {
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

    // Input:  Builder::new().permissions(Permissions::from_mode(0o300)).tempdir()
    /// Notes what may make a temp directory its owner cannot list or enter,
    /// which its cleanup then cannot empty: a `permissions(..)` call whose
    /// argument is not a literal mode with the owner's rights
    /// (`Permissions::from_mode(0o700)`), on any receiver, and whether the
    /// body makes a temp directory. tempfile's `Builder` applies its
    /// permissions to the directory it makes, wherever they were set.
    fn note_temp_dir_permissions(&mut self, call: &syn::ExprMethodCall) {
        let name = ident_name(&call.method);
        if matches!(name.as_str(), "tempdir" | "tempdir_in") {
            self.body.makes_temp_dir = true;
            return;
        }
        // `Builder::new().permissions(p).tempfile()`: a file's mode, on a
        // builder made in the chain (on a local, the mode stays on it for
        // a later `tempdir()`).
        if matches!(
            name.as_str(),
            "tempfile" | "tempfile_in" | "make" | "make_in"
        ) {
            let mut receiver = &*call.receiver;
            let mut permissions = Vec::new();
            while let Expr::MethodCall(link) = receiver {
                if link.method == "permissions" {
                    permissions.extend(link.args.first());
                }
                receiver = &link.receiver;
            }
            if matches!(receiver, Expr::Call(_)) {
                for permissions in permissions {
                    let address = permissions as *const Expr as usize;
                    self.body.file_permissions.insert(address);
                }
            }
            return;
        }
        if name != "permissions" || call.args.len() != 1 {
            return;
        }
        if let Some(permissions) = call.args.first() {
            self.note_permissions(permissions);
        }
    }

    pub(crate) fn note_permissions(&mut self, permissions: &Expr) {
        if self.levels.get(Lint::TempEscape) != Level::Deny {
            return;
        }
        if self
            .body
            .file_permissions
            .contains(&(permissions as *const Expr as usize))
        {
            return;
        }
        let owner_has_all = match permissions {
            Expr::Call(from_mode) if from_mode.args.len() == 1 => {
                matches!(&*from_mode.func, Expr::Path(callee)
                    if callee.path.segments.last().is_some_and(|last| last.ident == "from_mode"))
                    && from_mode
                        .args
                        .first()
                        .and_then(crate::syntax::literal_mode)
                        .is_some_and(crate::syntax::owner_has_all)
            }
            _ => false,
        };
        if !owner_has_all {
            self.body.permissions.push(permissions.clone());
        }
    }

    // Input:  Builder::tempdir(&b)    Builder::permissions(&mut b, p)
    /// The path-called forms of what `note_temp_dir_permissions` notes.
    fn note_temp_dir_permissions_called(&mut self, path: &syn::Path, args: &[&Expr]) {
        let Some(last) = path.segments.last() else {
            return;
        };
        let name = ident_name(&last.ident);
        if matches!(name.as_str(), "tempdir" | "tempdir_in") {
            self.body.makes_temp_dir = true;
        } else if name == "permissions" && args.len() == 2 {
            self.note_permissions(args[1]);
        }
    }

    // Input:  Builder::make_in(&Builder::new().rand_bytes(0), dir, |_| Ok(()))
    /// tempfile's `make` or `make_in` called by path: its builder's names
    /// and its closure are read only in the method form, so this form is
    /// refused, and the error says to write that.
    fn refuse_path_called_make(&mut self, path: &syn::Path) {
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

    /// Refuses the permissions `note_temp_dir_permissions` noted, where the
    /// body makes a temp directory.
    pub(crate) fn refuse_unlistable_temp_dirs(&mut self) {
        if !self.body.makes_temp_dir {
            return;
        }
        for permissions in std::mem::take(&mut self.body.permissions) {
            self.changes += 1;
            self.ctxt.error_spanned(
                &permissions,
                "temp_escape: a temp directory made with these permissions may be one its owner cannot list or enter, which its cleanup cannot empty; leave the default permissions, or give a literal mode with the owner's rights (`Permissions::from_mode(0o700)`); to do this on purpose, put `#[ephemeral_fs::allow(temp_escape, reason = \"...\")]` on the statement",
            );
        }
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

// Input:  <std::fs::File>::create          Output: std::fs::File::create
/// The path a callee names. `<Type>::f` is `Type::f`; a trait's function
/// (`<T as Trait>::f`) is the trait's, and not followed.
pub(crate) fn callee_path(callee: &syn::ExprPath) -> Option<syn::Path> {
    // A function needs a segment below the associated type it is called on.
    crate::resolve::qualified_path(callee.qself.as_ref(), &callee.path, 2)
}
