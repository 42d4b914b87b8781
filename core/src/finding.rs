//! What the analysis found, for tests and the audit.

use proc_macro2::{Span, TokenStream};

use crate::lints::{Level, Lint};

/// One call a lint applies to.
#[derive(Clone, Debug)]
pub struct Finding {
    pub lint: Lint,
    /// The level in force at the call. `Allow` findings are kept so the
    /// audit can list exceptions.
    pub level: Level,
    /// The primary span: the path argument, or the escaping method.
    pub span: Span,
    /// The operation as the user would name it: `std::fs::write`, `.persist()`.
    pub operation: String,
    /// Whether a type probe decides it (`temp_escape`, `tmp.path()`): the
    /// finding then means "checked", not necessarily "violation".
    pub probed: bool,
    /// What the compiler decides on, as written: the audit, which has no
    /// compiler, looks at it instead. `None` for a function used as a value,
    /// which has no argument yet.
    pub subject: Option<Subject>,
    /// The reason of the `#[ephemeral_fs::allow]` that allows it, if one does.
    pub reason: Option<String>,
}

/// The user's expressions whose types decide a finding, as the rewrite's
/// data flow found them.
#[derive(Clone, Debug)]
pub enum Subject {
    /// The expression itself: a path argument, the receiver of an escape
    /// method, the path of a `from_path` call.
    Value(TokenStream),
    /// A path argument derived from `owner.path()`, through copies, locals
    /// and literal joins: a temp file's path when the owner is a
    /// `NamedTempFile` or `TempDir` (a `TempDir` when `joined`).
    PathOwner { owner: TokenStream, joined: bool },
    /// A derivation of `.path()` the rewrite does not accept (a `mut` local,
    /// a join of a name known at run time): a violation whatever the types.
    Refused,
    /// `receiver.persist(destination)`: an escape when the receiver is a
    /// temp file and the destination is not a temp handle.
    Persist {
        receiver: TokenStream,
        destination: TokenStream,
    },
    /// A `make(|path| ..)` call whose closure's path was used: fine when
    /// the receiver is a `tempfile::Builder`.
    Made { builder: TokenStream },
}
