//! The README documents every row of the operations table and every lint.

use ephemeral_fs_core::lints::Lint;
use ephemeral_fs_core::ops::{ESCAPE_CONSTRUCTORS, ESCAPE_METHODS, OPERATIONS, WRITE_FLAGS};

fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md"))
        .expect("README.md")
}

#[test]
fn readme_names_every_operation() {
    let readme = readme();
    for operation in OPERATIONS {
        let name = operation.path.rsplit("::").next().unwrap_or(operation.path);
        assert!(
            readme.contains(&format!("{}`", operation.path))
                || readme.contains(&format!("`{name}`")),
            "README.md does not mention `{}`",
            operation.path
        );
    }
    for name in ESCAPE_METHODS
        .iter()
        .chain(ESCAPE_CONSTRUCTORS)
        .chain(WRITE_FLAGS)
    {
        assert!(readme.contains(name), "README.md does not mention `{name}`");
    }
}

#[test]
fn readme_lists_every_lint_with_its_default() {
    let readme = readme();
    for lint in Lint::ALL {
        let row = format!("| `{}` | {} |", lint.name(), lint.default_level().name());
        assert!(readme.contains(&row), "README.md lacks the row {row}");
    }
}

/// Every mirror the table names is a function of `ephemeral_fs::fs` with the
/// operation's arity, whose checked parameters carry the bound of their
/// lint and role; and every function there is some row's mirror.
#[test]
fn every_mirror_exists_with_its_bounds() {
    use ephemeral_fs_core::ops::Role;
    use quote::ToTokens;

    let source =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../runtime/src/fs.rs"))
            .expect("runtime/src/fs.rs");
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
                (Role::Path, Lint::PersistentRead) if last != Some(Lint::PersistentRead) => {
                    "AsRef < Path >"
                }
                (Role::Path, Lint::PersistentRead) => "TempReadTarget",
                (Role::Path, _) => "TempTarget",
            };
            assert_eq!(bound, expected, "{mirror}: argument {}", target.arg);
        }
    }
    for function in &functions {
        assert!(
            OPERATIONS
                .iter()
                .any(|operation| operation.mirror == Some(&*function.sig.ident.to_string())),
            "`ephemeral_fs::fs::{}` mirrors no row of the table",
            function.sig.ident
        );
    }
}

#[test]
fn readme_names_every_module() {
    use ephemeral_fs_core::ops::Module;
    let readme = readme();
    for path in Module::all_paths() {
        let path = path.join("::");
        assert!(
            readme.contains(&format!("`{path}`")),
            "README.md does not mention `{path}`"
        );
    }
}
