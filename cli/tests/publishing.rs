//! What crates.io shows of each published crate is filled in, and the
//! `rust-version` the published crates declare is the lowest Rust they
//! build with: the highest of what their dependencies declare (as
//! resolved in Cargo.lock, on any platform), what their edition needs, and
//! what the language features they use need. Library APIs newer than the
//! declared version are Clippy's `incompatible_msrv` lint, which CI runs
//! as an error; this test covers the rest, with one compiler.

use std::collections::BTreeSet;
use std::path::Path;

use cargo_metadata::semver::Version;
use cargo_metadata::{DependencyKind, Metadata, MetadataCommand, Package, PackageId};

mod support;

/// Edition 2024, which every published crate uses, is stable since 1.85.
const EDITION_2024: Version = Version::new(1, 85, 0);

/// A language feature newer than edition 2024 that Clippy does not see.
struct Feature {
    name: &'static str,
    /// The release that stabilized it.
    since: Version,
    /// Whether a line of code uses it.
    used: fn(&str) -> bool,
}

const FEATURES: &[Feature] = &[
    // `if let Some(x) = a && b`.
    Feature {
        name: "let chains",
        since: Version::new(1, 88, 0),
        used: |line| {
            line.contains("&& let ")
                || ["if let ", "while let "].iter().any(|start| {
                    line.split_once(start).is_some_and(|(_, rest)| {
                        rest.split('{').next().is_some_and(|c| c.contains(" && "))
                    })
                })
        },
    },
];

fn metadata() -> Metadata {
    MetadataCommand::new()
        .manifest_path(support::repo_root().join("Cargo.toml"))
        .exec()
        .expect("cargo metadata")
}

fn published(metadata: &Metadata) -> Vec<&Package> {
    metadata
        .workspace_packages()
        .into_iter()
        .filter(|package| {
            package
                .publish
                .as_ref()
                .is_none_or(|registries| !registries.is_empty())
        })
        .collect()
}

/// Everything `root` needs to build: normal and build dependencies,
/// transitively, on every platform (dev-dependencies are not built by users).
fn build_closure<'a>(metadata: &'a Metadata, root: &'a PackageId) -> BTreeSet<&'a PackageId> {
    let resolve = metadata.resolve.as_ref().expect("a resolved graph");
    let mut seen = BTreeSet::new();
    let mut todo = vec![root];
    while let Some(id) = todo.pop() {
        let node = resolve
            .nodes
            .iter()
            .find(|node| &node.id == id)
            .expect("a node");
        for dep in &node.deps {
            let built = dep
                .dep_kinds
                .iter()
                .any(|kind| matches!(kind.kind, DependencyKind::Normal | DependencyKind::Build));
            if built && seen.insert(&dep.pkg) {
                todo.push(&dep.pkg);
            }
        }
    }
    seen
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("a source directory") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn published_crates_declare_the_lowest_rust_they_build_with() {
    let metadata = metadata();
    let by_id = |id: &PackageId| {
        metadata
            .packages
            .iter()
            .find(|package| &package.id == id)
            .expect("a package")
    };
    for package in published(&metadata) {
        let declared = package
            .rust_version
            .clone()
            .unwrap_or_else(|| panic!("{} declares no rust-version", package.name));
        let mut needed = (EDITION_2024, "edition 2024".to_string());
        for id in build_closure(&metadata, &package.id) {
            let dep = by_id(id);
            if let Some(version) = &dep.rust_version {
                if *version > needed.0 {
                    needed = (version.clone(), format!("{} {}", dep.name, dep.version));
                }
            }
        }
        let mut files = Vec::new();
        rust_files(
            package
                .manifest_path
                .parent()
                .expect("a package directory")
                .join("src")
                .as_std_path(),
            &mut files,
        );
        for file in files {
            let text = std::fs::read_to_string(&file).expect("a source file");
            for (line_number, line) in text.lines().enumerate() {
                for feature in FEATURES {
                    if feature.since > needed.0 && (feature.used)(line) {
                        let place = format!("{}:{}", file.display(), line_number + 1);
                        needed = (feature.since.clone(), format!("{} ({place})", feature.name));
                    }
                }
            }
        }
        assert_eq!(
            declared, needed.0,
            "{}: rust-version is {declared}, and {} needs {}: declare that",
            package.name, needed.1, needed.0
        );
    }
}

#[test]
fn the_let_chain_check_sees_let_chains() {
    let used = FEATURES[0].used;
    assert!(used("    if let Some(x) = a && x > 1 {"));
    assert!(used("        && let Some(y) = b"));
    assert!(!used("    if let Some(x) = a {"));
    assert!(!used("    if a && b {"));
}

/// crates.io shows these, and takes at most five keywords of at most 20
/// letters, digits, `-`, `_` or `+`, starting with a letter.
#[test]
fn published_crates_have_what_crates_io_shows() {
    let metadata = metadata();
    for package in published(&metadata) {
        let name = &package.name;
        let fields = [
            ("description", package.description.is_some()),
            ("license", package.license.is_some()),
            ("repository", package.repository.is_some()),
            ("readme", package.readme.is_some()),
            ("keywords", !package.keywords.is_empty()),
            ("categories", !package.categories.is_empty()),
            ("rust-version", package.rust_version.is_some()),
        ];
        for (field, present) in fields {
            assert!(present, "{name} has no {field}");
        }
        let readme = package.readme().expect("a readme");
        assert!(
            readme.is_file(),
            "{name}: the readme {readme} is not a file"
        );
        assert!(package.keywords.len() <= 5, "{name}: more than 5 keywords");
        for keyword in &package.keywords {
            let valid = keyword.len() <= 20
                && keyword.starts_with(|c: char| c.is_ascii_alphabetic())
                && keyword
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-_+".contains(c));
            assert!(
                valid,
                "{name}: crates.io does not take the keyword `{keyword}`"
            );
        }
    }
}
