use super::*;
use syn::parse_quote;

fn resolve(items: Vec<Item>, path: syn::Path) -> Option<String> {
    let mut scope = Namespaces::default();
    scope.push_module(&items);
    scope.resolve(&path).map(|p| p.join("::"))
}

#[test]
fn logging_imports_are_followed() {
    // So that a bare `info!` is known as tracing's or log's.
    let items: Vec<Item> = vec![
        parse_quote!(
            use tracing::info;
        ),
        parse_quote!(
            use log::{debug as trace_it};
        ),
        parse_quote!(
            use my_logging::warn;
        ),
    ];
    assert_eq!(
        resolve(items.clone(), parse_quote!(info)).unwrap(),
        "tracing::info"
    );
    assert_eq!(
        resolve(items.clone(), parse_quote!(trace_it)).unwrap(),
        "log::debug"
    );
    assert_eq!(resolve(items, parse_quote!(warn)), None);
}

#[test]
fn functions_and_macros_hide_calls_not_paths() {
    // rustc resolves the first segment of a longer path in the type
    // namespace: `fn rocket()` (Rocket's `#[launch]`) does not hide the
    // crate, and `fn fs()` does not hide the module.
    let items: Vec<Item> = vec![
        parse_quote!(
            use rocket::tokio::fs;
        ),
        parse_quote!(
            fn rocket() {}
        ),
        parse_quote!(
            fn write() {}
        ),
        parse_quote!(
            macro_rules! File {
                () => {};
            }
        ),
    ];
    assert_eq!(
        resolve(items.clone(), parse_quote!(fs::write)).unwrap(),
        "rocket::tokio::fs::write"
    );
    assert_eq!(resolve(items.clone(), parse_quote!(write)), None);
    assert_eq!(
        resolve(items.clone(), parse_quote!(File::create)).unwrap(),
        "std::fs::File::create"
    );
    let both: Vec<Item> = vec![
        parse_quote!(
            mod fs {}
        ),
        parse_quote!(
            fn fs() {}
        ),
    ];
    assert_eq!(resolve(both, parse_quote!(fs::write)), None);
    let hidden: Vec<Item> = vec![parse_quote!(
        fn fs() {}
    )];
    assert_eq!(
        resolve(hidden.clone(), parse_quote!(fs::write)).unwrap(),
        "std::fs::write"
    );
    assert_eq!(resolve(hidden, parse_quote!(fs)), None);
}

#[test]
fn follows_imports_and_renames() {
    let items: Vec<Item> = vec![
        parse_quote!(
            use std::fs;
        ),
        parse_quote!(
            use std::fs::{File as F, write as save};
        ),
        parse_quote!(
            use tokio::fs as afs;
        ),
    ];
    assert_eq!(
        resolve(items.clone(), parse_quote!(fs::write)).unwrap(),
        "std::fs::write"
    );
    assert_eq!(
        resolve(items.clone(), parse_quote!(F::create)).unwrap(),
        "std::fs::File::create"
    );
    assert_eq!(
        resolve(items.clone(), parse_quote!(save)).unwrap(),
        "std::fs::write"
    );
    assert_eq!(
        resolve(items, parse_quote!(afs::write)).unwrap(),
        "tokio::fs::write"
    );
}

#[test]
fn imports_build_on_each_other() {
    let items: Vec<Item> = vec![
        parse_quote!(
            use std::fs;
        ),
        parse_quote!(
            use fs::{self as f, File};
        ),
    ];
    assert_eq!(
        resolve(items.clone(), parse_quote!(File::create)).unwrap(),
        "std::fs::File::create"
    );
    assert_eq!(
        resolve(items, parse_quote!(f::remove_file)).unwrap(),
        "std::fs::remove_file"
    );
}

#[test]
fn globs_bring_operation_names() {
    let items: Vec<Item> = vec![parse_quote!(
        use std::fs::*;
    )];
    assert_eq!(
        resolve(items.clone(), parse_quote!(remove_dir_all)).unwrap(),
        "std::fs::remove_dir_all"
    );
    assert_eq!(resolve(items, parse_quote!(launch)), None);
}

#[test]
fn local_items_and_foreign_imports_shadow_conventions() {
    let items: Vec<Item> = vec![
        parse_quote!(
            mod fs {}
        ),
        parse_quote!(
            use crate::storage::File;
        ),
    ];
    assert_eq!(resolve(items.clone(), parse_quote!(fs::write)), None);
    assert_eq!(resolve(items, parse_quote!(File::create)), None);
    assert_eq!(
        resolve(vec![], parse_quote!(fs::write)).unwrap(),
        "std::fs::write"
    );
    assert_eq!(resolve(vec![], parse_quote!(storage::write)), None);
    assert_eq!(resolve(vec![], parse_quote!(self::fs::write)), None);
}

#[test]
fn parent_globs_self_super_and_inline_modules_are_followed() {
    let items: Vec<Item> = vec![parse_quote!(
        use std::os::unix::*;
    )];
    assert_eq!(
        resolve(items, parse_quote!(net::UnixListener::bind)).unwrap(),
        "std::os::unix::net::UnixListener::bind"
    );
    let items: Vec<Item> = vec![parse_quote!(
        use std::*;
    )];
    assert_eq!(
        resolve(
            items.clone(),
            parse_quote!(os::unix::net::UnixListener::bind)
        )
        .unwrap(),
        "std::os::unix::net::UnixListener::bind"
    );
    assert_eq!(resolve(items, parse_quote!(io::copy)), None);
    let mut scope = Namespaces::default();
    scope.push_module(&[parse_quote!(
        use std::fs;
    )]);
    scope.push_module(&[parse_quote!(
        fn g() {}
    )]);
    let resolved = |scope: &Namespaces, path: syn::Path| scope.resolve(&path).map(|p| p.join("::"));
    assert_eq!(
        resolved(&scope, parse_quote!(super::fs::write)).unwrap(),
        "std::fs::write"
    );
    assert_eq!(resolved(&scope, parse_quote!(self::fs::write)), None);
    scope.pop();
    assert_eq!(
        resolved(&scope, parse_quote!(self::fs::write)).unwrap(),
        "std::fs::write"
    );
    assert_eq!(resolved(&scope, parse_quote!(super::fs::write)), None);
    let items: Vec<Item> = vec![parse_quote!(
        mod m {
            pub use std::fs::write as save;
            pub fn other() {}
        }
    )];
    assert_eq!(
        resolve(items.clone(), parse_quote!(m::save)).unwrap(),
        "std::fs::write"
    );
    assert_eq!(resolve(items, parse_quote!(m::other)), None);
}

#[test]
fn renamed_crates_and_type_aliases_are_followed() {
    let items: Vec<Item> = vec![
        parse_quote!(
            extern crate std as stdlib;
        ),
        parse_quote!(
            type Blob = std::fs::File;
        ),
        parse_quote!(
            type Own = crate::Blob;
        ),
        parse_quote!(
            type Paren = (std::fs::File);
        ),
    ];
    assert_eq!(
        resolve(items.clone(), parse_quote!(Paren::create)).unwrap(),
        "std::fs::File::create"
    );
    assert_eq!(
        resolve(items.clone(), parse_quote!(stdlib::fs::write)).unwrap(),
        "std::fs::write"
    );
    assert_eq!(
        resolve(items.clone(), parse_quote!(Blob::create)).unwrap(),
        "std::fs::File::create"
    );
    assert_eq!(resolve(items, parse_quote!(Own::create)), None);
}

#[test]
fn imports_and_aliases_resolve_in_any_order() {
    let items: Vec<Item> = vec![
        parse_quote!(
            use fs::File;
        ),
        parse_quote!(
            type Upload = Backend;
        ),
        parse_quote!(
            type Backend = File;
        ),
        parse_quote!(
            use std::fs;
        ),
    ];
    assert_eq!(
        resolve(items, parse_quote!(Upload::create)).unwrap(),
        "std::fs::File::create"
    );
}

#[test]
fn use_trees_through_self_super_and_inline_modules() {
    let mut scope = Namespaces::default();
    let outer: Vec<Item> = vec![
        parse_quote!(
            use std::fs;
        ),
        parse_quote!(
            mod disk {
                pub use std::fs::write as save;
            }
        ),
        parse_quote!(
            use self::fs as local;
        ),
        parse_quote!(
            use disk::save;
        ),
    ];
    scope.push_module(&outer);
    let path = |p: syn::Path, scope: &Namespaces| scope.resolve(&p).map(|p| p.join("::"));
    assert_eq!(
        path(parse_quote!(local::write), &scope).unwrap(),
        "std::fs::write"
    );
    assert_eq!(path(parse_quote!(save), &scope).unwrap(), "std::fs::write");
    let inner: Vec<Item> = vec![
        parse_quote!(
            use super::fs as parent;
        ),
        parse_quote!(
            use super::disk::*;
        ),
        parse_quote!(
            use crate::File;
        ),
    ];
    scope.push_module(&inner);
    assert_eq!(
        path(parse_quote!(parent::write), &scope).unwrap(),
        "std::fs::write"
    );
    assert_eq!(path(parse_quote!(save), &scope).unwrap(), "std::fs::write");
    // `crate::` is out of sight: its `File` is not std's.
    assert_eq!(path(parse_quote!(File::create), &scope), None);
}

#[test]
fn conditional_imports_keep_the_stricter_meaning() {
    let items: Vec<Item> = vec![
        parse_quote!(
            #[cfg(test)]
            use crate::mock::File;
        ),
        parse_quote!(
            #[cfg(not(test))]
            use std::fs::File;
        ),
        parse_quote!(
            #[cfg(test)]
            fn write() {}
        ),
        parse_quote!(
            use std::fs::*;
        ),
        parse_quote!(
            #[cfg(test)]
            use crate::mock::remove_file;
        ),
    ];
    assert_eq!(
        resolve(items.clone(), parse_quote!(File::create)).unwrap(),
        "std::fs::File::create"
    );
    assert_eq!(
        resolve(items.clone(), parse_quote!(write)).unwrap(),
        "std::fs::write"
    );
    assert_eq!(
        resolve(items, parse_quote!(remove_file)).unwrap(),
        "std::fs::remove_file"
    );
}

#[test]
fn conditional_modules_leave_their_name_its_other_meaning() {
    let double: Item = parse_quote!(
        #[cfg(test)]
        mod fs {
            pub fn write() {}
        }
    );
    // Compiled out, `fs` is the conventional `std::fs`.
    assert_eq!(
        resolve(vec![double.clone()], parse_quote!(fs::write)).unwrap(),
        "std::fs::write"
    );
    // A module whose own reading is the stricter one keeps it.
    let platform: Item = parse_quote!(
        #[cfg(unix)]
        mod platform {
            pub use std::fs::write as save;
        }
    );
    assert_eq!(
        resolve(vec![platform], parse_quote!(platform::save)).unwrap(),
        "std::fs::write"
    );
    // Not `#[cfg]`'d, the module is what `fs` means.
    let module: Item = parse_quote!(
        mod fs {
            pub fn write() {}
        }
    );
    assert_eq!(resolve(vec![module], parse_quote!(fs::write)), None);
}

#[test]
fn associated_types_of_trait_impls_in_sight() {
    let items: Vec<Item> = vec![
        parse_quote!(
            impl Backend for Local {
                type Handle = std::fs::File;
            }
        ),
        parse_quote!(
            struct Local;
        ),
    ];
    assert_eq!(
        resolve(items, parse_quote!(Local::Handle::create)).unwrap(),
        "std::fs::File::create"
    );
}

#[test]
fn the_annotated_module_named_from_outside_or_by_itself() {
    // In the annotated `mod handlers`: `super::handlers` is the module
    // itself, and so are `use self as me;` and `use super::handlers as
    // me;`, read before the imports they lead to.
    let mut scope = Namespaces::default();
    let items: Vec<Item> = vec![
        parse_quote!(
            use self as me;
        ),
        parse_quote!(
            use super::handlers as again;
        ),
        parse_quote!(
            use super::handlers::util::put as store;
        ),
        parse_quote!(
            use std::fs;
        ),
        parse_quote!(
            pub use std::fs::write as put;
        ),
        parse_quote!(
            mod util {
                pub use std::fs::write as put;
            }
        ),
        parse_quote!(
            use super as up;
        ),
        parse_quote!(
            use crate as root;
        ),
        parse_quote!(
            extern crate self as krate;
        ),
        parse_quote!(
            use up::handlers::put as through_up;
        ),
    ];
    scope.push_named_module(Some("handlers".to_owned()), &items);
    let path = |p: syn::Path, scope: &Namespaces| scope.resolve(&p).map(|p| p.join("::"));
    for written in [
        parse_quote!(super::handlers::fs::write),
        parse_quote!(super::handlers::put),
        parse_quote!(super::handlers::util::put),
        parse_quote!(me::put),
        parse_quote!(me::fs::write),
        parse_quote!(again::put),
        parse_quote!(store),
        // Further up, and back by the module's name (a module of that name
        // elsewhere would be read as this one, as through `crate::`).
        parse_quote!(super::super::web::handlers::fs::write),
        parse_quote!(up::handlers::put),
        parse_quote!(root::web::handlers::put),
        parse_quote!(krate::handlers::fs::write),
        parse_quote!(through_up),
        // Its own name, which nothing in sight binds: a glob of the
        // parent's names brings it.
        parse_quote!(handlers::fs::write),
    ] {
        let text = crate::syntax::path_text(&written);
        assert_eq!(
            path(written, &scope).as_deref(),
            Some("std::fs::write"),
            "{text}"
        );
    }
    // A module nested in it climbs one more level.
    let inner: Vec<Item> = vec![parse_quote!(
        use super::super::handlers::put as up;
    )];
    scope.push_named_module(Some("inner".to_owned()), &inner);
    assert_eq!(
        path(parse_quote!(super::super::handlers::fs::write), &scope).as_deref(),
        Some("std::fs::write")
    );
    assert_eq!(
        path(parse_quote!(up), &scope).as_deref(),
        Some("std::fs::write")
    );
    // Another module of the parent's is out of sight.
    assert_eq!(path(parse_quote!(super::super::other::put), &scope), None);
}

#[test]
fn the_annotated_module_named_again_within_a_path() {
    // An alias of the annotated module reads it as it stands, also after
    // itself (`me::me::disk`); a name for a module above it is followed
    // wherever it appears in a path; a `#[cfg]`'d alias of it is kept.
    let mut scope = Namespaces::default();
    let items: Vec<Item> = vec![
        parse_quote!(
            use self as me;
        ),
        parse_quote!(
            use super::handlers as again;
        ),
        parse_quote!(
            #[cfg(unix)]
            use super as up;
        ),
        parse_quote!(
            #[cfg(unix)]
            use self as maybe;
        ),
        parse_quote!(
            use std::fs as disk;
        ),
        parse_quote!(
            mod util {
                pub(super) use crate as root;
            }
        ),
    ];
    scope.push_named_module(Some("handlers".to_owned()), &items);
    let path = |p: syn::Path, scope: &Namespaces| scope.resolve(&p).map(|p| p.join("::"));
    for written in [
        parse_quote!(me::me::disk::write),
        parse_quote!(again::again::disk::write),
        parse_quote!(up::handlers::up::handlers::disk::write),
        parse_quote!(handlers::handlers::disk::write),
        parse_quote!(util::root::handlers::disk::write),
        parse_quote!(maybe::disk::write),
        parse_quote!(up::handlers::disk::write),
    ] {
        let text = crate::syntax::path_text(&written);
        assert_eq!(
            path(written, &scope).as_deref(),
            Some("std::fs::write"),
            "{text}"
        );
    }
}

#[test]
fn re_export_chains_between_nested_modules() {
    // Three links back and forth between modules nested in two siblings.
    let mut scope = Namespaces::default();
    let items: Vec<Item> = vec![
        parse_quote!(
            pub mod x {
                pub mod p3 {
                    pub use std::fs::write as save;
                }
                pub mod p2 {
                    pub use super::super::y::q2::*;
                }
            }
        ),
        parse_quote!(
            pub mod y {
                pub mod q2 {
                    pub use super::super::x::p3::*;
                }
                pub mod q1 {
                    pub use super::super::x::p2::*;
                }
            }
        ),
    ];
    scope.push_named_module(Some("handlers".to_owned()), &items);
    assert_eq!(
        scope
            .resolve(&parse_quote!(y::q1::save))
            .map(|p| p.join("::")),
        Some("std::fs::write".to_owned())
    );
}

#[test]
fn an_item_hides_a_name_in_its_own_namespace_only() {
    // A call's callee is a value, a longer path's first segment a type or
    // module: an item only in the other namespace hides nothing, in its
    // frame (the glob still brings `copy`) or further in (`fn store`).
    let mut scope = Namespaces::default();
    scope.push_named_module(
        Some("handlers".to_owned()),
        &[
            parse_quote!(
                use std::fs::*;
            ),
            parse_quote!(
                mod copy {}
            ),
            parse_quote!(
                use std::fs as store;
            ),
            parse_quote!(
                use std::fs::remove_file as discard;
            ),
        ],
    );
    let block: syn::Block = parse_quote!({
        fn store(n: usize) -> usize {
            n
        }
        enum discard {}
        struct write {
            len: usize,
        }
    });
    scope.push_block(&block.stmts);
    let path = |p: syn::Path| scope.resolve(&p).map(|p| p.join("::"));
    assert_eq!(path(parse_quote!(copy)).as_deref(), Some("std::fs::copy"));
    assert_eq!(
        path(parse_quote!(store::write)).as_deref(),
        Some("std::fs::write")
    );
    assert_eq!(
        path(parse_quote!(discard)).as_deref(),
        Some("std::fs::remove_file")
    );
    assert_eq!(path(parse_quote!(write)).as_deref(), Some("std::fs::write"));
    // In their own namespace they hide: `store(..)` is the local function,
    // `copy::label` is in the module.
    assert_eq!(path(parse_quote!(store)), None);
    assert_eq!(path(parse_quote!(copy::label)), None);
}

#[test]
fn namespaces_in_members_globs_and_imports() {
    let path = |scope: &Namespaces, p: syn::Path| scope.resolve(&p).map(|p| p.join("::"));
    // A type-only item leaves the glob's function to `self::write`,
    // `m::write`, an import of it, and a glob of `m`.
    let mut scope = Namespaces::default();
    scope.push_named_module(
        Some("h".to_owned()),
        &[
            parse_quote!(
                use std::fs::*;
            ),
            parse_quote!(
                struct write {}
            ),
            parse_quote!(
                mod m {
                    pub use std::fs::*;
                    pub struct write {}
                }
            ),
            parse_quote!(
                use m::write as save;
            ),
        ],
    );
    for written in [
        parse_quote!(self::write),
        parse_quote!(m::write),
        parse_quote!(save),
    ] {
        assert_eq!(path(&scope, written).as_deref(), Some("std::fs::write"));
    }
    let mut scope = Namespaces::default();
    scope.push_named_module(
        Some("h".to_owned()),
        &[
            parse_quote!(
                mod m {
                    pub use std::fs::write;
                }
            ),
            parse_quote!(
                use m::*;
            ),
            parse_quote!(
                struct write {}
            ),
        ],
    );
    assert_eq!(
        path(&scope, parse_quote!(write)).as_deref(),
        Some("std::fs::write")
    );
    // A glob brings only what its module has: `std::os::unix::fs` has no
    // `write`, `tokio::net` no `File`.
    let mut scope = Namespaces::default();
    scope.push_named_module(
        Some("h".to_owned()),
        &[
            parse_quote!(
                use std::fs::File;
            ),
            parse_quote!(
                use std::fs::write;
            ),
        ],
    );
    let block: syn::Block = parse_quote!({
        use std::os::unix::fs::*;
        use tokio::net::*;
    });
    scope.push_block(&block.stmts);
    assert_eq!(
        path(&scope, parse_quote!(write)).as_deref(),
        Some("std::fs::write")
    );
    assert_eq!(
        path(&scope, parse_quote!(File::create)).as_deref(),
        Some("std::fs::File::create")
    );
    assert_eq!(
        path(&scope, parse_quote!(symlink)).as_deref(),
        Some("std::os::unix::fs::symlink")
    );
    // Of the two globs in one block, the one that has the name.
    let block: syn::Block = parse_quote!({
        use std::fs::*;
        use std::os::unix::fs::*;
    });
    let mut scope = Namespaces::default();
    scope.push_block(&block.stmts);
    assert_eq!(
        path(&scope, parse_quote!(write)).as_deref(),
        Some("std::fs::write")
    );
    // An import of an operation that is a function binds a value only.
    let mut scope = Namespaces::default();
    scope.push_named_module(
        Some("h".to_owned()),
        &[parse_quote!(
            use std::fs;
        )],
    );
    let block: syn::Block = parse_quote!({
        use std::fs::metadata as fs;
    });
    scope.push_block(&block.stmts);
    assert_eq!(
        path(&scope, parse_quote!(fs::write)).as_deref(),
        Some("std::fs::write")
    );
    // An import of a crate, module or type the tables know of binds a type
    // only: `use std::fs as write;` in a block leaves a call `write(..)` to
    // the outer `use std::fs::write;`, as rustc does, and a type path to it.
    for inner in [
        parse_quote!({
            use std::fs as write;
        }),
        parse_quote!({
            use std::fs::DirBuilder as write;
        }),
        parse_quote!({
            use tempfile::TempDir as write;
        }),
        parse_quote!({
            use tokio as write;
        }),
        parse_quote!({
            use std::os as write;
        }),
    ] {
        let inner: syn::Block = inner;
        let outer = parse_quote!({
            use std::fs::write;
        });
        let scope = blocks(&[outer, inner.clone()]);
        assert_eq!(
            path(&scope, parse_quote!(write)).as_deref(),
            Some("std::fs::write"),
            "{}",
            quote::quote!(#inner)
        );
        assert_ne!(
            scope.resolve_type(&parse_quote!(write)),
            Some(vec!["std".to_owned(), "fs".to_owned(), "write".to_owned()]),
        );
    }
    // A limit: an import of anything else is taken in both namespaces, so
    // a type of yours out of sight imported as `write` hides the outer
    // `write` for a call, which is std's for rustc: the call is left
    // unchecked (`limits.md`, "What an import binds").
    let scope = blocks(&[
        parse_quote!({
            use std::fs::write;
        }),
        parse_quote!({
            use models::Upload as write;
        }),
    ]);
    assert_eq!(path(&scope, parse_quote!(write)).as_deref(), None);
    // tempfile's functions are values: `tempfile::tempdir as write` hides
    // the outer `write` for a call, as for rustc.
    let scope = blocks(&[
        parse_quote!({
            use std::fs::write;
        }),
        parse_quote!({
            use tempfile::tempdir as write;
        }),
    ]);
    assert_eq!(
        path(&scope, parse_quote!(write)).as_deref(),
        Some("tempfile::tempdir")
    );
    let mut scope = Namespaces::default();
    scope.push_named_module(
        Some("h".to_owned()),
        &[parse_quote!(
            use std::fs;
        )],
    );
    // A limit: of other functions the attribute cannot tell that they bind
    // a value only, so `use std::mem::take as fs;` hides `std::fs` for
    // `fs::write` (`limits.md`, "What an import binds").
    let block: syn::Block = parse_quote!({
        use std::mem::take as fs;
    });
    scope.push_block(&block.stmts);
    assert_eq!(
        path(&scope, parse_quote!(fs::write)).as_deref(),
        Some("std::mem::take::write")
    );
}

#[test]
fn type_paths_are_read_among_types() {
    let path = |scope: &Namespaces, p: syn::Path| scope.resolve(&p).map(|p| p.join("::"));
    // `type Backend = File;` under `use std::fs::File;`: a type path of one
    // segment is the type, not a value.
    let block: syn::Block = parse_quote!({
        use std::fs::File;
    });
    let mut scope = Namespaces::default();
    scope.push_block(&block.stmts);
    assert_eq!(
        scope
            .resolve_type(&parse_quote!(File))
            .map(|p| p.join("::"))
            .as_deref(),
        Some("std::fs::File")
    );
    // An import of a function under a type's name is no type: the type
    // path falls to the conventional name.
    let scope = blocks(&[parse_quote!({
        use std::fs::write as OpenOptions;
    })]);
    assert_eq!(
        scope
            .resolve_type(&parse_quote!(OpenOptions))
            .map(|p| p.join("::"))
            .as_deref(),
        Some("std::fs::OpenOptions")
    );
    assert_eq!(
        path(&scope, parse_quote!(OpenOptions)).as_deref(),
        Some("std::fs::write")
    );
    // A struct of the user's hides the conventional name among types.
    let scope = blocks(&[parse_quote!({
        struct File {}
    })]);
    assert_eq!(scope.resolve_type(&parse_quote!(File)), None);
    // An alias reads its target as a type.
    let scope = blocks(&[parse_quote!({
        use std::fs::File;
        type Backend = File;
    })]);
    assert_eq!(
        path(&scope, parse_quote!(Backend::create)).as_deref(),
        Some("std::fs::File::create")
    );
}

/// The names in sight inside `blocks`, each nested in the one before.
fn blocks(blocks: &[syn::Block]) -> Namespaces {
    let mut scope = Namespaces::default();
    for block in blocks {
        scope.push_block(&block.stmts);
    }
    scope
}
