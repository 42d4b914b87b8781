//! SARIF 2.1.0, as code-scanning dashboards read it: one rule per lint,
//! one result per finding with its physical location and its fingerprint
//! (`fingerprint.rs`), exceptions as in-source
//! suppressions, and unparseable files as tool notifications.

use ephemeral_fs_core::lints::{Level, Lint};
use serde_json::{Value, json};

use crate::fingerprint;
use crate::report::{Finding, Report};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
// Each lint's documentation, as docs.rs renders it.
const LINT_DOCS: &str = "https://docs.rs/ephemeral-fs/latest/ephemeral_fs/lint";

/// The run's property bag: the request path's coverage by the attribute,
/// where the scope builds the request path.
fn properties(report: &Report) -> Value {
    match (report.summary.guarded, report.summary.guardable) {
        (Some(guarded), Some(guardable)) => json!({
            "requestPathFunctions": guardable,
            "guardedByTheAttribute": guarded
        }),
        _ => json!({}),
    }
}

pub fn render(report: &Report) -> String {
    let rules: Vec<Value> = Lint::ALL.iter().map(|lint| rule(*lint)).collect();
    let results: Vec<Value> = report.findings.iter().map(result).collect();
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
        .chain(stale_entries(report))
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
            "results": results,
            "properties": properties(report)
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

fn result(finding: &Finding) -> Value {
    let mut result = json!({
        "ruleId": finding.lint.name(),
        "ruleIndex": Lint::ALL.iter().position(|l| *l == finding.lint),
        "level": sarif_level(finding.level),
        "message": { "text": message(finding) },
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
        "fingerprints": { fingerprint::KEY: &finding.fingerprint },
        // What GitHub code scanning matches alerts by across commits; left
        // out, its upload action would hash the line, number and all.
        "partialFingerprints": { fingerprint::KEY: &finding.fingerprint }
    });
    if finding.via.len() > 1 {
        result["codeFlows"] = code_flows(finding);
    }
    if finding.function.is_empty() {
        // A Dockerfile's finding is in no function.
        result["locations"][0]
            .as_object_mut()
            .map(|location| location.remove("logicalLocations"));
    }
    if let Some(volume) = &finding.volume {
        // The message links the Dockerfile's line, as `[text](id)`.
        result["message"]["text"] = json!(format!(
            "{}; `{}` is a [`VOLUME`](0) of the image",
            result["message"]["text"].as_str().unwrap_or_default(),
            volume.path
        ));
        result["relatedLocations"] = json!([{
            "id": 0,
            "physicalLocation": {
                "artifactLocation": { "uri": uri(&volume.file) },
                "region": { "startLine": volume.line }
            },
            "message": { "text": volume.note() }
        }]);
    }
    if let Some(reason) = &finding.reason {
        result["suppressions"] = json!([{ "kind": "inSource", "justification": reason }]);
    }
    result
}

/// The title, the function (a Dockerfile's finding is in none) and what
/// to do instead.
fn message(finding: &Finding) -> String {
    match finding.function.as_str() {
        "" => format!("{}: {}", finding.message, finding.suggestion),
        function => format!(
            "{} in `{function}`: {}",
            finding.message, finding.suggestion
        ),
    }
}

/// How a request reaches the finding: one thread flow from the handler,
/// a location per function with the line that leads on.
fn code_flows(finding: &Finding) -> Value {
    let locations: Vec<Value> = finding
        .via
        .iter()
        .enumerate()
        .map(|(depth, step)| {
            json!({
                "location": {
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri(&step.file) },
                        "region": { "startLine": step.line }
                    },
                    "message": { "text": format!("in `{}`", step.function) }
                },
                "nestingLevel": depth
            })
        })
        .collect();
    json!([{
        "message": { "text": format!("reached from the handler `{}`", finding.via[0].function) },
        "threadFlows": [{ "locations": locations }]
    }])
}

/// Baseline entries that match no finding, as notes, so that the file can
/// be pruned.
fn stale_entries(report: &Report) -> Vec<Value> {
    let Some(applied) = &report.baseline else {
        return Vec::new();
    };
    applied
        .stale
        .iter()
        .map(|entry| {
            json!({
                "level": "note",
                "message": { "text": format!(
                    "this baseline entry no longer matches: `{}` in `{}` ({}), fingerprint {}; rerun with --write-baseline to prune",
                    entry.operation, entry.function, entry.lint, entry.fingerprint
                ) },
                "locations": [{
                    "physicalLocation": { "artifactLocation": { "uri": uri(&entry.file) } }
                }]
            })
        })
        .collect()
}

/// An exception is a note, and carries its suppression.
fn sarif_level(level: Level) -> &'static str {
    match level {
        Level::Deny => "error",
        Level::Warn => "warning",
        Level::Allow => "note",
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_become_uri_references() {
        assert_eq!(uri("src/main.rs"), "src/main.rs");
        assert_eq!(uri("my crate/src/é.rs"), "my%20crate/src/%C3%A9.rs");
    }
}
