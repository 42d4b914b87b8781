//! The binary, run as a user runs it: on the demonstration crate in all
//! three formats, and on small crates made for each behaviour.

mod support;

use serde_json::Value;
use support::{Run, assert_snapshot, crate_with, repo_root, run, run_in};

#[test]
fn naive_uploads_in_the_human_format() {
    let out = run_in(&repo_root(), &["examples/naive-uploads"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_snapshot("naive-uploads.txt", &out.stdout);
    assert_eq!(out.stderr, "");
}

#[test]
fn naive_uploads_as_json() {
    let out = run_in(
        &repo_root(),
        &["examples/naive-uploads", "--format", "json"],
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_snapshot("naive-uploads.json", &out.stdout);
}

#[test]
fn naive_uploads_as_sarif_valid_against_the_schema() {
    let out = run_in(
        &repo_root(),
        &["examples/naive-uploads", "--format", "sarif"],
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_snapshot("naive-uploads.sarif", &out.stdout);
    support::assert_valid_sarif(&out.stdout);
}

#[test]
fn runs_as_a_cargo_subcommand_too() {
    let direct = run_in(
        &repo_root(),
        &["examples/naive-uploads", "--format", "json"],
    );
    let through_cargo = run_in(
        &repo_root(),
        &["ephemeral-fs", "examples/naive-uploads", "--format", "json"],
    );
    assert_eq!(direct.stdout, through_cargo.stdout);
    // The directory of the crate, or its manifest.
    let manifest = run_in(
        &repo_root().join("examples/naive-uploads"),
        &["Cargo.toml", "--format", "json"],
    );
    // Five in the code, and the Dockerfile's `VOLUME`.
    assert_eq!(json(&manifest)["findings"].as_array().unwrap().len(), 6);
}

const HANDLERS: &str = r#"
use std::fs;

pub fn app() -> axum::Router {
    axum::Router::new().route("/up", axum::routing::post(upload))
}

async fn upload(body: Vec<u8>) {
    fs::write("/var/uploads/x", body).unwrap();
}

#[actix_web::get("/old")]
async fn old() -> Vec<u8> {
    fs::read("/var/uploads/x").unwrap()
}

#[ephemeral_fs::ephemeral_fs(warn(persistent_write))]
fn migrating() {
    fs::create_dir_all("/var/cache").unwrap();
}

fn helper() {
    fs::remove_file("/var/uploads/x").unwrap();
}
"#;

fn json(out: &Run) -> Value {
    serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}{}", out.stdout, out.stderr))
}

/// `function lint level` of every finding.
fn findings(out: &Run) -> Vec<String> {
    json(out)["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{} {} {}",
                f["function"].as_str().unwrap(),
                f["lint"].as_str().unwrap(),
                f["level"].as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn scopes() {
    let dir = crate_with(&[("src/lib.rs", HANDLERS)], "");
    let scoped = |scope: &str| findings(&run(dir.path(), &["--format", "json", "--scope", scope]));
    assert_eq!(scoped("annotated"), ["migrating persistent_write warn"]);
    assert_eq!(
        scoped("handlers"),
        [
            "upload persistent_write deny",
            "migrating persistent_write warn"
        ]
    );
    assert_eq!(
        scoped("all"),
        [
            "upload persistent_write deny",
            "migrating persistent_write warn",
            "helper persistent_write deny"
        ]
    );
    // No handler calls `helper`: the request path is the handlers here,
    // and it is the default.
    assert_eq!(scoped("request-path"), scoped("handlers"));
    assert_eq!(
        findings(&run(dir.path(), &["--format", "json"])),
        scoped("request-path")
    );
}

#[test]
fn exit_codes() {
    let clean = crate_with(&[("src/lib.rs", "pub fn f() {}")], "");
    assert_eq!(run(clean.path(), &[]).code, 0);

    let dir = crate_with(&[("src/lib.rs", HANDLERS)], "");
    assert_eq!(run(dir.path(), &[]).code, 1);
    // Only the warning is left.
    let warn_only = ["--scope", "annotated"];
    assert_eq!(run(dir.path(), &warn_only).code, 0);
    assert_eq!(
        run(
            dir.path(),
            &[&warn_only[..], &["--fail-on", "warn"]].concat()
        )
        .code,
        1
    );

    let usage = run(dir.path(), &["--deny", "persistant_read"]);
    assert_eq!(usage.code, 2);
    assert!(
        usage.stderr.contains("did you mean `persistent_read`?"),
        "{}",
        usage.stderr
    );
    assert_eq!(run(dir.path(), &["--scope", "everything"]).code, 2);
    let missing = run(dir.path(), &["no/such/crate"]);
    assert_eq!(missing.code, 2);
    assert!(
        missing.stderr.contains("no Cargo.toml at `no/such/crate`"),
        "{}",
        missing.stderr
    );
}

#[test]
fn levels_from_the_command_line_and_the_manifest() {
    let dir = crate_with(&[("src/lib.rs", HANDLERS)], "");
    let with = |args: &[&str]| findings(&run(dir.path(), &[&["--format", "json"], args].concat()));
    // The attribute's own arguments still win inside the item.
    assert_eq!(
        with(&["--deny", "persistent_read", "--allow", "persistent_write"]),
        [
            "old persistent_read deny",
            "migrating persistent_write warn"
        ]
    );
    assert_eq!(
        with(&["--scope", "annotated", "-D", "persistent_write"]),
        ["migrating persistent_write warn"]
    );

    let configured = crate_with(
        &[("src/lib.rs", HANDLERS)],
        "[package.metadata.ephemeral-fs]\nwarn = [\"persistent_read\"]\nallow = [\"persistent_write\"]\n",
    );
    // `migrating` keeps the level its own attribute gives.
    let out = run(configured.path(), &["--format", "json"]);
    assert_eq!(
        findings(&out),
        [
            "old persistent_read warn",
            "migrating persistent_write warn"
        ]
    );
    assert_eq!(out.code, 0);
    // The command line overrides the manifest.
    let out = run(
        configured.path(),
        &[
            "--format",
            "json",
            "--deny",
            "persistent_read",
            "--scope",
            "all",
        ],
    );
    assert_eq!(
        findings(&out),
        [
            "old persistent_read deny",
            "migrating persistent_write warn"
        ]
    );
    assert_eq!(out.code, 1);

    let misspelled = crate_with(
        &[("src/lib.rs", HANDLERS)],
        "[package.metadata.ephemeral-fs]\ndeny = [\"persistent_reads\"]\n",
    );
    let out = run(misspelled.path(), &[]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("[package.metadata.ephemeral-fs] of `fixture`: unknown lint `persistent_reads`: did you mean `persistent_read`?"), "{}", out.stderr);
}

const EXCEPTIONS: &str = r#"
use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
pub fn warm(index: &[u8]) {
    #[ephemeral_fs::allow(persistent_write, reason = "local cache, rebuilt on start")]
    std::fs::write("/var/cache/index", index).unwrap();
}
"#;

#[test]
fn exceptions_are_listed_with_their_reasons() {
    let dir = crate_with(&[("src/lib.rs", EXCEPTIONS)], "");
    let human = run(dir.path(), &[]);
    assert_eq!(human.code, 0);
    assert!(
        human.stdout.contains(
            "exceptions allowed with `#[ephemeral_fs::allow]`:\n  src/lib.rs:7:20: `std::fs::write` in `warm` (persistent_write): local cache, rebuilt on start\n"
        ),
        "{}",
        human.stdout
    );
    let out = run(dir.path(), &["--format", "json"]);
    let finding = &json(&out)["findings"][0];
    assert_eq!(finding["level"], "allow");
    assert_eq!(finding["reason"], "local cache, rebuilt on start");
    let sarif = run(dir.path(), &["--format", "sarif"]);
    support::assert_valid_sarif(&sarif.stdout);
    let sarif: Value = serde_json::from_str(&sarif.stdout).unwrap();
    assert_eq!(
        sarif["runs"][0]["results"][0]["suppressions"][0]["justification"],
        "local cache, rebuilt on start"
    );
}

#[test]
fn file_level_imports_are_seen_inside_annotated_items() {
    let source = "use std::fs::write;\n\n#[ephemeral_fs::ephemeral_fs]\npub fn save(body: &[u8]) {\n    write(\"/var/x\", body).unwrap();\n}\n";
    let dir = crate_with(&[("src/lib.rs", source)], "");
    let out = run(dir.path(), &["--format", "json", "--scope", "annotated"]);
    let finding = &json(&out)["findings"][0];
    assert_eq!(finding["operation"], "std::fs::write");
    assert_eq!(finding["span"]["start"]["line"], 5);
    assert_eq!(finding["span"]["start"]["column"], 11);
    assert_eq!(finding["span"]["end"]["column"], 19);
    assert_eq!(out.code, 1);
}

#[test]
fn an_unparseable_file_is_reported_and_the_rest_audited() {
    let dir = crate_with(
        &[
            ("src/lib.rs", HANDLERS),
            ("src/broken.rs", "use std::fs;\n\nfn broken( {\n"),
            ("src/bad.rs", "use std::fs;\nfn f() { let = 1; }\n"),
        ],
        "",
    );
    let out = run(dir.path(), &["--format", "json"]);
    assert_eq!(out.code, 1);
    let report = json(&out);
    // In file order: one that parses as tokens, one that does not lex.
    let error = &report["parse_errors"][0];
    assert_eq!(error["file"], "src/bad.rs");
    assert_eq!(
        (error["line"].as_u64(), error["column"].as_u64()),
        (Some(2), Some(14))
    );
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .starts_with("expected one of: identifier"),
        "{error}"
    );
    let error = &report["parse_errors"][1];
    assert_eq!(error["file"], "src/broken.rs");
    assert_eq!(
        (error["line"].as_u64(), error["column"].as_u64()),
        (Some(3), Some(12))
    );
    assert_eq!(
        error["message"],
        "the file does not lex: a delimiter, string or comment is not closed"
    );
    assert_eq!(report["findings"].as_array().unwrap().len(), 2);
    assert_eq!(report["summary"]["files"], 1);

    let human = run(dir.path(), &[]);
    assert!(human.stdout.contains("error: could not parse `src/broken.rs`; the other files were audited\n --> src/broken.rs:3:12"), "{}", human.stdout);
    let sarif = run(dir.path(), &["--format", "sarif"]);
    support::assert_valid_sarif(&sarif.stdout);
    assert!(sarif.stdout.contains("could not parse this file"));
}

#[test]
fn gitignored_files_target_and_nested_packages_are_skipped() {
    let write = "pub fn f() { std::fs::write(\"/var/x\", b\"\").unwrap(); }\n";
    let dir = crate_with(
        &[
            ("src/lib.rs", write),
            (".gitignore", "/generated\n"),
            ("generated/out.rs", write),
            ("target/debug/build/out.rs", write),
            ("vendored/Cargo.toml", "[package]\nname = \"vendored\"\n"),
            ("vendored/src/lib.rs", write),
        ],
        "",
    );
    let out = run(dir.path(), &["--format", "json", "--scope", "all"]);
    let report = json(&out);
    assert_eq!(report["summary"]["files"], 1, "{}", out.stdout);
    assert_eq!(report["findings"][0]["file"], "src/lib.rs");
}

#[test]
fn a_workspace_root_audits_every_member() {
    let write = "pub fn f() { std::fs::write(\"/var/x\", b\"\").unwrap(); }\n";
    let dir = support::files(&[
        ("Cargo.toml", "[workspace]\nmembers = [\"a\", \"b\"]\n"),
        (
            "a/Cargo.toml",
            "[package]\nname = \"a\"\nedition = \"2021\"\n",
        ),
        ("a/src/lib.rs", write),
        (
            "b/Cargo.toml",
            "[package]\nname = \"b\"\nedition = \"2021\"\n",
        ),
        ("b/src/lib.rs", write),
    ]);
    let packages = |args: &[&str]| -> Vec<String> {
        json(&run(
            dir.path(),
            &[&["--format", "json", "--scope", "all"], args].concat(),
        ))["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["package"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(packages(&[]), ["a", "b"]);
    assert_eq!(packages(&["b"]), ["b"]);
}

#[test]
fn explain_prints_the_lint_documentation() {
    let out = support::run_in(&repo_root(), &["--explain", "temp_escape"]);
    assert_eq!(out.code, 0);
    assert_eq!(
        out.stdout,
        ephemeral_fs_core::lints::Lint::TempEscape.explanation()
    );
    let out = support::run_in(&repo_root(), &["--explain", "temp_escapes"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("did you mean `temp_escape`?"),
        "{}",
        out.stderr
    );
}

#[test]
fn dependencies_are_audited_instead_of_members_on_request() {
    let write = "pub fn f() { std::fs::write(\"/var/x\", b\"\").unwrap(); }\n";
    let dir = support::files(&[
        (
            "app/Cargo.toml",
            "[package]\nname = \"app\"\nedition = \"2021\"\n\n[dependencies]\nstore = { path = \"../store\" }\n",
        ),
        ("app/src/lib.rs", write),
        (
            "store/Cargo.toml",
            "[package]\nname = \"store\"\nedition = \"2021\"\n",
        ),
        ("store/src/lib.rs", write),
        // Nothing in it names an operation: it is not even parsed.
        ("store/src/other.rs", "fn broken( {"),
    ]);
    let app = dir.path().join("app");
    let audit = |args: &[&str]| {
        json(&run(
            &app,
            &[&["--format", "json", "--scope", "all"], args].concat(),
        ))
    };
    assert_eq!(audit(&[])["findings"][0]["package"], "app");
    let report = audit(&["--dependencies"]);
    assert_eq!(report["findings"][0]["package"], "store");
    assert_eq!(report["findings"].as_array().unwrap().len(), 1);
    assert_eq!(report["summary"]["files"], 2);
    assert_eq!(report["parse_errors"].as_array().unwrap().len(), 0);
}

#[test]
fn the_readme_shows_the_real_output_of_its_first_command() {
    let readme = std::fs::read_to_string(repo_root().join("README.md")).unwrap();
    let first_command = readme
        .split("```sh\n")
        .nth(1)
        .and_then(|rest| rest.lines().next());
    assert_eq!(
        first_command,
        Some("cargo run -p cargo-ephemeral-fs -- examples/naive-uploads")
    );
    let out = run_in(&repo_root(), &["examples/naive-uploads"]);
    assert!(
        readme.contains(&format!("```text\n{}```", out.stdout)),
        "the output under README.md's first command is not what it prints now"
    );
}

#[test]
fn the_progress_bar_stays_hidden_when_stderr_is_not_a_terminal() {
    // Enough files for a bar on a terminal.
    let modules: Vec<(String, String)> = (0..250)
        .map(|i| {
            (
                format!("src/m{i}.rs"),
                "pub fn f() { std::fs::write(\"/x\", b\"\").ok(); }\n".to_owned(),
            )
        })
        .collect();
    let mut sources: Vec<(&str, &str)> = modules
        .iter()
        .map(|(path, text)| (path.as_str(), text.as_str()))
        .collect();
    sources.push(("src/lib.rs", ""));
    let dir = crate_with(&sources, "");
    let out = run(dir.path(), &["--scope", "all", "--format", "json"]);
    assert_eq!(json(&out)["summary"]["files"], 251);
    assert_eq!(out.stderr, "");
}

#[test]
fn sarif_fingerprints_survive_edits_elsewhere_in_the_file() {
    let dir = crate_with(&[("src/lib.rs", HANDLERS)], "");
    let results = || -> Vec<(String, u64)> {
        let sarif: Value =
            serde_json::from_str(&run(dir.path(), &["--format", "sarif", "--scope", "all"]).stdout)
                .unwrap();
        sarif["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["fingerprints"]["ephemeralFs/v1"]
                        .as_str()
                        .unwrap()
                        .to_owned(),
                    r["locations"][0]["physicalLocation"]["region"]["startLine"]
                        .as_u64()
                        .unwrap(),
                )
            })
            .collect()
    };
    let before = results();
    std::fs::write(
        dir.path().join("src/lib.rs"),
        format!("// a comment\n\n{HANDLERS}"),
    )
    .unwrap();
    let after = results();
    assert_eq!(before.len(), 3);
    for ((print_before, line_before), (print_after, line_after)) in before.iter().zip(&after) {
        assert_eq!(print_before, print_after);
        assert_eq!(line_before + 2, *line_after);
    }
    let mut distinct: Vec<&String> = before.iter().map(|(print, _)| print).collect();
    distinct.dedup();
    assert_eq!(distinct.len(), 3);
}
