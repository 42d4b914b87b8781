//! `temp_escape`: tempfile calls that cancel a temp file's cleanup. Which
//! type the receiver has is left to the compiler; a method of another type
//! with the same name compiles untouched.

use proc_macro2::Span;
use syn::Expr;

use crate::check::{Callee, Subject};
use crate::emit;
use crate::flow::{Origin, Owner};
use crate::held;
use crate::lints::{Level, Lint};
use crate::ops;
use crate::rewrite::Rewriter;
use crate::syntax::{
    PlaceKind, ident_name, is_literal_false, last_ident_span, place_kind, value_root_mut,
};

/// Where an escape's receiver and destination are in its call.
#[derive(Clone, Copy)]
enum Form {
    /// `tmp.persist(dest)`: the receiver, then the first argument.
    Method,
    /// `NamedTempFile::persist(tmp, dest)`: the first two arguments.
    Path,
}

impl Form {
    /// The receiver, and the argument after it.
    fn parts(self, expr: &Expr) -> Option<(&Expr, Option<&Expr>)> {
        match (self, expr) {
            (Form::Method, Expr::MethodCall(call)) => Some((&call.receiver, call.args.first())),
            (Form::Path, Expr::Call(call)) => Some((call.args.first()?, call.args.iter().nth(1))),
            _ => None,
        }
    }

    fn receiver_mut(self, expr: &mut Expr) -> Option<&mut Expr> {
        match (self, expr) {
            (Form::Method, Expr::MethodCall(call)) => Some(&mut call.receiver),
            (Form::Path, Expr::Call(call)) => call.args.first_mut(),
            _ => None,
        }
    }

    fn destination_mut(self, expr: &mut Expr) -> Option<&mut Expr> {
        match (self, expr) {
            (Form::Method, Expr::MethodCall(call)) => call.args.first_mut(),
            (Form::Path, Expr::Call(call)) => call.args.iter_mut().nth(1),
            _ => None,
        }
    }
}

impl Rewriter<'_> {
    /// `tmp.keep()`, `tmp.persist(dest)` and the like, once the call's own
    /// receiver and arguments are visited.
    pub(crate) fn visit_method_escape(&mut self, expr: &mut Expr, name: &str, method_span: Span) {
        let Some(method) = escape_method(name) else {
            return;
        };
        self.check_escape(
            expr,
            Form::Method,
            Callee::EscapeMethod(method),
            method_span,
        );
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
        if let Some(method) = ops::ESCAPE_CONSTRUCTORS
            .iter()
            .find(|c| **c == name)
            .copied()
        {
            let Expr::Call(call) = &*expr else { return };
            let level = self.record(Lint::TempEscape, callee_span, true, || {
                let callee = Callee::EscapePath {
                    path,
                    method,
                    resolved: None,
                };
                (callee, Some(Subject::Value(&*call.func)))
            });
            if level != Level::Allow && self.emits {
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
        let Some(method) =
            escape_method(name).filter(|_| owner_is_type(path) || self.names_tempfile(path))
        else {
            return;
        };
        // A rename of tempfile's type is named as what it stands for, so
        // that the audit knows the type.
        let resolved = match owner_is_type(path) {
            true => None,
            false => self.namespaces.resolve(path),
        };
        let callee = Callee::EscapePath {
            path,
            method,
            resolved: resolved.as_deref(),
        };
        self.check_escape(expr, Form::Path, callee, callee_span);
    }

    // Input:  tmp.persist(dest)
    // Output: match dest { __ephemeral_fs_dest => ::ephemeral_fs::__private::after(
    //             Probe(&tmp).__ephemeral_fs_deny_temp_persist_in_place(&__ephemeral_fs_dest),
    //             tmp.persist(__ephemeral_fs_dest)) }
    /// Probes the receiver of an escape, and the destination of a
    /// `persist`, whichever form the call takes.
    fn check_escape(&mut self, expr: &mut Expr, form: Form, callee: Callee<'_>, span: Span) {
        let Some(method) = callee.escape() else {
            return;
        };
        let Some((receiver, destination)) = form.parts(expr) else {
            return;
        };
        if switched_off(method, destination) {
            return;
        }
        let kind = place_kind(receiver);
        let persist = kind == PlaceKind::Pure && checks_destination(method, destination);
        let level = self.record(Lint::TempEscape, span, true, || {
            let subject = match destination {
                Some(destination) if persist => Subject::Persist {
                    receiver,
                    destination,
                },
                _ => Subject::Value(receiver),
            };
            (callee, Some(subject))
        });
        if level == Level::Allow || !self.emits {
            return;
        }
        match kind {
            // The destination stays in the call, where Rust evaluates it:
            // after the receiver's place (an index or a user `Deref` runs
            // first), with what `persist` expects (an implicit reborrow of a
            // `&mut`, a closure's parameter types) reaching it.
            PlaceKind::Pure if persist => {
                let place = receiver.clone();
                let Some(slot) = form.destination_mut(expr) else {
                    return;
                };
                let destination = std::mem::replace(slot, Expr::Verbatim(Default::default()));
                let (destination, owner) = self.persist_destination(destination, span);
                let whole = std::mem::replace(expr, Expr::Verbatim(Default::default()));
                let put = |call: &mut Expr, checked: Expr| {
                    if let Some(slot) = form.destination_mut(call) {
                        *slot = checked;
                    }
                };
                let item = self.names_item(&place);
                let hoisted = self.hoisted_marker(&place, span);
                let (call, binding) = emit::escape_persist_in_place(
                    level,
                    emit::ProbedPlace {
                        place: &place,
                        item,
                    },
                    destination,
                    owner,
                    whole,
                    put,
                    span,
                    hoisted,
                );
                *expr = call;
                if let (Some(binding), Some(hoist)) = (binding, &mut self.body.hoist) {
                    hoist.lets.push(binding);
                }
            }
            PlaceKind::Pure => {
                let place = receiver.clone();
                self.probe_by_place(expr, &place, None, |place, whole| {
                    emit::escape_by_place(level, place, whole, span)
                });
            }
            // `lease_of!(row).keep()`: the macro may name a place, which a
            // probe by value would move; its type is read as an unknown
            // place's.
            PlaceKind::Value if matches!(receiver, Expr::Macro(_)) => {
                let place = receiver.clone();
                self.probe_by_place(expr, &place, Some(true), |place, whole| {
                    emit::escape_by_place(level, place, whole, span)
                });
            }
            PlaceKind::Value => {
                if let Some(receiver) = form.receiver_mut(expr) {
                    let value = std::mem::replace(receiver, Expr::Verbatim(Default::default()));
                    *receiver = match form {
                        Form::Method => emit::escape_by_value(level, value, span),
                        Form::Path => emit::escape_argument_by_value(level, value, span),
                    };
                }
            }
            // Borrowing the receiver would evaluate its calls twice, and
            // taking it by value could move out of a place: its type is
            // read without evaluating it, and a `persist` of a tempfile
            // type is an escape whatever the destination.
            PlaceKind::Impure => {
                let mut place = receiver.clone();
                if value_root_mut(&mut place).is_some() {
                    // `(tmp,).0.keep()`, `(*Box::new(dir)).keep()`: the
                    // value it starts from is checked once evaluated.
                    if let Some(receiver) = form.receiver_mut(expr) {
                        emit::escape_by_root(level, receiver, span);
                    }
                } else {
                    // `files[next()].keep()`: a place of a variable, by its
                    // type alone.
                    self.probe_by_place(expr, &place, None, |place, whole| {
                        emit::escape_by_place(level, place, whole, span)
                    });
                }
            }
        }
    }
}

impl Rewriter<'_> {
    /// Whether the name a receiver's place starts from is an item in sight
    /// (a `const` or `static` named in lower case, which no local can
    /// shadow) rather than a local: then it is not borrowed, which would
    /// make a second temporary of a `const`.
    // Input:  tmp.persist(..), a statement of a block, `tmp` bound before it
    // Output: Some(__ephemeral_fs_receiver_0)
    /// The name of a `let` for the marker of `place`'s `persist`, put before
    /// the statement, when that reads the same place: the statement is one
    /// of a block's, not inside a macro's tokens; no closure or async block
    /// between (a capture of the marker there would change what it
    /// borrows); and the name the place starts from is not bound inside the
    /// statement.
    fn hoisted_marker(&mut self, place: &Expr, span: Span) -> Option<syn::Ident> {
        let hoist = self.body.hoist.as_ref()?;
        emit::place_root_name(place)?;
        // Every name in the place (`files[idx]`), not only its root.
        let mut names = Vec::new();
        crate::macros::collect_idents(&quote::ToTokens::to_token_stream(place), &mut names);
        if names
            .iter()
            .any(|name| self.body.flow.changed_since(hoist.depth, hoist.bound, name))
        {
            return None;
        }
        let name = format!("{}_{}", crate::symbol::RECEIVER, self.body.hoisted);
        self.body.hoisted += 1;
        Some(syn::Ident::new(&name, crate::held::glue_span(span)))
    }

    // Input:  tmp.keep()      Output: after(<check of tmp's type>, tmp.keep())
    /// Replaces the call `expr` by `probe(place, call)`: a check of the
    /// receiver's type read from its place, then the call as written.
    /// `item` is `ProbedPlace`'s; `None` reads it from the place's root.
    pub(crate) fn probe_by_place(
        &self,
        expr: &mut Expr,
        place: &Expr,
        item: Option<bool>,
        probe: impl FnOnce(emit::ProbedPlace<'_>, Expr) -> Expr,
    ) {
        let item = item.unwrap_or_else(|| self.names_item(place));
        let whole = std::mem::replace(expr, Expr::Verbatim(Default::default()));
        *expr = probe(emit::ProbedPlace { place, item }, whole);
    }

    fn names_item(&self, place: &Expr) -> bool {
        emit::place_root_name(place).is_some_and(|name| self.namespaces.names(&name))
    }

    /// Whether a path names an item of tempfile through the imports in
    /// sight, whatever it was renamed to.
    fn names_tempfile(&self, path: &syn::Path) -> bool {
        self.namespaces
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
                (emit::shared_ref(*owner, span), None)
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

/// Whether tempfile's type `owner` has the escape function `name`.
fn tempfile_has(owner: &str, name: &str) -> bool {
    match owner {
        "NamedTempFile" => matches!(
            name,
            "persist" | "persist_noclobber" | "keep" | "disable_cleanup"
        ),
        "TempPath" => matches!(
            name,
            "persist"
                | "persist_noclobber"
                | "keep"
                | "disable_cleanup"
                | "from_path"
                | "try_from_path"
        ),
        "TempDir" => matches!(name, "keep" | "into_path" | "disable_cleanup"),
        "Builder" => matches!(name, "keep" | "disable_cleanup"),
        _ => false,
    }
}

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
        let Some((method, arity, constructor)) = self.escape_value_shape(path) else {
            return false;
        };
        let span = last_ident_span(path);
        let value = &*expr;
        self.record(Lint::TempEscape, span, true, || {
            (
                Callee::EscapePath {
                    path,
                    method,
                    resolved: None,
                },
                Some(Subject::Value(value)),
            )
        });
        if !self.emits {
            return true;
        }
        let value = std::mem::replace(expr, Expr::Verbatim(Default::default()));
        *expr = emit::escape_value(value, arity, constructor, span);
        true
    }

    // Input:  const KEEP: fn(TempDir) -> PathBuf = TempDir::keep;
    // Output: error: temp_escape: `TempDir::keep` used as a value in a const context ..
    /// A tempfile escape used as a value in a const context (a `const` or
    /// `static` initializer, a `const fn`), where the check, which is not
    /// `const`, cannot stand in: refused at `deny`, as in a body it would
    /// be checked. Returns whether it is one.
    pub(crate) fn refuse_escape_value_in_const(&mut self, path: &syn::Path) -> bool {
        if self.escape_value_shape(path).is_none() {
            return false;
        }
        self.changes += 1;
        let message = format!(
            "temp_escape: `{}` used as a value in a `const`, a `static` or a `const fn` is not checked, since no check can run there, and it may keep a temp file; call it where its argument is in sight instead; to do this on purpose, put `#[ephemeral_fs::allow(temp_escape, reason = \"...\")]` on the item or statement",
            crate::syntax::path_text(path)
        );
        self.ctxt.error_spanned(path, message);
        true
    }

    /// The escape a value path may name, at `deny`: its method, arity and
    /// whether it is a constructor.
    fn escape_value_shape(&self, path: &syn::Path) -> Option<(&'static str, usize, bool)> {
        let count = path.segments.len();
        if count < 2 {
            return None;
        }
        let name = ident_name(&path.segments[count - 1].ident);
        let resolved = self.namespaces.resolve(path);
        let owner = match &resolved {
            Some(resolved) if resolved.first().is_some_and(|k| k == "tempfile") => {
                resolved.iter().rev().nth(1).cloned().unwrap_or_default()
            }
            _ => ident_name(&path.segments[count - 2].ident),
        };
        // Another type's name (`Scratch::keep`, with `use tempfile::TempDir
        // as Scratch;` out of sight) may stand for tempfile's type too, as
        // in the call form: its function's own signature decides.
        // A name tempfile's type does not have (`Builder::persist`) is a
        // function of the user's own type named like it: as for any other
        // type, its signature decides, whatever its arity.
        let named = TEMPFILE_TYPES.contains(&owner.as_str()) && tempfile_has(&owner, &name);
        if !named && !owner_is_type(path) {
            return None;
        }
        let constructor = ops::ESCAPE_CONSTRUCTORS.contains(&name.as_str());
        // tempfile's arities: a type of the user's named like tempfile's
        // with another arity fails the bound, which says so. Any other
        // type's function may take any number of arguments.
        let arity = match name.as_str() {
            _ if !named => 0,
            "keep" if owner == "Builder" => 2,
            "keep" | "into_path" | "from_path" | "try_from_path" => 1,
            _ => 2,
        };
        if self.levels.get(Lint::TempEscape) != Level::Deny {
            return None;
        }
        Some((escape_name(&name)?, arity, constructor))
    }
}

/// The escape method of ours a method name is, if it is one.
fn escape_method(name: &str) -> Option<&'static str> {
    ops::ESCAPE_METHODS.iter().find(|m| **m == name).copied()
}

/// The same, or one of our escape constructors.
fn escape_name(name: &str) -> Option<&'static str> {
    escape_method(name).or_else(|| {
        ops::ESCAPE_CONSTRUCTORS
            .iter()
            .find(|c| **c == name)
            .copied()
    })
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

fn owner_is_type(path: &syn::Path) -> bool {
    let count = path.segments.len();
    count >= 2 && {
        let owner = ident_name(&path.segments[count - 2].ident);
        owner == "Self" || owner.starts_with(|c: char| c.is_ascii_uppercase())
    }
}
