//! rustc-style diagnostics, rendered by annotate-snippets as rustc renders
//! its own, then the exceptions with their reasons and a summary by lint.

use std::fmt::Write;
use std::io::IsTerminal;

use annotate_snippets::{AnnotationKind, Group, Level as Severity, Renderer, Snippet};
use ephemeral_fs_core::lints::{Level, Lint};

use crate::report::{Finding, Position, Report};
use crate::source::Excerpt;

pub fn render(report: &Report) -> String {
    let renderer = if std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none() {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for error in &report.parse_errors {
        let title = Severity::ERROR.primary_title(format!(
            "could not parse `{}`; the other files were audited",
            error.file
        ));
        let group = match report.source(&error.file) {
            Some(source) => {
                let at = source.offset(Position {
                    line: error.line,
                    column: error.column,
                });
                title.element(
                    Snippet::source(source.text())
                        .path(error.file.as_str())
                        .annotation(
                            AnnotationKind::Primary
                                .span(at..at)
                                .label(error.message.as_str()),
                        ),
                )
            }
            None => title.element(Severity::NOTE.message(format!(
                "{}:{}:{}: {}",
                error.file, error.line, error.column, error.message
            ))),
        };
        writeln!(out, "{}\n", renderer.render(&[group])).ok();
    }
    for error in &report.io_errors {
        writeln!(
            out,
            "{}\n",
            renderer.render(&[Group::with_title(
                Severity::ERROR.primary_title(error.as_str())
            )])
        )
        .ok();
    }
    for finding in report.findings.iter().filter(|f| f.level != Level::Allow) {
        let Some(source) = report.source(&finding.file) else {
            continue;
        };
        let excerpt = source.excerpt(finding.span);
        let mut rendered = renderer.render(&[diagnostic(finding, &excerpt)]);
        if let Some((shown, column)) = excerpt.shifted_column {
            // The renderer counts the column from the start of the excerpt;
            // the file's column is further right.
            let line = excerpt.first_line;
            let file = &finding.file;
            rendered = rendered.replacen(
                &format!("{file}:{line}:{shown}"),
                &format!("{file}:{line}:{column}"),
                1,
            );
        }
        writeln!(out, "{rendered}\n").ok();
    }
    exceptions(report, &mut out);
    summary(report, &mut out);
    baseline(report, &mut out);
    out
}

/// How many findings the baseline left out, and its entries that match
/// none, so that the file can be pruned.
fn baseline(report: &Report, out: &mut String) {
    let Some(applied) = &report.baseline else {
        return;
    };
    writeln!(
        out,
        "{} in the baseline `{}` not shown",
        plural(applied.known, "finding"),
        applied.file
    )
    .ok();
    if let Some(line) = crate::baseline::stale_line(applied) {
        writeln!(out, "{line}:").ok();
        for entry in &applied.stale {
            writeln!(
                out,
                "  {}: `{}` in `{}` ({}), fingerprint {}",
                entry.file, entry.operation, entry.function, entry.lint, entry.fingerprint
            )
            .ok();
        }
    }
}

fn diagnostic<'a>(finding: &'a Finding, excerpt: &'a Excerpt<'a>) -> Group<'a> {
    let severity = match finding.level {
        Level::Deny => Severity::ERROR,
        _ => Severity::WARNING,
    };
    let group = severity
        .primary_title(finding.message.as_str())
        .id(finding.lint.name())
        .element(
            Snippet::source(excerpt.text.as_ref())
                .line_start(excerpt.first_line)
                .path(finding.file.as_str())
                .fold(true)
                .annotation(
                    AnnotationKind::Primary
                        .span(excerpt.span.clone())
                        .label(finding.label),
                ),
        );
    // A Dockerfile's finding is in no function.
    let group = match finding.function.as_str() {
        "" => group,
        function => group.element(Severity::NOTE.message(format!("in `{function}`"))),
    };
    let group = match via(finding) {
        Some(chain) => group.element(Severity::NOTE.message(chain)),
        None => group,
    };
    let group = match &finding.volume {
        Some(volume) => group.element(Severity::NOTE.message(volume.note())),
        None => group,
    };
    group
        .element(Severity::NOTE.message(finding.note))
        .element(Severity::HELP.message(finding.suggestion.as_str()))
}

/// "reached from a handler: `upload` (src/main.rs:20) → `util::save`
/// (src/util.rs:8) → `std::fs::write`", for a finding below a handler.
fn via(finding: &Finding) -> Option<String> {
    if finding.via.len() < 2 {
        return None;
    }
    let steps: Vec<String> = finding
        .via
        .iter()
        .map(|step| format!("`{}` ({}:{})", step.function, step.file, step.line))
        .collect();
    let mut chain = format!("reached from a handler: {}", steps.join(" → "));
    // An operation's finding ends at the operation; the coverage lint's is
    // about the last function itself.
    if finding.lint != Lint::UnguardedRequestPath {
        write!(chain, " → `{}`", finding.operation).ok();
    }
    Some(chain)
}

fn exceptions(report: &Report, out: &mut String) {
    let allowed: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| f.level == Level::Allow)
        .collect();
    if allowed.is_empty() {
        return;
    }
    writeln!(out, "exceptions allowed with `#[ephemeral_fs::allow]`:").ok();
    for finding in allowed {
        writeln!(
            out,
            "  {}:{}:{}: `{}` in `{}` ({}): {}",
            finding.file,
            finding.span.start.line,
            finding.span.start.column,
            finding.operation,
            finding.function,
            finding.lint,
            finding.reason.as_deref().unwrap_or_default()
        )
        .ok();
    }
    out.push('\n');
}

fn summary(report: &Report, out: &mut String) {
    let summary = &report.summary;
    writeln!(
        out,
        "audited {} in {} (scope: {}): {}, {}, {}",
        plural(summary.functions, "function"),
        plural(summary.files, "file"),
        report.scope,
        plural(summary.deny, "error"),
        plural(summary.warn, "warning"),
        plural(summary.exceptions, "exception"),
    )
    .ok();
    if summary.handlers > 0 || summary.reached > 0 {
        let by_name = match summary.reached_by_method_names {
            0 => String::new(),
            n => format!(", {n} only through a method call matched by name"),
        };
        writeln!(
            out,
            "  request path: {}, and {} they reach{by_name}",
            plural(summary.handlers, "handler"),
            plural(
                summary.reached - summary.handlers.min(summary.reached),
                "function"
            ),
        )
        .ok();
    }
    if let (Some(guarded), Some(guardable)) = (summary.guarded, summary.guardable) {
        let verb = if guarded == 1 { "is" } else { "are" };
        writeln!(
            out,
            "  coverage: {guarded} of {} {verb} guarded by the attribute",
            plural(guardable, "request-path function"),
        )
        .ok();
    }
    if summary.left_out > 0 {
        writeln!(
            out,
            "  left out: {} of test code (`--include-tests` audits them)",
            plural(summary.left_out, "function"),
        )
        .ok();
    }
    let width = Lint::ALL.iter().map(|l| l.name().len()).max().unwrap_or(0);
    for count in &summary.lints {
        writeln!(
            out,
            "  {:width$}  {:>3} deny  {:>3} warn  {:>3} allowed",
            count.lint.name(),
            count.deny,
            count.warn,
            count.exceptions,
        )
        .ok();
    }
    if !report.parse_errors.is_empty() {
        writeln!(
            out,
            "  {} could not be parsed",
            plural(report.parse_errors.len(), "file")
        )
        .ok();
    }
}

fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}
