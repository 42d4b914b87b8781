//! The `local_volume` lint: each path of each `VOLUME` in the Dockerfiles
//! of the audited packages' directories and of the workspace root, and a
//! note on each code finding whose path lies on one of them.
//!
//! Input: the report of the Rust files, in order, and the packages.
//! Output: the same report with the notes, then the Dockerfiles' findings
//! after the code's, so that a report opens on the code.
//!
//! A package's image runs its code and that of its path dependencies, so
//! its volumes are noted on their findings alone; the workspace root's
//! image may run any member's.
//!
//! An image is not a function: the lint is reported in every scope, at
//! the level of the package whose directory holds the Dockerfile (its
//! manifest's and the command line's). A Dockerfile at the root of a
//! virtual workspace serves every member, and takes the strictest of their
//! levels. With `--dependencies` no Dockerfile is read: a dependency's
//! image is not the one that runs this code.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use ephemeral_fs_audit::dockerfile::{self, LineColumn, Volume};
use ephemeral_fs_audit::packages::Package;
use ephemeral_fs_core::lints::{Level, Levels, Lint};

use crate::args::Request;
use crate::literal_path::literal_paths;
use crate::report::{Finding, OnVolume, Position, Report, Span};
use crate::source::SourceText;

/// A directory whose Dockerfiles are read: the package it is the root of
/// (empty for a virtual workspace's root), and the levels.
struct ImageDir {
    dir: PathBuf,
    package: String,
    levels: Levels,
    /// The packages whose code its images run; `None` for the workspace
    /// root's, which may run any.
    runs: Option<HashSet<String>>,
}

/// A path of a `VOLUME`, the Dockerfile's name, and the packages whose
/// code runs on it (`None`: any).
struct Declared {
    volume: Volume,
    file: String,
    runs: Option<HashSet<String>>,
}

pub fn apply(report: &mut Report, packages: &[Package], request: &Request, cwd: &Path) {
    if request.dependencies {
        return;
    }
    let mut declared: Vec<Declared> = Vec::new();
    let mut findings = Vec::new();
    for image in image_dirs(packages, &request.path) {
        let files = match dockerfile::dockerfiles(&image.dir) {
            Ok(files) => files,
            Err(error) => {
                report.io_errors.push(error);
                continue;
            }
        };
        for path in files {
            let name = crate::files::display_name(&path, cwd);
            let text = match std::fs::read_to_string(&path) {
                Ok(text) => text,
                Err(error) => {
                    report
                        .io_errors
                        .push(format!("cannot read `{name}`: {error}"));
                    continue;
                }
            };
            let level = image.levels.get(Lint::LocalVolume);
            let volumes = dockerfile::volumes(&text);
            if level != Level::Allow {
                findings.extend(
                    volumes
                        .iter()
                        .map(|volume| finding(volume, &name, &image, level)),
                );
                if !volumes.is_empty() {
                    report.sources.insert(name.clone(), SourceText::new(text));
                }
            }
            declared.extend(volumes.into_iter().map(|volume| Declared {
                volume,
                file: name.clone(),
                runs: image.runs.clone(),
            }));
        }
    }
    if !declared.is_empty() {
        note_findings_on_volumes(report, &declared);
    }
    report.findings.extend(findings);
}

/// The audited packages' directories, then the workspace root when it is
/// none of them.
fn image_dirs(packages: &[Package], path: &Path) -> Vec<ImageDir> {
    let audited: Vec<&Package> = packages.iter().filter(|p| !p.reached_only).collect();
    let root = workspace_root(path);
    let mut dirs: Vec<ImageDir> = audited
        .iter()
        .map(|package| ImageDir {
            dir: package.root.clone(),
            package: package.name.clone(),
            levels: package.levels,
            runs: (root.as_ref() != Some(&package.root)).then(|| runs(packages, package)),
        })
        .collect();
    if let Some(root) = root {
        if !dirs.iter().any(|image| image.dir == root) {
            let strictest = audited
                .iter()
                .map(|package| package.levels)
                .max_by_key(|levels| severity(levels.get(Lint::LocalVolume)))
                .unwrap_or_default();
            dirs.push(ImageDir {
                dir: root,
                package: String::new(),
                levels: strictest,
                runs: None,
            });
        }
    }
    dirs
}

/// The package and its path dependencies, transitively, by name.
fn runs(packages: &[Package], package: &Package) -> HashSet<String> {
    let mut names = HashSet::from([package.name.clone()]);
    let mut next = vec![package];
    while let Some(package) = next.pop() {
        for (_, _, path) in &package.dependencies {
            let found = packages
                .iter()
                .find(|p| path.as_ref() == Some(&p.root) && !names.contains(&p.name));
            if let Some(dependency) = found {
                names.insert(dependency.name.clone());
                next.push(dependency);
            }
        }
    }
    names
}

fn severity(level: Level) -> u8 {
    match level {
        Level::Allow => 0,
        Level::Warn => 1,
        Level::Deny => 2,
    }
}

/// The nearest directory at or above `path` whose manifest declares a
/// `[workspace]`, as Cargo looks for it (a `package.workspace` key that
/// points elsewhere is not followed).
fn workspace_root(path: &Path) -> Option<PathBuf> {
    let path = path.canonicalize().ok()?;
    let start = if path.is_file() {
        path.parent()?
    } else {
        &path
    };
    start
        .ancestors()
        .find(|dir| {
            std::fs::read_to_string(dir.join("Cargo.toml")).is_ok_and(|manifest| {
                manifest.lines().any(|line| {
                    let line = line.trim_start();
                    line.starts_with("[workspace]") || line.starts_with("[workspace.")
                })
            })
        })
        .map(Path::to_path_buf)
}

fn finding(volume: &Volume, file: &str, image: &ImageDir, level: Level) -> Finding {
    let lint = Lint::LocalVolume;
    let operation = format!("VOLUME {}", volume.path);
    let position = |at: LineColumn| Position {
        line: at.line,
        column: at.column,
    };
    Finding {
        lint,
        level,
        package: image.package.clone(),
        file: file.to_owned(),
        span: Span {
            start: position(volume.start),
            end: position(volume.end),
        },
        function: String::new(),
        message: lint.message(&operation),
        operation,
        suggestion: lint.suggestion().to_owned(),
        reason: None,
        limit: None,
        via: Vec::new(),
        volume: None,
        fingerprint: String::new(),
        label: lint.label(),
        note: lint.note(),
        annotated: false,
    }
}

/// Gives each code finding whose path is known to lie on a volume of an
/// image that runs its package the first such volume.
fn note_findings_on_volumes(report: &mut Report, declared: &[Declared]) {
    let mut files: Vec<&str> = report.findings.iter().map(|f| f.file.as_str()).collect();
    files.dedup();
    let files: Vec<String> = files.into_iter().map(str::to_owned).collect();
    for file in files {
        let Some(source) = report.sources.get(&file) else {
            continue;
        };
        let indices: Vec<usize> = (0..report.findings.len())
            .filter(|&i| report.findings[i].file == file)
            .collect();
        let spans: Vec<Span> = indices.iter().map(|&i| report.findings[i].span).collect();
        let prefixes = literal_paths(source.text(), &spans);
        for (index, prefix) in indices.into_iter().zip(prefixes) {
            let Some((path, complete)) = prefix else {
                continue;
            };
            let package = &report.findings[index].package;
            let on = declared.iter().find(|declared| {
                declared
                    .runs
                    .as_ref()
                    .is_none_or(|runs| runs.contains(package))
                    && declared.volume.holds(&path, complete)
            });
            if let Some(declared) = on {
                report.findings[index].volume = Some(OnVolume {
                    path: declared.volume.path.clone(),
                    file: declared.file.clone(),
                    line: declared.volume.line(),
                });
            }
        }
    }
}
