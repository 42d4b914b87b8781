// The lints, one declaration each: see the crate's documentation for what
// else a new lint needs. The order is the order of `Lint::ALL`, which the
// audit's summary and SARIF rule indices follow.

use crate::{CheckedBy, Level, declare_lints};

declare_lints! {
    /// Creating, writing, modifying or deleting a local path that is not a
    /// temp-file handle.
    PersistentWrite: persistent_write {
        default: Deny,
        checked_by: AttributeAndAudit,
        message: "`{operation}` writes to a local path that is not a temp file",
        value_message: "`{operation}` is used as a value, and may write to any local path it is given",
        label: "not a temp-file handle",
        note: "a request handler's local files vanish on restart and are not shared between instances",
        suggestion: "stage the data in a `tempfile::NamedTempFile` or a `dir.child(..)` of a `tempfile::TempDir`, and keep what must last in a backing service such as object storage or a database",
        docs: r#"Flags creating, writing, modifying or deleting a local path that is not a temp file.

**Why is this bad?** A request handler's local files vanish when the process
restarts or its container is replaced, and the other instances behind the
load balancer never see them: an upload saved to `/var/uploads` works on a
laptop and is lost in production, one instance at a time. The lint looks at
`fs::write`, `File::create`, opens with a write flag, `create_dir`, the
destination of `copy`, `rename`, links (and what they point to: a write
through a link lands there), removals and permission changes, in `std::fs`,
`tokio::fs`, `async_std::fs`, fs-err (`fs_err`, `fs_err::tokio`) and
smol's `async_fs`.

**Example**

```rust,compile_fail,E0277
use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
fn save_upload(name: &str, body: &[u8]) -> std::io::Result<()> {
    std::fs::write(format!("/var/uploads/{name}"), body)
}
```

**Use instead** a temp file, removed when it is dropped, for data the
request works on (its `path()`, a literal joined onto a `TempDir`'s path,
or `dir.child(name)?`), and a backing service such as object storage or a
database for data that must last (`ephemeral_fs::store::put_file`, feature
`object-store`, streams a temp file into one):

```rust
use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

#[ephemeral_fs]
fn checksum(body: &[u8]) -> std::io::Result<usize> {
    let staged = NamedTempFile::new()?;
    std::fs::write(staged.path(), body)?;
    Ok(std::fs::read(staged.path())?.len())
}
```
"#,
    }

    /// A tempfile call that makes a temp file outlive the request.
    TempEscape: temp_escape {
        default: Deny,
        checked_by: AttributeAndAudit,
        message: "`{operation}` makes a temp file outlive the request",
        label: "keeps the file after the request",
        note: "a request handler's local files vanish on restart and are not shared between instances",
        suggestion: "copy the temp file's contents to a backing service such as object storage, and let the temp file be removed when it is dropped",
        docs: r#"Flags tempfile calls that make a temp file persistent or cancel its cleanup.

**Why is this bad?** `persist`, `keep`, `into_path` and `disable_cleanup`
turn a temp file or directory into an ordinary local one, with the problems
of any local file: it is gone when the container is replaced, and no other
instance has it. `TempPath::from_path` wraps a path that was never a temp
file. The lint looks at these methods on `NamedTempFile`, `TempPath`,
`TempDir` and `tempfile::Builder`, and at their path-called forms; a method
of the same name on another type is not its concern, and neither is
`persist` into a temp directory (`tmp.persist(dir.child("a")?)`), which
keeps the cleanup.

**Example**

```rust,compile_fail,E0277
use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

#[ephemeral_fs]
fn import(body: &[u8]) -> std::io::Result<()> {
    let staged = NamedTempFile::new()?;
    std::fs::write(staged.path(), body)?;
    staged.persist("/var/uploads/import")?;
    Ok(())
}
```

**Use instead** a backing service for what must last
(`ephemeral_fs::store::put_file`, feature `object-store`, streams the temp
file into object storage), and let the temp file be removed when it is
dropped:

```rust
use ephemeral_fs::ephemeral_fs;
use tempfile::NamedTempFile;

#[ephemeral_fs]
fn import(body: &[u8], store: &mut Vec<Vec<u8>>) -> std::io::Result<()> {
    let staged = NamedTempFile::new()?;
    std::fs::write(staged.path(), body)?;
    store.push(std::fs::read(staged.path())?);
    Ok(())
}
```
"#,
    }

    /// Reading a local path that is not a temp-file handle.
    PersistentRead: persistent_read {
        default: Allow,
        checked_by: AttributeAndAudit,
        message: "`{operation}` reads a local path that is not a temp file",
        value_message: "`{operation}` is used as a value, and may read any local path it is given",
        label: "not a temp-file handle",
        note: "another instance, or this one after a restart, does not have the file",
        suggestion: "read what must last from a backing service, or from a temp file this request created",
        docs: r#"Flags reading a local path that is not a temp file. Allowed by default.

**Why is this bad?** A handler that reads local state depends on what this
instance happened to write before: another instance, or this one after a
restart, does not have the file. The lint looks at `fs::read`,
`read_to_string`, `File::open`, read-only opens, `read_dir`, `metadata`,
`exists` and the source of `copy`. Reading files that ship with the service
is common and harmless, so the lint is opt-in: turn it on with
`#[ephemeral_fs(deny(persistent_read))]`, or `--deny persistent_read` in the
audit.

**Example**

```rust,compile_fail,E0277
use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs(deny(persistent_read))]
fn fetch(name: &str) -> std::io::Result<Vec<u8>> {
    std::fs::read(format!("/var/uploads/{name}"))
}
```

**Use instead** the backing service the data was saved to:

```rust
use std::collections::HashMap;

use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs(deny(persistent_read))]
fn fetch(name: &str, store: &HashMap<String, Vec<u8>>) -> Option<Vec<u8>> {
    store.get(name).cloned()
}
```
"#,
    }

    /// A `VOLUME` instruction in a Dockerfile of an audited package.
    LocalVolume: local_volume {
        default: Warn,
        checked_by: AuditOnly,
        message: "`{operation}` keeps data on a volume local to one instance",
        label: "local to one instance",
        note: "each replica gets its own volume, and a rescheduled instance gets a new one",
        suggestion: "mount nothing there, and keep what must last in a backing service such as object storage (`ephemeral_fs::store::put_file`) or a database",
        docs: r#"Flags `VOLUME` instructions in a Dockerfile: each path a container keeps on a volume of its own.

**Why is this bad?** A volume does not make local files shared or
lasting. Each replica of an orchestrated service gets a volume of its own,
so an upload saved by one instance is missing on the others, and a
rescheduled container gets a new, empty volume. `VOLUME /var/uploads` is
the same mistake as writing to `/var/uploads` in a handler, made in the
image. `cargo ephemeral-fs` checks this lint, in the `Dockerfile`,
`Containerfile`, `*.Dockerfile`, `Dockerfile.*` and `Containerfile.*`
files of each audited package's directory and of the workspace root, and
reports each path of each `VOLUME`, in its JSON-array and plain forms. A
code finding whose literal path lies under a declared volume says so in
a note.

**Example**

```dockerfile
FROM debian:bookworm-slim
COPY target/release/uploads /usr/local/bin/uploads
VOLUME /var/uploads
CMD ["uploads"]
```

**Use instead** no volume, and a backing service such as object storage
or a database for what must last: `ephemeral_fs::store::put_file`
(feature `object-store`) streams a temp file into object storage:

```dockerfile
FROM debian:bookworm-slim
COPY target/release/uploads /usr/local/bin/uploads
ENV UPLOADS_BUCKET=s3://uploads
CMD ["uploads"]
```
"#,
    }

    /// A request-path function that no `#[ephemeral_fs]` covers.
    UnguardedRequestPath: unguarded_request_path {
        default: Allow,
        checked_by: AuditOnly,
        message: "`{operation}` is on the request path, and no `#[ephemeral_fs]` covers it",
        label: "a write added here would compile",
        note: "the attribute checks only the items it is put on",
        suggestion: "put `#[ephemeral_fs::ephemeral_fs]` on it, or run `cargo ephemeral-fs --fix`",
        docs: r#"Flags a function on the request path that no `#[ephemeral_fs]` covers. Allowed by default.

**Why is this bad?** The attribute turns a write to local disk into a
compile error, but only in the items it is put on. Most writes a request
makes are in the crate's own helpers, which a handler calls, often in
another file: a helper without the attribute compiles a
`std::fs::write("/var/uploads/..")` added tomorrow, and the audit is the
only thing left to notice it. This lint, which `cargo ephemeral-fs` checks
on the request path it builds (the attribute cannot see a call graph),
reports each handler and each function a handler reaches that neither
carries the attribute nor sits in an annotated impl, trait or inline
module. `const fn`s are left out: they cannot touch the filesystem. Turn it
on with `--deny unguarded_request_path` in CI, or in
`[package.metadata.ephemeral-fs]`, so that adding an unannotated helper
fails the build; `cargo ephemeral-fs --fix` annotates every one that has no
finding of its own.

**Example**

```rust
// A helper that a handler calls: no attribute checks it.
pub fn save_thumbnail(body: &[u8]) -> std::io::Result<usize> {
    Ok(body.len())
}
```

**Use instead** the attribute, on the function or on the impl, trait or
inline module around it:

```rust
use ephemeral_fs::ephemeral_fs;

#[ephemeral_fs]
pub fn save_thumbnail(body: &[u8]) -> std::io::Result<usize> {
    Ok(body.len())
}
```
"#,
    }
}
