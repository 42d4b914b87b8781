//! What the analysis decides at each call it checks: one record, two
//! consumers. The macro turns a check into a guard; the audit, which has no
//! compiler, judges the check's subject itself.
//!
//! A `Check` borrows the user's expressions it is about, for as long as the
//! consumer looks at it. The macro's own expansion has no consumer, so in
//! it no check is built at all.

use proc_macro2::Span;
use syn::Expr;

use crate::lints::{Level, Lint};
use crate::ops::{Builder, Operation};

/// One call a lint applies to, at the level in force there.
#[derive(Clone, Copy)]
pub struct Check<'e> {
    pub lint: Lint,
    /// `Allow` checks are handed on too, so the audit can list exceptions.
    pub level: Level,
    /// The primary span: the path argument, the escaping method, or the
    /// function used as a value.
    pub span: Span,
    pub callee: Callee<'e>,
    /// What the compiler decides on; `None` for a function used as a value,
    /// which has no argument yet.
    pub subject: Option<Subject<&'e Expr>>,
    /// The reason of the `#[ephemeral_fs::allow]` that allows it, if one does.
    pub reason: Option<&'e str>,
}

/// What is called.
#[derive(Clone, Copy)]
pub enum Callee<'e> {
    /// A row of `ops::OPERATIONS`, called by a path that resolved to `path`.
    Operation {
        row: &'static Operation,
        path: &'e [String],
    },
    /// The same, taken as a value: `let f = std::fs::write;`.
    AsValue {
        row: &'static Operation,
        path: &'e [String],
    },
    /// The method that ends a builder chain: `OpenOptions::new().open(p)`.
    Builder(Builder),
    /// `make` or `make_in` of `tempfile::Builder`, whose closure's path was used.
    Make(&'static str),
    /// An escape method called on its receiver: `tmp.keep()`.
    EscapeMethod(&'static str),
    /// An escape called by path: `TempPath::from_path(p)`,
    /// `NamedTempFile::persist(tmp, dest)`.
    EscapePath {
        path: &'e syn::Path,
        method: &'static str,
        /// What a rename of tempfile's type in `path` stands for
        /// (`use tempfile::NamedTempFile as staged;`).
        resolved: Option<&'e [String]>,
    },
    /// A function that skips its argument's destructor: `mem::forget(tmp)`,
    /// `Box::leak(..)`.
    Leak { path: &'e syn::Path },
}

impl Callee<'_> {
    /// The operation as the user would name it: `std::fs::write`, `.persist()`.
    pub fn operation(&self) -> String {
        match self {
            Callee::Operation { path, .. } | Callee::AsValue { path, .. } => path.join("::"),
            Callee::Builder(Builder::OpenOptions) => "OpenOptions::open".to_owned(),
            Callee::Builder(Builder::DirBuilder) => "DirBuilder::create".to_owned(),
            Callee::Make(method) | Callee::EscapeMethod(method) => format!(".{method}()"),
            Callee::EscapePath {
                resolved: Some(resolved),
                ..
            } => resolved.join("::"),
            Callee::EscapePath { path, .. } | Callee::Leak { path } => {
                crate::syntax::path_text(path)
            }
        }
    }

    /// The escape method or constructor, for `temp_escape`.
    pub fn escape(&self) -> Option<&'static str> {
        match self {
            Callee::EscapeMethod(method) | Callee::EscapePath { method, .. } => Some(method),
            _ => None,
        }
    }

    /// The type or trait a path-called escape names, as written:
    /// `NamedTempFile` in `NamedTempFile::keep(tmp)`.
    pub fn escape_owner(&self) -> Option<String> {
        match self {
            Callee::EscapePath {
                resolved: Some(resolved),
                ..
            } => resolved.iter().rev().nth(1).cloned(),
            Callee::EscapePath { path, .. } => {
                let count = path.segments.len();
                (count >= 2).then(|| crate::syntax::ident_name(&path.segments[count - 2].ident))
            }
            _ => None,
        }
    }
}

/// The user's expressions whose types decide a check, as the data flow
/// found them. `E` is `&Expr` while the walk lends them; a consumer that
/// keeps a subject past its check maps it to owned expressions.
#[derive(Clone, Copy, Debug)]
pub enum Subject<E> {
    /// The expression itself: a path argument, the receiver of an escape
    /// method, the path of a `from_path` call.
    Value(E),
    /// A path argument derived from `owner.path()`, through copies, locals
    /// and literal joins: a temp file's path when the owner is a
    /// `NamedTempFile` or `TempDir` (a `TempDir` when `joined`).
    PathOwner { owner: E, joined: bool },
    /// A derivation of `.path()` the analysis does not accept (a `mut`
    /// local, a join of a name known at run time): a violation whatever the
    /// types.
    Refused,
    /// `receiver.persist(destination)`: an escape when the receiver is a
    /// temp file and the destination is not a temp handle.
    Persist { receiver: E, destination: E },
    /// A `make(|path| ..)` call whose closure's path was used: fine when
    /// the receiver is a `tempfile::Builder`.
    Made { builder: E },
}

impl<E> Subject<E> {
    pub fn map<F>(self, mut f: impl FnMut(E) -> F) -> Subject<F> {
        match self {
            Subject::Value(value) => Subject::Value(f(value)),
            Subject::PathOwner { owner, joined } => Subject::PathOwner {
                owner: f(owner),
                joined,
            },
            Subject::Refused => Subject::Refused,
            Subject::Persist {
                receiver,
                destination,
            } => Subject::Persist {
                receiver: f(receiver),
                destination: f(destination),
            },
            Subject::Made { builder } => Subject::Made {
                builder: f(builder),
            },
        }
    }
}

/// What `analyze` keeps of each check, for tests and the corpus run.
#[derive(Clone, Debug)]
pub struct CheckSummary {
    pub lint: Lint,
    pub level: Level,
    pub span: Span,
    /// The operation as the user would name it: `std::fs::write`, `.persist()`.
    pub operation: String,
    pub reason: Option<String>,
}

impl CheckSummary {
    pub fn of(check: &Check<'_>) -> CheckSummary {
        CheckSummary {
            lint: check.lint,
            level: check.level,
            span: check.span,
            operation: check.callee.operation(),
            reason: check.reason.map(str::to_owned),
        }
    }
}
