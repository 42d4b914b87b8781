//! SARIF 2.1.0, as code-scanning dashboards read it: one rule per lint,
//! one result per finding with its physical location and a fingerprint
//! that survives edits elsewhere in the file, exceptions as in-source
//! suppressions, and unparseable files as tool notifications.

use ephemeral_fs_core::lints::{Level, Lint};
use serde_json::{Value, json};

use crate::report::{Finding, Report};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
// Each lint's documentation, as docs.rs renders it.
const LINT_DOCS: &str = "https://docs.rs/ephemeral-fs/latest/ephemeral_fs/lint";

pub fn render(report: &Report) -> String {
    let rules: Vec<Value> = Lint::ALL.iter().map(|lint| rule(*lint)).collect();
    let mut occurrences = std::collections::HashMap::new();
    let results: Vec<Value> = report
        .findings
        .iter()
        .map(|finding| {
            let key = fingerprint_key(finding, report);
            let n = occurrences.entry(key.clone()).or_insert(0);
            *n += 1;
            result(finding, &format!("{key}|{n}"))
        })
        .collect();
    let notifications: Vec<Value> = report
        .parse_errors
        .iter()
        .map(|error| {
            json!({
                "level": "error",
                "message": { "text": format!("could not parse this file, which was not audited: {}", error.message) },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri(&error.file) },
                        "region": { "startLine": error.line, "startColumn": error.column }
                    }
                }]
            })
        })
        .chain(report.io_errors.iter().map(|error| {
            json!({ "level": "error", "message": { "text": error } })
        }))
        .collect();
    let sarif = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "cargo-ephemeral-fs",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": env!("CARGO_PKG_REPOSITORY"),
                    "rules": rules
                }
            },
            "invocations": [{
                "executionSuccessful": report.io_errors.is_empty(),
                "toolExecutionNotifications": notifications
            }],
            "columnKind": "unicodeCodePoints",
            "results": results
        }]
    });
    let mut out = serde_json::to_string_pretty(&sarif).expect("SARIF serializes");
    out.push('\n');
    out
}

fn rule(lint: Lint) -> Value {
    json!({
        "id": lint.name(),
        "name": lint.name(),
        "shortDescription": { "text": lint.summary() },
        "fullDescription": { "text": lint.rationale() },
        "help": { "text": lint.explanation(), "markdown": lint.explanation() },
        "helpUri": format!("{LINT_DOCS}/enum.{}.html", lint.name()),
        "defaultConfiguration": { "level": sarif_level(lint.default_level()) }
    })
}

fn result(finding: &Finding, fingerprint_text: &str) -> Value {
    let mut result = json!({
        "ruleId": finding.lint.name(),
        "ruleIndex": Lint::ALL.iter().position(|l| *l == finding.lint),
        "level": sarif_level(finding.level),
        "message": { "text": format!("{} in `{}`: {}", finding.message, finding.function, finding.suggestion) },
        "locations": [{
            "physicalLocation": {
                "artifactLocation": { "uri": uri(&finding.file) },
                "region": {
                    "startLine": finding.span.start.line,
                    "startColumn": finding.span.start.column,
                    "endLine": finding.span.end.line,
                    "endColumn": finding.span.end.column
                }
            },
            "logicalLocations": [{ "fullyQualifiedName": finding.function, "kind": "function" }]
        }],
        "fingerprints": { "ephemeralFs/v1": format!("{:016x}", fnv1a(fingerprint_text)) }
    });
    if let Some(reason) = &finding.reason {
        result["suppressions"] = json!([{ "kind": "inSource", "justification": reason }]);
    }
    result
}

/// An exception is a note, and carries its suppression.
fn sarif_level(level: Level) -> &'static str {
    match level {
        Level::Deny => "error",
        Level::Warn => "warning",
        Level::Allow => "note",
    }
}

/// What identifies a finding across edits: no line numbers, but the
/// trimmed text of its line; the occurrence count is added to tell
/// identical lines of one function apart.
fn fingerprint_key(finding: &Finding, report: &Report) -> String {
    let line = report
        .source(&finding.file)
        .and_then(|text| text.lines().nth(finding.span.start.line.saturating_sub(1)))
        .unwrap_or_default()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    format!(
        "{}|{}|{}|{}|{line}",
        finding.lint, finding.file, finding.function, finding.operation
    )
}

/// A file name as a URI reference: relative names stay relative (to the
/// directory the audit ran in, as dashboards expect), and bytes outside
/// the unreserved set and `/` are percent-encoded.
fn uri(file: &str) -> String {
    let mut out = String::with_capacity(file.len());
    for byte in file.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// FNV-1a, 64 bits: stable across Rust releases, unlike std's hasher.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_become_uri_references() {
        assert_eq!(uri("src/main.rs"), "src/main.rs");
        assert_eq!(uri("my crate/src/é.rs"), "my%20crate/src/%C3%A9.rs");
    }

    #[test]
    fn fingerprints_are_fnv1a() {
        // The published FNV-1a test vectors.
        assert_eq!(fnv1a(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a("a"), 0xaf63_dc4c_8601_ec8c);
    }
}
