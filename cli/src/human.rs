//! rustc-style diagnostics, rendered by annotate-snippets as rustc renders
//! its own, then the exceptions with their reasons and a summary by lint.

use std::fmt::Write;
use std::io::IsTerminal;

use annotate_snippets::{AnnotationKind, Group, Level as Severity, Renderer, Snippet};
use ephemeral_fs_core::lints::{Level, Lint};

use crate::report::{Finding, Position, Report};

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
            Some(text) => {
                let at = byte_offset(
                    text,
                    Position {
                        line: error.line,
                        column: error.column,
                    },
                );
                title.element(
                    Snippet::source(text).path(error.file.as_str()).annotation(
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
        let Some(text) = report.source(&finding.file) else {
            continue;
        };
        writeln!(out, "{}\n", renderer.render(&[diagnostic(finding, text)])).ok();
    }
    exceptions(report, &mut out);
    summary(report, &mut out);
    out
}

fn diagnostic<'a>(finding: &'a Finding, text: &'a str) -> Group<'a> {
    let severity = match finding.level {
        Level::Deny => Severity::ERROR,
        _ => Severity::WARNING,
    };
    let start = byte_offset(text, finding.span.start);
    let end = byte_offset(text, finding.span.end).max(start);
    let group = severity
        .primary_title(finding.message.as_str())
        .id(finding.lint.name())
        .element(
            Snippet::source(text)
                .path(finding.file.as_str())
                .fold(true)
                .annotation(
                    AnnotationKind::Primary
                        .span(start..end)
                        .label(finding.label),
                ),
        )
        .element(Severity::NOTE.message(format!("in `{}`", finding.function)));
    let group = match via(finding) {
        Some(chain) => group.element(Severity::NOTE.message(chain)),
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
    let mut chain = String::from("reached from a handler: ");
    for step in &finding.via {
        write!(
            chain,
            "`{}` ({}:{}) → ",
            step.function, step.file, step.line
        )
        .ok();
    }
    write!(chain, "`{}`", finding.operation).ok();
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

/// The byte offset of a 1-based line and character column.
fn byte_offset(text: &str, at: Position) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(at.line.saturating_sub(1))
        .map(str::len)
        .sum();
    let line = &text[line_start..];
    let within = line
        .char_indices()
        .nth(at.column.saturating_sub(1))
        .map_or(line.len(), |(offset, _)| offset);
    line_start + within
}
