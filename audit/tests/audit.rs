//! The audit over whole files: which functions, which findings, and the
//! cases where its approximation of the compiler's type checks disagrees
//! with the compiler.

use ephemeral_fs_audit::{AuditScope, Options, audit_file};
use ephemeral_fs_core::lints::{Level, Levels, Lint};

/// `function lint level operation`, one line per finding, in source order.
fn audit(scope: AuditScope, source: &str) -> Vec<String> {
    audit_with(Options::new(scope, Levels::default()), source)
}

fn audit_with(options: Options, source: &str) -> Vec<String> {
    let file: syn::File = syn::parse_str(source).expect("test source parses");
    audit_file(&file, &options)
        .findings
        .iter()
        .map(|f| {
            let reason = f
                .reason
                .as_deref()
                .map(|r| format!(" ({r})"))
                .unwrap_or_default();
            format!(
                "{} {} {} {}{reason}",
                f.function,
                f.lint,
                f.level.name(),
                f.operation
            )
        })
        .collect()
}

/// Findings in a function with every lint at `deny`.
fn strict(body: &str) -> Vec<String> {
    let mut levels = Levels::default();
    for lint in Lint::ALL {
        levels.set(lint, Level::Deny);
    }
    audit_with(Options::new(AuditScope::All, levels), body)
}

#[test]
fn sees_file_level_imports_the_attribute_cannot() {
    let source = r#"
        use std::fs::write;
        use ephemeral_fs::ephemeral_fs;

        #[ephemeral_fs]
        fn save(body: &[u8]) -> std::io::Result<()> {
            write("/var/x", body)
        }
    "#;
    assert_eq!(
        audit(AuditScope::Annotated, source),
        ["save persistent_write deny std::fs::write"]
    );
    // The macro alone, given only the function, does not resolve `write`.
    let item: syn::Item =
        syn::parse_str("fn save(body: &[u8]) -> std::io::Result<()> { write(\"/var/x\", body) }")
            .unwrap();
    let analysis = ephemeral_fs_core::analyze(Default::default(), item);
    assert!(analysis.findings.is_empty());
}

#[test]
fn module_imports_count_and_outer_ones_do_not() {
    let source = r#"
        use crate::blob::File;
        #[ephemeral_fs]
        mod handlers {
            use std::fs::remove_file as rm;
            pub fn drop_it() { rm("/var/x").ok(); File::create("/var/y"); }
        }
        #[ephemeral_fs]
        fn blob() { File::create("/var/y"); }
    "#;
    assert_eq!(
        audit(AuditScope::Annotated, source),
        [
            "handlers::drop_it persistent_write deny std::fs::remove_file",
            // Inside the module, `File` is not the file's import: the
            // convention that it means `std::fs::File` applies.
            "handlers::drop_it persistent_write deny std::fs::File::create",
        ]
    );
}

#[test]
fn scopes_select_annotated_handlers_or_all() {
    let source = r#"
        use axum::routing::post;
        use std::fs;

        fn app() -> axum::Router { axum::Router::new().route("/", post(upload)) }
        async fn upload(body: Bytes) { fs::write("/var/up", body).unwrap(); }
        #[actix_web::get("/")]
        async fn actix() { fs::remove_file("/var/a").unwrap(); }
        #[ephemeral_fs::ephemeral_fs(warn(persistent_write))]
        fn annotated() { fs::create_dir("/var/b").unwrap(); }
        fn helper() { fs::write("/var/c", b"").unwrap(); }
        impl Store { fn save(&self) { fs::write("/var/d", b"").unwrap(); } }
    "#;
    assert_eq!(
        audit(AuditScope::Annotated, source),
        ["annotated persistent_write warn std::fs::create_dir"]
    );
    assert_eq!(
        audit(AuditScope::Handlers, source),
        [
            "upload persistent_write deny std::fs::write",
            "actix persistent_write deny std::fs::remove_file",
            "annotated persistent_write warn std::fs::create_dir",
        ]
    );
    assert_eq!(audit(AuditScope::All, source).len(), 5);
    assert!(
        audit(AuditScope::All, source)
            .contains(&"Store::save persistent_write deny std::fs::write".to_owned())
    );
}

#[test]
fn exceptions_are_kept_with_their_reasons() {
    let source = r#"
        #[ephemeral_fs::ephemeral_fs]
        impl Cache {
            fn warm(&self) {
                #[ephemeral_fs::allow(persistent_write, reason = "rebuilt on start")]
                std::fs::write("/var/cache/index", b"").unwrap();
                std::fs::write("/var/cache/other", b"").unwrap();
            }
            #[ephemeral_fs::allow(temp_escape, reason = "handed to the uploader")]
            fn keep(tmp: tempfile::NamedTempFile) { tmp.keep().unwrap(); }
        }
    "#;
    assert_eq!(
        audit(AuditScope::Annotated, source),
        [
            "Cache::warm persistent_write allow std::fs::write (rebuilt on start)",
            "Cache::warm persistent_write deny std::fs::write",
            "Cache::keep temp_escape allow .keep() (handed to the uploader)",
        ]
    );
}

#[test]
fn levels_come_from_options_then_the_attribute() {
    let mut levels = Levels::default();
    levels.set(Lint::PersistentRead, Level::Warn);
    levels.set(Lint::PersistentWrite, Level::Allow);
    let source = r#"
        fn plain() { std::fs::read("/a"); std::fs::write("/b", b""); }
        #[ephemeral_fs::ephemeral_fs(deny(persistent_write))]
        fn strict() { std::fs::write("/c", b""); }
    "#;
    assert_eq!(
        audit_with(Options::new(AuditScope::All, levels), source),
        [
            "plain persistent_read warn std::fs::read",
            "strict persistent_write deny std::fs::write",
        ]
    );
}

// The approximation agrees with the compiler on temp handles it can see.
#[test]
fn temp_handles_in_sight_are_not_reported() {
    let source = r#"
        fn handler(body: &[u8], given: &NamedTempFile, shared: Arc<TempDir>, path: TempPath) -> io::Result<()> {
            let staged = tempfile::NamedTempFile::new()?;
            fs::write(&staged, body)?;
            fs::write(staged.path(), body)?;
            let p = staged.path();
            fs::write(p, body)?;
            let mut built = tempfile::Builder::new().prefix("up").tempfile()?;
            fs::write(built.path(), body)?;
            let dir = tempfile::tempdir()?;
            fs::create_dir_all(dir.path().join("a/b"))?;
            let scratch = dir.child("a/b/c.txt")?;
            fs::write(&scratch, body)?;
            fs::write(given, body)?;
            fs::write(shared.path().join("x"), body)?;
            fs::write(&path, body)?;
            let owned = staged.into_temp_path();
            fs::remove_file(&owned)?;
            Ok(())
        }
    "#;
    assert_eq!(strict(source), Vec::<String>::new());
}

#[test]
fn paths_not_known_to_be_temp_are_reported() {
    let source = r#"
        fn handler(dir: TempDir, shared: Arc<NamedTempFile>, body: &[u8]) {
            fs::write(&dir, body);                     // a TempDir is no file
            fs::write(dir.path().join("../etc"), body); // leaves the directory
            fs::write(&shared, body);                  // an Arc is no TempTarget
            fs::write(upload.path(), body);            // unknown owner
        }
    "#;
    assert_eq!(strict(source).len(), 4, "{:?}", strict(source));
}

#[test]
fn escapes_are_reported_on_tempfile_receivers_only() {
    let source = r#"
        fn handler(session: Session, dir: TempDir, p: PathBuf) {
            let staged = NamedTempFile::new().unwrap();
            staged.persist("/var/x");
            session.keep();
            dir.into_path();
            TempPath::from_path(&p);
            Document::from_path(&p);
            NamedTempFile::persist(other, "/var/y");
            tempfile::Builder::new().keep(true);
        }
    "#;
    assert_eq!(
        strict(source),
        [
            "handler temp_escape deny .persist()",
            "handler temp_escape deny .into_path()",
            "handler temp_escape deny TempPath::from_path",
            "handler temp_escape deny NamedTempFile::persist",
            "handler temp_escape deny .keep()",
        ]
    );
}

/// tempfile's escapes take their handle by value or by `&mut`: on a shared
/// reference, a `keep()` that compiles is a method of the user's, as the
/// attribute decides.
#[test]
fn escapes_on_shared_references_are_not_tempfile_s() {
    let source = r#"
        fn handler(tmp: &NamedTempFile, dir: &mut TempDir) {
            tmp.keep();
            (&*tmp).keep();
            Mark::keep(tmp);
            let staged = NamedTempFile::new().unwrap();
            let r = &staged;
            r.keep();
            dir.disable_cleanup(true);
            staged.keep();
        }
    "#;
    assert_eq!(
        strict(source),
        [
            "handler temp_escape deny .disable_cleanup()",
            "handler temp_escape deny .keep()",
        ]
    );
}

/// Rocket re-exports tokio, and services name it through Rocket.
#[test]
fn tokio_as_rocket_re_exports_it() {
    let source = r#"
        use rocket::tokio;
        fn reap(path: &Path) { tokio::fs::remove_file(path); rocket::tokio::fs::write(path, b""); }
    "#;
    assert_eq!(
        strict(source),
        [
            "reap persistent_write deny rocket::tokio::fs::remove_file",
            "reap persistent_write deny rocket::tokio::fs::write",
        ]
    );
}

/// Rocket's `TempFile` moves an upload to a path with its own methods,
/// matched by name where the type is imported, whatever holds it.
#[test]
fn rocket_s_temp_file_writes_where_it_is_persisted() {
    let source = r#"
        #[macro_use]
        extern crate rocket;
        use rocket::tokio::fs::{self, File};
        use rocket::fs::{FileServer, TempFile};
        #[post("/", data = "<paste>")]
        async fn upload(mut paste: Capped<TempFile<'_>>, mut form: Form<Paste<'_>>, id: PasteId) {
            paste.persist_to(id.file_path()).await?;
            form.content.copy_to(&id.file_path()).await?;
            let staged = NamedTempFile::new()?;
            paste.move_copy_to(&staged).await?;
            #[ephemeral_fs::allow(persistent_write, reason = "pastes live on the node by design")]
            let _ = form.content.persist_to("/srv/pastes/x").await;
        }
    "#;
    assert_eq!(
        strict(source),
        [
            "upload persistent_write deny TempFile::persist_to",
            "upload persistent_write deny TempFile::copy_to",
            "upload persistent_write allow TempFile::persist_to (pastes live on the node by design)",
        ]
    );
    // Without the import, `persist_to` is anybody's method.
    let elsewhere = "async fn upload(paste: Paste) { paste.persist_to(\"/srv/x\").await; }";
    assert_eq!(strict(elsewhere), Vec::<String>::new());
}

/// A temp file made on the blocking pool and matched apart, as async
/// services write it: its `keep()` is the finding, and the cleanup of the
/// kept path is that escape's, not a write of its own. The move to the
/// destination is a write.
#[test]
fn a_kept_temp_file_is_reported_once_at_the_escape() {
    let source = r#"
        async fn save_file(dest: PathBuf) -> Result<(), Error> {
            let task = tokio::task::spawn_blocking(|| NamedTempFile::new());
            let made = match task.await { Ok(made) => Ok(made), Err(e) => Err(wrap(e)) }?;
            let staged = match made { Err(e) => Err(Error::Io(e)), Ok(file) => Ok(file) }?;
            let (file, temp_path) = staged.keep().map_err(|e| e.error)?;
            if failed(file) {
                let _ = tokio::fs::remove_file(&temp_path).await;
                return Err(Error::Failed);
            }
            tokio::fs::rename(&temp_path, &dest).await?;
            Ok(())
        }
    "#;
    assert_eq!(
        strict(source),
        [
            "save_file temp_escape deny .keep()",
            "save_file persistent_write deny tokio::fs::rename",
        ]
    );
}

// Where the approximation and the compiler disagree; the guide's audit
// chapter lists each.

/// A temp handle returned by a helper: the compiler knows its type and
/// accepts the write; the audit does not, and reports it.
#[test]
fn disagrees_on_a_helper_returned_handle() {
    let source = r#"
        fn handler(body: &[u8]) {
            let staged = stage().unwrap();
            fs::write(&staged, body);
            staged.persist("/var/x");
        }
    "#;
    // The write is reported; the escape, which the compiler would reject,
    // is missed.
    assert_eq!(
        strict(source),
        ["handler persistent_write deny std::fs::write"]
    );
}

/// A type alias hides the handle's type from the audit.
#[test]
fn disagrees_on_a_type_alias() {
    let source = r#"
        type Staged = tempfile::NamedTempFile;
        fn handler(staged: &Staged, body: &[u8]) { fs::write(staged, body); }
    "#;
    assert_eq!(
        strict(source),
        ["handler persistent_write deny std::fs::write"]
    );
}

/// A name bound twice to different things is unknown everywhere in the
/// function, also where the compiler sees the temp handle.
#[test]
fn disagrees_on_shadowing() {
    let source = r#"
        fn handler(body: &[u8]) {
            let staged = "/var/x";
            let staged = NamedTempFile::new().unwrap();
            fs::write(&staged, body);
        }
    "#;
    assert_eq!(
        strict(source),
        ["handler persistent_write deny std::fs::write"]
    );
}

/// A struct field holding a temp handle: the compiler accepts it.
#[test]
fn disagrees_on_fields() {
    let source = r#"
        impl Upload {
            fn save(&self, body: &[u8]) { fs::write(&self.staged, body); }
        }
    "#;
    assert_eq!(
        strict(source),
        ["Upload::save persistent_write deny std::fs::write"]
    );
}

#[test]
fn files_without_trigger_words_need_no_parse() {
    use ephemeral_fs_audit::may_have_findings;
    assert!(!may_have_findings(
        "fn f() -> std::io::Result<u8> { Ok(1) } // WriteFile"
    ));
    assert!(may_have_findings("use std::fs::write as save;"));
    assert!(may_have_findings("fn f(t: T) { t.r#keep() }"));
    assert!(may_have_findings(
        "#[ephemeral_fs::allow(x, reason = \"y\")] fn f() {}"
    ));
    // Words of the tables alone, without their module in sight.
    assert!(!may_have_findings(
        "fn f() { let v = Vec::new(); lock.read(); db.create(x); write!(w, \"\"); }"
    ));
    // A file-level import puts the module in sight of every function.
    assert!(may_have_findings(
        "use std::fs;\nmod m { fn f() { super::fs::read(p); } }"
    ));
}

/// An escape on a field: the compiler sees a `NamedTempFile` and rejects
/// it; the audit does not know the field's type, and misses it.
#[test]
fn disagrees_on_escapes_through_fields() {
    let source = r#"
        impl Upload {
            fn finish(self) { self.staged.keep(); }
        }
    "#;
    assert_eq!(strict(source), Vec::<String>::new());
}

/// A type of the user's own named like tempfile's: the compiler decides by
/// the real type and rejects the path; the audit goes by the name.
#[test]
fn disagrees_on_types_named_like_tempfiles() {
    let source = r#"
        struct NamedTempFile;
        impl NamedTempFile { fn new() -> Self { NamedTempFile } }
        fn handler(body: &[u8]) {
            let staged = NamedTempFile::new();
            fs::write(&staged, body);
        }
    "#;
    assert_eq!(strict(source), Vec::<String>::new());
}

/// The rewrite's own data flow decides path arguments: joins of literals,
/// locals, copies, `persist` into a temp directory and `make` closures are
/// fine when their owners are temp handles; refused shapes are reported
/// whatever the types, as the compiler rejects them.
#[test]
fn the_data_flow_of_the_attribute_decides_derived_paths() {
    let source = r#"
        fn handler(dir: &TempDir, worker: Arc<NamedTempFile>, body: &[u8]) {
            let tmp = NamedTempFile::new().unwrap();
            let p = tmp.path().to_path_buf();
            fs::write(&p, body);
            fs::write(worker.path(), body);
            let nested = dir.path().join("a").join("b.txt");
            fs::write(nested, body);
            tmp.persist(dir.child("kept.bin").unwrap());
            tempfile::Builder::new().make(|path| File::create(path));
        }
    "#;
    assert_eq!(strict(source), Vec::<String>::new());
    let source = r#"
        fn handler(dir: &TempDir, name: &str, body: &[u8]) {
            let tmp = NamedTempFile::new().unwrap();
            let mut p = tmp.path();
            fs::write(p, body);
            fs::write(dir.path().join(name), body);
            fs::write(tmp.path().join("x"), body);
            tmp.persist("/var/uploads/x");
            cache.make(|path| File::create(path));
        }
    "#;
    assert_eq!(
        strict(source),
        [
            "handler persistent_write deny std::fs::write",
            "handler persistent_write deny std::fs::write",
            "handler persistent_write deny std::fs::write",
            "handler temp_escape deny .persist()",
            // A closure's path is trusted only on a chain from tempfile's
            // `Builder::new()`: here the write in it is checked as written.
            "handler persistent_write deny std::fs::File::create",
        ]
    );
}

#[test]
fn the_walk_reads_the_file_in_place_and_changes_nothing() {
    // Everything the macro would rewrite or strip: guards, probes, escapes,
    // attributes of ours, a macro's arguments, a function used as a value.
    let source = r#"
        #[ephemeral_fs(warn(temp_escape))]
        mod handlers {
            use std::fs;
            #[ephemeral_fs::allow(persistent_read, reason = "config")]
            fn config() { fs::read("/etc/app.toml"); }
            fn upload(tmp: NamedTempFile, body: &[u8]) {
                fs::write("/var/x", body);
                fs::write(tmp.path(), body);
                assert!(fs::remove_file("/var/y").is_ok());
                tmp.persist("/var/kept");
                let f = std::fs::write;
                #[ephemeral_fs::allow(persistent_write, reason = "legacy")]
                fs::write("/var/z", body);
            }
        }
    "#;
    let mut file: syn::File = syn::parse_str(source).unwrap();
    let parsed = quote::ToTokens::to_token_stream(&file).to_string();
    let mut levels = Levels::default();
    levels.set(Lint::PersistentRead, Level::Deny);
    let report =
        ephemeral_fs_audit::audit_parsed_file(&mut file, &Options::new(AuditScope::All, levels));
    assert_eq!(report.findings.len(), 6, "{:?}", report.findings);
    assert_eq!(quote::ToTokens::to_token_stream(&file).to_string(), parsed);
}

#[test]
fn reports_the_shapes_the_attribute_leaves_as_limits() {
    let source = r#"
        use tempfile::NamedTempFile as staged;
        static SCRATCH: std::sync::LazyLock<tempfile::TempDir> =
            std::sync::LazyLock::new(|| tempfile::TempDir::new().unwrap());
        static NAME: &str = "upload";

        #[ephemeral_fs]
        fn save(dir: &tempfile::TempDir, tmp: staged, upload: Upload) -> std::io::Result<()> {
            std::fs::remove_dir(dir.path())?;
            std::fs::remove_file(dir.path().join("a"))?;
            std::mem::forget(upload);
            staged::keep(tmp)?;
            Ok(())
        }
    "#;
    assert_eq!(
        audit(AuditScope::Annotated, source),
        [
            // A static owning a temp handle is never dropped.
            "SCRATCH temp_escape deny a static holding a temp handle",
            // A handle's own path removed may come back as the other kind.
            "save persistent_write deny std::fs::remove_dir",
            // A value the audit cannot see into may own a temp handle.
            "save temp_escape deny std::mem::forget",
            // A rename of tempfile's type outside the item.
            "save temp_escape deny tempfile::NamedTempFile::keep",
        ]
    );
}
