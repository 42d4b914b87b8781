//! The guide (the chapters in `runtime/src/guide/`, rendered in the rustdoc
//! of `ephemeral_fs::guide`) documents every row of the operations table and
//! every lint; the README's Rust examples are compiler test cases.

use std::path::Path;

use ephemeral_fs_core::lints::Lint;
use ephemeral_fs_core::ops::{
    ESCAPE_CONSTRUCTORS, ESCAPE_METHODS, OPERATIONS, SOURCE_CHECKED_MIRRORS, WRITE_FLAGS,
};

fn repo() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// The chapters' file names, sorted.
fn chapters() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(repo().join("runtime/src/guide"))
        .expect("runtime/src/guide")
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.ends_with(".md"))
        .collect();
    names.sort();
    names
}

/// Every chapter, one after the other.
fn guide() -> String {
    chapters()
        .iter()
        .map(|name| read(&repo().join("runtime/src/guide").join(name)))
        .collect()
}

#[test]
fn every_chapter_is_a_module_of_the_guide() {
    let source = read(&repo().join("runtime/src/guide.rs"));
    for name in chapters() {
        let module = name.trim_end_matches(".md");
        let item = format!("#[doc = include_str!(\"guide/{name}\")]\npub mod {module} {{}}");
        assert!(
            source.contains(&item),
            "runtime/src/guide.rs does not include guide/{name} as `pub mod {module}`"
        );
    }
    assert_eq!(source.matches("include_str!").count(), chapters().len());
}

/// Each Rust block of the README is a compile-pass or compile-fail case,
/// so the front page's examples compile (or fail) as they say.
#[test]
fn readme_rust_examples_are_ui_cases() {
    let readme = read(&repo().join("README.md"));
    let cases: Vec<String> = ["ui-tests/pass", "ui-tests/fail"]
        .iter()
        .flat_map(|dir| std::fs::read_dir(repo().join(dir)).expect("ui-tests"))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "rs"))
        .map(|path| read(&path))
        .collect();
    let blocks: Vec<&str> = readme
        .split("```rust\n")
        .skip(1)
        .map(|rest| rest.split("```").next().unwrap_or_default())
        .collect();
    assert!(!blocks.is_empty(), "README.md has no Rust example");
    for block in blocks {
        assert!(
            cases.iter().any(|case| case.contains(block)),
            "this README.md example is no ui-tests case:\n{block}"
        );
    }
}

#[test]
fn guide_names_every_operation() {
    let guide = guide();
    for operation in OPERATIONS {
        let name = operation.path.rsplit("::").next().unwrap_or(operation.path);
        assert!(
            guide.contains(&format!("{}`", operation.path)) || guide.contains(&format!("`{name}`")),
            "the guide does not mention `{}`",
            operation.path
        );
    }
    for name in ESCAPE_METHODS
        .iter()
        .chain(ESCAPE_CONSTRUCTORS)
        .chain(WRITE_FLAGS)
    {
        assert!(guide.contains(name), "the guide does not mention `{name}`");
    }
}

#[test]
fn guide_lists_every_lint_with_its_default() {
    let chapter = read(&repo().join("runtime/src/guide/lints.md"));
    for lint in Lint::ALL {
        let row = format!("| `{}` | {} |", lint.name(), lint.default_level().name());
        assert!(
            chapter.contains(&row),
            "runtime/src/guide/lints.md lacks the row {row}"
        );
    }
}

/// Every mirror the table names is a function of `ephemeral_fs::fs` with the
/// operation's arity, whose checked parameters carry the bound of their
/// lint and role; and every function there is some row's mirror.
#[test]
fn every_mirror_exists_with_its_bounds() {
    use ephemeral_fs_core::ops::Role;
    use quote::ToTokens;

    let source = read(&repo().join("runtime/src/fs.rs"));
    let file = syn::parse_file(&source).expect("runtime/src/fs.rs parses");
    let functions: Vec<&syn::ItemFn> = file
        .items
        .iter()
        .filter_map(|item| match item {
            syn::Item::Fn(function) if matches!(function.vis, syn::Visibility::Public(_)) => {
                Some(function)
            }
            _ => None,
        })
        .collect();
    for operation in OPERATIONS {
        let Some(mirror) = operation.mirror else {
            continue;
        };
        let function = functions
            .iter()
            .find(|function| function.sig.ident == mirror)
            .unwrap_or_else(|| panic!("no `ephemeral_fs::fs::{mirror}` for `{}`", operation.path));
        let params: Vec<&syn::FnArg> = function.sig.inputs.iter().collect();
        assert_eq!(params.len(), operation.arity, "{mirror}: arity");
        for target in operation.targets {
            let syn::FnArg::Typed(param) = params[target.arg] else {
                panic!("{mirror}: a receiver");
            };
            let ty = param.ty.to_token_stream().to_string();
            let bound = function
                .sig
                .generics
                .type_params()
                .find(|p| p.ident == ty)
                .map(|p| p.bounds.to_token_stream().to_string())
                .unwrap_or_else(|| panic!("{mirror}: argument {} is not generic", target.arg));
            // A mirror enforces its last target's lint (`copy`'s
            // destination); a source read on the way is not checked there.
            let last = operation.targets.last().map(|t| t.lint);
            let expected = match (target.role, target.lint) {
                (Role::LinkOriginal, _) => "LinkOriginal",
                (Role::SymlinkOriginal, _) => "SymlinkOriginal",
                (Role::FileOnly, _) => "TempFile",
                (Role::ProcessRoot, _) => "ProcessRoot",
                (Role::DirectoryMode, _) => "DirectoryMode",
                (Role::Path, Lint::PersistentRead) if last != Some(Lint::PersistentRead) => {
                    "AsRef < Path >"
                }
                (Role::Path, Lint::PersistentRead) => "TempReadTarget",
                (Role::Path, _) => "TempTarget",
            };
            assert_eq!(bound, expected, "{mirror}: argument {}", target.arg);
        }
    }
    // The mirrors that check `copy`'s source too: its bound, then the
    // destination's with and without `persistent_write`.
    let bounds = |name: &str| -> Vec<String> {
        let function = functions
            .iter()
            .find(|function| function.sig.ident == name)
            .unwrap_or_else(|| panic!("no `ephemeral_fs::fs::{name}`"));
        function
            .sig
            .generics
            .type_params()
            .map(|p| p.bounds.to_token_stream().to_string())
            .collect()
    };
    for (_, both, source_only) in SOURCE_CHECKED_MIRRORS {
        assert_eq!(bounds(both), ["TempReadTarget", "TempTarget"], "{both}");
        assert_eq!(
            bounds(source_only),
            ["TempReadTarget", "AsRef < Path >"],
            "{source_only}"
        );
    }
    for function in &functions {
        let name = function.sig.ident.to_string();
        assert!(
            OPERATIONS
                .iter()
                .any(|operation| operation.mirror == Some(&*name))
                || SOURCE_CHECKED_MIRRORS
                    .iter()
                    .any(|(_, both, source_only)| *both == name || *source_only == name),
            "`ephemeral_fs::fs::{}` mirrors no row of the table",
            function.sig.ident
        );
    }
}

#[test]
fn guide_names_every_module() {
    use ephemeral_fs_core::ops::Module;
    let guide = guide();
    for path in Module::all_paths() {
        let path = path.join("::");
        assert!(
            guide.contains(&format!("`{path}`")),
            "the guide does not mention `{path}`"
        );
    }
}
