//! The request path as the binary reports it: the chain in each format,
//! test code left out, and calls into other members and path dependencies.

mod support;

use serde_json::Value;
use support::{Run, assert_valid_sarif, crate_with, files, run};

const MAIN: &str = r#"mod handlers;
mod storage;

fn main() {}
"#;

const HANDLERS: &str = r#"use crate::storage;

#[actix_web::post("/up")]
pub async fn upload(body: Vec<u8>) {
    storage::save(&body);
}
"#;

const STORAGE: &str = r#"pub fn save(body: &[u8]) {
    std::fs::write("/var/uploads/x", body).unwrap();
}
"#;

fn service() -> tempfile::TempDir {
    crate_with(
        &[
            ("src/main.rs", MAIN),
            ("src/handlers.rs", HANDLERS),
            ("src/storage.rs", STORAGE),
        ],
        "",
    )
}

fn json(out: &Run) -> Value {
    serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}{}", out.stdout, out.stderr))
}

#[test]
fn the_chain_in_json() {
    let dir = service();
    let report = json(&run(dir.path(), &["--format", "json"]));
    assert_eq!(report["scope"], "request-path");
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{report}");
    assert_eq!(findings[0]["function"], "save");
    assert_eq!(
        findings[0]["via"],
        serde_json::json!([
            { "function": "handlers::upload", "file": "src/handlers.rs", "line": 5 },
            { "function": "storage::save", "file": "src/storage.rs", "line": 2 },
        ])
    );
    let summary = &report["summary"];
    assert_eq!(summary["handlers"], 1);
    assert_eq!(summary["reached"], 2);
    assert_eq!(summary["findings"], 1);
    assert_eq!(summary["functions"], 2);
    // The handlers scope does not follow the call.
    let handlers = json(&run(
        dir.path(),
        &["--format", "json", "--scope", "handlers"],
    ));
    assert_eq!(handlers["findings"].as_array().unwrap().len(), 0);
}

#[test]
fn the_chain_in_the_human_format() {
    let dir = service();
    let out = run(dir.path(), &[]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stdout.contains(
            "= note: reached from a handler: `handlers::upload` (src/handlers.rs:5) → \
             `storage::save` (src/storage.rs:2) → `std::fs::write`"
        ),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("audited 2 functions in 3 files (scope: request-path): 1 error"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("  request path: 1 handler, and 1 function they reach\n"),
        "{}",
        out.stdout
    );
}

#[test]
fn the_chain_in_sarif() {
    let dir = service();
    let out = run(dir.path(), &["--format", "sarif"]);
    assert_valid_sarif(&out.stdout);
    let sarif: Value = serde_json::from_str(&out.stdout).unwrap();
    let flow = &sarif["runs"][0]["results"][0]["codeFlows"][0];
    let locations: Vec<(String, u64, String)> = flow["threadFlows"][0]["locations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            let physical = &l["location"]["physicalLocation"];
            (
                physical["artifactLocation"]["uri"]
                    .as_str()
                    .unwrap()
                    .to_owned(),
                physical["region"]["startLine"].as_u64().unwrap(),
                l["location"]["message"]["text"]
                    .as_str()
                    .unwrap()
                    .to_owned(),
            )
        })
        .collect();
    assert_eq!(
        locations,
        [
            (
                "src/handlers.rs".to_owned(),
                5,
                "in `handlers::upload`".to_owned()
            ),
            (
                "src/storage.rs".to_owned(),
                2,
                "in `storage::save`".to_owned()
            ),
        ]
    );
}

#[test]
fn test_code_is_left_out_and_counted() {
    let write = "std::fs::write(\"/var/x\", b\"\").unwrap();";
    let lib = format!(
        "pub fn f() {{ {write} }}\n\
         #[cfg(test)]\nmod tests {{\n    #[test]\n    fn t() {{ {write} }}\n    fn helper() {{ {write} }}\n}}\n\
         #[tokio::test]\nasync fn async_test() {{ {write} }}\n"
    );
    let dir = crate_with(
        &[
            ("src/lib.rs", lib.as_str()),
            (
                "tests/it.rs",
                &format!("#[test]\nfn it() {{ {write} }}\nfn support() {{ {write} }}\n"),
            ),
            ("benches/b.rs", &format!("fn main() {{ {write} }}\n")),
            ("examples/e.rs", &format!("fn main() {{ {write} }}\n")),
            ("build.rs", &format!("fn main() {{ {write} }}\n")),
        ],
        "",
    );
    let all = json(&run(dir.path(), &["--format", "json", "--scope", "all"]));
    let functions: Vec<&str> = all["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["function"].as_str().unwrap())
        .collect();
    assert_eq!(functions, ["f"]);
    // tests::t, tests::helper, async_test, it, support, and the three mains.
    assert_eq!(all["summary"]["left_out"], 8, "{all}");
    let human = run(dir.path(), &["--scope", "all"]);
    assert!(
        human
            .stdout
            .contains("  left out: 8 functions of test code (`--include-tests` audits them)"),
        "{}",
        human.stdout
    );
    let included = json(&run(
        dir.path(),
        &["--format", "json", "--scope", "all", "--include-tests"],
    ));
    assert_eq!(
        included["findings"].as_array().unwrap().len(),
        9,
        "{included}"
    );
    assert_eq!(included["summary"]["left_out"], 0);
}

#[test]
fn calls_into_a_workspace_member_and_a_path_dependency_are_followed() {
    let member = |name: &str, deps: &str| {
        format!(
            "[package]\nname = \"{name}\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\n{deps}"
        )
    };
    let api = member(
        "api",
        "my-store = { path = \"../store\" }\nvendored = { path = \"../../vendored\" }\n",
    );
    let store = member("my-store", "");
    let vendored = member("vendored", "");
    let dir = files(&[
        (
            "ws/Cargo.toml",
            "[workspace]\nmembers = [\"api\", \"store\"]\nresolver = \"2\"\n",
        ),
        ("ws/api/Cargo.toml", api.as_str()),
        (
            "ws/api/src/lib.rs",
            "#[actix_web::post(\"/\")]\npub async fn up() {\n    my_store::save();\n    vendored::keep();\n}\n",
        ),
        ("ws/store/Cargo.toml", store.as_str()),
        (
            "ws/store/src/lib.rs",
            "pub fn save() {\n    std::fs::write(\"/var/s\", b\"\").unwrap();\n}\npub fn unused() {\n    std::fs::write(\"/var/u\", b\"\").unwrap();\n}\n",
        ),
        ("vendored/Cargo.toml", vendored.as_str()),
        (
            "vendored/src/lib.rs",
            "pub fn keep() {\n    std::fs::remove_file(\"/var/v\").unwrap();\n}\n",
        ),
    ]);
    let only_api = json(&run(&dir.path().join("ws/api"), &["--format", "json"]));
    let mut reached: Vec<(String, Value)> = only_api["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["package"].as_str().unwrap().to_owned(), f["via"].clone()))
        .collect();
    reached.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(reached.len(), 2, "{only_api}");
    assert_eq!(reached[0].0, "my-store");
    let via = &reached[0].1;
    assert_eq!(
        via[0],
        serde_json::json!({ "function": "up", "file": "src/lib.rs", "line": 3 })
    );
    // Files outside the directory the audit runs in keep their full path.
    assert_eq!(via[1]["function"], "my_store::save");
    assert!(
        via[1]["file"]
            .as_str()
            .unwrap()
            .ends_with("ws/store/src/lib.rs")
    );
    assert_eq!(via[1]["line"], 2);
    assert_eq!(reached[1].0, "vendored");
    assert_eq!(reached[1].1[1]["function"], "vendored::keep");
    // `--scope all` audits the members asked for, not what they call.
    let all = json(&run(
        &dir.path().join("ws/api"),
        &["--format", "json", "--scope", "all"],
    ));
    assert_eq!(all["findings"].as_array().unwrap().len(), 0, "{all}");
}

#[test]
fn a_router_built_as_one_long_chain_is_audited() {
    // Deep expressions recurse in the parser and the analysis: the audit's
    // threads have the stack for them.
    let mut lib = String::from("pub fn app() -> axum::Router {\n    axum::Router::new()\n");
    for i in 0..1500 {
        lib.push_str(&format!(
            "        .route(\"/{i}\", axum::routing::post(up))\n"
        ));
    }
    lib.push_str("}\n\nasync fn up() {\n    std::fs::write(\"/var/x\", b\"\").unwrap();\n}\n");
    let dir = crate_with(&[("src/lib.rs", lib.as_str())], "");
    let report = json(&run(dir.path(), &["--format", "json"]));
    assert_eq!(report["summary"]["handlers"], 1, "{report}");
    assert_eq!(report["summary"]["findings"], 1);
}
