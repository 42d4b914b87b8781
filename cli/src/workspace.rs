//! The packages to audit, the levels their manifests set, and their files.

use std::path::{Path, PathBuf};

use cargo_metadata::{MetadataCommand, TargetKind};
use ephemeral_fs_core::lints::{Level, Levels, Lint};

/// One package of the crate or workspace given on the command line, or a
/// path dependency of one, which the request path may reach.
pub struct Package {
    pub name: String,
    pub root: PathBuf,
    /// The attribute's defaults, then `[workspace.metadata.ephemeral-fs]`,
    /// `[package.metadata.ephemeral-fs]` and the command line.
    pub levels: Levels,
    /// Its library and binaries: `(name in paths, root file, is the library)`.
    pub crates: Vec<(String, PathBuf, bool)>,
    /// Its dependencies: the name paths give each, its package name, and
    /// the manifest directory of a path dependency.
    pub dependencies: Vec<(String, String, Option<PathBuf>)>,
    /// The roots of its tests, benches, examples and build script, and the
    /// `tests/`, `benches/` and `examples/` directories: not the request
    /// path.
    pub test_code: Vec<PathBuf>,
    /// Only reached through another package: a path dependency outside
    /// the packages asked for.
    pub reached_only: bool,
}

impl Package {
    fn of(package: &cargo_metadata::Package, levels: Levels) -> Package {
        let root = package_root(package);
        let mut crates = Vec::new();
        let mut test_code: Vec<PathBuf> = ["tests", "benches", "examples"]
            .iter()
            .map(|dir| root.join(dir))
            .collect();
        for target in &package.targets {
            let src = target.src_path.as_std_path().to_path_buf();
            let lib = target.kind.iter().any(|k| {
                matches!(
                    k,
                    TargetKind::Lib
                        | TargetKind::RLib
                        | TargetKind::DyLib
                        | TargetKind::CDyLib
                        | TargetKind::StaticLib
                        | TargetKind::ProcMacro
                )
            });
            if lib || target.is_kind(TargetKind::Bin) {
                crates.push((target.name.replace('-', "_"), src, lib));
            } else {
                test_code.push(src);
            }
        }
        let dependencies = package
            .dependencies
            .iter()
            .map(|dependency| {
                let name = dependency
                    .rename
                    .clone()
                    .unwrap_or_else(|| dependency.name.clone())
                    .replace('-', "_");
                let path = dependency
                    .path
                    .as_ref()
                    .map(|p| p.as_std_path().to_path_buf());
                (name, dependency.name.clone(), path)
            })
            .collect();
        Package {
            name: package.name.to_string(),
            root,
            levels,
            crates,
            dependencies,
            test_code,
            reached_only: false,
        }
    }

    /// Whether a file is test code: a test, bench, example or build script
    /// target, or in one of their directories.
    pub fn is_test_code(&self, path: &Path) -> bool {
        self.test_code.iter().any(|code| path.starts_with(code))
    }
}

/// The packages at `path`: the one package whose manifest it is, or every
/// member of the workspace whose root it is.
pub fn packages(path: &Path, cli_levels: &[(Lint, Level)]) -> Result<Vec<Package>, String> {
    let manifest = manifest_at(path)?;
    let metadata = metadata(&manifest, false)?;
    let workspace_levels = settings(
        &metadata.workspace_metadata,
        "[workspace.metadata.ephemeral-fs]",
    )?;
    let members = metadata.workspace_packages();
    // A member's manifest names that package alone; the root's, all members.
    let selected: Vec<_> = match members
        .iter()
        .find(|p| p.manifest_path.as_std_path() == manifest)
    {
        Some(package) if manifest.parent() != Some(metadata.workspace_root.as_std_path()) => {
            vec![*package]
        }
        _ => members,
    };
    let mut packages = Vec::new();
    for package in selected {
        let context = format!("[package.metadata.ephemeral-fs] of `{}`", package.name);
        let own = settings(&package.metadata, &context)?;
        let mut levels = Levels::default();
        for (lint, level) in workspace_levels.iter().chain(&own).chain(cli_levels) {
            levels.set(*lint, *level);
        }
        packages.push(Package::of(package, levels));
    }
    packages.sort_by(|a, b| a.root.cmp(&b.root));
    // Path dependencies the request path may reach: other members, and
    // packages outside the workspace, each read from its own manifest.
    let mut next = 0;
    while next < packages.len() {
        let paths: Vec<PathBuf> = packages[next]
            .dependencies
            .iter()
            .filter_map(|(_, _, path)| path.clone())
            .collect();
        next += 1;
        for path in paths {
            if packages.iter().any(|p| p.root == path) {
                continue;
            }
            let member = metadata
                .workspace_packages()
                .into_iter()
                .find(|p| package_root(p) == path);
            let found = match member {
                Some(member) => Some(Package::of(member, Levels::default())),
                None => path_dependency(&path),
            };
            if let Some(mut package) = found {
                package.reached_only = true;
                packages.push(package);
            }
        }
    }
    Ok(packages)
}

/// A path dependency outside the workspace; one that cannot be read is
/// left out of the request path, as `cargo build` would report it.
fn path_dependency(dir: &Path) -> Option<Package> {
    let metadata = metadata(&dir.join("Cargo.toml"), false).ok()?;
    let package = metadata.packages.iter().find(|p| package_root(p) == dir)?;
    Some(Package::of(package, Levels::default()))
}

/// The directory of a package's manifest.
fn package_root(package: &cargo_metadata::Package) -> std::path::PathBuf {
    package
        .manifest_path
        .parent()
        .map(|dir| dir.as_std_path().to_path_buf())
        .unwrap_or_default()
}

/// Every package the workspace at `path` depends on, for every platform,
/// with the command line's levels: the tree of the benchmark in
/// BENCHMARKS.md.
pub fn dependencies(path: &Path, cli_levels: &[(Lint, Level)]) -> Result<Vec<Package>, String> {
    let manifest = manifest_at(path)?;
    let metadata = metadata(&manifest, true)?;
    let mut levels = Levels::default();
    for (lint, level) in cli_levels {
        levels.set(*lint, *level);
    }
    let mut packages: Vec<Package> = metadata
        .packages
        .iter()
        .filter(|package| !metadata.workspace_members.contains(&package.id))
        .map(|package| Package::of(package, levels))
        .collect();
    packages.sort_by(|a, b| a.root.cmp(&b.root));
    Ok(packages)
}

fn manifest_at(path: &Path) -> Result<PathBuf, String> {
    let manifest = if path.is_dir() {
        path.join("Cargo.toml")
    } else {
        path.to_path_buf()
    };
    if !manifest.is_file() {
        return Err(format!(
            "no Cargo.toml at `{}`: give the directory of a crate or a workspace",
            path.display()
        ));
    }
    manifest
        .canonicalize()
        .map_err(|e| format!("cannot read `{}`: {e}", manifest.display()))
}

fn metadata(manifest: &Path, with_dependencies: bool) -> Result<cargo_metadata::Metadata, String> {
    let mut command = MetadataCommand::new();
    command.manifest_path(manifest);
    if !with_dependencies {
        command.no_deps();
    }
    command
        .exec()
        .map_err(|e| format!("`cargo metadata` failed for `{}`: {e}", manifest.display()))
}

/// `deny = ["persistent_read"]`, `warn = [..]`, `allow = [..]` under the
/// `ephemeral-fs` key of a manifest's metadata table.
fn settings(metadata: &serde_json::Value, context: &str) -> Result<Vec<(Lint, Level)>, String> {
    let Some(table) = metadata.get("ephemeral-fs") else {
        return Ok(Vec::new());
    };
    let Some(table) = table.as_object() else {
        return Err(format!(
            "{context} must be a table, as in `deny = [\"persistent_read\"]`"
        ));
    };
    let mut levels: Vec<(Lint, Level)> = Vec::new();
    for (key, value) in table {
        let Some(level) = Level::from_name(key) else {
            return Err(format!(
                "{context}: unknown key `{key}`: the keys are `deny`, `warn` and `allow`"
            ));
        };
        let names = value.as_array().ok_or_else(|| {
            format!(
                "{context}: `{key}` must be a list of lints, as in `{key} = [\"persistent_read\"]`"
            )
        })?;
        for name in names {
            let name = name.as_str().unwrap_or_default();
            let lint = Lint::from_name(name)
                .ok_or_else(|| format!("{context}: {}", crate::args::unknown_lint(name)))?;
            if levels.iter().any(|(known, _)| *known == lint) {
                return Err(format!("{context}: `{lint}` is given two levels: keep one"));
            }
            levels.push((lint, level));
        }
    }
    Ok(levels)
}

/// The `.rs` files of a package: `.gitignore`d files, hidden directories,
/// `target/` and other packages nested inside are left out.
pub fn rust_files(root: &Path) -> Vec<Result<PathBuf, String>> {
    let root_dir = root.to_path_buf();
    let walker = ignore::WalkBuilder::new(root)
        // A crate unpacked outside git still means its `.gitignore`.
        .require_git(false)
        .filter_entry(move |entry| {
            let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
            !is_dir
                || entry.path() == root_dir
                || (entry.file_name() != "target" && !entry.path().join("Cargo.toml").is_file())
        })
        .build();
    let mut files = Vec::new();
    for entry in walker {
        match entry {
            Ok(entry) => {
                let is_file = entry.file_type().is_some_and(|t| t.is_file());
                if is_file && entry.path().extension().is_some_and(|e| e == "rs") {
                    files.push(Ok(entry.into_path()));
                }
            }
            Err(error) => files.push(Err(error.to_string())),
        }
    }
    files
}
