//! The one table of filesystem operations.
//!
//! The rewriter, the guarded API's tests, the guide's lint chapter and the
//! audit all read it. Supporting a new operation is a row here, the mirror
//! it names in the runtime's `ephemeral_fs::fs` (if it has one), and its
//! name in the guide's lint chapter; tests in `core/tests/docs.rs` fail
//! until the last two are there.

use crate::lints::Lint;

/// Where an operation lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Module {
    /// `std::fs`, and the crates that mirror it with the same names and
    /// arguments: `tokio::fs` (also as Rocket re-exports it,
    /// `rocket::tokio::fs`), `async_std::fs`, `fs_err` (with
    /// `fs_err::tokio`) and smol's `async_fs`.
    Fs,
    /// `std::os::unix::fs`, and its mirrors in `fs_err` and `async_fs`.
    UnixFs,
    /// `std::os::unix::net`, and its mirrors in tokio (also as Rocket and
    /// actix re-export it), async-std and smol's `async_net`: binding a
    /// Unix socket creates a file at its path, which nothing removes.
    UnixNet,
}

impl Module {
    pub const ALL: [Module; 3] = [Module::Fs, Module::UnixFs, Module::UnixNet];

    /// The canonical paths of this module. Adding a crate that mirrors
    /// `std::fs` is adding its path here.
    pub fn paths(self) -> &'static [&'static [&'static str]] {
        match self {
            Module::Fs => &[
                &["std", "fs"],
                &["tokio", "fs"],
                &["rocket", "tokio", "fs"],
                &["async_std", "fs"],
                &["fs_err"],
                &["fs_err", "tokio"],
                &["async_fs"],
            ],
            Module::UnixFs => &[
                &["std", "os", "unix", "fs"],
                &["fs_err", "os", "unix", "fs"],
                &["async_fs", "unix"],
            ],
            Module::UnixNet => &[
                &["std", "os", "unix", "net"],
                &["tokio", "net"],
                &["rocket", "tokio", "net"],
                &["actix_rt", "net"],
                &["actix_web", "rt", "net"],
                &["async_std", "os", "unix", "net"],
                &["async_net", "unix"],
            ],
        }
    }

    /// Every module path of every module.
    pub fn all_paths() -> impl Iterator<Item = &'static [&'static str]> {
        Module::ALL
            .into_iter()
            .flat_map(|module| module.paths().iter().copied())
    }
}

/// What a checked argument is to its operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// A path that is created, written, removed or read.
    Path,
    /// The original of a new link: writes through the link land there, so
    /// it must be a temp file too.
    LinkOriginal,
    /// The original of a symbolic link, which may be removed before the
    /// link: a write through the link then creates it again. Only a path
    /// inside a temp directory cannot be, once its directory is gone.
    SymlinkOriginal,
    /// A path whose permissions or owner change: only a temp file's, since
    /// a directory made read-only or given away cannot be emptied by its
    /// cleanup.
    FileOnly,
    /// The new root of the whole process: no path is fit, since every temp
    /// handle's cleanup then misses its path.
    ProcessRoot,
    /// A directory a `DirBuilder` makes with a mode that may keep its owner
    /// out: no path is fit, since a temp directory's cleanup cannot empty
    /// it.
    DirectoryMode,
}

/// An argument the lint looks at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Target {
    /// Its position among the call's arguments.
    pub arg: usize,
    pub lint: Lint,
    pub role: Role,
}

/// A path-called filesystem operation (`fs::write`, `File::create`).
#[derive(Clone, Copy, Debug)]
pub struct Operation {
    pub module: Module,
    /// The path below the module: `"write"`, `"File::create"`.
    pub path: &'static str,
    /// How many arguments the function takes.
    pub arity: usize,
    /// How many generic type parameters it has, all `AsRef<..>` bounds that
    /// `&'static str` meets (a value-form witness names them).
    pub generics: usize,
    pub targets: &'static [Target],
    /// The guarded mirror in `ephemeral_fs::fs`, used where a `std` function
    /// is taken as a value.
    pub mirror: Option<&'static str>,
}

const fn write(arg: usize) -> Target {
    Target {
        arg,
        lint: Lint::PersistentWrite,
        role: Role::Path,
    }
}

const fn read(arg: usize) -> Target {
    Target {
        arg,
        lint: Lint::PersistentRead,
        role: Role::Path,
    }
}

const fn link_original(arg: usize) -> Target {
    Target {
        arg,
        lint: Lint::PersistentWrite,
        role: Role::LinkOriginal,
    }
}

const fn symlink_original(arg: usize) -> Target {
    Target {
        arg,
        lint: Lint::PersistentWrite,
        role: Role::SymlinkOriginal,
    }
}

const fn process_root(arg: usize) -> Target {
    Target {
        arg,
        lint: Lint::PersistentWrite,
        role: Role::ProcessRoot,
    }
}

const fn file_only(arg: usize) -> Target {
    Target {
        arg,
        lint: Lint::PersistentWrite,
        role: Role::FileOnly,
    }
}

const fn op(
    module: Module,
    path: &'static str,
    arity: usize,
    targets: &'static [Target],
    mirror: Option<&'static str>,
) -> Operation {
    // Every generic parameter of these functions is one path or contents
    // argument; `set_permissions` and `chown` also take non-generic ones.
    let generics = match path.as_bytes() {
        b"set_permissions" => 1,
        b"chown" | b"lchown" => 1,
        _ => arity,
    };
    Operation {
        module,
        path,
        arity,
        generics,
        targets,
        mirror,
    }
}

use Module::{Fs, UnixFs, UnixNet};

pub static OPERATIONS: &[Operation] = &[
    // persistent_write
    op(Fs, "write", 2, &[write(0)], Some("write")),
    op(Fs, "File::create", 1, &[write(0)], Some("create_file")),
    op(
        Fs,
        "File::create_new",
        1,
        &[write(0)],
        Some("create_new_file"),
    ),
    op(Fs, "create_dir", 1, &[write(0)], Some("create_dir")),
    op(Fs, "create_dir_all", 1, &[write(0)], Some("create_dir_all")),
    op(Fs, "copy", 2, &[read(0), write(1)], Some("copy")),
    op(Fs, "rename", 2, &[write(0), write(1)], Some("rename")),
    op(
        Fs,
        "hard_link",
        2,
        &[link_original(0), write(1)],
        Some("hard_link"),
    ),
    op(
        Fs,
        "soft_link",
        2,
        &[symlink_original(0), write(1)],
        Some("soft_link"),
    ),
    op(Fs, "symlink", 2, &[symlink_original(0), write(1)], None),
    op(
        UnixFs,
        "symlink",
        2,
        &[symlink_original(0), write(1)],
        Some("symlink"),
    ),
    op(UnixFs, "chown", 3, &[file_only(0)], None),
    op(UnixFs, "lchown", 3, &[file_only(0)], None),
    op(UnixFs, "chroot", 1, &[process_root(0)], None),
    op(Fs, "remove_file", 1, &[write(0)], Some("remove_file")),
    op(Fs, "remove_dir", 1, &[write(0)], Some("remove_dir")),
    op(Fs, "remove_dir_all", 1, &[write(0)], Some("remove_dir_all")),
    // A builder's terminal called by its path: the builder's flags are not
    // followed, so it counts as a write.
    op(Fs, "OpenOptions::open", 2, &[write(1)], None),
    op(Fs, "DirBuilder::create", 2, &[write(1)], None),
    op(
        Fs,
        "set_permissions",
        2,
        &[file_only(0)],
        Some("set_permissions"),
    ),
    op(
        UnixNet,
        "UnixListener::bind",
        1,
        &[write(0)],
        Some("bind_unix_listener"),
    ),
    op(
        UnixNet,
        "UnixDatagram::bind",
        1,
        &[write(0)],
        Some("bind_unix_datagram"),
    ),
    // persistent_read
    op(Fs, "read", 1, &[read(0)], Some("read")),
    op(Fs, "read_to_string", 1, &[read(0)], Some("read_to_string")),
    op(Fs, "File::open", 1, &[read(0)], Some("open_file")),
    op(Fs, "read_dir", 1, &[read(0)], Some("read_dir")),
    op(Fs, "read_link", 1, &[read(0)], Some("read_link")),
    op(Fs, "metadata", 1, &[read(0)], Some("metadata")),
    op(
        Fs,
        "symlink_metadata",
        1,
        &[read(0)],
        Some("symlink_metadata"),
    ),
    op(Fs, "canonicalize", 1, &[read(0)], Some("canonicalize")),
    op(Fs, "exists", 1, &[read(0)], Some("exists")),
    op(Fs, "try_exists", 1, &[read(0)], None),
];

/// Mirrors of `copy` that also check its source, for `deny(persistent_read)`:
/// `(mirror, with the destination checked, without)`. A row's own mirror
/// only checks its last target.
pub const SOURCE_CHECKED_MIRRORS: &[(&str, &str, &str)] =
    &[("copy", "copy_from_temp_to_temp", "copy_from_temp")];

/// The mirror of `mirror` that checks its source too, with or without its
/// destination.
pub fn source_checked_mirror(mirror: &str, destination_checked: bool) -> Option<&'static str> {
    SOURCE_CHECKED_MIRRORS
        .iter()
        .find(|(row, _, _)| *row == mirror)
        .map(|(_, both, source_only)| {
            if destination_checked {
                *both
            } else {
                *source_only
            }
        })
}

/// Builder types whose terminal method takes the path
/// (`OpenOptions::new().write(true).open(path)`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Builder {
    /// `OpenOptions::new()` or `File::options()`, ended by `.open(path)`.
    OpenOptions,
    /// `DirBuilder::new()`, ended by `.create(path)`.
    DirBuilder,
}

impl Builder {
    /// The constructors below an fs module that start a builder chain.
    /// tokio's and async-std's builders also implement `Default`.
    const CONSTRUCTORS: [(&'static str, Builder); 5] = [
        ("OpenOptions::new", Builder::OpenOptions),
        ("File::options", Builder::OpenOptions),
        ("DirBuilder::new", Builder::DirBuilder),
        ("OpenOptions::default", Builder::OpenOptions),
        ("DirBuilder::default", Builder::DirBuilder),
    ];

    pub fn from_constructor(path_below_module: &str) -> Option<Builder> {
        Builder::CONSTRUCTORS
            .iter()
            .find(|(path, _)| *path == path_below_module)
            .map(|(_, builder)| *builder)
    }

    /// The method that takes the path.
    pub fn terminal(self) -> &'static str {
        match self {
            Builder::OpenOptions => "open",
            Builder::DirBuilder => "create",
        }
    }

    /// Each constructor path below an fs module, with the builder it starts.
    pub fn constructors() -> impl Iterator<Item = (&'static str, Builder)> {
        Builder::CONSTRUCTORS.into_iter()
    }

    /// Whether a method name ends some builder chain: a cheap test before
    /// following the chain.
    pub fn is_terminal(name: &str) -> bool {
        [Builder::OpenOptions, Builder::DirBuilder]
            .iter()
            .any(|builder| builder.terminal() == name)
    }

    /// Whether `ty` is a builder type itself (`OpenOptions`), rather than a
    /// type with a builder constructor (`File::options`).
    fn is_builder_type(ty: &str) -> bool {
        Builder::CONSTRUCTORS
            .iter()
            .any(|(path, _)| path.split_once("::") == Some((ty, "new")))
    }

    /// Whether a path's last segment could name a constructor (`new`,
    /// `options`): a cheap test before resolving, which allocates.
    pub fn is_constructor_name(last: &str) -> bool {
        Builder::CONSTRUCTORS
            .iter()
            .any(|(path, _)| path.rsplit("::").next() == Some(last))
    }

    /// Every identifier a builder chain can start or end with. `default`
    /// is left out: as common as it is, the type's name is always there.
    pub fn words() -> impl Iterator<Item = &'static str> {
        Builder::CONSTRUCTORS
            .iter()
            .flat_map(|(path, _)| path.split("::"))
            .filter(|word| *word != "default")
            .chain([Builder::OpenOptions, Builder::DirBuilder].map(Builder::terminal))
    }
}

/// What a function called through an associated type
/// (`<Local as Backend>::Handle::create(p)`, `B::Handle::create(p)`) is
/// checked as, by its name: the type decides whether it is one of std's
/// (the runtime's `OnType`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ByType {
    /// Its first argument is a path it creates (`File::create`,
    /// `UnixListener::bind`).
    Path,
    /// A builder's constructor (`OpenOptions::new`, `File::options`).
    Builder,
}

/// The functions `ByType` knows: the constructors of the builders, and the
/// operations of a type that is no builder whose first argument is a path
/// written to. (A builder's own `open` or `create` called by path takes a
/// builder, whose making is checked.)
pub fn by_type_functions() -> impl Iterator<Item = (&'static str, ByType)> {
    let builders = Builder::CONSTRUCTORS
        .iter()
        .filter_map(|(path, _)| path.rsplit("::").next())
        .map(|name| (name, ByType::Builder));
    let paths = OPERATIONS
        .iter()
        .filter(|operation| {
            operation.targets.iter().any(|target| {
                target.arg == 0 && target.lint == Lint::PersistentWrite && target.role == Role::Path
            })
        })
        .filter_map(|operation| operation.path.split_once("::"))
        .filter(|(ty, _)| !Builder::is_builder_type(ty))
        .map(|(_, name)| (name, ByType::Path));
    let mut seen = Vec::new();
    builders.chain(paths).filter(move |(name, _)| {
        let new = !seen.contains(name);
        seen.push(*name);
        new
    })
}

/// `by_type_functions`' kind of the function `name`. Asked of nearly every
/// call the rewrite meets, so the table is read once.
pub fn by_type(name: &str) -> Option<ByType> {
    static FUNCTIONS: std::sync::OnceLock<Vec<(&'static str, ByType)>> = std::sync::OnceLock::new();
    FUNCTIONS
        .get_or_init(|| by_type_functions().collect())
        .iter()
        .find(|(known, _)| *known == name)
        .map(|(_, kind)| *kind)
}

/// `OpenOptions` flags that make an open a write. Any of them with an
/// argument other than a literal `false` does; `custom_flags` may hold
/// `O_CREAT` or `O_TRUNC`, whatever its argument.
pub const WRITE_FLAGS: &[&str] = &[
    "write",
    "append",
    "create",
    "create_new",
    "truncate",
    "custom_flags",
];

/// Builder methods that set nothing an open or a `create` could write
/// with. Any other method on a builder chain or local (`clone_from`, a
/// user's extension trait's `writable()`) counts as setting write flags.
pub const NEUTRAL_BUILDER_METHODS: &[&str] = &["read", "recursive", "clone"];

/// tempfile methods that make a temp file persistent or cancel its cleanup:
/// `persist`, `persist_noclobber`, `keep` and `disable_cleanup` on
/// `NamedTempFile`/`TempPath`, `keep`, `into_path` and `disable_cleanup` on
/// `TempDir`, `Builder::keep` and `Builder::disable_cleanup`. Which type the
/// receiver has is left to the compiler; a method of another type with the
/// same name compiles untouched.
pub const ESCAPE_METHODS: &[&str] = &[
    "persist",
    "persist_noclobber",
    "keep",
    "disable_cleanup",
    "into_path",
];

/// Escape methods whose `bool` argument, when a literal `false`, makes the
/// call harmless (`Builder::keep(false)` is the default).
pub const ESCAPE_SWITCHES: &[&str] = &["keep", "disable_cleanup"];

/// `TempPath::from_path(p)` and `try_from_path(p)` wrap an arbitrary path in
/// a temp handle.
pub const ESCAPE_CONSTRUCTORS: &[&str] = &["from_path", "try_from_path"];

/// Escape methods whose first argument is a destination: moving a temp file
/// into a temp directory keeps its cleanup.
pub const PERSIST_METHODS: &[&str] = &["persist", "persist_noclobber"];

/// `tempfile::Builder::make(|path| ..)` and `make_in(dir, |path| ..)` hand
/// their closure a fresh temp file's path; the closure is the last argument.
pub const MAKE_METHODS: &[&str] = &["make", "make_in"];

/// Functions that skip their argument's destructor, and so a temp file's
/// cleanup: the argument is probed for a temp handle it owns.
pub const LEAK_FUNCTIONS: &[&[&str]] = &[
    &["std", "mem", "forget"],
    &["core", "mem", "forget"],
    &["std", "mem", "ManuallyDrop", "new"],
    &["core", "mem", "ManuallyDrop", "new"],
    &["std", "mem", "MaybeUninit", "new"],
    &["core", "mem", "MaybeUninit", "new"],
    &["std", "boxed", "Box", "leak"],
    &["std", "boxed", "Box", "into_raw"],
    &["std", "vec", "Vec", "leak"],
    &["std", "vec", "Vec", "into_raw_parts"],
    &["std", "rc", "Rc", "into_raw"],
    &["std", "sync", "Arc", "into_raw"],
];

/// The words a leak function's path ends in, or starts a type with: the
/// cheap test before resolving, and the pre-scan's triggers.
pub const LEAK_WORDS: &[&str] = &[
    "forget",
    "ManuallyDrop",
    "MaybeUninit",
    "leak",
    "into_raw",
    "into_raw_parts",
];

/// Methods that skip their receiver's destructor: `Vec::leak(self)`,
/// `Vec::into_raw_parts(self)`.
pub const LEAK_METHODS: &[&str] = &["leak", "into_raw_parts"];

/// The types among `LEAK_WORDS`, whose constructor (`new`) is the leak.
pub const LEAK_TYPES: &[&str] = &["ManuallyDrop", "MaybeUninit"];

/// Names taken to mean the paths of `LEAK_FUNCTIONS` when nothing in sight
/// imports them: the prelude's `Box` and `Vec`, and the modules and types
/// code names them through.
pub fn leak_conventional(first: &str) -> Option<&'static [&'static str]> {
    Some(match first {
        "core" => &["core"],
        "alloc" => &["alloc"],
        "mem" => &["std", "mem"],
        "ManuallyDrop" => &["std", "mem", "ManuallyDrop"],
        "MaybeUninit" => &["std", "mem", "MaybeUninit"],
        "Box" => &["std", "boxed", "Box"],
        "Vec" => &["std", "vec", "Vec"],
        "Rc" => &["std", "rc", "Rc"],
        "Arc" => &["std", "sync", "Arc"],
        _ => return None,
    })
}

/// Whether a canonical path is one of `LEAK_FUNCTIONS`.
pub fn is_leak_function(canonical: &[String]) -> bool {
    // std's `Box`, `Vec`, `Rc` and `Arc` are alloc's, re-exported.
    let krate = match canonical.first().map(String::as_str) {
        Some("alloc") => "std",
        Some(first) => first,
        None => return false,
    };
    LEAK_FUNCTIONS.iter().any(|path| {
        path.iter()
            .copied()
            .eq(std::iter::once(krate).chain(canonical[1..].iter().map(String::as_str)))
    })
}

/// The operation a canonical path names, if any: `["std", "fs", "write"]`.
pub fn lookup(canonical: &[String]) -> Option<(&'static Operation, bool)> {
    OPERATIONS.iter().find_map(|operation| {
        operation.module.paths().iter().find_map(|module| {
            let below = canonical.strip_prefix_str(module)?;
            let is_std = module[0] == "std";
            (joined(below) == operation.path).then_some((operation, is_std))
        })
    })
}

/// The builder a canonical constructor path starts, if any.
pub fn lookup_builder(canonical: &[String]) -> Option<Builder> {
    Module::Fs.paths().iter().find_map(|module| {
        let below = canonical.strip_prefix_str(module)?;
        Builder::from_constructor(&joined(below))
    })
}

/// The builder a canonical type path names (`tokio::fs::OpenOptions`).
pub fn lookup_builder_type(canonical: &[String]) -> Option<Builder> {
    Module::Fs
        .paths()
        .iter()
        .find_map(|module| match canonical.strip_prefix_str(module)? {
            [name] if name == "OpenOptions" => Some(Builder::OpenOptions),
            [name] if name == "DirBuilder" => Some(Builder::DirBuilder),
            _ => None,
        })
}

/// Whether a path ending in `name` could name an operation: a cheap test
/// before resolving a path, which allocates.
pub fn is_operation_name(name: &str) -> bool {
    static NAMES: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    NAMES
        .get_or_init(|| {
            OPERATIONS
                .iter()
                .filter_map(|operation| operation.path.rsplit("::").next())
                .collect()
        })
        .contains(name)
}

/// Whether `use <module>::*;` brings `name` as an operation's first
/// segment: `write` from `std::fs`, not from `std::os::unix::fs`, which has
/// no `write`; the builders' types from the `fs` modules only.
pub fn is_glob_importable_from(module: &[String], name: &str) -> bool {
    let is = |path: &[&str]| path.iter().copied().eq(module.iter().map(String::as_str));
    OPERATIONS.iter().any(|operation| {
        operation.path.split("::").next() == Some(name)
            && operation.module.paths().iter().any(|path| is(path))
    }) || (Module::Fs.paths().iter().any(|path| is(path))
        && Builder::CONSTRUCTORS
            .iter()
            .any(|(path, _)| path.split("::").next() == Some(name)))
}

// Input:  std::fs    std::os    tokio    std::fs::File    tempfile::TempDir
/// Whether a canonical path names a crate, a module or a type the tables
/// know of. Those are in rustc's type namespace only, so an import of one
/// under an operation's name (`use std::fs as write;` in a block) leaves a
/// call `write(..)` to the function further out.
pub fn names_type_or_module(canonical: &[String]) -> bool {
    let Some(krate) = canonical.first() else {
        return false;
    };
    let module_or_above = Module::all_paths().any(|module| {
        canonical.len() <= module.len() && canonical.iter().zip(module).all(|(a, b)| a == b)
    });
    let type_below = |ty: &str| {
        OPERATIONS
            .iter()
            .filter_map(|operation| operation.path.split_once("::"))
            .chain(
                Builder::CONSTRUCTORS
                    .iter()
                    .filter_map(|(path, _)| path.split_once("::")),
            )
            .any(|(owner, _)| owner == ty)
    };
    let type_in_module = Module::all_paths()
        .any(|module| matches!(canonical.strip_prefix_str(module), Some([ty]) if type_below(ty)));
    // tempfile's types are its CamelCase names, its functions
    // (`tempfile()`, `tempdir()`) the others.
    let tempfile = krate == "tempfile"
        && match &canonical[1..] {
            [] => true,
            [ty] => ty.starts_with(|c: char| c.is_ascii_uppercase()),
            _ => false,
        };
    module_or_above || type_in_module || tempfile || (canonical.len() == 1 && is_known_crate(krate))
}

/// Names that, when nothing in sight imports them, are taken to mean
/// `std::fs` items, and std's Unix sockets: imported outside the item
/// (tokio's mirror them), a call of theirs is checked as std's.
pub const CONVENTIONAL: &[(&str, &[&str])] = &[
    ("fs", &["std", "fs"]),
    ("File", &["std", "fs", "File"]),
    ("OpenOptions", &["std", "fs", "OpenOptions"]),
    ("DirBuilder", &["std", "fs", "DirBuilder"]),
    (
        "UnixListener",
        &["std", "os", "unix", "net", "UnixListener"],
    ),
    (
        "UnixDatagram",
        &["std", "os", "unix", "net", "UnixDatagram"],
    ),
];

/// The path a conventional name is taken to mean (`fs` is `std::fs`).
pub fn conventional(first: &str) -> Option<&'static [&'static str]> {
    CONVENTIONAL
        .iter()
        .find(|(name, _)| *name == first)
        .map(|(_, path)| *path)
}

/// Crates whose names start an absolute path we care about: those of the
/// modules, and tempfile.
pub fn is_known_crate(first: &str) -> bool {
    matches!(first, "tempfile" | "alloc" | "core")
        || Module::all_paths().any(|path| path[0] == first)
}

// Input:  std::mem, forget        core, mem
// Output: true                    true
/// Whether `use <module>::*;` brings `name` on the way to a leak function
/// (`forget` from `std::mem`, `mem` from `core`).
pub fn leads_to_leak_function(module: &[String], name: &str) -> bool {
    LEAK_FUNCTIONS.iter().any(|path| {
        path.len() > module.len()
            && path[module.len()] == name
            && path[..module.len()]
                .iter()
                .copied()
                .eq(module.iter().map(String::as_str))
    })
}

fn joined(segments: &[String]) -> String {
    segments.join("::")
}

trait StripPrefixStr {
    fn strip_prefix_str(&self, prefix: &[&str]) -> Option<&Self>;
}

impl StripPrefixStr for [String] {
    fn strip_prefix_str(&self, prefix: &[&str]) -> Option<&Self> {
        if self.len() < prefix.len() || !self.iter().zip(prefix).all(|(a, b)| a == b) {
            return None;
        }
        Some(&self[prefix.len()..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canonical(path: &str) -> Vec<String> {
        path.split("::").map(str::to_owned).collect()
    }

    #[test]
    fn looks_up_std_and_async_mirrors() {
        let (operation, is_std) = lookup(&canonical("std::fs::write")).unwrap();
        assert_eq!(operation.path, "write");
        assert!(is_std);
        let (operation, is_std) = lookup(&canonical("tokio::fs::File::create")).unwrap();
        assert_eq!(operation.path, "File::create");
        assert!(!is_std);
        assert!(lookup(&canonical("std::fs::File")).is_none());
        assert!(lookup(&canonical("storage::fs::write")).is_none());
        assert_eq!(
            lookup(&canonical("std::os::unix::fs::symlink"))
                .unwrap()
                .0
                .targets,
            &[symlink_original(0), write(1)]
        );
        let (operation, is_std) = lookup(&canonical("fs_err::tokio::File::create")).unwrap();
        assert_eq!((operation.path, is_std), ("File::create", false));
        assert_eq!(lookup(&canonical("fs_err::write")).unwrap().0.path, "write");
        assert_eq!(
            lookup(&canonical("fs_err::os::unix::fs::symlink"))
                .unwrap()
                .0
                .module,
            Module::UnixFs
        );
        assert_eq!(
            lookup(&canonical("async_fs::unix::symlink"))
                .unwrap()
                .0
                .path,
            "symlink"
        );
        assert!(is_known_crate("fs_err") && is_known_crate("async_fs"));
        let (operation, is_std) =
            lookup(&canonical("std::os::unix::net::UnixListener::bind")).unwrap();
        assert_eq!((operation.module, is_std), (Module::UnixNet, true));
        assert_eq!(operation.targets, &[write(0)]);
        let (operation, is_std) = lookup(&canonical("tokio::net::UnixDatagram::bind")).unwrap();
        assert_eq!((operation.path, is_std), ("UnixDatagram::bind", false));
        // actix re-exports tokio's Unix sockets.
        for path in [
            "actix_rt::net::UnixListener::bind",
            "actix_web::rt::net::UnixDatagram::bind",
        ] {
            assert_eq!(lookup(&canonical(path)).unwrap().0.module, Module::UnixNet);
        }
        assert!(lookup(&canonical("std::net::TcpListener::bind")).is_none());
        assert!(lookup(&canonical("tokio::net::UnixStream::connect")).is_none());
    }

    #[test]
    fn every_row_is_consistent() {
        for operation in OPERATIONS {
            assert!(!operation.targets.is_empty(), "{}", operation.path);
            for target in operation.targets {
                assert!(target.arg < operation.arity, "{}", operation.path);
            }
            assert!(
                (1..=operation.arity).contains(&operation.generics),
                "{}",
                operation.path
            );
        }
    }

    #[test]
    fn builders_start_from_their_constructors() {
        assert_eq!(
            lookup_builder(&canonical("std::fs::File::options")),
            Some(Builder::OpenOptions)
        );
        assert_eq!(
            lookup_builder(&canonical("tokio::fs::DirBuilder::new")),
            Some(Builder::DirBuilder)
        );
        assert_eq!(lookup_builder(&canonical("my::OpenOptions::new")), None);
    }
}
