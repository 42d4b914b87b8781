//! Every lint of the table reaches each place that must know it: a new
//! declaration fails here until the runtime has its marker and bound, and
//! the attribute accepts its name.
//! (The audit's texts, `--explain`, `--help` and the SARIF rules read the
//! table itself; the CLI's tests check those.)

use ephemeral_fs_core::lints::{CheckedBy, Level, Levels, Lint};
use ephemeral_fs_core::ops::OPERATIONS;
use proc_macro2::TokenStream;
use quote::quote;

mod support;

fn runtime_source(file: &str) -> String {
    let path = format!("{}/../runtime/src/{file}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

fn camel_case(name: &str) -> String {
    name.split('_')
        .map(|word| word[..1].to_uppercase() + &word[1..])
        .collect()
}

/// `ephemeral_fs::lint::<name>` exists for every lint, documented with its
/// table entry, so that each has a page in the API docs.
#[test]
fn every_lint_has_a_documented_marker() {
    let lint_rs = runtime_source("lint.rs");
    for lint in Lint::ALL {
        let name = lint.name();
        let marker =
            format!("#[doc = ephemeral_fs_lints::lint_doc!({name})]\npub enum {name} {{}}");
        assert!(
            lint_rs.contains(&marker),
            "runtime/src/lint.rs lacks `{marker}`"
        );
    }
    assert_eq!(
        lint_rs.matches("\npub enum ").count(),
        Lint::COUNT,
        "runtime/src/lint.rs has a marker of a lint the table does not declare"
    );
}

/// A lint the attribute checks has a bound that names it, the function or
/// method the expansion calls for its `deny` level, and a trait through
/// which its `warn` level reports; a lint only the audit checks has none.
#[test]
fn attribute_lints_have_runtime_bounds_and_audit_lints_none() {
    let lint_rs = runtime_source("lint.rs");
    let bounds = runtime_source("bounds.rs") + &runtime_source("target.rs");
    let private = ["private/mod.rs", "private/escape.rs", "private/path_of.rs"]
        .map(runtime_source)
        .concat();
    for lint in Lint::ALL {
        let name = lint.name();
        let warn_trait = format!("pub trait {}", camel_case(name));
        let opt_out = format!("#[ephemeral_fs::allow({name}, reason = \\\"...\\\")]");
        let bound = bounds.contains(&format!("message = \"{name}: "))
            || bounds.contains(&format!("<{name}>"))
            || private.contains(&format!("<{name}>"));
        let deny_entry = private.contains(&format!("pub fn {name}"))
            || private.contains(&format!("fn __ephemeral_fs_deny_{name}"));
        let in_ops = OPERATIONS
            .iter()
            .any(|op| op.targets.iter().any(|target| target.lint == lint));
        match lint.checked_by() {
            CheckedBy::AttributeAndAudit => {
                assert!(bound, "runtime: no bound names `{name}`");
                assert!(
                    deny_entry,
                    "runtime/src/private: nothing the expansion calls for `deny({name})`"
                );
                assert!(
                    lint_rs.contains(&warn_trait),
                    "runtime/src/lint.rs: no `{warn_trait}` for `warn({name})`"
                );
                assert!(
                    lint_rs.contains(&opt_out),
                    "runtime/src/lint.rs: no warning shows `{opt_out}`"
                );
            }
            CheckedBy::AuditOnly => {
                assert!(
                    !deny_entry && !lint_rs.contains(&warn_trait),
                    "`{name}` is audit-only, but the runtime checks it"
                );
                assert!(
                    !in_ops,
                    "`{name}` is audit-only, but a row of the operations table names it"
                );
            }
        }
    }
}

fn accepted(args: TokenStream) -> bool {
    let item = quote! {
        fn handler() {}
    };
    support::run(args, item).error.is_none()
}

/// Every name and level is accepted by the attribute, and by
/// `#[ephemeral_fs::allow]`; an audit-only lint's level is kept for the
/// audit, which reads the same arguments.
#[test]
fn the_attribute_accepts_every_lint_at_every_level() {
    for lint in Lint::ALL {
        let name = proc_macro2::Ident::new(lint.name(), proc_macro2::Span::call_site());
        for level in Level::ALL {
            let level = proc_macro2::Ident::new(level.name(), proc_macro2::Span::call_site());
            assert!(accepted(quote!(#level(#name))), "{level}({name})");
        }
        let item = quote! {
            fn handler() {
                #[ephemeral_fs::allow(#name, reason = "the test says so")]
                let _x = 1;
            }
        };
        assert!(
            support::run(quote!(), item).error.is_none(),
            "allow({name}, reason)"
        );
    }
    assert!(!accepted(quote!(deny(persistant_write))));
}

#[test]
fn levels_start_at_the_declared_defaults() {
    let levels = Levels::default();
    for lint in Lint::ALL {
        assert_eq!(levels.get(lint), lint.default_level(), "{lint}");
    }
}
