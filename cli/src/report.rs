//! What the audit found, as the JSON format prints it. The schema is
//! documented in the guide's audit chapter; `version` changes when a field's meaning does.

use ephemeral_fs_core::lints::{Level, Lint};
use serde::Serialize;

use crate::args::FailOn;

pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
pub struct Report {
    pub version: u32,
    /// `annotated`, `handlers` or `all`.
    pub scope: &'static str,
    /// Violations and exceptions, by file, then position.
    pub findings: Vec<Finding>,
    /// Files that could not be parsed; the others were audited.
    pub parse_errors: Vec<ParseError>,
    pub summary: Summary,
    /// Files or directories that could not be read; they make the exit
    /// status 2.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub io_errors: Vec<String>,
    /// Each audited file's text, for the snippets of the human format.
    #[serde(skip)]
    pub sources: Vec<(String, String)>,
}

#[derive(Serialize)]
pub struct Finding {
    #[serde(serialize_with = "lint_name")]
    pub lint: Lint,
    /// `deny`, `warn`, or `allow` for an exception (which has a `reason`).
    #[serde(serialize_with = "level_name")]
    pub level: Level,
    /// The package the file belongs to.
    pub package: String,
    /// Relative to the current directory when below it, with `/`.
    pub file: String,
    pub span: Span,
    /// `module::Type::function`, within the file.
    pub function: String,
    /// `std::fs::write`, `.persist()`.
    pub operation: String,
    pub message: String,
    pub suggestion: String,
    /// The reason an `#[ephemeral_fs::allow]` gives; `null` for violations.
    pub reason: Option<String>,
    /// The human format's label on the span, and its note.
    #[serde(skip)]
    pub label: &'static str,
    #[serde(skip)]
    pub note: &'static str,
}

/// Lines and columns count from 1; columns count characters, and the end
/// is exclusive.
#[derive(Clone, Copy, Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct Span {
    pub start: Position,
    pub end: Position,
}

#[derive(Clone, Copy, Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

#[derive(Serialize)]
pub struct ParseError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

#[derive(Serialize, Default)]
pub struct Summary {
    pub files: usize,
    pub functions: usize,
    pub deny: usize,
    pub warn: usize,
    pub exceptions: usize,
    /// Per lint, in the order of `Lint::ALL`.
    pub lints: Vec<LintCount>,
}

#[derive(Serialize)]
pub struct LintCount {
    #[serde(serialize_with = "lint_name")]
    pub lint: Lint,
    pub deny: usize,
    pub warn: usize,
    pub exceptions: usize,
}

impl Summary {
    pub fn of(findings: &[Finding], files: usize, functions: usize) -> Summary {
        let count = |lint: Option<Lint>, level: Level| {
            findings
                .iter()
                .filter(|f| f.level == level && lint.is_none_or(|lint| f.lint == lint))
                .count()
        };
        Summary {
            files,
            functions,
            deny: count(None, Level::Deny),
            warn: count(None, Level::Warn),
            exceptions: count(None, Level::Allow),
            lints: Lint::ALL
                .into_iter()
                .map(|lint| LintCount {
                    lint,
                    deny: count(Some(lint), Level::Deny),
                    warn: count(Some(lint), Level::Warn),
                    exceptions: count(Some(lint), Level::Allow),
                })
                .collect(),
        }
    }
}

impl Report {
    pub fn to_json(&self) -> String {
        let mut out = serde_json::to_string_pretty(self).expect("a report serializes");
        out.push('\n');
        out
    }

    /// Whether the exit status is 1.
    pub fn fails(&self, fail_on: FailOn) -> bool {
        self.summary.deny > 0 || (fail_on == FailOn::Warn && self.summary.warn > 0)
    }

    pub fn source(&self, file: &str) -> Option<&str> {
        self.sources
            .iter()
            .find(|(name, _)| name == file)
            .map(|(_, text)| text.as_str())
    }
}

fn lint_name<S: serde::Serializer>(lint: &Lint, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(lint.name())
}

fn level_name<S: serde::Serializer>(level: &Level, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(level.name())
}
