//! The attribute's documented limits, as the audit reports them. Each limit
//! the attribute accepts is pinned by a `ui-tests/pass/limit_*.rs` case;
//! each line of such a case that the audit must report ends with
//! `// audit: <name>`, the name of the limit (a finding only the audit
//! makes) or of the lint (a finding the rewrite's own checks make).

use std::collections::BTreeSet;
use std::path::PathBuf;

use ephemeral_fs_audit::{AuditScope, Options, audit_file};
use ephemeral_fs_core::lints::Levels;

/// Limits the audit does not report, and why.
const NOT_REPORTED: &[(&str, &str)] = &[
    (
        "limit_cancelled_tokio_write.rs",
        "a tokio fs call on a temp path is the common async path; only a future dropped mid-call leaves a file",
    ),
    (
        "limit_future_outlives_its_handle.rs",
        "an async fs call on a temp path is the common async path; only a handle dropped before the await leaves a file",
    ),
    (
        "limit_longer_place_dropped_in_a_later_argument.rs",
        "an argument after a path that drops its handle: any call could, so the audit would point at every one",
    ),
    (
        "limit_temp_handles_outliving_their_directory.rs",
        "temp handles made in other temp directories are common and correct; only their lifetimes tell",
    ),
    (
        "limit_temp_dir_in_application_state.rs",
        "a temp handle held in a struct: a request's own are too; only where the struct lives tells",
    ),
    (
        "limit_cleanup_that_fails.rs",
        "a cleanup that fails at run time: nothing in the code to point at",
    ),
    (
        "limit_persist_in_a_user_macro.rs",
        "a change of drop order, not a write: nothing to report",
    ),
];

fn limit_cases() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui-tests/pass");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the UI cases are beside the audit")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| {
            path.file_name()
                .and_then(|name| name.to_str())
                .is_some_and(|name| name.starts_with("limit_") && name.ends_with(".rs"))
        })
        .collect();
    cases.sort();
    cases
}

#[test]
fn reports_every_limit_the_attribute_accepts() {
    let cases = limit_cases();
    assert!(cases.len() >= 10, "found {} limit cases", cases.len());
    for case in cases {
        let name = case.file_name().unwrap().to_str().unwrap().to_owned();
        let source = std::fs::read_to_string(&case).unwrap();
        let marked: BTreeSet<(usize, String)> = source
            .lines()
            .enumerate()
            .filter_map(|(at, line)| {
                let (_, mark) = line.split_once("// audit: ")?;
                Some((at + 1, mark.trim().to_owned()))
            })
            .collect();
        let file: syn::File = syn::parse_str(&source).expect("the case parses");
        let report = audit_file(&file, &Options::new(AuditScope::All, Levels::default()));
        // Every finding, by the name of its limit and of its lint.
        let found: BTreeSet<(usize, String)> = report
            .findings
            .iter()
            .flat_map(|finding| {
                let line = finding.span.start().line;
                let limit = finding.limit.map(|limit| (line, limit.name().to_owned()));
                [(line, finding.lint.name().to_owned())]
                    .into_iter()
                    .chain(limit)
            })
            .collect();
        let missing: Vec<_> = marked.difference(&found).collect();
        assert!(missing.is_empty(), "{name}: not reported: {missing:?}");
        // A limit's warning nowhere else: the marks say where it belongs.
        let unmarked: Vec<_> = report
            .findings
            .iter()
            .filter_map(|finding| {
                let limit = finding.limit?;
                let place = (finding.span.start().line, limit.name().to_owned());
                (!marked.contains(&place)).then_some(place)
            })
            .collect();
        assert!(
            unmarked.is_empty(),
            "{name}: reported but not marked: {unmarked:?}"
        );
        let exempt = NOT_REPORTED.iter().any(|(case, _)| *case == name);
        assert_eq!(
            marked.is_empty(),
            exempt,
            "{name}: a limit case either marks what the audit reports or is listed as not reported"
        );
    }
}

#[test]
fn limit_warnings_in_ordinary_code_stay_quiet() {
    // Builders in sight, inherent by-value setters, handles dropped as
    // usual, a permissions read, and imports renamed to names of their own
    // or of known things: none of the limits' shapes.
    let source = r#"
        use std::fs::OpenOptions;
        use std::io::Write as _;
        use std::fs::write as save;
        use std::fs::metadata as copy;
        use tokio::fs as fs;
        use crate::db::Store as Db;
        struct Config { mode: u32 }
        impl Config {
            fn mode(self, mode: u32) -> Self { Config { mode } }
        }
        #[ephemeral_fs::ephemeral_fs]
        fn handler(dir: &tempfile::TempDir, db: &Db) -> std::io::Result<()> {
            let tmp = tempfile::NamedTempFile::new_in(dir)?;
            let mode = std::fs::metadata(tmp.path())?.permissions();
            OpenOptions::new().read(true).open(tmp.path())?;
            db.open();
            let _ = (Config { mode: 0 }.mode(1), mode);
            Ok(())
        }
    "#;
    let file: syn::File = syn::parse_str(source).unwrap();
    let report = audit_file(&file, &Options::new(AuditScope::All, Levels::default()));
    let limits: Vec<_> = report
        .findings
        .iter()
        .filter_map(|finding| finding.limit)
        .collect();
    assert!(limits.is_empty(), "{limits:?}");
}
