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
    /// The user's expression whose type the compiler decides on, as written:
    /// the path argument, the receiver of an escape method, the callee of
    /// `from_path`. The audit, which has no compiler, looks at it instead.
    pub subject: Option<TokenStream>,
    /// The reason of the `#[ephemeral_fs::allow]` that allows it, if one does.
    pub reason: Option<String>,
}
