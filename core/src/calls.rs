//! What the rewriter does with each call: path-called `std::fs`
//! operations, builder terminals and tempfile escapes. Where a builder chain
//! starts is in `builders.rs`, tempfile's `make` in `make.rs`, directory
//! modes in `temp_dir_modes.rs`, functions used as values in `values.rs`,
//! terminals of builders out of sight in `unseen.rs`, calls that skip a
//! destructor in `leaks.rs`.

use proc_macro2::Span;
use syn::visit_mut::{self, VisitMut};
use syn::{Expr, ExprClosure};

use crate::check::{Callee, Check, Subject};
use crate::emit;
use crate::flow::{self, Origin, Owner, PathOf};
use crate::held;
use crate::lints::{Level, Lint};
use crate::ops::{self, Builder, Role, Target};
use crate::rewrite::Rewriter;
use crate::syntax::{ident_name, last_ident_span};

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

    pub(crate) fn record_at<'e>(
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
                let held = self.owners_to_hold(operation.targets, &call.args);
                for target in operation.targets {
                    if let Some(arg) = call.args.iter_mut().nth(target.arg) {
                        let callee = Callee::Operation {
                            row: operation,
                            path: &canonical,
                        };
                        self.guard_target(*target, arg, callee, callee_span);
                    }
                }
                if !held.is_empty() && self.emits {
                    let call = std::mem::replace(expr, Expr::Verbatim(Default::default()));
                    *expr = emit::held_through(held, call, callee_span);
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

    // Input:  fs::write(upload.path().to_path_buf(), transcode(upload)?)
    // Output: held_through((borrowed(&upload),), fs::write(<checked path>, transcode(upload)?))
    /// A path taken from a temp handle is checked where it is evaluated,
    /// and the arguments after it run before the call: one that drops the
    /// handle would let the call make the file again where nothing removes
    /// it. A borrow is kept until the call has run, so that dropping,
    /// moving or mutably borrowing the handle there is a borrow error: of
    /// the `let` that holds it for a path local, or of the handle written
    /// as a name (`tmp.path()`), which borrowing again runs no code.
    /// Returns the borrows to keep; only at `deny`.
    fn owners_to_hold(
        &self,
        targets: &[Target],
        args: &syn::punctuated::Punctuated<Expr, syn::Token![,]>,
    ) -> Vec<Expr> {
        let mut held = Vec::new();
        for target in targets {
            if self.levels.get(target.lint) != Level::Deny {
                continue;
            }
            let Some(arg) = args.iter().nth(target.arg) else {
                continue;
            };
            let Some(Origin::PathOf(path_of)) = self.body.flow.classify(arg) else {
                continue;
            };
            // Another path from a handle only borrows it. Another checked
            // argument may still drop the handle on its way to a temp path
            // (`{ drop(dir); links.child("l")? }`).
            let later = args
                .iter()
                .skip(target.arg + 1)
                .any(|later| !matches!(self.body.flow.classify(later), Some(Origin::PathOf(_))));
            if !later {
                continue;
            }
            let span = syn::spanned::Spanned::span(arg);
            match path_of.owner {
                flow::Owner::Held { slot, .. } => {
                    held.push(held::ident_expr(&held::held_ident(slot, span)));
                }
                // `(tmp).path()` too: the same variable. A longer place
                // (`staging.upload`) is not borrowed again: a `Deref` of the
                // user's on the way would run twice, and a closure would
                // capture more than the place. A limit.
                flow::Owner::Place(owner) => {
                    if let Some(name) = held::lone_name_within(&owner) {
                        held.push(emit::shared_ref(name.clone(), span));
                    }
                }
            }
        }
        held
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
                let owner_ref = emit::shared_ref(*owner, callee_span);
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
}

// Input:  <std::fs::File>::create          Output: std::fs::File::create
/// The path a callee names. `<Type>::f` is `Type::f`; a trait's function
/// (`<T as Trait>::f`) is the trait's, and not followed.
pub(crate) fn callee_path(callee: &syn::ExprPath) -> Option<syn::Path> {
    // A function needs a segment below the associated type it is called on.
    crate::resolve::qualified_path(callee.qself.as_ref(), &callee.path, 2)
}
