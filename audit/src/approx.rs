//! "Is this a temp-file handle?" without a type checker.
//!
//! The attribute leaves that question to the compiler: a guarded argument
//! must implement `TempTarget`, an escape method is resolved on the
//! receiver's type. The audit has no compiler, so it reads one function's
//! syntax and knows a value to be a temp handle only when it sees where the
//! value comes from:
//!
//! - a local bound to a tempfile constructor (`NamedTempFile::new()?`, also
//!   through `.map_err(..)`, `.unwrap()`, `.expect(..)` or `.context(..)`,
//!   `TempDir::new()?`, `tempfile::tempdir()?`,
//!   `tempfile::Builder::new()..tempfile()?`), to `tmp.into_temp_path()`,
//!   to `dir.child(..)?`, or to another such local;
//! - a parameter or local typed `NamedTempFile`, `TempPath`, `TempDir` or
//!   `ScratchPath`, also behind `&`, `&mut`, `Arc`, `Box` or `Rc`;
//! - a value that passes one through: `Ok(h)`, a block, an `if` or `match`
//!   whose every arm that does not fail (`Err(..)`, `return`, `panic!`)
//!   gives the same kind of handle, a `match` arm's `Ok(h)`/`Some(h)`
//!   binding of such a scrutinee, `.await`, and the closure handed to
//!   `spawn_blocking` or `web::block`. Creating a `NamedTempFile` on a
//!   blocking thread and matching the results apart is how async services
//!   write it.
//!
//! The path `keep()` returns (`let (file, path) = tmp.keep()?`) is the
//! kept temp file's: the escape is reported at `keep()`, and what the
//! function then does at that path, down to the cleanup that removes it, is
//! that one escape's consequence, not another finding.
//!
//! Paths derived from a handle (`x.path()`, a local bound to it, a copy,
//! `dir.path().join("relative/literal")`) are the rewrite's own data flow
//! (`ephemeral_fs_core`'s `flow`): a finding then names the owner (`Subject::PathOwner`),
//! and only the owner's type is approximated here, as the compiler decides
//! only the owner's type for the attribute.
//!
//! A name bound more than once in the function counts only if every binding
//! gives the same kind of handle. `mut` does not matter: assignment cannot
//! change a local's type. Anything else, a struct field, a helper's return
//! value or a type alias, is not known to be a temp handle: the audit then
//! reports a path the compiler would accept, and misses an escape the
//! compiler would catch. The guide's audit chapter lists these cases, and
//! `audit/tests/audit.rs` holds one test for each (`disagrees_on_..`); the
//! unit tests in `approx/tests.rs` pin what a value is known to be.

use std::collections::HashMap;

use syn::visit::{self, Visit};
use syn::{Block, Expr, FnArg, Local, Pat, Signature, Type};

use ephemeral_fs_core::Subject;
use ephemeral_fs_core::lints::Lint;
use ephemeral_fs_core::ops;
use ephemeral_fs_core::syntax::{ident_name, segment_names};

use crate::walk::Kept;

/// The tempfile types the approximation knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Handle {
    /// `tempfile::NamedTempFile`.
    File,
    /// `tempfile::TempPath`.
    Path,
    /// `tempfile::TempDir`.
    Dir,
    /// `ephemeral_fs::ScratchPath`, from `dir.child(..)`.
    Scratch,
    /// The path of a temp file or directory that `keep()` made lasting,
    /// or the `(File, PathBuf)` pair `NamedTempFile::keep` returns.
    Kept,
    /// `tempfile::Builder`.
    Builder,
}

/// What a value is known to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Value {
    /// A handle, or a reference to one.
    Handle(Handle),
    /// A handle behind `Arc`, `Box` or `Rc`: its `path()` is a temp path,
    /// but the pointer itself is not a `TempTarget`.
    Shared(Handle),
}

impl Value {
    /// The handle, seen through a smart pointer.
    fn handle(self) -> Handle {
        match self {
            Value::Handle(handle) | Value::Shared(handle) => handle,
        }
    }

    /// Whether it owns a temp file or directory, whose drop removes it.
    pub fn is_temp_handle(self) -> bool {
        matches!(self.handle(), Handle::File | Handle::Path | Handle::Dir)
    }

    /// Whether the attribute's guard would accept it as a path argument.
    pub fn is_temp_target(self) -> bool {
        matches!(
            self,
            Value::Handle(Handle::File | Handle::Path | Handle::Scratch | Handle::Kept)
        )
    }
}

// Constructors by type name, as the user calls them (`NamedTempFile::new()`),
// with the handle they return once `?`, `.unwrap()` or `.expect(..)` has
// taken the `io::Result` apart.
const FILE_CONSTRUCTORS: &[&str] = &[
    "new",
    "new_in",
    "with_prefix",
    "with_prefix_in",
    "with_suffix",
    "with_suffix_in",
];
const TYPE_NAMES: &[(&str, Handle)] = &[
    ("NamedTempFile", Handle::File),
    ("TempPath", Handle::Path),
    ("TempDir", Handle::Dir),
    ("ScratchPath", Handle::Scratch),
];

/// The locals of one function that hold temp handles.
#[derive(Debug, Default)]
pub struct Locals {
    /// `None`: bound to something not known to be a temp handle.
    names: HashMap<String, Option<Value>>,
    /// Whether every binding of the name is a shared reference (`tmp:
    /// &NamedTempFile`, `let r = &tmp;`), through which none of tempfile's
    /// escapes can be called: they take their handle by value or `&mut`.
    shared_refs: HashMap<String, bool>,
}

impl Locals {
    /// Reads a function's parameters and body.
    pub fn of_fn(sig: &Signature, block: &Block) -> Locals {
        let mut locals = Locals::default();
        for input in &sig.inputs {
            match input {
                FnArg::Typed(typed) => locals.bind_typed(&typed.pat, Some(&typed.ty), None),
                FnArg::Receiver(_) => locals.bind("self".to_owned(), None),
            }
        }
        locals.visit_block(block);
        locals
    }

    /// Whether some local or parameter owns a temp file or directory.
    pub fn holds_handles(&self) -> bool {
        self.names
            .values()
            .flatten()
            .any(|value| value.is_temp_handle())
    }

    fn bind(&mut self, name: String, value: Option<Value>) {
        self.names
            .entry(name)
            .and_modify(|known| {
                if *known != value {
                    *known = None;
                }
            })
            .or_insert(value);
    }

    /// `name: Type` or `name = init`; other patterns bind unknown values.
    fn bind_typed(&mut self, pat: &Pat, ty: Option<&Type>, init: Option<&Expr>) {
        match pat {
            Pat::Type(typed) => self.bind_typed(&typed.pat, Some(&typed.ty), init),
            Pat::Ident(binding) if binding.subpat.is_none() => {
                let value = match ty {
                    Some(ty) => type_value(ty),
                    None => init.and_then(|init| self.value(init)),
                };
                let shared = match ty {
                    Some(ty) => {
                        matches!(strip_type_groups(ty), Type::Reference(r) if r.mutability.is_none())
                    }
                    None => init.is_some_and(|init| self.is_shared_reference(init)),
                };
                let name = ident_name(&binding.ident);
                self.shared_refs
                    .entry(name.clone())
                    .and_modify(|known| *known &= shared)
                    .or_insert(shared);
                self.bind(name, value);
            }
            // `let (file, path) = tmp.keep()?`: the path is the kept file's.
            Pat::Tuple(tuple)
                if init.and_then(|init| self.value(init)) == Some(Value::Handle(Handle::Kept)) =>
            {
                for (index, element) in tuple.elems.iter().enumerate() {
                    match element {
                        Pat::Ident(binding) if index == 1 && binding.subpat.is_none() => {
                            self.bind(
                                ident_name(&binding.ident),
                                Some(Value::Handle(Handle::Kept)),
                            );
                        }
                        other => self.visit_pat(other),
                    }
                }
            }
            other => self.visit_pat(other),
        }
    }

    /// Whether an expression is a shared reference: `&tmp`, or a name
    /// every binding of which is one.
    fn is_shared_reference(&self, expr: &Expr) -> bool {
        match expr {
            Expr::Paren(inner) => self.is_shared_reference(&inner.expr),
            Expr::Group(inner) => self.is_shared_reference(&inner.expr),
            Expr::Reference(reference) => reference.mutability.is_none(),
            Expr::Path(path) if path.qself.is_none() => path
                .path
                .get_ident()
                .is_some_and(|ident| self.shared_refs.get(&ident_name(ident)) == Some(&true)),
            _ => false,
        }
    }

    /// What an expression is known to be.
    pub fn value(&self, expr: &Expr) -> Option<Value> {
        match expr {
            Expr::Paren(inner) => self.value(&inner.expr),
            Expr::Group(inner) => self.value(&inner.expr),
            Expr::Reference(reference) => self.value(&reference.expr),
            Expr::Try(tried) => self.value(&tried.expr),
            Expr::Await(awaited) => self.value(&awaited.base),
            Expr::Block(block) => self.block_value(&block.block),
            Expr::If(_) | Expr::Match(_) => match self.branch(expr) {
                Branch::Gives(value) => Some(value),
                Branch::Fails | Branch::Unknown => None,
            },
            Expr::Path(path) if path.qself.is_none() => {
                let ident = path.path.get_ident()?;
                self.names.get(&ident_name(ident)).copied().flatten()
            }
            Expr::Call(call) => self.call_value(call),
            Expr::MethodCall(call) => self.method_value(call),
            _ => None,
        }
    }

    /// The value of a block: its tail expression's.
    fn block_value(&self, block: &Block) -> Option<Value> {
        match block.stmts.last()? {
            syn::Stmt::Expr(tail, None) => self.value(tail),
            _ => None,
        }
    }

    /// What one arm of an `if` or `match` gives: a value, or nothing
    /// because it fails or leaves.
    fn branch(&self, expr: &Expr) -> Branch {
        match expr {
            Expr::Paren(inner) => self.branch(&inner.expr),
            Expr::Return(_) | Expr::Break(_) | Expr::Continue(_) => Branch::Fails,
            Expr::Call(call) if callee_is(&call.func, "Err") => Branch::Fails,
            Expr::Macro(mac)
                if mac.mac.path.get_ident().is_some_and(|name| {
                    ["panic", "unreachable", "todo", "unimplemented"]
                        .contains(&ident_name(name).as_str())
                }) =>
            {
                Branch::Fails
            }
            Expr::Block(block) => match block.block.stmts.last() {
                Some(syn::Stmt::Expr(tail, None)) => self.branch(tail),
                _ => Branch::Unknown,
            },
            Expr::If(branches) => {
                let Some((_, otherwise)) = &branches.else_branch else {
                    return Branch::Unknown;
                };
                let then = match branches.then_branch.stmts.last() {
                    Some(syn::Stmt::Expr(tail, None)) => self.branch(tail),
                    _ => Branch::Unknown,
                };
                then.join(self.branch(otherwise))
            }
            Expr::Match(matched) => matched
                .arms
                .iter()
                .map(|arm| self.branch(&arm.body))
                .reduce(Branch::join)
                .unwrap_or(Branch::Unknown),
            other => self.value(other).map_or(Branch::Unknown, Branch::Gives),
        }
    }

    fn call_value(&self, call: &syn::ExprCall) -> Option<Value> {
        if callee_is(&call.func, "Ok") || callee_is(&call.func, "Some") {
            return self.value(call.args.first()?);
        }
        let Expr::Path(callee) = &*call.func else {
            return None;
        };
        let segments = segment_names(&callee.path);
        let (owner, name) = match segments.as_slice() {
            [.., owner, name] => (Some(owner.as_str()), name.as_str()),
            [name] => (None, name.as_str()),
            [] => return None,
        };
        match (owner, name) {
            (Some("Arc" | "Box" | "Rc"), "new") => {
                let inner = self.value(call.args.first()?)?;
                Some(Value::Shared(inner.handle()))
            }
            (Some("Builder"), "new") => Some(Value::Handle(Handle::Builder)),
            (Some("TempPath"), constructor) if ops::ESCAPE_CONSTRUCTORS.contains(&constructor) => {
                Some(Value::Handle(Handle::Path))
            }
            (Some(owner), constructor) if FILE_CONSTRUCTORS.contains(&constructor) => {
                match type_named(owner)? {
                    handle @ (Handle::File | Handle::Dir) => Some(Value::Handle(handle)),
                    _ => None,
                }
            }
            (None | Some("tempfile"), "tempdir" | "tempdir_in") => Some(Value::Handle(Handle::Dir)),
            // What the closure returns, once awaited: the blocking pool
            // creates temp files for async code.
            (_, "spawn_blocking" | "block") => match call.args.first()? {
                Expr::Closure(closure) => self.value(&closure.body),
                _ => None,
            },
            _ => None,
        }
    }

    fn method_value(&self, call: &syn::ExprMethodCall) -> Option<Value> {
        let receiver = || self.value(&call.receiver);
        match ident_name(&call.method).as_str() {
            // They keep the `io::Result`'s value, take it apart, or share
            // a pointer: `NamedTempFile::new().map_err(internal)?`.
            "unwrap" | "expect" | "map_err" | "context" | "with_context" | "ok"
            | "unwrap_or_else" | "clone" => receiver(),
            "child" if receiver()?.handle() == Handle::Dir => Some(Value::Handle(Handle::Scratch)),
            "into_temp_path" if receiver()?.handle() == Handle::File => {
                Some(Value::Handle(Handle::Path))
            }
            "keep"
                if matches!(
                    receiver()?.handle(),
                    Handle::File | Handle::Path | Handle::Dir
                ) =>
            {
                Some(Value::Handle(Handle::Kept))
            }
            "tempfile" | "tempfile_in" if receiver()? == Value::Handle(Handle::Builder) => {
                Some(Value::Handle(Handle::File))
            }
            "tempdir" | "tempdir_in" if receiver()? == Value::Handle(Handle::Builder) => {
                Some(Value::Handle(Handle::Dir))
            }
            // The builder's own settings return the builder.
            _ if receiver()? == Value::Handle(Handle::Builder) => {
                Some(Value::Handle(Handle::Builder))
            }
            _ => None,
        }
    }

    /// Whether a check of the rewriter is a violation, as far as this
    /// approximation can tell.
    pub(crate) fn is_violation(&self, check: &Kept) -> bool {
        let value = |expr: &Expr| self.value(expr);
        match (&check.subject, check.lint) {
            // A function used as a value has no argument to look at yet.
            (None, _) | (Some(Subject::Refused), _) => true,
            // Removing a handle's own path lets it be made again as the
            // other kind (a directory where a temp file was), which the
            // handle's cleanup does not remove: reported, as a limit.
            (Some(Subject::PathOwner { joined: false, .. }), _)
                if ["remove_file", "remove_dir", "remove_dir_all"]
                    .iter()
                    .any(|name| check.operation.ends_with(name)) =>
            {
                true
            }
            (Some(Subject::PathOwner { owner, joined }), _) => {
                !value(owner).is_some_and(|owner| match owner.handle() {
                    Handle::Dir => true,
                    Handle::File => !joined,
                    _ => false,
                })
            }
            (Some(Subject::Made { builder }), _) => {
                value(builder) != Some(Value::Handle(Handle::Builder))
            }
            (Some(Subject::Value(expr)), Lint::PersistentWrite | Lint::PersistentRead) => {
                !value(expr).is_some_and(Value::is_temp_target)
            }
            (Some(Subject::Value(expr)), Lint::TempEscape) => self.escapes(check, expr),
            // Checked from Dockerfiles, never by the rewriter.
            (Some(Subject::Value(_)), Lint::LocalVolume) => false,
            // Checked on the call graph, never by the rewriter.
            (Some(Subject::Value(_)), Lint::UnguardedRequestPath) => false,
            (
                Some(Subject::Persist {
                    receiver,
                    destination,
                }),
                _,
            ) => {
                // `NamedTempFile::persist(tmp, ..)` says the type itself.
                let temp_file = check
                    .escape_owner
                    .as_deref()
                    .is_some_and(|owner| type_named(owner).is_some())
                    || value(receiver).is_some_and(|receiver| {
                        matches!(receiver.handle(), Handle::File | Handle::Path)
                    });
                temp_file && !value(destination).is_some_and(Value::is_temp_target)
            }
        }
    }

    /// `TempPath::from_path(p)`, `NamedTempFile::keep(tmp)`, or a method
    /// whose receiver is a tempfile handle that has it.
    fn escapes(&self, check: &Kept, subject: &Expr) -> bool {
        let method = check.escape.unwrap_or_default();
        let owner = check.escape_owner.as_deref();
        if ops::ESCAPE_CONSTRUCTORS.contains(&method) {
            // Decided by the type the call returns.
            return owner.is_some_and(|owner| type_named(owner) == Some(Handle::Path));
        }
        if owner.is_some_and(|owner| type_named(owner).is_some() || owner == "Builder") {
            return true;
        }
        // `mem::forget` and the like: a value the approximation cannot see
        // into may own a temp handle (the attribute probes std's
        // containers only), so it is reported.
        if check.leak {
            return self
                .value(subject)
                .is_none_or(|value| value.handle() != Handle::Scratch);
        }
        let Some(handle) = self.value(subject).map(Value::handle) else {
            return false;
        };
        // `tmp.keep()` on a `&NamedTempFile` that compiles is not tempfile's.
        if self.is_shared_reference(subject) {
            return false;
        }
        match method {
            "persist" | "persist_noclobber" => matches!(handle, Handle::File | Handle::Path),
            "into_path" => handle == Handle::Dir,
            "keep" | "disable_cleanup" => !matches!(handle, Handle::Scratch | Handle::Kept),
            _ => false,
        }
    }
}

impl<'ast> Visit<'ast> for Locals {
    fn visit_local(&mut self, local: &'ast Local) {
        // The initializer is read before the new name exists:
        // `let p = p.path();` reads the earlier `p`.
        if let Some(init) = &local.init {
            self.visit_expr(&init.expr);
            if let Some((_, diverge)) = &init.diverge {
                self.visit_expr(diverge);
            }
        }
        let init = local
            .init
            .as_ref()
            .filter(|init| init.diverge.is_none())
            .map(|init| &*init.expr);
        self.bind_typed(&local.pat, None, init);
    }

    fn visit_pat_ident(&mut self, pat: &'ast syn::PatIdent) {
        self.bind(ident_name(&pat.ident), None);
        visit::visit_pat_ident(self, pat);
    }

    // `Ok(file) => ..` binds what the scrutinee holds.
    fn visit_expr_match(&mut self, matched: &'ast syn::ExprMatch) {
        self.visit_expr(&matched.expr);
        let scrutinee = self.value(&matched.expr);
        for arm in &matched.arms {
            // A guard is part of the pattern: `Err(e) if .. =>`.
            let (pat, guard) = match &arm.pat {
                Pat::Guard(guarded) => (&*guarded.pat, Some(&*guarded.guard)),
                pat => (pat, None),
            };
            match passed_through(pat) {
                Some(binding) => self.bind(ident_name(&binding.ident), scrutinee),
                None => self.visit_pat(pat),
            }
            if let Some(guard) = guard {
                self.visit_expr(guard);
            }
            self.visit_expr(&arm.body);
        }
    }

    fn visit_expr_closure(&mut self, closure: &'ast syn::ExprClosure) {
        for input in &closure.inputs {
            self.bind_typed(input, None, None);
        }
        self.visit_expr(&closure.body);
    }

    // Nested items have bodies, and names, of their own.
    fn visit_item(&mut self, _: &'ast syn::Item) {}
}

/// What an arm of an `if` or `match` gives.
#[derive(Clone, Copy, PartialEq)]
enum Branch {
    Gives(Value),
    /// It returns an error, leaves or panics: it gives nothing to the
    /// binding.
    Fails,
    Unknown,
}

impl Branch {
    fn join(self, other: Branch) -> Branch {
        match (self, other) {
            (Branch::Fails, branch) | (branch, Branch::Fails) => branch,
            (Branch::Gives(a), Branch::Gives(b)) if a == b => Branch::Gives(a),
            _ => Branch::Unknown,
        }
    }
}

/// `f` in `Ok(f)`, `Some(f)` or `f`: a pattern that binds the value a
/// `Result` or `Option` holds, which the approximation does not tell apart
/// from the value itself.
fn passed_through(pat: &Pat) -> Option<&syn::PatIdent> {
    match pat {
        Pat::Ident(binding) if binding.subpat.is_none() => Some(binding),
        Pat::TupleStruct(wrapped)
            if wrapped.qself.is_none()
                && wrapped.elems.len() == 1
                && wrapped
                    .path
                    .get_ident()
                    .is_some_and(|name| name == "Ok" || name == "Some") =>
        {
            match wrapped.elems.first()? {
                Pat::Ident(binding) if binding.subpat.is_none() => Some(binding),
                _ => None,
            }
        }
        _ => None,
    }
}

/// Whether a call's function is the bare name `name`: `Ok(..)`.
fn callee_is(func: &Expr, name: &str) -> bool {
    matches!(func, Expr::Path(path) if path.qself.is_none() && path.path.is_ident(name))
}

fn type_named(name: &str) -> Option<Handle> {
    TYPE_NAMES
        .iter()
        .find_map(|(type_name, handle)| (*type_name == name).then_some(*handle))
}

/// A type without its parentheses and invisible groups.
fn strip_type_groups(ty: &Type) -> &Type {
    match ty {
        Type::Paren(inner) => strip_type_groups(&inner.elem),
        Type::Group(inner) => strip_type_groups(&inner.elem),
        other => other,
    }
}

/// The value a parameter or local of this type holds.
fn type_value(ty: &Type) -> Option<Value> {
    match ty {
        Type::Reference(reference) => type_value(&reference.elem),
        Type::Paren(inner) => type_value(&inner.elem),
        Type::Group(inner) => type_value(&inner.elem),
        Type::Path(path) if path.qself.is_none() => {
            let last = path.path.segments.last()?;
            let name = ident_name(&last.ident);
            if let Some(handle) = type_named(&name) {
                return Some(Value::Handle(handle));
            }
            if !matches!(name.as_str(), "Arc" | "Box" | "Rc") {
                return None;
            }
            let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
                return None;
            };
            let inner = args.args.iter().find_map(|arg| match arg {
                syn::GenericArgument::Type(ty) => Some(ty),
                _ => None,
            })?;
            Some(Value::Shared(type_value(inner)?.handle()))
        }
        _ => None,
    }
}

#[cfg(test)]
#[path = "approx/tests.rs"]
mod tests;
