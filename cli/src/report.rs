//! What the audit found, as the JSON format prints it. The schema is
//! documented in the guide's audit chapter; `version` changes when a field's meaning does.

use std::collections::HashMap;

use ephemeral_fs_core::lints::{Level, Lint};
use serde::Serialize;

use crate::args::FailOn;
use crate::baseline::Applied;
use crate::guard::Unguarded;
use crate::source::SourceText;

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
    /// With `--baseline`: how many findings it left out, and its entries
    /// that match none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Applied>,
    /// The text of each file with findings or a parse error, by name, for
    /// the snippets of the human format and the SARIF fingerprints.
    #[serde(skip)]
    pub sources: HashMap<String, SourceText>,
    /// The request path's functions that no attribute covers: what `--fix`
    /// annotates.
    #[serde(skip)]
    pub unguarded: Vec<Unguarded>,
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
    /// `module::Type::function`, within the file; empty for a
    /// Dockerfile's `VOLUME`.
    pub function: String,
    /// `std::fs::write`, `.persist()`, `VOLUME /var/uploads`.
    pub operation: String,
    pub message: String,
    pub suggestion: String,
    /// The reason an `#[ephemeral_fs::allow]` gives; `null` for violations.
    pub reason: Option<String>,
    /// The attribute's documented limit that lets this shape through, for
    /// a finding only the audit makes (`setter_of_yours`, ..); `null`
    /// otherwise.
    pub limit: Option<&'static str>,
    /// How a request reaches it: a shortest chain of calls from a handler,
    /// the handler first and the finding's function last, each with the
    /// line that leads on (the last, the finding's). Empty outside the
    /// request path and the handlers scope.
    pub via: Vec<ViaStep>,
    /// The `VOLUME` of a Dockerfile that the path the finding writes or
    /// reads lies on, as far as its literal start tells; `null` otherwise.
    pub volume: Option<OnVolume>,
    /// 16 hex digits that survive edits elsewhere in the file, lines
    /// moving included: SARIF's fingerprint, and what baselines match.
    pub fingerprint: String,
    /// The human format's label on the span, and its note.
    #[serde(skip)]
    pub label: &'static str,
    #[serde(skip)]
    pub note: &'static str,
    /// An `#[ephemeral_fs]` covers its function.
    #[serde(skip)]
    pub annotated: bool,
}

#[derive(Clone, Serialize, PartialEq, Eq, Debug)]
pub struct ViaStep {
    pub function: String,
    pub file: String,
    pub line: usize,
}

/// A path of a Dockerfile's `VOLUME`: the file and the line.
#[derive(Clone, Serialize, PartialEq, Eq, Debug)]
pub struct OnVolume {
    pub path: String,
    pub file: String,
    pub line: usize,
}

impl OnVolume {
    /// "`/var/uploads` is a `VOLUME` in Dockerfile:3: each replica gets
    /// its own volume, ...".
    pub fn note(&self) -> String {
        format!(
            "`{}` is a `VOLUME` in {}:{}: {}",
            self.path,
            self.file,
            self.line,
            Lint::LocalVolume.note()
        )
    }
}

/// Lines and columns count from 1; columns count characters, and the end
/// is exclusive.
#[derive(Clone, Copy, Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct Span {
    pub start: Position,
    pub end: Position,
}

impl Span {
    /// A parsed span, with columns counted from 1 as rustc counts them.
    pub fn of(span: proc_macro2::Span) -> Span {
        let (start, end) = (span.start(), span.end());
        Span {
            start: Position {
                line: start.line,
                column: start.column + 1,
            },
            end: Position {
                line: end.line,
                column: end.column + 1,
            },
        }
    }
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
    /// Rust files audited; Dockerfiles are not counted.
    pub files: usize,
    /// Functions audited: those the scope selects.
    pub functions: usize,
    /// Handlers recognised, and functions on the request path (handlers
    /// included); 0 in the `annotated` and `all` scopes, which do not
    /// follow calls.
    pub handlers: usize,
    pub reached: usize,
    /// Of `reached`, how many only a method call matched by name reaches.
    pub reached_by_method_names: usize,
    /// Functions of test code left out (without `--include-tests`).
    pub left_out: usize,
    /// Of the request path's functions in the audited packages (handlers
    /// alone under `--scope handlers`; `const fn`s left out), how many an
    /// `#[ephemeral_fs]` covers, and how many there are. Absent in the
    /// `annotated` and `all` scopes, which do not build the request path.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub guarded: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub guardable: Option<usize>,
    /// Violations and exceptions.
    pub findings: usize,
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
        Summary {
            findings: findings.len(),
            ..Summary::counts(findings, files, functions)
        }
    }

    /// Counts `findings` again, keeping what the audit counted of the
    /// code (files, functions, the request path, coverage).
    pub fn recount(&mut self, findings: &[Finding]) {
        let counted = Summary::of(findings, self.files, self.functions);
        self.findings = counted.findings;
        self.deny = counted.deny;
        self.warn = counted.warn;
        self.exceptions = counted.exceptions;
        self.lints = counted.lints;
    }

    fn counts(findings: &[Finding], files: usize, functions: usize) -> Summary {
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
            ..Summary::default()
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

    pub fn source(&self, file: &str) -> Option<&SourceText> {
        self.sources.get(file)
    }
}

fn lint_name<S: serde::Serializer>(lint: &Lint, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(lint.name())
}

fn level_name<S: serde::Serializer>(level: &Level, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(level.name())
}
