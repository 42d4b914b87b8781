//! `--fix` on a multi-file service (`fixtures/fix-service`): the handler in
//! `main.rs`, helpers in other files reached through paths, an impl, a
//! trait's default method, a trait impl, an inline module that declares a
//! file module, an async and a generic function, a `const fn`, and a helper
//! with a finding. The compile tests build the fixed copy with cargo,
//! against this workspace's runtime, in one shared target directory.

use std::path::{Path, PathBuf};
use std::process::Command;

use tempfile::TempDir;

mod support;

use support::{assert_snapshot, repo_root, run_in};

const ATTRIBUTE: &str = "#[ephemeral_fs::ephemeral_fs]";

/// Functions the fixture's audit finds unguarded, all but `journal` (a
/// finding) and `limit` (a `const fn`).
const ANNOTATED: usize = 10;

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fix-service")
}

/// A copy of the fixture, its manifest depending on this workspace's
/// runtime by path (or `manifest` instead), with the workspace's lock file
/// so that an offline build finds the same versions.
fn service(manifest: Option<&str>) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture_dir(), dir.path());
    let template = std::fs::read_to_string(dir.path().join("Cargo.toml.in")).unwrap();
    std::fs::remove_file(dir.path().join("Cargo.toml.in")).unwrap();
    let runtime = repo_root().join("runtime");
    let text = manifest.map_or_else(
        || template.replace("@RUNTIME@", &runtime.display().to_string()),
        str::to_owned,
    );
    std::fs::write(dir.path().join("Cargo.toml"), text).unwrap();
    std::fs::copy(
        repo_root().join("Cargo.lock"),
        dir.path().join("Cargo.lock"),
    )
    .unwrap();
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Every file under `dir/src` and the manifest, by relative path.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    let mut stack = vec![dir.join("src")];
    while let Some(at) = stack.pop() {
        for entry in std::fs::read_dir(at).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let name = path.strip_prefix(dir).unwrap().display().to_string();
                files.push((name, std::fs::read(&path).unwrap()));
            }
        }
    }
    files.push((
        "Cargo.toml".into(),
        std::fs::read(dir.join("Cargo.toml")).unwrap(),
    ));
    files.sort();
    files
}

struct Built {
    success: bool,
    stderr: String,
}

/// `cargo SUBCOMMAND` in `dir`, offline, in the target directory the fix
/// tests share.
fn cargo(dir: &Path, args: &[&str]) -> Built {
    let output = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(args)
        .arg("--offline")
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", repo_root().join("target/fix-tests"))
        .output()
        .expect("cargo runs");
    Built {
        success: output.status.success(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

#[test]
fn the_fixed_service_builds_passes_its_tests_and_rejects_a_new_write() {
    let dir = service(None);
    let before = snapshot(dir.path());
    let out = run_in(dir.path(), &["--fix"]);
    // The helper with a finding is left alone, and reported still.
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("left `storage::journal` (src/storage.rs:60) without the attribute"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains(&format!("on {ANNOTATED} functions in 3 files")),
        "{}",
        out.stderr
    );
    assert!(
        out.stdout.contains("error[persistent_write]"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("coverage: 10 of 11 request-path functions are guarded by the attribute"),
        "{}",
        out.stdout
    );
    // Nothing but the attribute lines changed; the manifest, which has the
    // dependency, not at all.
    let after = snapshot(dir.path());
    let mut inserted = 0;
    for ((name, old), (_, new)) in before.iter().zip(&after) {
        let new = String::from_utf8(new.clone()).unwrap();
        inserted += new.lines().filter(|l| l.trim() == ATTRIBUTE).count();
        let without: String = new
            .split_inclusive('\n')
            .filter(|line| line.trim() != ATTRIBUTE)
            .collect();
        assert_eq!(without.as_bytes(), old.as_slice(), "{name}");
    }
    assert_eq!(inserted, ANNOTATED);

    let check = cargo(dir.path(), &["check"]);
    assert!(check.success, "{}", check.stderr);
    assert!(!check.stderr.contains("warning"), "{}", check.stderr);
    let test = cargo(dir.path(), &["test"]);
    assert!(test.success, "the fixed service's tests: {}", test.stderr);

    // A persistent write added later to a guarded helper in another file.
    let storage = dir.path().join("src/storage.rs");
    let text = std::fs::read_to_string(&storage).unwrap();
    let mutated = text.replacen(
        "        self.count += 1;\n",
        "        self.count += 1;\n        std::fs::write(\"/var/uploads/last\", body)?;\n",
        1,
    );
    assert_ne!(mutated, text);
    std::fs::write(&storage, mutated).unwrap();
    let check = cargo(dir.path(), &["check"]);
    assert!(!check.success, "the new write compiled");
    assert!(
        check
            .stderr
            .contains("error[E0277]: persistent_write: `&str` is not a temp-file handle"),
        "{}",
        check.stderr
    );
    assert!(
        check.stderr.contains("src/storage.rs:26:24"),
        "{}",
        check.stderr
    );
}

#[test]
fn a_second_fix_changes_nothing() {
    let dir = service(None);
    run_in(dir.path(), &["--fix"]);
    let once = snapshot(dir.path());
    let out = run_in(dir.path(), &["--fix"]);
    assert!(out.stderr.contains("nothing to annotate"), "{}", out.stderr);
    assert_eq!(snapshot(dir.path()), once);
    let out = run_in(dir.path(), &["--fix", "--dry-run"]);
    assert_eq!(out.stdout, "");
}

#[test]
fn dry_run_prints_the_diff_and_writes_nothing() {
    let dir = service(None);
    let before = snapshot(dir.path());
    let out = run_in(dir.path(), &["--fix", "--dry-run"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_snapshot("fix-service.diff", &out.stdout);
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn the_dependency_is_added_keeping_the_manifest_as_it_was() {
    let manifest = "\
[package]
name = \"uploads\"   # the service
version = \"0.1.0\"
edition = \"2021\"
publish = false

[dependencies]
# Staging for each request.
tempfile = \"3.20\"

[package.metadata.ephemeral-fs]
warn = [ \"persistent_read\" ]
";
    let dir = service(Some(manifest));
    let out = run_in(dir.path(), &["--fix"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let version = env!("CARGO_PKG_VERSION");
    let expected = manifest.replace(
        "[dependencies]\n",
        &format!("[dependencies]\nephemeral-fs = \"{version}\"\n"),
    );
    let fixed = std::fs::read_to_string(dir.path().join("Cargo.toml")).unwrap();
    assert_eq!(fixed, expected);
    // It builds with the requirement met by this workspace's runtime.
    let patch = format!(
        "patch.crates-io.ephemeral-fs.path={:?}",
        repo_root().join("runtime").display().to_string()
    );
    let check = cargo(dir.path(), &["check", "--config", &patch]);
    assert!(check.success, "{}", check.stderr);
    // Once there, it stays as it is.
    run_in(dir.path(), &["--fix"]);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("Cargo.toml")).unwrap(),
        expected
    );
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs")
        .status;
    assert!(status.success(), "git {args:?}");
}

#[test]
fn a_dirty_tree_is_refused_unless_allowed() {
    let dir = service(None);
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "-A"]);
    git(dir.path(), &["commit", "-q", "-m", "service"]);
    let main = dir.path().join("src/main.rs");
    let edited = std::fs::read_to_string(&main).unwrap() + "\n// work in progress\n";
    std::fs::write(&main, &edited).unwrap();
    let before = snapshot(dir.path());

    let out = run_in(dir.path(), &["--fix"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("uncommitted changes (src/main.rs)")
            && out.stderr.contains("--allow-dirty"),
        "{}",
        out.stderr
    );
    assert_eq!(snapshot(dir.path()), before);
    // A dry run writes nothing, so it runs anyway.
    assert_eq!(run_in(dir.path(), &["--fix", "--dry-run"]).code, 0);

    let out = run_in(dir.path(), &["--fix", "--allow-dirty"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_ne!(snapshot(dir.path()), before);
    assert!(
        std::fs::read_to_string(&main)
            .unwrap()
            .ends_with("// work in progress\n")
    );

    // Committed, the tree is clean again, and there is nothing left to do.
    git(dir.path(), &["commit", "-q", "-am", "fixed"]);
    let out = run_in(dir.path(), &["--fix"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stderr.contains("nothing to annotate"), "{}", out.stderr);
}

/// What the audit does not see as a function with a body is not edited: a
/// function a macro defines, a trait's required method, a function of an
/// `extern` block. A file module and an inline module that declares one get
/// no attribute; the functions in them do.
#[test]
fn only_functions_with_a_body_in_the_source_are_annotated() {
    let main = "\
mod files;
pub mod util {
    pub mod misc;
    pub fn inline() {}
}

macro_rules! make {
    () => {
        fn made() {}
    };
}
make!();

pub trait Store {
    fn put(&self);
}

extern \"C\" {
    fn abs(x: i32) -> i32;
}

fn main() {
    let _app = Router::new().route(\"/\", get(handler));
}

fn handler(store: &dyn Store) {
    made();
    store.put();
    util::inline();
    util::misc::helper();
    files::helper();
    let _ = unsafe { abs(-1) };
}
";
    let dir = support::crate_with(
        &[
            ("src/main.rs", main),
            ("src/files.rs", "pub fn helper() {}\n"),
            ("src/util/misc.rs", "pub fn helper() {}\n"),
        ],
        "",
    );
    let out = run_in(dir.path(), &["--fix", "--dry-run"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let added: Vec<&str> = out
        .stdout
        .lines()
        .filter(|line| line.starts_with('+') && line.contains(ATTRIBUTE))
        .collect();
    assert_eq!(
        added,
        [
            "+#[ephemeral_fs::ephemeral_fs]",
            "+    #[ephemeral_fs::ephemeral_fs]",
            "+#[ephemeral_fs::ephemeral_fs]",
            "+#[ephemeral_fs::ephemeral_fs]",
        ],
        "{}",
        out.stdout
    );
    for hunk in [
        "+#[ephemeral_fs::ephemeral_fs]\n pub fn helper() {}",
        "+    #[ephemeral_fs::ephemeral_fs]\n     pub fn inline() {}",
        "+#[ephemeral_fs::ephemeral_fs]\n fn handler(",
    ] {
        assert!(out.stdout.contains(hunk), "{hunk}\n{}", out.stdout);
    }
    assert!(
        out.stdout.contains("+++ b/src/util/misc.rs"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("+++ b/src/files.rs"), "{}", out.stdout);
}
