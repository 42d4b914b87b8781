//! The audit: the attribute's analysis over whole files, for
//! `cargo ephemeral-fs`.
//!
//! It runs the same `Rewriter` the attribute runs, over the functions the
//! scope selects, with the `use` items of the file and of every enclosing
//! module in sight: an annotated handler that calls `write(..)` after a
//! file-level `use std::fs::write;` is reported here, where the attribute,
//! which sees only its item, cannot see the import. Where the attribute asks
//! the compiler whether a value is a temp handle, the audit asks
//! `approx::Locals`.

pub mod approx;
mod handlers;
mod walk;

use std::collections::HashSet;

use proc_macro2::Span;

use ephemeral_fs_core::lints::{Level, Levels, Lint};

pub use handlers::{is_handler_attr, routed_names};

/// Which functions are audited.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AuditScope {
    /// Items that carry `#[ephemeral_fs]`, and what is inside them.
    Annotated,
    /// Annotated items, and functions recognised as web handlers.
    Handlers,
    /// Every function.
    All,
}

impl AuditScope {
    pub const ALL: [AuditScope; 3] = [AuditScope::Annotated, AuditScope::Handlers, AuditScope::All];

    pub fn name(self) -> &'static str {
        match self {
            AuditScope::Annotated => "annotated",
            AuditScope::Handlers => "handlers",
            AuditScope::All => "all",
        }
    }
}

/// How to audit one file.
#[derive(Clone, Debug)]
pub struct Options {
    pub scope: AuditScope,
    /// The levels outside any `#[ephemeral_fs(..)]`: the attribute's
    /// defaults, as the user's configuration changed them.
    pub levels: Levels,
    /// Names of functions the crate passes to a router (`routed_names` over
    /// all its files): handlers, for `AuditScope::Handlers`.
    pub routed: HashSet<String>,
}

impl Options {
    pub fn new(scope: AuditScope, levels: Levels) -> Self {
        Options {
            scope,
            levels,
            routed: HashSet::new(),
        }
    }
}

/// What the audit found in one file.
#[derive(Debug, Default)]
pub struct FileReport {
    /// Violations at `warn` or `deny`, and the exceptions an
    /// `#[ephemeral_fs::allow]` made, in source order.
    pub findings: Vec<AuditFinding>,
    /// How many functions were audited.
    pub functions: usize,
}

/// One place that persists data, or an exception that allows it.
#[derive(Clone, Debug)]
pub struct AuditFinding {
    pub lint: Lint,
    /// `Allow` only for an exception, which then has a `reason`.
    pub level: Level,
    /// The path argument, the escaping method or the function used as a value.
    pub span: Span,
    /// The function it is in, with the impl's type or the trait and the
    /// inline modules of the file: `handlers::Uploads::save`.
    pub function: String,
    /// The operation as the user would name it: `std::fs::write`, `.persist()`.
    pub operation: String,
    /// The reason of the `#[ephemeral_fs::allow]` that allows it.
    pub reason: Option<String>,
    /// Whether the function carries `#[ephemeral_fs]`, itself or through
    /// the impl, trait or module around it.
    pub annotated: bool,
    /// A function taken as a value (`let f = std::fs::write;`): there is no
    /// argument to look at.
    pub as_value: bool,
}

impl AuditFinding {
    /// One line, as a diagnostic's title.
    pub fn message(&self) -> String {
        let operation = &self.operation;
        match self.lint {
            Lint::PersistentWrite if self.is_value() => format!(
                "`{operation}` is used as a value, and may write to any local path it is given"
            ),
            Lint::PersistentRead if self.is_value() => {
                format!("`{operation}` is used as a value, and may read any local path it is given")
            }
            Lint::PersistentWrite => {
                format!("`{operation}` writes to a local path that is not a temp file")
            }
            Lint::PersistentRead => {
                format!("`{operation}` reads a local path that is not a temp file")
            }
            Lint::TempEscape => format!("`{operation}` makes a temp file outlive the request"),
        }
    }

    /// A short label for the span.
    pub fn label(&self) -> &'static str {
        match self.lint {
            _ if self.is_value() => "used as a value",
            Lint::PersistentWrite | Lint::PersistentRead => "not a temp-file handle",
            Lint::TempEscape => "keeps the file after the request",
        }
    }

    /// Why it matters.
    pub fn note(&self) -> &'static str {
        match self.lint {
            Lint::PersistentWrite | Lint::TempEscape => {
                "a request handler's local files vanish on restart and are not shared between instances"
            }
            Lint::PersistentRead => {
                "another instance, or this one after a restart, does not have the file"
            }
        }
    }

    /// What to do instead.
    pub fn suggestion(&self) -> &'static str {
        match self.lint {
            Lint::PersistentWrite => {
                "stage the data in a `tempfile::NamedTempFile` or a `dir.child(..)` of a `tempfile::TempDir`, and keep what must last in a backing service such as object storage or a database"
            }
            Lint::PersistentRead => {
                "read what must last from a backing service, or from a temp file this request created"
            }
            Lint::TempEscape => {
                "copy the temp file's contents to a backing service such as object storage, and let the temp file be removed when it is dropped"
            }
        }
    }

    fn is_value(&self) -> bool {
        self.as_value
    }
}

/// Whether a file's text names anything the audit could report: an
/// operation or builder with its module in sight, an escape method, the
/// attribute. The same reading as the attribute's own "nothing to do"
/// check, so a file it rejects has no finding, and need not be parsed.
/// Comments and strings only make it say yes more often.
pub fn may_have_findings(text: &str) -> bool {
    ephemeral_fs_core::text_scan::may_rewrite(text)
}

/// Audits the functions of one parsed file that `options.scope` selects.
/// The walk reads the file in place and leaves it as parsed; this copies it
/// once for a caller that keeps it, where `audit_parsed_file` does not.
pub fn audit_file(file: &syn::File, options: &Options) -> FileReport {
    audit_parsed_file(&mut file.clone(), options)
}

/// `audit_file` for a file parsed for the audit alone: the walk takes it
/// as the macro's rewriter takes code, by `&mut`, and changes nothing.
pub fn audit_parsed_file(file: &mut syn::File, options: &Options) -> FileReport {
    walk::Walker::new(options).file(file)
}
