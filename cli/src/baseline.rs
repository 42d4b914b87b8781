//! Baselines, to adopt the audit in a codebase that has findings already:
//! `--write-baseline FILE` records them, `--baseline FILE` then reports only
//! the others. Entries are matched by fingerprint, which no line or column
//! number goes into, so they survive edits elsewhere in a file.
//!
//! The file is JSON, sorted by file and fingerprint, so that its diffs
//! review well:
//!
//! ```json
//! { "version": 1,
//!   "findings": [{ "fingerprint": "4be3192acb763839", "lint": "persistent_write",
//!                  "file": "src/main.rs", "function": "save_upload",
//!                  "operation": "std::fs::write" }] }
//! ```
//!
//! Only the fingerprint matches; the other fields say what the entry was,
//! for whoever reviews or prunes the file.

use std::collections::HashSet;
use std::path::Path;

use ephemeral_fs_core::lints::Level;
use serde::{Deserialize, Serialize};

use crate::report::Report;

/// Changes when the fingerprint or an entry's meaning does.
pub const VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct Baseline {
    version: u32,
    findings: Vec<Entry>,
}

#[derive(Serialize, Deserialize, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Entry {
    pub fingerprint: String,
    pub lint: String,
    pub file: String,
    pub function: String,
    pub operation: String,
}

/// What `--baseline` did to a report.
#[derive(Serialize)]
pub struct Applied {
    /// The baseline file, as given.
    pub file: String,
    /// Findings left out of the report because the baseline lists them.
    pub known: usize,
    /// Entries that match no finding any more: fixed, or changed beyond
    /// recognition. Rerunning with `--write-baseline` drops them.
    pub stale: Vec<Entry>,
}

/// Writes the report's findings (not its exceptions, which the source
/// accepts already) to `path`; returns how many.
pub fn write(report: &Report, path: &Path) -> Result<usize, String> {
    let mut findings: Vec<Entry> = report
        .findings
        .iter()
        .filter(|finding| finding.level != Level::Allow)
        .map(|finding| Entry {
            fingerprint: finding.fingerprint.clone(),
            lint: finding.lint.name().to_owned(),
            file: finding.file.clone(),
            function: finding.function.clone(),
            operation: finding.operation.clone(),
        })
        .collect();
    findings.sort_by(|a, b| (&a.file, &a.fingerprint).cmp(&(&b.file, &b.fingerprint)));
    findings.dedup_by(|a, b| a.fingerprint == b.fingerprint);
    let count = findings.len();
    let baseline = Baseline {
        version: VERSION,
        findings,
    };
    let mut text = serde_json::to_string_pretty(&baseline).expect("a baseline serializes");
    text.push('\n');
    std::fs::write(path, text)
        .map_err(|e| format!("cannot write the baseline `{}`: {e}", path.display()))?;
    Ok(count)
}

/// Takes the findings `path` lists out of the report, and counts them
/// (and the entries that match nothing) in `report.baseline`.
pub fn apply(report: &mut Report, path: &Path) -> Result<(), String> {
    let baseline = read(path)?;
    let current: HashSet<&str> = report
        .findings
        .iter()
        .map(|finding| finding.fingerprint.as_str())
        .collect();
    let stale: Vec<Entry> = baseline
        .findings
        .iter()
        .filter(|entry| !current.contains(entry.fingerprint.as_str()))
        .cloned()
        .collect();
    let known: HashSet<String> = baseline
        .findings
        .into_iter()
        .map(|entry| entry.fingerprint)
        .collect();
    let before = report.findings.len();
    report
        .findings
        .retain(|finding| finding.level == Level::Allow || !known.contains(&finding.fingerprint));
    report.summary.recount(&report.findings);
    report.baseline = Some(Applied {
        file: path.display().to_string(),
        known: before - report.findings.len(),
        stale,
    });
    Ok(())
}

fn read(path: &Path) -> Result<Baseline, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read the baseline `{}`: {e}", path.display()))?;
    let invalid = |e: serde_json::Error| {
        format!(
            "`{}` is not a baseline ({e}): write one with `--write-baseline`",
            path.display()
        )
    };
    let version: serde_json::Value = serde_json::from_str(&text).map_err(invalid)?;
    match version["version"].as_u64() {
        Some(version) if version == u64::from(VERSION) => {}
        Some(other) => {
            return Err(format!(
                "the baseline `{}` is version {other}, this audit reads version {VERSION}: rewrite it with `--write-baseline`",
                path.display()
            ));
        }
        None => return Err(invalid(serde::de::Error::missing_field("version"))),
    }
    serde_json::from_str(&text).map_err(invalid)
}

/// "3 baseline entries no longer match; rerun with --write-baseline to
/// prune", or nothing when all match.
pub fn stale_line(applied: &Applied) -> Option<String> {
    match applied.stale.len() {
        0 => None,
        1 => Some(
            "1 baseline entry no longer matches; rerun with --write-baseline to prune".to_owned(),
        ),
        n => Some(format!(
            "{n} baseline entries no longer match; rerun with --write-baseline to prune"
        )),
    }
}
