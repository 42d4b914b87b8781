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
pub mod dockerfile;
pub mod frameworks;
pub mod graph;
pub mod limits;
pub mod modules;
pub mod packages;
pub mod summary;
mod uploads;
mod walk;

use proc_macro2::Span;

use ephemeral_fs_core::lints::{Level, Levels, Lint};

pub use graph::{CrateRoot, PackageInput, Reached, RequestPath, Step, request_path};
pub use summary::{FileSummary, FnKind, ItemSpan, Position, summarize};

/// Which functions are audited.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AuditScope {
    /// Items that carry `#[ephemeral_fs]`, and what is inside them.
    Annotated,
    /// Annotated items, and functions recognised as web handlers.
    Handlers,
    /// Annotated items, handlers, and every function of the crate (or of a
    /// workspace member or path dependency) a handler reaches: the default.
    RequestPath,
    /// Every function.
    All,
}

impl AuditScope {
    pub const ALL: [AuditScope; 4] = [
        AuditScope::Annotated,
        AuditScope::RequestPath,
        AuditScope::Handlers,
        AuditScope::All,
    ];

    pub fn name(self) -> &'static str {
        match self {
            AuditScope::Annotated => "annotated",
            AuditScope::Handlers => "handlers",
            AuditScope::RequestPath => "request-path",
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
    /// Audit `#[cfg(test)]` modules and `#[test]` functions too.
    pub include_tests: bool,
}

impl Options {
    pub fn new(scope: AuditScope, levels: Levels) -> Self {
        Options {
            scope,
            levels,
            include_tests: false,
        }
    }
}

/// What the audit found in one file.
#[derive(Debug, Default)]
pub struct FileReport {
    /// Violations at `warn` or `deny`, and the exceptions an
    /// `#[ephemeral_fs::allow]` made, in source order.
    pub findings: Vec<FileFinding>,
    /// How many functions were audited.
    pub functions: usize,
    /// How many functions of test code were left out.
    pub left_out: usize,
}

/// One place that persists data, or an exception that allows it.
#[derive(Clone, Debug)]
pub struct FileFinding {
    pub lint: Lint,
    /// `Allow` only for an exception, which then has a `reason`.
    pub level: Level,
    /// The path argument, the escaping method or the function used as a value.
    pub span: Span,
    /// The function it is in, with the impl's type or the trait and the
    /// inline modules of the file: `handlers::Uploads::save`.
    pub function: String,
    /// Where the function's name is: what identifies it in its file, as
    /// `Reached::at` does.
    pub function_at: Position,
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
    /// A shape the attribute lets through, reported by the audit alone.
    pub limit: Option<limits::Limit>,
}

impl FileFinding {
    /// One line, as a diagnostic's title.
    pub fn message(&self) -> String {
        if let Some(limit) = self.limit {
            return limit.message(&self.operation);
        }
        let value_message = self
            .as_value
            .then(|| self.lint.value_message(&self.operation))
            .flatten();
        value_message.unwrap_or_else(|| self.lint.message(&self.operation))
    }

    /// A short label for the span.
    pub fn label(&self) -> &'static str {
        if let Some(limit) = self.limit {
            limit.label()
        } else if self.as_value {
            "used as a value"
        } else {
            self.lint.label()
        }
    }

    /// Why it matters.
    pub fn note(&self) -> &'static str {
        self.limit.map_or(self.lint.note(), limits::Limit::note)
    }

    /// What to do instead.
    pub fn suggestion(&self) -> &'static str {
        self.limit
            .map_or(self.lint.suggestion(), limits::Limit::suggestion)
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
/// `AuditScope::RequestPath` and `AuditScope::Handlers` take the file as a
/// crate of its own: its handlers, and what they reach in it.
pub fn audit_file(file: &syn::File, options: &Options) -> FileReport {
    audit_parsed_file(&mut file.clone(), options)
}

/// `audit_file` for a file parsed for the audit alone: the walk takes it
/// as the macro's rewriter takes code, by `&mut`, and changes nothing.
pub fn audit_parsed_file(file: &mut syn::File, options: &Options) -> FileReport {
    if matches!(options.scope, AuditScope::Annotated | AuditScope::All) {
        return walk::Walker::new(options, None).file(file);
    }
    let root = std::path::PathBuf::from("lib.rs");
    let files = vec![(root.clone(), summarize(file, options.include_tests))];
    let package = PackageInput {
        name: "file".to_owned(),
        crates: vec![CrateRoot {
            name: "file".to_owned(),
            root,
            is_lib: true,
        }],
        dependencies: Vec::new(),
        frameworks: frameworks::Rows::ALL,
        audited: true,
    };
    let path = request_path(&[package], &files);
    let selected = path
        .functions
        .iter()
        .filter(|f| f.handler || options.scope == AuditScope::RequestPath)
        .map(|f| f.at)
        .collect();
    walk::Walker::new(options, Some(&selected)).file(file)
}
