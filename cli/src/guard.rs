//! Which functions of the request path an `#[ephemeral_fs]` covers: the
//! summary's "N of M are guarded", the `unguarded_request_path` lint, and
//! what `--fix` annotates. The lint and `--fix` read the same list, so that
//! after `--fix` the lint reports only functions with a finding of their own.
//!
//! Input:  the request path, with each function's `covered`
//! Output: guarded 3 of 5; unguarded: `storage::save` (src/storage.rs:4)

use std::path::PathBuf;

use ephemeral_fs_audit::Position as NamePosition;
use ephemeral_fs_audit::packages::Package;
use ephemeral_fs_core::lints::{CheckedBy, Level, Levels, Lint};

use crate::report::{Finding, Position, Span, ViaStep};

/// A function of an audited package on the request path that no attribute
/// covers. `const fn`s are not listed: they cannot touch the filesystem.
pub struct Unguarded {
    /// Index into the audited packages.
    pub package: usize,
    pub path: PathBuf,
    /// The file as reports name it.
    pub file: String,
    /// Its name's position.
    pub at: NamePosition,
    /// `storage::save`, `Store::put`.
    pub name: String,
    /// A shortest chain from a handler, as findings give it.
    pub via: Vec<ViaStep>,
    /// It has a violation of its own: `--fix` leaves it to the user, since
    /// the attribute would turn the finding into a build error.
    pub has_finding: bool,
}

/// The levels `--fix` decides with: each lint the attribute checks at least
/// at its default level, at which the attribute will check it, so that a
/// lint a manifest allows does not hide a write that the attribute would
/// then reject.
pub fn levels_for_fix(mut levels: Levels) -> Levels {
    let rank = |level: Level| Level::ALL.iter().position(|l| *l == level);
    for lint in Lint::ALL {
        if lint.checked_by() == CheckedBy::AttributeAndAudit
            && rank(levels.get(lint)) < rank(lint.default_level())
        {
            levels.set(lint, lint.default_level());
        }
    }
    levels
}

/// "N of M request-path functions are guarded by the attribute".
#[derive(Default)]
pub struct Coverage {
    pub guarded: usize,
    pub guardable: usize,
    pub unguarded: Vec<Unguarded>,
}

/// The lint's findings, at each package's level of it.
pub fn findings(coverage: &Coverage, packages: &[Package]) -> Vec<Finding> {
    let lint = Lint::UnguardedRequestPath;
    coverage
        .unguarded
        .iter()
        .filter_map(|function| {
            let level = packages[function.package].levels.get(lint);
            if level == Level::Allow {
                return None;
            }
            let ident = function.name.rsplit("::").next().unwrap_or_default();
            let start = Position {
                line: function.at.line,
                column: function.at.column + 1,
            };
            let end = Position {
                column: start.column + ident.chars().count(),
                ..start
            };
            Some(Finding {
                lint,
                level,
                package: packages[function.package].name.clone(),
                file: function.file.clone(),
                span: Span { start, end },
                function: function.name.clone(),
                operation: function.name.clone(),
                message: lint.message(&function.name),
                suggestion: lint.suggestion().to_owned(),
                reason: None,
                limit: None,
                via: function.via.clone(),
                fingerprint: String::new(),
                label: lint.label(),
                note: lint.note(),
                annotated: false,
                volume: None,
            })
        })
        .collect()
}

/// A file of the request path, as `coverage` needs it.
pub struct PathFile<'a> {
    pub package: usize,
    pub path: &'a std::path::Path,
    pub name: &'a str,
    /// Its package is audited, not a path dependency read only to follow
    /// calls (whose files `--fix` does not edit).
    pub audited: bool,
}

/// Counts the functions of the audited packages that the scope selects on
/// the request path (every one, or the handlers alone under `--scope
/// handlers`), and lists those no attribute covers. `violations` are the
/// functions with a finding of their own, by file and name position.
pub fn coverage(
    path: &ephemeral_fs_audit::RequestPath,
    files: &[PathFile<'_>],
    handlers_only: bool,
    violations: &std::collections::HashSet<(usize, NamePosition)>,
) -> Coverage {
    let mut coverage = Coverage::default();
    for function in &path.functions {
        let file = &files[function.file];
        if !file.audited || function.is_const || (handlers_only && !function.handler) {
            continue;
        }
        coverage.guardable += 1;
        if function.covered {
            coverage.guarded += 1;
            continue;
        }
        let mut via: Vec<ViaStep> = function
            .chain
            .iter()
            .map(|step| ViaStep {
                function: step.function.clone(),
                file: files[step.file].name.to_owned(),
                line: step.line,
            })
            .collect();
        if let Some(last) = via.last_mut() {
            last.line = function.at.line;
        }
        coverage.unguarded.push(Unguarded {
            package: file.package,
            path: file.path.to_path_buf(),
            file: file.name.to_owned(),
            at: function.at,
            name: function.name.clone(),
            via,
            has_finding: violations.contains(&(function.file, function.at)),
        });
    }
    coverage
}
