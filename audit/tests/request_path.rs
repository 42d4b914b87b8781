//! The request path over a multi-file fixture (`fixtures/reach`): a
//! service whose handlers reach helpers in other files and a sibling
//! crate, one resolution rule per call.

use std::path::{Path, PathBuf};

use ephemeral_fs_audit::frameworks::Rows;
use ephemeral_fs_audit::{CrateRoot, FileSummary, PackageInput, RequestPath, request_path};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reach")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn summaries(include_tests: bool) -> Vec<(PathBuf, FileSummary)> {
    let mut paths = Vec::new();
    rust_files(&fixture(), &mut paths);
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            let file = syn::parse_file(&text).unwrap();
            let summary = ephemeral_fs_audit::summarize(&file, include_tests);
            (path, summary)
        })
        .collect()
}

fn packages() -> Vec<PackageInput> {
    let package = |name: &str, audited: bool, dependencies| PackageInput {
        name: name.to_owned(),
        crates: vec![CrateRoot {
            name: name.to_owned(),
            root: fixture().join(name).join("src/lib.rs"),
            is_lib: true,
        }],
        dependencies,
        frameworks: Rows::for_dependencies(["actix-web"]),
        audited,
    };
    vec![
        package(
            "service",
            true,
            vec![("storage".to_owned(), Some(1)), ("tokio".to_owned(), None)],
        ),
        package("storage", false, Vec::new()),
    ]
}

fn path() -> (RequestPath, Vec<(PathBuf, FileSummary)>) {
    let files = summaries(false);
    (request_path(&packages(), &files), files)
}

fn names(path: &RequestPath) -> Vec<&str> {
    let mut names: Vec<&str> = path.functions.iter().map(|f| f.name.as_str()).collect();
    names.sort();
    names
}

fn chain(path: &RequestPath, name: &str) -> Vec<String> {
    let function = path
        .functions
        .iter()
        .find(|f| f.name == name)
        .unwrap_or_else(|| panic!("`{name}` is not on the request path"));
    function.chain.iter().map(|s| s.function.clone()).collect()
}

#[test]
fn every_resolution_rule_reaches_its_function() {
    let (path, _) = path();
    assert_eq!(
        names(&path),
        [
            // Handlers.
            "handlers::paths",
            "handlers::short",
            "handlers::types",
            // A function used as a value: `.map(as_value)`.
            "handlers::as_value",
            // `self::local()`.
            "handlers::local",
            // A closure handed to `tokio::spawn`.
            "handlers::spawned",
            // `#[path = "odd/place.rs"]`.
            "placed::by_path_attribute",
            // A file module declared in an inline module.
            "inline::nested::in_nested_file",
            // A sibling crate, by its name.
            "storage::save",
            "storage::write_it",
            // `Store::open()`, after `use crate::store::Store`.
            "store::Flush::flush_all",
            "store::Store::flush",
            "store::Store::open",
            "store::Store::put",
            // `crate::util::by_crate_path(..)`, then a private helper.
            "util::by_crate_path",
            // `super::util::by_super_path()`.
            "util::by_super_path",
            "util::deeper",
            // `glob_imported()` after `use crate::util::*`.
            "util::glob_imported",
            // `crate::reexported()`, a `pub use .. as ..` at the root.
            "util::reexported_write",
            // `renamed()` after `use .. as renamed`.
            "util::renamed_target",
            "util::shared",
        ]
        .iter()
        .copied()
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect::<Vec<_>>()
    );
    assert_eq!(path.handlers, 3);
}

#[test]
fn what_no_handler_reaches_is_not_on_the_path() {
    let (path, _) = path();
    let names = names(&path);
    // `name.forget()` on a `String`: a visibly foreign receiver.
    assert!(!names.contains(&"store::Store::forget"), "{names:?}");
    // No caller; and the test that calls it is left out.
    assert!(!names.contains(&"unreached"), "{names:?}");
    assert!(!names.contains(&"handlers::a_test"), "{names:?}");
}

#[test]
fn method_calls_resolve_on_types_in_sight_or_by_name() {
    let (path, _) = path();
    // `store.put()` on the parameter `store: Store` resolves on `Store`, and
    // `put`'s `self.flush()` too. `opened` is `Store::open()`'s, but `Store`
    // lists no `flush_all`: a trait's default method, matched by name.
    assert_eq!(
        chain(&path, "store::Store::put"),
        ["handlers::types", "store::Store::put"]
    );
    assert_eq!(
        chain(&path, "store::Store::flush"),
        [
            "handlers::types",
            "store::Store::put",
            "store::Store::flush"
        ]
    );
    assert_eq!(
        chain(&path, "store::Flush::flush_all"),
        ["handlers::types", "store::Flush::flush_all"]
    );
    assert_eq!(path.added_by_method_names, 1);
}

#[test]
fn a_chain_is_a_shortest_one_with_call_lines() {
    let (path, files) = path();
    // `shared` is two calls below `paths` and one below `short`.
    assert_eq!(
        chain(&path, "util::shared"),
        ["handlers::short", "util::shared"]
    );
    let deeper = chain(&path, "util::deeper");
    assert_eq!(
        deeper,
        ["handlers::paths", "util::by_crate_path", "util::deeper"]
    );
    let reached = path
        .functions
        .iter()
        .find(|f| f.name == "util::deeper")
        .unwrap();
    let lines: Vec<(String, usize)> = reached
        .chain
        .iter()
        .map(|step| {
            let file = files[step.file]
                .0
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (file, step.line)
        })
        .collect();
    // Each step's line is its call of the next; the last, the name's.
    assert_eq!(
        lines,
        [
            ("handlers.rs".to_owned(), 7),
            ("util.rs".to_owned(), 3),
            ("util.rs".to_owned(), 6)
        ]
    );
    assert!(!reached.covered && !reached.handler);
    // Names from another crate start with its name.
    assert_eq!(
        chain(&path, "storage::write_it"),
        ["handlers::types", "storage::save", "storage::write_it"]
    );
}

#[test]
fn test_code_is_left_out_unless_asked_for() {
    let files = summaries(false);
    let left_out: usize = files.iter().map(|(_, s)| s.left_out).sum();
    // `tests::writes` and `a_test`.
    assert_eq!(left_out, 2);
    let files = summaries(true);
    assert_eq!(files.iter().map(|(_, s)| s.left_out).sum::<usize>(), 0);
    let path = request_path(&packages(), &files);
    assert!(!names(&path).contains(&"unreached"));
}
