//! What identifies a finding across edits, for SARIF dashboards and for
//! baselines: a hash of its lint, file, function, operation and the text
//! of its line, never its line or column number.

use std::collections::HashMap;

use crate::report::{Finding, Report};

/// The key SARIF results carry it under, versioned: a change in what it
/// hashes is a new key, not new values under the old one.
pub const KEY: &str = "ephemeralFs/v1";

/// Gives every finding of the report its fingerprint. Findings must be in
/// report order: identical lines of one function are told apart by their
/// order.
pub fn assign(report: &mut Report) {
    let mut occurrences: HashMap<String, usize> = HashMap::new();
    let keys: Vec<String> = report
        .findings
        .iter()
        .map(|finding| {
            let key = key(finding, report);
            let n = occurrences.entry(key.clone()).or_insert(0);
            *n += 1;
            format!("{key}|{n}")
        })
        .collect();
    for (finding, key) in report.findings.iter_mut().zip(keys) {
        finding.fingerprint = format!("{:016x}", fnv1a(&key));
    }
}

/// The text of the finding's line (or, on a long line, of the part around
/// it) with runs of whitespace as one space, after what names the finding.
fn key(finding: &Finding, report: &Report) -> String {
    let line = report
        .source(&finding.file)
        .map(|source| source.fingerprint_text(finding.span))
        .unwrap_or_default();
    format!(
        "{}|{}|{}|{}|{line}",
        finding.lint, finding.file, finding.function, finding.operation
    )
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
    fn fingerprints_are_fnv1a() {
        // The published FNV-1a test vectors.
        assert_eq!(fnv1a(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a("a"), 0xaf63_dc4c_8601_ec8c);
    }
}
