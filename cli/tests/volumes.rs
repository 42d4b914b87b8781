//! `local_volume`: the `VOLUME`s of a package's Dockerfiles in the three
//! formats, at each level, and the note on code findings whose path lies
//! on one.

mod support;

use serde_json::Value;
use support::{Run, crate_with, files, repo_root, run, run_in};

/// Writes inside the volume, beside it, and in another directory.
const LIB: &str = r#"
const UPLOADS: &str = "/var/uploads";

pub fn save(name: &str, body: &[u8]) {
    std::fs::write(format!("{UPLOADS}/{name}"), body).unwrap();
}

pub fn save_beside(body: &[u8]) {
    std::fs::write("/var/uploads2/a", body).unwrap();
}

pub fn log(line: &str) {
    std::fs::write("/var/log/app.log", line).unwrap();
}
"#;

const DOCKERFILE: &str = "\
FROM debian:bookworm-slim
# The uploads, and a cache.
VOLUME /var/uploads \\
       /var/cache/app
CMD [\"app\"]
";

fn json(out: &Run) -> Value {
    serde_json::from_str(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", out.stdout))
}

fn findings<'a>(report: &'a Value, lint: &str) -> Vec<&'a Value> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["lint"] == lint)
        .collect()
}

/// `file:line:column-end` of each finding.
fn places(findings: &[&Value]) -> Vec<String> {
    findings
        .iter()
        .map(|f| {
            let span = &f["span"];
            assert_eq!(span["start"]["line"], span["end"]["line"]);
            format!(
                "{}:{}:{}-{} {}",
                f["file"].as_str().unwrap(),
                span["start"]["line"],
                span["start"]["column"],
                span["end"]["column"],
                f["operation"].as_str().unwrap()
            )
        })
        .collect()
}

fn fixture() -> tempfile::TempDir {
    crate_with(
        &[
            ("src/lib.rs", LIB),
            ("Dockerfile", DOCKERFILE),
            (
                "api.Dockerfile",
                "FROM x\nvolume [\"/srv/api\", \"$DATA\"]\n",
            ),
            ("Containerfile", "FROM x\nRUN true\n"),
        ],
        "",
    )
}

#[test]
fn each_path_of_each_volume_is_a_finding_in_json() {
    let dir = fixture();
    let out = run(dir.path(), &["--format", "json"]);
    // Warnings alone exit with 0.
    assert_eq!(out.code, 0, "{}", out.stderr);
    let report = json(&out);
    let volumes = findings(&report, "local_volume");
    assert_eq!(
        places(&volumes),
        [
            "Dockerfile:3:8-20 VOLUME /var/uploads",
            "Dockerfile:4:8-22 VOLUME /var/cache/app",
            "api.Dockerfile:2:10-18 VOLUME /srv/api",
            "api.Dockerfile:2:22-27 VOLUME $DATA",
        ]
    );
    for finding in &volumes {
        assert_eq!(finding["level"], "warn");
        assert_eq!(finding["package"], "fixture");
        assert_eq!(finding["function"], "");
        assert_eq!(finding["volume"], Value::Null);
        assert!(
            finding["message"]
                .as_str()
                .unwrap()
                .ends_with("keeps data on a volume local to one instance"),
            "{finding}"
        );
    }
    let lints = report["summary"]["lints"].as_array().unwrap();
    let count = lints.iter().find(|c| c["lint"] == "local_volume").unwrap();
    assert_eq!(count["warn"], 4);
    assert_eq!(report["summary"]["warn"], 4);
}

#[test]
fn the_human_format_shows_the_dockerfile_line() {
    let dir = fixture();
    let out = run(dir.path(), &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let expected = "\
warning[local_volume]: `VOLUME /var/cache/app` keeps data on a volume local to one instance
 --> Dockerfile:4:8
  |
4 |        /var/cache/app
  |        ^^^^^^^^^^^^^^ local to one instance
  |
  = note: each replica gets its own volume, and a rescheduled instance gets a new one
  = help: mount nothing there, and keep what must last in a backing service such as object storage (`ephemeral_fs::store::put_file`) or a database
";
    assert!(out.stdout.contains(expected), "{}", out.stdout);
    assert!(
        out.stdout
            .contains("  local_volume              0 deny    4 warn    0 allowed\n"),
        "{}",
        out.stdout
    );
}

#[test]
fn sarif_results_carry_the_dockerfile_region_and_fingerprints() {
    let dir = fixture();
    let out = run(dir.path(), &["--format", "sarif"]);
    support::assert_valid_sarif(&out.stdout);
    let sarif: Value = serde_json::from_str(&out.stdout).unwrap();
    let results: Vec<&Value> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["ruleId"] == "local_volume")
        .collect();
    assert_eq!(results.len(), 4);
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    let index = results[0]["ruleIndex"].as_u64().unwrap() as usize;
    assert_eq!(rules[index]["id"], "local_volume");
    let location = &results[1]["locations"][0];
    assert_eq!(
        location["physicalLocation"]["artifactLocation"]["uri"],
        "Dockerfile"
    );
    let region = &location["physicalLocation"]["region"];
    assert_eq!(
        (
            &region["startLine"],
            &region["startColumn"],
            &region["endColumn"]
        ),
        (&Value::from(4), &Value::from(8), &Value::from(22))
    );
    // In no function.
    assert!(location.get("logicalLocations").is_none(), "{location}");
    assert!(
        !results[1]["message"]["text"]
            .as_str()
            .unwrap()
            .contains("in ``")
    );
    let mut prints: Vec<&str> = results
        .iter()
        .map(|r| r["fingerprints"]["ephemeralFs/v1"].as_str().unwrap())
        .collect();
    prints.sort();
    prints.dedup();
    assert_eq!(prints.len(), 4);
}

#[test]
fn levels_come_from_the_command_line_and_the_manifest() {
    let dir = fixture();
    let levels = |out: &Run| -> Vec<String> {
        findings(&json(out), "local_volume")
            .iter()
            .map(|f| f["level"].as_str().unwrap().to_owned())
            .collect()
    };
    let denied = run(dir.path(), &["--format", "json", "-D", "local_volume"]);
    assert_eq!(denied.code, 1, "{}", denied.stderr);
    assert_eq!(levels(&denied), ["deny"; 4]);
    let allowed = run(dir.path(), &["--format", "json", "-A", "local_volume"]);
    assert_eq!(allowed.code, 0);
    assert!(levels(&allowed).is_empty());
    let warned = run(dir.path(), &["--fail-on", "warn"]);
    assert_eq!(warned.code, 1);

    let manifest_deny = crate_with(
        &[("src/lib.rs", ""), ("Dockerfile", DOCKERFILE)],
        "[package.metadata.ephemeral-fs]\ndeny = [\"local_volume\"]\n",
    );
    let out = run(manifest_deny.path(), &["--format", "json"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(levels(&out), ["deny"; 2]);
    let manifest_allow = crate_with(
        &[("src/lib.rs", ""), ("Dockerfile", DOCKERFILE)],
        "[package.metadata.ephemeral-fs]\nallow = [\"local_volume\"]\n",
    );
    let out = run(manifest_allow.path(), &["--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(levels(&out).is_empty());
}

#[test]
fn a_code_finding_under_a_volume_notes_it_and_one_outside_does_not() {
    let dir = fixture();
    let out = run(dir.path(), &["--format", "json", "--scope", "all"]);
    let report = json(&out);
    let writes = findings(&report, "persistent_write");
    let volume_of = |function: &str| {
        writes
            .iter()
            .find(|f| f["function"] == function)
            .unwrap_or_else(|| panic!("no finding in {function}: {report}"))["volume"]
            .clone()
    };
    assert_eq!(
        volume_of("save"),
        serde_json::json!({ "path": "/var/uploads", "file": "Dockerfile", "line": 3 })
    );
    assert_eq!(volume_of("save_beside"), Value::Null);
    assert_eq!(volume_of("log"), Value::Null);

    let human = run(dir.path(), &["--scope", "all"]).stdout;
    let note = "= note: `/var/uploads` is a `VOLUME` in Dockerfile:3: each replica gets its own volume, and a rescheduled instance gets a new one\n";
    assert_eq!(human.matches(note).count(), 1, "{human}");

    let sarif: Value =
        serde_json::from_str(&run(dir.path(), &["--format", "sarif", "--scope", "all"]).stdout)
            .unwrap();
    let related: Vec<&Value> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r.get("relatedLocations"))
        .collect();
    assert_eq!(related.len(), 1);
    assert_eq!(related[0][0]["physicalLocation"]["region"]["startLine"], 3);
}

#[test]
fn a_baseline_accepts_volumes_and_survives_lines_moving() {
    let dir = fixture();
    let out = run(dir.path(), &["--write-baseline", "baseline.json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    std::fs::write(
        dir.path().join("Dockerfile"),
        format!("# syntax=docker/dockerfile:1\n\n{DOCKERFILE}"),
    )
    .unwrap();
    let out = run(
        dir.path(),
        &["--format", "json", "--baseline", "baseline.json"],
    );
    let report = json(&out);
    assert!(findings(&report, "local_volume").is_empty(), "{report}");
    assert_eq!(report["baseline"]["known"], 4);
    assert_eq!(report["baseline"]["stale"], Value::Array(Vec::new()));
}

#[test]
fn a_dockerfile_at_a_virtual_workspace_root_takes_the_strictest_level() {
    let member = |name: &str, extra: &str| {
        format!("[package]\nname = \"{name}\"\nversion = \"0.1.0\"\nedition = \"2021\"\n{extra}")
    };
    let relaxed = member("relaxed", "");
    let strict = member(
        "strict",
        "[package.metadata.ephemeral-fs]\ndeny = [\"local_volume\"]\n",
    );
    let dir = files(&[
        (
            "Cargo.toml",
            "[workspace]\nmembers = [\"relaxed\", \"strict\"]\nresolver = \"2\"\n",
        ),
        ("Dockerfile", "FROM x\nVOLUME /data\n"),
        ("relaxed/Cargo.toml", &relaxed),
        ("relaxed/src/lib.rs", ""),
        ("relaxed/Dockerfile", "FROM x\nVOLUME /relaxed\n"),
        ("strict/Cargo.toml", &strict),
        ("strict/src/lib.rs", ""),
    ]);
    let report = json(&run(dir.path(), &["--format", "json"]));
    let seen: Vec<(&str, &str, &str)> = findings(&report, "local_volume")
        .iter()
        .map(|f| {
            (
                f["file"].as_str().unwrap(),
                f["package"].as_str().unwrap(),
                f["level"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("relaxed/Dockerfile", "relaxed", "warn"),
            ("Dockerfile", "", "deny")
        ]
    );
    // A member audited alone still has the workspace's image.
    let report = json(&run(&dir.path().join("relaxed"), &["--format", "json"]));
    let files: Vec<&str> = findings(&report, "local_volume")
        .iter()
        .map(|f| f["file"].as_str().unwrap())
        .collect();
    assert_eq!(files.len(), 2, "{report}");
    assert_eq!(files[0], "Dockerfile");
    // Outside the current directory, named in full.
    let root_dockerfile = dir.path().canonicalize().unwrap().join("Dockerfile");
    assert_eq!(files[1], root_dockerfile.to_str().unwrap());
}

/// What is not read, as the guide's audit chapter says.
#[test]
fn limits_subdirectories_compose_files_and_onbuild_are_not_read() {
    let dir = crate_with(
        &[
            ("src/lib.rs", ""),
            ("docker/Dockerfile", "FROM x\nVOLUME /in-a-subdirectory\n"),
            (
                "compose.yaml",
                "services:\n  app:\n    volumes:\n      - uploads:/var/uploads\nvolumes:\n  uploads:\n",
            ),
            ("Dockerfile", "FROM x\nONBUILD VOLUME /for-child-images\n"),
        ],
        "",
    );
    let report = json(&run(dir.path(), &["--format", "json"]));
    assert!(findings(&report, "local_volume").is_empty(), "{report}");
    // Nor are a dependency's images: they are not the image this code
    // runs in.
    let dir = files(&[
        (
            "app/Cargo.toml",
            "[package]\nname = \"app\"\nedition = \"2021\"\n\n[dependencies]\nstore = { path = \"../store\" }\n",
        ),
        ("app/src/lib.rs", ""),
        (
            "store/Cargo.toml",
            "[package]\nname = \"store\"\nedition = \"2021\"\n",
        ),
        ("store/src/lib.rs", ""),
        ("store/Dockerfile", "FROM x\nVOLUME /store\n"),
    ]);
    let app = dir.path().join("app");
    let report = json(&run(&app, &["--format", "json", "--dependencies"]));
    assert_eq!(report["summary"]["files"], 1, "{report}");
    assert!(findings(&report, "local_volume").is_empty(), "{report}");
}

#[test]
fn explain_local_volume_prints_its_documentation() {
    let out = run_in(&repo_root(), &["--explain", "local_volume"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.starts_with("Flags `VOLUME` instructions"));
    assert!(out.stdout.contains("VOLUME /var/uploads"));
    assert!(out.stdout.contains("ephemeral_fs::store::put_file"));
}

/// A package's image runs its code and its path dependencies': the note
/// is for their findings, not another member's.
#[test]
fn a_package_volume_notes_its_own_code_and_its_path_dependencies() {
    let write =
        |path: &str| format!("pub fn f() {{ std::fs::write(\"{path}\", b\"\").unwrap(); }}\n");
    let (app_write, store_write, other_write) = (
        write("/var/uploads/app"),
        write("/var/uploads/store"),
        write("/var/uploads/other"),
    );
    let package = |name: &str, extra: &str| {
        format!("[package]\nname = \"{name}\"\nversion = \"0.1.0\"\nedition = \"2021\"\n{extra}")
    };
    let app = package("app", "[dependencies]\nstore = { path = \"../store\" }\n");
    let store = package("store", "");
    let other = package("other", "");
    let dir = files(&[
        (
            "Cargo.toml",
            "[workspace]\nmembers = [\"app\", \"store\", \"other\"]\nresolver = \"2\"\n",
        ),
        ("app/Cargo.toml", &app),
        ("app/src/lib.rs", &app_write),
        ("app/Dockerfile", "FROM x\nVOLUME /var/uploads\n"),
        ("store/Cargo.toml", &store),
        ("store/src/lib.rs", &store_write),
        ("other/Cargo.toml", &other),
        ("other/src/lib.rs", &other_write),
    ]);
    let noted = |dir: &std::path::Path| -> Vec<(String, Value)> {
        let report = json(&run(dir, &["--format", "json", "--scope", "all"]));
        findings(&report, "persistent_write")
            .iter()
            .map(|f| {
                (
                    f["package"].as_str().unwrap().to_owned(),
                    f["volume"]["file"].clone(),
                )
            })
            .collect()
    };
    let app_dockerfile = Value::from("app/Dockerfile");
    assert_eq!(
        noted(dir.path()),
        [
            ("app".to_owned(), app_dockerfile.clone()),
            ("other".to_owned(), Value::Null),
            ("store".to_owned(), app_dockerfile)
        ]
    );
    // The workspace root's image may run any member.
    std::fs::write(dir.path().join("Dockerfile"), "FROM x\nVOLUME /var\n").unwrap();
    let notes = noted(dir.path());
    assert_eq!(notes[1], ("other".to_owned(), Value::from("Dockerfile")));
}
