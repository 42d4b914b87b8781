//! The packages to audit and their `.rs` files, for `cargo ephemeral-fs`
//! and the corpus run: one `cargo metadata` lookup and one file walk.

use std::path::{Path, PathBuf};
use std::process::Command;

use ephemeral_fs_core::lints::{Level, Levels, Lint};
use serde_json::Value;

/// One package of the crate, workspace or dependency graph, or a path
/// dependency of a member, which the request path may reach.
pub struct Package {
    pub name: String,
    pub version: String,
    /// The directory of its manifest.
    pub root: PathBuf,
    /// The attribute's defaults, then `[workspace.metadata.ephemeral-fs]`,
    /// `[package.metadata.ephemeral-fs]` and the command line's levels.
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
    /// A package of `cargo metadata`'s output.
    fn of(package: &Value, levels: Levels) -> Package {
        let text = |key: &str| package[key].as_str().unwrap_or_default().to_owned();
        let root = package_root(package);
        let mut crates = Vec::new();
        let mut test_code: Vec<PathBuf> = ["tests", "benches", "examples"]
            .iter()
            .map(|dir| root.join(dir))
            .collect();
        for target in list(&package["targets"]) {
            let src = PathBuf::from(target["src_path"].as_str().unwrap_or_default());
            let kinds: Vec<&str> = list(&target["kind"]).filter_map(Value::as_str).collect();
            let lib = kinds.iter().any(|kind| {
                matches!(
                    *kind,
                    "lib" | "rlib" | "dylib" | "cdylib" | "staticlib" | "proc-macro"
                )
            });
            if lib || kinds.contains(&"bin") {
                let name = target["name"].as_str().unwrap_or_default();
                crates.push((name.replace('-', "_"), src, lib));
            } else {
                test_code.push(src);
            }
        }
        let dependencies = list(&package["dependencies"])
            .map(|dependency| {
                let package_name = dependency["name"].as_str().unwrap_or_default();
                let name = dependency["rename"]
                    .as_str()
                    .unwrap_or(package_name)
                    .replace('-', "_");
                let path = dependency["path"].as_str().map(PathBuf::from);
                (name, package_name.to_owned(), path)
            })
            .collect();
        Package {
            name: text("name"),
            version: text("version"),
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

/// Which platforms' dependencies count.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Platforms {
    /// Every platform's, as the dependency benchmark audits them.
    All,
    /// Those built for the host, as the corpus run expands them.
    Host,
}

/// The packages at `path`: the one package whose manifest it is, or every
/// member of the workspace whose root it is.
pub fn members(path: &Path, cli_levels: &[(Lint, Level)]) -> Result<Vec<Package>, String> {
    let manifest = manifest_at(path)?;
    let metadata = metadata(&manifest, None)?;
    let workspace_levels = settings(&metadata["metadata"], "[workspace.metadata.ephemeral-fs]")?;
    let all_members: Vec<&Value> = packages_of(&metadata, true).collect();
    let members = all_members.clone();
    let workspace_root = Path::new(metadata["workspace_root"].as_str().unwrap_or_default());
    // A member's manifest names that package alone; the root's, all members.
    let selected: Vec<&Value> = match members
        .iter()
        .find(|p| Path::new(p["manifest_path"].as_str().unwrap_or_default()) == manifest)
    {
        Some(package) if manifest.parent() != Some(workspace_root) => vec![*package],
        _ => members,
    };
    let mut packages = Vec::new();
    for package in selected {
        let name = package["name"].as_str().unwrap_or_default();
        let context = format!("[package.metadata.ephemeral-fs] of `{name}`");
        let own = settings(&package["metadata"], &context)?;
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
            let member = all_members.iter().find(|p| package_root(p) == path);
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
    let metadata = metadata(&dir.join("Cargo.toml"), None).ok()?;
    let package = list(&metadata["packages"]).find(|p| package_root(p) == dir)?;
    Some(Package::of(package, Levels::default()))
}

/// Every package the workspace at `path` depends on, with the command
/// line's levels.
pub fn dependencies(
    path: &Path,
    platforms: Platforms,
    cli_levels: &[(Lint, Level)],
) -> Result<Vec<Package>, String> {
    let manifest = manifest_at(path)?;
    let host = match platforms {
        Platforms::All => None,
        Platforms::Host => Some(host_triple()?),
    };
    let metadata = metadata(&manifest, Some(host.as_deref()))?;
    let mut levels = Levels::default();
    for (lint, level) in cli_levels {
        levels.set(*lint, *level);
    }
    let mut packages: Vec<Package> = packages_of(&metadata, false)
        .map(|package| Package::of(package, levels))
        .collect();
    packages.sort_by(|a, b| a.root.cmp(&b.root));
    Ok(packages)
}

/// The workspace's members, or the other packages of the graph.
fn packages_of(metadata: &Value, members: bool) -> impl Iterator<Item = &Value> {
    let ids: Vec<&str> = metadata["workspace_members"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    list(&metadata["packages"])
        .filter(move |package| ids.contains(&package["id"].as_str().unwrap_or_default()) == members)
}

/// The items of a JSON array; none for anything else.
fn list(value: &Value) -> impl Iterator<Item = &Value> {
    value.as_array().into_iter().flatten()
}

/// The directory of a package's manifest.
fn package_root(package: &Value) -> PathBuf {
    Path::new(package["manifest_path"].as_str().unwrap_or_default())
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
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

/// `cargo metadata` of `manifest`: without dependencies for `None`, with
/// every platform's for `Some(None)`, with one platform's for
/// `Some(Some(triple))`.
fn metadata(manifest: &Path, dependencies: Option<Option<&str>>) -> Result<Value, String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(cargo);
    command
        .args(["metadata", "--format-version", "1", "--manifest-path"])
        .arg(manifest);
    match dependencies {
        None => {
            command.arg("--no-deps");
        }
        Some(Some(platform)) => {
            command.args(["--filter-platform", platform]);
        }
        Some(None) => {}
    }
    let failed = |why: String| {
        format!(
            "`cargo metadata` failed for `{}`: {why}",
            manifest.display()
        )
    };
    let output = command.output().map_err(|e| failed(e.to_string()))?;
    if !output.status.success() {
        return Err(failed(
            String::from_utf8_lossy(&output.stderr).trim().to_owned(),
        ));
    }
    serde_json::from_slice(&output.stdout).map_err(|e| failed(e.to_string()))
}

fn host_triple() -> Result<String, String> {
    let output = Command::new("rustc")
        .arg("-vV")
        .output()
        .map_err(|e| format!("rustc -vV: {e}"))?;
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .find_map(|line| line.strip_prefix("host: ").map(str::to_owned))
        .ok_or_else(|| "rustc -vV printed no host".to_owned())
}

/// `deny = ["persistent_read"]`, `warn = [..]`, `allow = [..]` under the
/// `ephemeral-fs` key of a manifest's metadata table.
fn settings(metadata: &Value, context: &str) -> Result<Vec<(Lint, Level)>, String> {
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
                .ok_or_else(|| format!("{context}: {}", unknown_lint(name)))?;
            if levels.iter().any(|(known, _)| *known == lint) {
                return Err(format!("{context}: `{lint}` is given two levels: keep one"));
            }
            levels.push((lint, level));
        }
    }
    Ok(levels)
}

/// "unknown lint `x`: did you mean `y`? the lints are ..."
pub fn unknown_lint(name: &str) -> String {
    let suggestion = match ephemeral_fs_core::lints::closest(name) {
        Some(close) => format!("did you mean `{close}`? "),
        None => String::new(),
    };
    format!(
        "unknown lint `{name}`: {suggestion}the lints are {}",
        ephemeral_fs_core::lints::lint_list()
    )
}

/// The `.rs` files below `root`, in path order: `.gitignore`d files,
/// hidden directories, `target/` and other packages nested inside are left
/// out.
pub fn rust_files(root: &Path) -> Vec<Result<PathBuf, String>> {
    let root_dir = root.to_path_buf();
    let walker = ignore::WalkBuilder::new(root)
        // A crate unpacked outside git still means its `.gitignore`.
        .require_git(false)
        .sort_by_file_path(Path::cmp)
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
