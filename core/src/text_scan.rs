//! Whether a text could hold anything the analysis rewrites or reports,
//! decided from its words alone: the attribute's fast path reads one
//! item's text, the audit a whole file's.
//!
//! The analysis acts at three kinds of places, and each needs words in
//! sight:
//! - a path that resolves to an operation (`fs::write`) or a builder
//!   constructor (`OpenOptions::new`, then `.open(..)`). A resolved path is
//!   made of words written in the text (the path itself, the `use` trees
//!   it goes through, a glob's module) and of what a conventional name
//!   means (`File` is `std::fs::File`). So every segment of the module, of
//!   the operation or constructor, and the builder's terminal method, must
//!   be a word of the text or come from a conventional name that is one.
//!   `new`, `read` or `open` alone is not enough;
//! - a tempfile escape (`.keep()`, `TempPath::from_path(..)`), by its name
//!   alone, whatever the receiver: its type is the compiler's to decide;
//! - tempfile's `make` and `make_in`, by their names, whatever the
//!   receiver;
//! - our own attributes, which name `ephemeral_fs`.
//!
//! A word that only looks like one of these (in a string, a comment, a
//! longer path) only costs a parse: the full analysis still decides.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::ops::{self, Builder, Module};

/// Whether anything in `text` could be rewritten or reported.
pub fn may_rewrite(text: &str) -> bool {
    // Substrings first: nearly every handler has none of them. The proc
    // macro is built without optimizations, where collecting the words is
    // a hash per word, and one indexed pass over the bytes is the cheapest
    // way to rule them out.
    has_gate(text) && Words::of(text).may_rewrite()
}

/// Whether any gate occurs in `text`, found from the occurrences of the
/// gates' rarest bytes, in one pass: a search per gate (`memchr`, then
/// `str::find` from each occurrence) is a pass each, and in the unoptimized
/// macro `memchr`'s alignment checks cost more than the pass does.
fn has_gate(text: &str) -> bool {
    let bytes = text.as_bytes();
    let (gates, by_anchor) = (gates(), gates_by_anchor());
    // Each step here runs unoptimized: a cast, not `usize::from`, and an
    // iterator only where the byte anchors a gate.
    let (len, mut at) = (bytes.len(), 0);
    while at < len {
        let anchored = &by_anchor[bytes[at] as usize];
        if !anchored.is_empty() {
            for &index in anchored {
                let gate = &gates[index];
                if at >= gate.offset && bytes[at - gate.offset..].starts_with(gate.word.as_bytes())
                {
                    return true;
                }
            }
        }
        at += 1;
    }
    false
}

/// For each byte, the gates anchored at it (indices into `gates()`).
fn gates_by_anchor() -> &'static [Vec<usize>] {
    static BY_ANCHOR: OnceLock<Vec<Vec<usize>>> = OnceLock::new();
    BY_ANCHOR.get_or_init(|| {
        let mut by_anchor = vec![Vec::new(); 256];
        for (index, gate) in gates().iter().enumerate() {
            by_anchor[usize::from(gate.anchor)].push(index);
        }
        by_anchor
    })
}

/// A word to look for, by one of its bytes.
struct Gate {
    word: &'static str,
    anchor: u8,
    /// Where `anchor` is in `word`.
    offset: usize,
}

impl Gate {
    fn new(word: &'static str) -> Gate {
        let (offset, anchor) = word
            .bytes()
            .enumerate()
            .min_by_key(|(_, byte)| commonness(*byte))
            .unwrap_or((0, b' '));
        Gate {
            word,
            anchor,
            offset,
        }
    }
}

/// How often a byte occurs in handler code, roughly: lowercase letters
/// from most to least frequent, `_` among the common ones (snake case),
/// the uppercase letters of common types (`Ok`, `Some`, `Err`), and the
/// rest, rarer than any.
fn commonness(byte: u8) -> usize {
    const LOWERCASE_BY_FREQUENCY: &[u8] = b"etasronilcdupmhfgbywvkxqjz";
    match byte {
        b'a'..=b'z' => {
            100 + (26
                - LOWERCASE_BY_FREQUENCY
                    .iter()
                    .position(|b| *b == byte)
                    .unwrap_or(0))
        }
        b'_' => 115,
        b'O' | b'S' | b'E' | b'R' | b'T' | b'V' => 50,
        _ => 0,
    }
}

/// The identifier-like words of a text: runs of alphanumerics and `_`.
/// `r#write` gives `r` and `write`. Anything else separates words, so
/// that a word can only be longer than an identifier where the text is not
/// code (a literal, a comment).
///
/// Split by bytes, not chars: decoding chars is most of the scan's cost in
/// the unoptimized macro. A non-ASCII byte counts as part of a word, which
/// keeps non-ASCII identifiers whole; non-ASCII punctuation can only be in
/// a literal, where a longer word costs nothing.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < bytes.len() && !is_word_byte(bytes[at]) {
            at += 1;
        }
        let start = at;
        while at < bytes.len() && is_word_byte(bytes[at]) {
            at += 1;
        }
        // Both ends are at ASCII bytes or the text's ends: char boundaries.
        (start < at).then(|| &text[start..at])
    })
}

fn is_word_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_' || byte >= 0x80
}

/// A set of a text's words, hashed cheaply: SipHash, std's default, costs
/// more than the rest of the scan when unoptimized, and nothing here needs
/// its resistance to chosen input.
type WordSet<'a> = HashSet<&'a str, std::hash::BuildHasherDefault<WordHasher>>;

/// FNV-1a.
struct WordHasher(u64);

impl Default for WordHasher {
    fn default() -> Self {
        WordHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 = (self.0 ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// Words every place the analysis acts at mentions, at least one of them
/// as a substring: an escape's or our attribute's name, a conventional
/// name, or the segment of a module path that names a filesystem module
/// (`fs`, `fs_err`, `async_fs`). Those that contain another are dropped.
fn gates() -> &'static [Gate] {
    static GATES: OnceLock<Vec<Gate>> = OnceLock::new();
    GATES.get_or_init(|| {
        let mut words: Vec<&'static str> = escape_words()
            .chain([OUR_ATTRIBUTE, TEMP_DIR_PERMISSIONS.1])
            .chain(ops::MAKE_METHODS.iter().copied())
            .collect();
        words.extend(ops::CONVENTIONAL.iter().map(|(name, _)| *name));
        words.extend(Module::all_paths().filter_map(fs_segment));
        words.extend(ops::OPERATIONS.iter().filter_map(unnamed_module_type));
        let gates: Vec<&'static str> = words
            .iter()
            .copied()
            .filter(|word| {
                !words
                    .iter()
                    .any(|other| other != word && word.contains(other))
            })
            .collect();
        let mut unique: Vec<Gate> = Vec::new();
        for gate in gates {
            if !unique.iter().any(|known| known.word == gate) {
                unique.push(Gate::new(gate));
            }
        }
        unique
    })
}

/// The segment of a module path that names a filesystem module, which no
/// path into it can do without.
fn fs_segment(path: &'static [&'static str]) -> Option<&'static str> {
    path.iter()
        .rev()
        .copied()
        .find(|segment| segment.contains("fs"))
}

/// The type an operation is called on (`UnixListener` of
/// `UnixListener::bind`), where one of its module's paths has no segment
/// that names a filesystem module (`std::os::unix::net`): every call of it
/// then names that type, in the call or in the `use` that imports it.
fn unnamed_module_type(operation: &ops::Operation) -> Option<&'static str> {
    let unnamed = operation
        .module
        .paths()
        .iter()
        .any(|path| fs_segment(path).is_none());
    unnamed
        .then(|| operation.path.split_once("::").map(|(ty, _)| ty))
        .flatten()
}

const OUR_ATTRIBUTE: &str = "ephemeral_fs";

/// tempfile's `Builder::permissions(..)` before `.tempdir()`, which may make
/// a temp directory its cleanup cannot empty (`calls.rs`).
const TEMP_DIR_PERMISSIONS: (&str, &str) = ("permissions", "tempdir");

/// Escapes, and the functions that skip a destructor (`mem::forget`,
/// `Box::into_raw`): both are checked by their name alone.
fn escape_words() -> impl Iterator<Item = &'static str> {
    ops::ESCAPE_METHODS
        .iter()
        .chain(ops::ESCAPE_CONSTRUCTORS)
        .chain(ops::LEAK_WORDS)
        .copied()
}

struct Words<'a> {
    written: WordSet<'a>,
    /// The segments of what the conventional names written mean.
    conventional: HashSet<&'static str>,
}

impl<'a> Words<'a> {
    fn of(text: &'a str) -> Self {
        let written: WordSet<'a> = words(text).collect();
        let conventional = ops::CONVENTIONAL
            .iter()
            .filter(|(name, _)| written.contains(name))
            .flat_map(|(_, path)| path.iter().copied())
            .collect();
        Words {
            written,
            conventional,
        }
    }

    fn in_sight(&self, segment: &str) -> bool {
        self.written.contains(segment) || self.conventional.contains(segment)
    }

    /// Whether every segment of `module`, then of `below` (`File::create`),
    /// is in sight.
    fn names(&self, module: &[&str], below: &str) -> bool {
        module
            .iter()
            .copied()
            .chain(below.split("::"))
            .all(|segment| self.in_sight(segment))
    }

    fn may_rewrite(&self) -> bool {
        let named = |word: &str| self.written.contains(word);
        // tempfile's `make` adopts the path its closure leaves, and is
        // checked for fresh names by the type it returns, whatever the
        // receiver (`calls.rs`).
        if escape_words().any(named)
            || named(OUR_ATTRIBUTE)
            || ops::MAKE_METHODS.iter().any(|m| named(m))
        {
            return true;
        }
        let (setter, terminal) = TEMP_DIR_PERMISSIONS;
        if named(setter) && (named(terminal) || named("tempdir_in")) {
            return true;
        }
        let operation = ops::OPERATIONS.iter().any(|operation| {
            operation
                .module
                .paths()
                .iter()
                .any(|module| self.names(module, operation.path))
        });
        // A terminal on a builder whose flags are not in sight is probed
        // by the receiver's type wherever a builder type is named.
        let unseen_builder = (named("open") || named("create"))
            && (named("OpenOptions") || named("DirBuilder") || (named("File") && named("options")));
        operation
            || unseen_builder
            || Builder::constructors().any(|(constructor, builder)| {
                named(builder.terminal())
                    && Module::Fs
                        .paths()
                        .iter()
                        .any(|module| self.names(module, constructor))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_module_path_has_a_segment_that_names_it() {
        // The gates rely on it: a module whose path had no such segment
        // would need a word of its own.
        for operation in ops::OPERATIONS {
            for path in operation.module.paths() {
                assert!(
                    fs_segment(path).is_some() || unnamed_module_type(operation).is_some(),
                    "{path:?} {}",
                    operation.path
                );
            }
        }
        assert_eq!(
            gates().iter().map(|gate| gate.word).collect::<Vec<_>>(),
            [
                "persist",
                "keep",
                "disable_cleanup",
                "into_path",
                "from_path",
                "forget",
                "ManuallyDrop",
                "MaybeUninit",
                "leak",
                "into_raw",
                "tempdir",
                "make",
                "fs",
                "File",
                "OpenOptions",
                "DirBuilder",
                "UnixListener",
                "UnixDatagram"
            ]
        );
    }

    #[test]
    fn words_split_at_ascii_punctuation() {
        assert_eq!(
            words("r#write(p,b); fs::données_é.keep()\"a…b\"").collect::<Vec<_>>(),
            ["r", "write", "p", "b", "fs", "données_é", "keep", "a…b"]
        );
        assert_eq!(words("").count(), 0);
        assert_eq!(words(" ;; ").count(), 0);
    }

    #[test]
    fn words_alone_decide_nothing() {
        for text in [
            // Constructors of anything but a builder.
            "fn f() { let v = Vec::new(); let s = String::new(); }",
            "fn f() -> io::Result<()> { Err(std::io::Error::new(ErrorKind::InvalidInput, \"empty\")) }",
            // Methods named like operations, on locks, databases, writers.
            "fn f() { let g = lock.read().unwrap(); db.create(&row); map.copy(); x.metadata(); }",
            "fn f() { write!(out, \"{}\", 1); writeln!(out); let _ = y.exists(); }",
            "fn f() { client.open(url); pool.create(cfg); std::io::copy(&mut r, &mut w); }",
            // A builder needs its constructor in sight.
            "fn f() { opts.write(true).open(p); builder.create(p); }",
            "fn f() { std::io::Error::other(\"x\"); tokio::spawn(async {}); }",
            // A crate name alone, or a module of another crate.
            "fn f() -> std::io::Result<()> { tokio::time::sleep(d); async_std::task::yield_now() }",
            // A temp directory, or permissions alone.
            "fn f() { tempfile::Builder::new().prefix(\"x\").tempdir(); }",
            "fn f() { file.set_permissions(permissions); }",
        ] {
            assert!(!may_rewrite(text), "{text}");
        }
    }

    #[test]
    fn names_in_sight_start_rewrites() {
        for text in [
            "fn f() { std::fs::write(p, b); }",
            "fn f() { fs::read(p); }",
            "fn f() { tokio::fs::read(p).await; }",
            "fn f() { fs_err::write(p, b); }",
            "fn f() { async_fs::unix::symlink(a, b); }",
            "fn f() { std::os::unix::fs::chown(p, None, None); }",
            "fn f() { File::create(p); }",
            "fn f() { File::open(p); }",
            "fn f() { OpenOptions::new().append(true).open(p); }",
            "fn f() { let mut o = File::options(); o.write(true); o.open(p); }",
            "fn f() { DirBuilder::new().recursive(true).create(p); }",
            "fn f() { tokio::fs::OpenOptions::default().write(true).open(p); }",
            // A terminal where a builder type is named: its receiver is probed.
            "fn f(o: &OpenOptions) { o.open(p); }",
            "fn f(d: &mut DirBuilder) { d.create(p); }",
            "fn f() { let mk = File::options; mk().open(p); }",
            // Through `use` trees, renames and globs.
            "fn f() { use std::fs::write as save; save(p, b); }",
            "fn f() { use std::fs as f; f::remove_file(p); }",
            "fn f() { use std::fs::File as F; F::create(p); }",
            "fn f() { use std::fs::*; remove_dir_all(p); }",
            "fn f() { use tokio::fs::{self as afs}; afs::copy(a, b); }",
            "fn f() { use std::fs::OpenOptions as O; O::new().write(true).open(p); }",
            // Raw identifiers.
            "fn f() { r#fs::r#write(p, b); }",
            // A temp directory given permissions.
            "fn f() { Builder::new().permissions(p).tempdir(); }",
            "fn f() { Builder::new().permissions(p).tempdir_in(d); }",
            // A `make` is checked for fresh names whatever its closure does.
            "fn f() { b.make(|_| Ok(())); }",
            "fn f() { Builder::new().rand_bytes(0).make_in(d, noop); }",
            // Escapes, on any receiver and by path.
            "fn f() { tmp.keep(); }",
            "fn f() { dir.into_path(); }",
            "fn f() { t.disable_cleanup(true); }",
            "fn f() { tmp.persist(dest); }",
            "fn f() { tmp.persist_noclobber(dest); }",
            "fn f() { TempPath::from_path(p); }",
            "fn f() { Self::try_from_path(p); }",
            "fn f() { NamedTempFile::keep(tmp); }",
            "fn f() { (tmp,).0.persist(dest); }",
            "fn f() { (*Box::new(dir)).keep(); }",
            "fn f() { Some(dir).map(Scratch::keep); }",
            // Our attributes.
            "fn f() { #[ephemeral_fs::allow(persistent_write, reason = \"x\")] g(); }",
            "mod m { #[ephemeral_fs(deny(persistent_read))] fn f() {} }",
        ] {
            assert!(may_rewrite(text), "{text}");
        }
    }
}
