//! Reads, parses and audits every file, in parallel.

use std::collections::HashSet;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use ephemeral_fs_audit::{AuditScope, Options, audit_file, may_have_findings, routed_names};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use crate::args::Request;
use crate::report::{Finding, ParseError, Position, Report, Span, Summary};
use crate::workspace::{self, Package};

/// Below this many files the audit is over before a bar would be read.
const PROGRESS_FROM: usize = 200;

struct Source {
    package: usize,
    path: PathBuf,
    /// As reports name it.
    name: String,
}

/// What one file gave.
enum Outcome {
    Audited {
        findings: Vec<Finding>,
        functions: usize,
        text: String,
    },
    Unparseable(ParseError, String),
    Unreadable(String),
}

pub fn audit(packages: &[Package], request: &Request) -> Result<Report, String> {
    let cwd =
        std::env::current_dir().map_err(|e| format!("cannot read the current directory: {e}"))?;
    let mut io_errors = Vec::new();
    let mut seen = HashSet::new();
    let mut sources = Vec::new();
    for (index, package) in packages.iter().enumerate() {
        for file in workspace::rust_files(&package.root) {
            match file {
                Ok(path) if seen.insert(path.clone()) => sources.push(Source {
                    package: index,
                    name: display_name(&path, &cwd),
                    path,
                }),
                Ok(_) => {}
                Err(error) => io_errors.push(error),
            }
        }
    }
    sources.sort_by(|a, b| a.name.cmp(&b.name));
    let texts: Vec<Result<String, String>> = sources
        .par_iter()
        .map(|source| {
            std::fs::read_to_string(&source.path)
                .map_err(|e| format!("cannot read `{}`: {e}", source.name))
        })
        .collect();

    let routed = match request.scope {
        AuditScope::Handlers => routed_in(&texts),
        _ => HashSet::new(),
    };
    let options: Vec<Options> = packages
        .iter()
        .map(|package| Options {
            scope: request.scope,
            levels: package.levels,
            routed: routed.clone(),
        })
        .collect();

    let progress = progress_bar(sources.len());
    let outcomes: Vec<Outcome> = sources
        .par_iter()
        .zip(texts)
        .map(|(source, text)| {
            let outcome = match text {
                Ok(text) => audit_source(source, text, &options[source.package], packages),
                Err(error) => Outcome::Unreadable(error),
            };
            progress.inc(1);
            outcome
        })
        .collect();
    progress.finish_and_clear();

    let mut report = Report {
        version: crate::report::SCHEMA_VERSION,
        scope: request.scope.name(),
        findings: Vec::new(),
        parse_errors: Vec::new(),
        summary: Summary::default(),
        io_errors,
        sources: Vec::new(),
    };
    let mut functions = 0;
    for (source, outcome) in sources.iter().zip(outcomes) {
        match outcome {
            Outcome::Audited {
                findings,
                functions: count,
                text,
            } => {
                functions += count;
                if !findings.is_empty() {
                    report.sources.push((source.name.clone(), text));
                }
                report.findings.extend(findings);
            }
            Outcome::Unparseable(error, text) => {
                report.sources.push((source.name.clone(), text));
                report.parse_errors.push(error);
            }
            Outcome::Unreadable(error) => report.io_errors.push(error),
        }
    }
    // Files are in name order already; within one, by position.
    report
        .findings
        .sort_by(|a, b| (&a.file, a.span, a.lint).cmp(&(&b.file, b.span, b.lint)));
    let audited = sources.len() - report.parse_errors.len() - report.io_errors.len();
    report.summary = Summary::of(&report.findings, audited, functions);
    Ok(report)
}

fn audit_source(source: &Source, text: String, options: &Options, packages: &[Package]) -> Outcome {
    // Most files of a large tree name no filesystem operation at all;
    // reading their words is far cheaper than parsing them.
    if !may_have_findings(&text) {
        return Outcome::Audited {
            findings: Vec::new(),
            functions: 0,
            text,
        };
    }
    let outcome = match syn::parse_file(&text) {
        Ok(file) => {
            let audit = audit_file(&file, options);
            let findings = audit
                .findings
                .into_iter()
                .map(|finding| {
                    let (start, end) = (finding.span.start(), finding.span.end());
                    Finding {
                        message: finding.message(),
                        suggestion: finding.suggestion().to_owned(),
                        label: finding.label(),
                        note: finding.note(),
                        lint: finding.lint,
                        level: finding.level,
                        package: packages[source.package].name.clone(),
                        file: source.name.clone(),
                        span: Span {
                            start: Position {
                                line: start.line,
                                column: start.column + 1,
                            },
                            end: Position {
                                line: end.line,
                                column: end.column + 1,
                            },
                        },
                        function: finding.function,
                        operation: finding.operation,
                        reason: finding.reason,
                    }
                })
                .collect();
            Outcome::Audited {
                findings,
                functions: audit.functions,
                text,
            }
        }
        Err(error) => {
            let start = error.span().start();
            let error = ParseError {
                file: source.name.clone(),
                line: start.line,
                column: start.column + 1,
                message: parse_message(&error),
            };
            Outcome::Unparseable(error, text)
        }
    };
    // Every span of the file has become a line and a column; the parser's
    // map of this thread's source text can go, or it would grow with every
    // file the thread parses.
    proc_macro2::extra::invalidate_current_thread_spans();
    outcome
}

/// syn's message, except for tokens that do not even lex, where proc-macro2
/// says only "cannot parse string into token stream".
fn parse_message(error: &syn::Error) -> String {
    let message = error.to_string();
    if message == "cannot parse string into token stream" {
        return "the file does not lex: a delimiter, string or comment is not closed".to_owned();
    }
    message
}

/// The names of the functions any file passes to axum's routing. Only files
/// that mention routing are parsed for them.
fn routed_in(texts: &[Result<String, String>]) -> HashSet<String> {
    texts
        .par_iter()
        .filter_map(|text| text.as_ref().ok())
        .filter(|text| text.contains("rout"))
        .map(|text| {
            let names = syn::parse_file(text)
                .map(|file| routed_names(&file))
                .unwrap_or_default();
            proc_macro2::extra::invalidate_current_thread_spans();
            names
        })
        .reduce(HashSet::new, |mut all, names| {
            all.extend(names);
            all
        })
}

/// On a terminal, for trees large enough to wait for; hidden otherwise, so
/// that logs and pipes get only the report.
fn progress_bar(files: usize) -> ProgressBar {
    if files < PROGRESS_FROM || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(files as u64), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{prefix} [{bar:30}] {pos}/{len} files") {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_prefix("auditing");
    bar
}

/// Relative to the current directory when below it, with `/` separators,
/// as rustc and code-scanning dashboards name files.
fn display_name(path: &Path, cwd: &Path) -> String {
    let Ok(shown) = path.strip_prefix(cwd) else {
        return path.display().to_string();
    };
    shown
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}
