//! Reads, parses and audits every file, in parallel.

use std::collections::{HashMap, HashSet};
use std::io::IsTerminal;
use std::path::PathBuf;

use ephemeral_fs_audit::frameworks::Rows;
use ephemeral_fs_audit::packages::{self, Package};
use ephemeral_fs_audit::{
    AuditScope, CrateRoot, FileReport, FileSummary, Options, PackageInput,
    Position as NamePosition, RequestPath, audit_parsed_file, may_have_findings, request_path,
    summarize,
};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use ephemeral_fs_core::lints::Level;

use crate::args::{Fix, Request};
use crate::files::{declared_files, display_name};
use crate::guard::{self, PathFile};
use crate::report::{Finding, ParseError, Report, Span, Summary, ViaStep};
use crate::source::SourceText;

/// The stack of each thread that parses and audits: syn's parser, its
/// visitors and the analysis recurse once per level of an expression, and a
/// router built as one chain of a few hundred `.service(..)` calls is deeper
/// than the 2 MiB threads get by default. Untouched pages cost nothing.
const STACK_SIZE: usize = 64 << 20;

/// Below this many files the audit is over before a bar would be read.
const PROGRESS_FROM: usize = 200;

struct Source {
    package: usize,
    path: PathBuf,
    /// As reports name it.
    name: String,
    /// A test, bench, example or build script, or in their directories.
    test_code: bool,
}

/// What one file gave.
enum Outcome {
    Audited {
        /// Every finding of the file, for the scope to select from.
        findings: Vec<(Finding, NamePosition)>,
        /// What the call graph needs; `None` when the file was not parsed.
        summary: Option<FileSummary>,
        /// Functions left out as test code.
        left_out: usize,
        text: String,
    },
    Unparseable(ParseError, String),
    Unreadable(String),
}

pub fn audit(packages: &[Package], request: &Request) -> Result<Report, String> {
    rayon::ThreadPoolBuilder::new()
        .stack_size(STACK_SIZE)
        .build()
        .map_err(|e| format!("cannot start the audit's threads: {e}"))?
        .install(|| audit_in_pool(packages, request))
}

fn audit_in_pool(packages: &[Package], request: &Request) -> Result<Report, String> {
    let cwd =
        std::env::current_dir().map_err(|e| format!("cannot read the current directory: {e}"))?;
    let mut io_errors = Vec::new();
    let mut seen = HashSet::new();
    let mut sources = Vec::new();
    let follows_calls = matches!(
        request.scope,
        AuditScope::RequestPath | AuditScope::Handlers
    );
    for (index, package) in packages.iter().enumerate() {
        // A path dependency is read only to follow calls into it.
        if package.reached_only && !follows_calls {
            continue;
        }
        for file in packages::rust_files(&package.root) {
            match file {
                Ok(path) if seen.insert(path.clone()) => sources.push(Source {
                    package: index,
                    name: display_name(&path, &cwd),
                    test_code: package.is_test_code(&path),
                    path,
                }),
                Ok(_) => {}
                Err(error) => io_errors.push(error),
            }
        }
    }
    sources.sort_by(|a, b| a.name.cmp(&b.name));

    let options: Vec<Options> = packages
        .iter()
        .map(|package| Options {
            // Every function is audited; the scope selects findings once
            // the request path is known.
            scope: AuditScope::All,
            levels: if request.fix == Fix::No {
                package.levels
            } else {
                guard::levels_for_fix(package.levels)
            },
            include_tests: request.include_tests,
        })
        .collect();

    let progress = progress_bar(sources.len());
    let process = |sources: &[Source]| -> Vec<(Outcome, Vec<PathBuf>)> {
        sources
            .par_iter()
            .map(|source| {
                let outcome = match std::fs::read_to_string(&source.path) {
                    Ok(text) => {
                        let declared = declared_files(&source.path, &text);
                        let package = &packages[source.package];
                        let options = &options[source.package];
                        let outcome = audit_source(
                            source,
                            &package.name,
                            text,
                            options,
                            request,
                            follows_calls,
                        );
                        (outcome, declared)
                    }
                    Err(e) => (
                        Outcome::Unreadable(format!("cannot read `{}`: {e}", source.name)),
                        Vec::new(),
                    ),
                };
                progress.inc(1);
                outcome
            })
            .collect()
    };
    let mut outcomes = Vec::new();
    let mut batch = sources;
    let mut sources = Vec::new();
    // A file the crate declares with `mod` is the crate's even where a
    // `.gitignore` rule hides it (`db/` also matches `src/db/`).
    while !batch.is_empty() {
        let mut next = Vec::new();
        for (source, (outcome, declared)) in batch.iter().zip(process(&batch)) {
            outcomes.push(outcome);
            let package = source.package;
            for path in declared {
                if path.is_file() && seen.insert(path.clone()) {
                    next.push(Source {
                        package,
                        name: display_name(&path, &cwd),
                        test_code: packages[package].is_test_code(&path),
                        path,
                    });
                }
            }
        }
        sources.append(&mut batch);
        batch = next;
    }
    progress.finish_and_clear();

    let mut report = Report {
        version: crate::report::SCHEMA_VERSION,
        scope: request.scope.name(),
        findings: Vec::new(),
        parse_errors: Vec::new(),
        summary: Summary::default(),
        io_errors,
        baseline: None,
        sources: HashMap::new(),
        unguarded: Vec::new(),
    };
    let mut summaries: Vec<(PathBuf, FileSummary)> = Vec::new();
    // Per summary: its source.
    let mut summary_source: Vec<usize> = Vec::new();
    // Per source: its index among `summaries`.
    let mut summary_of: Vec<Option<usize>> = vec![None; sources.len()];
    let mut candidates: Vec<(usize, Finding, NamePosition)> = Vec::new();
    let mut texts: Vec<Option<String>> = Vec::new();
    let mut left_out = 0;
    for (index, (source, outcome)) in sources.iter().zip(outcomes).enumerate() {
        texts.push(None);
        match outcome {
            Outcome::Audited {
                findings,
                summary,
                left_out: count,
                text,
            } => {
                left_out += count;
                if let Some(summary) = summary {
                    summary_of[index] = Some(summaries.len());
                    summaries.push((source.path.clone(), summary));
                    summary_source.push(index);
                }
                // Kept for the snippets of this file's findings, the
                // coverage lint's included.
                texts[index] = Some(text);
                candidates.extend(findings.into_iter().map(|(f, at)| (index, f, at)));
            }
            Outcome::Unparseable(error, text) => {
                report
                    .sources
                    .insert(source.name.clone(), SourceText::new(text));
                report.parse_errors.push(error);
            }
            Outcome::Unreadable(error) => report.io_errors.push(error),
        }
    }

    let path = follows_calls.then(|| request_path(&graph_packages(packages), &summaries));
    let file_names: Vec<&str> = summary_source
        .iter()
        .map(|&index| sources[index].name.as_str())
        .collect();
    let coverage = path.as_ref().map(|path| {
        let files: Vec<PathFile> = summary_source
            .iter()
            .map(|&index| PathFile {
                package: sources[index].package,
                path: &sources[index].path,
                name: &sources[index].name,
                audited: !packages[sources[index].package].reached_only,
            })
            .collect();
        let violations: HashSet<(usize, NamePosition)> = candidates
            .iter()
            .filter(|(_, finding, _)| finding.level != Level::Allow)
            .filter_map(|(index, _, at)| summary_of[*index].map(|file| (file, *at)))
            .collect();
        let handlers_only = request.scope == AuditScope::Handlers;
        guard::coverage(path, &files, handlers_only, &violations)
    });
    if let Some(coverage) = &coverage {
        let by_name: HashMap<&str, usize> = sources
            .iter()
            .enumerate()
            .map(|(index, source)| (source.name.as_str(), index))
            .collect();
        for finding in guard::findings(coverage, packages) {
            if let Some(&index) = by_name.get(finding.file.as_str()) {
                if let Some(text) = texts[index].take() {
                    report
                        .sources
                        .insert(sources[index].name.clone(), SourceText::new(text));
                }
            }
            report.findings.push(finding);
        }
    }
    for (index, mut finding, at) in candidates {
        let reached = summary_of[index]
            .zip(path.as_ref())
            .and_then(|(file, path)| path.get(file, at));
        let selected = match request.scope {
            AuditScope::All => !packages[sources[index].package].reached_only,
            AuditScope::Annotated => finding.annotated,
            AuditScope::Handlers => finding.annotated || reached.is_some_and(|r| r.handler),
            AuditScope::RequestPath => finding.annotated || reached.is_some(),
        };
        if !selected {
            continue;
        }
        if let Some(reached) = reached.filter(|_| request.scope == AuditScope::RequestPath) {
            finding.via = reached
                .chain
                .iter()
                .map(|step| ViaStep {
                    function: step.function.clone(),
                    file: file_names[step.file].to_owned(),
                    line: step.line,
                })
                .collect();
            if let Some(last) = finding.via.last_mut() {
                last.line = finding.span.start.line;
            }
        }
        if let Some(text) = texts[index].take() {
            report
                .sources
                .insert(sources[index].name.clone(), SourceText::new(text));
        }
        report.findings.push(finding);
    }
    // Files are in name order already; within one, by position.
    report
        .findings
        .sort_by(|a, b| (&a.file, a.span, a.lint).cmp(&(&b.file, b.span, b.lint)));
    // The images' volumes follow the code's findings, and note them.
    crate::volumes::apply(&mut report, packages, request, &cwd);
    let audited = sources.len() - report.parse_errors.len() - report.io_errors.len();
    let functions = match (&path, request.scope) {
        (Some(path), AuditScope::RequestPath) => {
            path.functions.len() + annotated_off_path(&summaries, path)
        }
        (Some(path), _) => {
            path.functions.iter().filter(|f| f.handler).count()
                + annotated_off_path(&summaries, path)
        }
        (None, AuditScope::Annotated) => summaries
            .iter()
            .map(|(_, s)| s.functions().filter(|f| f.annotated).count())
            .sum(),
        (None, _) => summaries.iter().map(|(_, s)| s.functions().count()).sum(),
    };
    report.summary = Summary::of(&report.findings, audited, functions);
    report.summary.left_out = left_out;
    if let Some(path) = &path {
        report.summary.handlers = path.handlers;
        report.summary.reached = path.functions.len();
        report.summary.reached_by_method_names = path.added_by_method_names;
    }
    if let Some(coverage) = coverage {
        report.summary.guarded = Some(coverage.guarded);
        report.summary.guardable = Some(coverage.guardable);
        report.unguarded = coverage.unguarded;
    }
    crate::fingerprint::assign(&mut report);
    Ok(report)
}

/// Annotated functions the request path does not reach: audited all the
/// same.
fn annotated_off_path(summaries: &[(PathBuf, FileSummary)], path: &RequestPath) -> usize {
    summaries
        .iter()
        .enumerate()
        .map(|(file, (_, summary))| {
            summary
                .functions()
                .filter(|f| f.annotated && path.get(file, f.at).is_none())
                .count()
        })
        .sum()
}

/// The packages as the call graph takes them.
fn graph_packages(packages: &[Package]) -> Vec<PackageInput> {
    packages
        .iter()
        .map(|package| PackageInput {
            name: package.name.clone(),
            crates: package
                .crates
                .iter()
                .map(|(name, root, is_lib)| CrateRoot {
                    name: name.clone(),
                    root: root.clone(),
                    is_lib: *is_lib,
                })
                .collect(),
            dependencies: package
                .dependencies
                .iter()
                .map(|(name, _, path)| {
                    let in_graph = path
                        .as_ref()
                        .and_then(|path| packages.iter().position(|p| &p.root == path));
                    // A path dependency is known by its library's name.
                    let name = in_graph
                        .and_then(|p| packages[p].crates.iter().find(|c| c.2))
                        .map_or_else(|| name.clone(), |lib| lib.0.clone());
                    (name, in_graph)
                })
                .collect(),
            frameworks: Rows::for_dependencies(
                package
                    .dependencies
                    .iter()
                    .map(|(_, name, _)| name.as_str()),
            ),
            audited: !package.reached_only,
        })
        .collect()
}

fn audit_source(
    source: &Source,
    package: &str,
    text: String,
    options: &Options,
    request: &Request,
    follows_calls: bool,
) -> Outcome {
    // Test code is not parsed: its functions are counted by their `fn`
    // keyword, which is all the summary says of them.
    if source.test_code && !request.include_tests {
        let left_out = text
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .filter(|word| *word == "fn")
            .count();
        return Outcome::Audited {
            findings: Vec::new(),
            summary: None,
            left_out,
            text,
        };
    }
    // Most files of a large tree name no filesystem operation at all;
    // reading their words is far cheaper than parsing them. The request
    // path needs every file's calls.
    let may_find = may_have_findings(&text);
    if !may_find && !follows_calls {
        return Outcome::Audited {
            findings: Vec::new(),
            summary: None,
            left_out: 0,
            text,
        };
    }
    let outcome = match syn::parse_file(&text) {
        Ok(mut file) => {
            let summary = summarize(&file, request.include_tests);
            let audit = if may_find {
                audit_parsed_file(&mut file, options)
            } else {
                FileReport::default()
            };
            let findings = audit
                .findings
                .into_iter()
                .map(|finding| {
                    let at = finding.function_at;
                    let finding = Finding {
                        message: finding.message(),
                        suggestion: finding.suggestion().to_owned(),
                        label: finding.label(),
                        note: finding.note(),
                        lint: finding.lint,
                        level: finding.level,
                        package: package.to_owned(),
                        file: source.name.clone(),
                        span: Span::of(finding.span),
                        function: finding.function,
                        operation: finding.operation,
                        reason: finding.reason,
                        limit: finding.limit.map(|limit| limit.name()),
                        annotated: finding.annotated,
                        via: Vec::new(),
                        volume: None,
                        // Given once all findings are in order.
                        fingerprint: String::new(),
                    };
                    (finding, at)
                })
                .collect();
            Outcome::Audited {
                findings,
                left_out: summary.left_out,
                summary: Some(summary),
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
