//! How much of the request path the attribute guards: the summary's count
//! in the three formats, the `unguarded_request_path` lint, its levels and
//! exit status, and its agreement with `--fix`.

use serde_json::Value;

mod support;

use support::{assert_valid_sarif, crate_with, run};

/// A handler with the attribute, a helper in another file without it, an
/// annotated helper, a `const fn` (which cannot touch the filesystem and is
/// not counted) and a helper with a write of its own.
const MAIN: &str = "\
mod store;

fn main() {
    let _app = Router::new().route(\"/upload\", post(upload));
}

#[ephemeral_fs::ephemeral_fs]
fn upload(body: &[u8]) {
    store::save(body);
}
";
const STORE: &str = "\
pub fn save(body: &[u8]) {
    checked(body.len().min(limit()));
    log(body);
}

#[ephemeral_fs::ephemeral_fs]
fn checked(_len: usize) {}

pub const fn limit() -> usize {
    1 << 20
}

fn log(body: &[u8]) {
    std::fs::write(\"/var/log/uploads\", body).unwrap();
}
";

fn service(manifest_extra: &str) -> tempfile::TempDir {
    crate_with(
        &[("src/main.rs", MAIN), ("src/store.rs", STORE)],
        manifest_extra,
    )
}

fn json(args: &[&str], dir: &std::path::Path) -> (i32, Value) {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    let out = run(dir, &all);
    let report = serde_json::from_str(&out.stdout).unwrap_or_else(|_| panic!("{}", out.stderr));
    (out.code, report)
}

fn unguarded(report: &Value) -> Vec<String> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["lint"] == "unguarded_request_path")
        .map(|f| f["function"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn the_summary_counts_the_guarded_functions_in_every_format() {
    let dir = service("");
    let out = run(dir.path(), &[]);
    assert_eq!(out.code, 1, "the write is denied: {}", out.stderr);
    assert!(
        out.stdout
            .contains("  coverage: 2 of 4 request-path functions are guarded by the attribute\n"),
        "{}",
        out.stdout
    );
    // Allowed by default: no finding of the lint.
    assert!(
        !out.stdout.contains("[unguarded_request_path]"),
        "{}",
        out.stdout
    );

    let (_, report) = json(&[], dir.path());
    assert_eq!(report["summary"]["guarded"], 2);
    assert_eq!(report["summary"]["guardable"], 4);
    assert_eq!(unguarded(&report), Vec::<String>::new());

    let out = run(dir.path(), &["--format", "sarif"]);
    assert_valid_sarif(&out.stdout);
    let sarif: Value = serde_json::from_str(&out.stdout).unwrap();
    let properties = &sarif["runs"][0]["properties"];
    assert_eq!(properties["guardedByTheAttribute"], 2);
    assert_eq!(properties["requestPathFunctions"], 4);

    // The scopes that build no request path have nothing to count.
    let (_, report) = json(&["--scope", "all"], dir.path());
    assert!(report["summary"].get("guarded").is_none(), "{report}");
    let out = run(dir.path(), &["--scope", "all"]);
    assert!(!out.stdout.contains("coverage:"), "{}", out.stdout);
}

#[test]
fn the_lint_reports_each_unguarded_function_in_every_format() {
    let dir = service("");
    let out = run(dir.path(), &["--deny", "unguarded_request_path"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stdout.contains(
            "error[unguarded_request_path]: `store::save` is on the request path, and no `#[ephemeral_fs]` covers it\n --> src/store.rs:1:8\n"
        ),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains(
            "reached from a handler: `upload` (src/main.rs:9) → `store::save` (src/store.rs:1)\n"
        ),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains(
            "help: put `#[ephemeral_fs::ephemeral_fs]` on it, or run `cargo ephemeral-fs --fix`"
        ),
        "{}",
        out.stdout
    );

    let (code, report) = json(&["-D", "unguarded_request_path"], dir.path());
    assert_eq!(code, 1);
    assert_eq!(unguarded(&report), ["store::save", "store::log"]);
    let save = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["function"] == "store::save")
        .unwrap();
    assert_eq!(save["level"], "deny");
    assert_eq!(save["file"], "src/store.rs");
    assert_eq!(save["span"]["start"]["line"], 1);
    assert_eq!(save["span"]["start"]["column"], 8);
    assert_eq!(save["span"]["end"]["column"], 12);
    assert_eq!(save["via"][0]["function"], "upload");
    assert_eq!(save["via"][1]["function"], "store::save");
    let lint = report["summary"]["lints"]
        .as_array()
        .unwrap()
        .iter()
        .find(|row| row["lint"] == "unguarded_request_path")
        .unwrap();
    assert_eq!(lint["deny"], 2);

    let out = run(
        dir.path(),
        &["--format", "sarif", "--deny", "unguarded_request_path"],
    );
    assert_eq!(out.code, 1);
    assert_valid_sarif(&out.stdout);
    let sarif: Value = serde_json::from_str(&out.stdout).unwrap();
    let results: Vec<&Value> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["ruleId"] == "unguarded_request_path")
        .collect();
    assert_eq!(results.len(), 2);
    assert_eq!(results[0]["level"], "error");
    let flow = &results[0]["codeFlows"][0]["threadFlows"][0]["locations"];
    assert_eq!(flow.as_array().map(Vec::len), Some(2));
}

#[test]
fn the_lint_fails_ci_at_the_level_it_is_given() {
    let dir = service("");
    // The write alone is denied; allowing it leaves the lint to decide.
    let allow_write = ["-A", "persistent_write"];
    assert_eq!(run(dir.path(), &allow_write).code, 0);
    let warned = run(
        dir.path(),
        &[&allow_write[..], &["-W", "unguarded_request_path"]].concat(),
    );
    assert_eq!(warned.code, 0, "{}", warned.stdout);
    assert!(warned.stdout.contains("warning[unguarded_request_path]"));
    let failing = [
        &allow_write[..],
        &["-W", "unguarded_request_path", "--fail-on", "warn"],
    ]
    .concat();
    assert_eq!(run(dir.path(), &failing).code, 1);
    let denied = run(
        dir.path(),
        &[&allow_write[..], &["-D", "unguarded_request_path"]].concat(),
    );
    assert_eq!(denied.code, 1);

    let from_manifest = service(
        "[package.metadata.ephemeral-fs]\nallow = [\"persistent_write\"]\ndeny = [\"unguarded_request_path\"]\n",
    );
    let out = run(from_manifest.path(), &[]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(out.stdout.contains("error[unguarded_request_path]"));
}

#[test]
fn after_fix_the_lint_reports_only_functions_with_a_finding() {
    let dir = service("");
    let (_, before) = json(&["-D", "unguarded_request_path"], dir.path());
    assert_eq!(unguarded(&before), ["store::save", "store::log"]);
    let out = run(dir.path(), &["--fix"]);
    assert!(
        out.stderr.contains("on 1 function in 1 file"),
        "{}",
        out.stderr
    );
    let (_, after) = json(&["-D", "unguarded_request_path"], dir.path());
    // `log` writes: annotating it would make the write a build error, so it
    // is left to the user, and both its findings stay.
    assert_eq!(unguarded(&after), ["store::log"]);
    assert_eq!(after["summary"]["guarded"], 3);
    assert_eq!(after["summary"]["guardable"], 4);
    let store = std::fs::read_to_string(dir.path().join("src/store.rs")).unwrap();
    assert!(
        store.starts_with("#[ephemeral_fs::ephemeral_fs]\npub fn save"),
        "{store}"
    );
    assert!(store.contains("}\n\nfn log("), "{store}");
}

/// A manifest that allows `persistent_write` hides `log`'s write from the
/// report, but the attribute would reject it: `--fix` decides at the
/// attribute's levels and leaves `log` alone, then reports at the
/// manifest's.
#[test]
fn fix_does_not_annotate_a_write_that_the_manifest_allows() {
    let dir = service("[package.metadata.ephemeral-fs]\nallow = [\"persistent_write\"]\n");
    let out = run(dir.path(), &["--fix"]);
    assert_eq!(out.code, 0, "{}\n{}", out.stdout, out.stderr);
    assert!(
        out.stderr
            .contains("left `store::log` (src/store.rs:13) without the attribute"),
        "{}",
        out.stderr
    );
    assert!(!out.stdout.contains("[persistent_write]"), "{}", out.stdout);
    let store = std::fs::read_to_string(dir.path().join("src/store.rs")).unwrap();
    assert!(store.contains("}\n\nfn log("), "{store}");
}
