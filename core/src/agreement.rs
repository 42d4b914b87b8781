//! The fast path against the full analysis, beyond the corpus: every item
//! the pre-scan skips must be one the analysis finds nothing in and leaves
//! as it is. Checked over synthesized items (imports, renames, globs,
//! shadowing items, builders, escapes and look-alike words, combined) and
//! over every item of the repository's own test and example sources.

use proc_macro2::TokenStream;
use quote::ToTokens;

/// Panics unless the full analysis of `item` finds nothing, reports no
/// error and gives `item` back unchanged.
pub(crate) fn assert_skip_is_sound(item: &TokenStream) {
    let parsed: syn::Item = match syn::parse2(item.clone()) {
        Ok(parsed) => parsed,
        // rustc reports it; the fast path gives it back, as the full
        // path does when our attributes are not in it.
        Err(_) => return,
    };
    // Both sides printed by syn, so that spacing cannot differ.
    let unchanged = parsed.to_token_stream().to_string();
    let analysis = crate::analyze(TokenStream::new(), parsed);
    assert!(
        analysis.findings.is_empty(),
        "skipped, but the analysis finds {} in: {item}",
        analysis.findings[0].operation
    );
    assert!(analysis.error.is_none(), "skipped, but an error in: {item}");
    assert_eq!(
        analysis.item.to_token_stream().to_string(),
        unchanged,
        "skipped, but the analysis rewrites: {item}"
    );
}

/// `use` items and local items that change what a name means.
const PRELUDES: &[&str] = &[
    "",
    "use std::fs;",
    "use std::fs as f;",
    "use std::fs::File as F;",
    "use std::fs::*;",
    "use tokio::fs;",
    "use tokio::fs::*;",
    "use fs_err as fs;",
    "use fs_err::tokio as ft;",
    "use std::fs::write as save;",
    "use std::fs::{self as g, OpenOptions as O};",
    "use std::fs::DirBuilder as D;",
    "use std::os::unix::fs::symlink as ln;",
    "use async_fs::unix as u;",
    "use ::std::fs::remove_file as rm;",
    "use std::io::{self, Read, Write};",
    "use crate::storage::fs;",
    "use super::File;",
    "mod fs {}",
    "struct File;",
    "extern crate fs_err as fe;",
    "use std as s;",
    "use std::{fs::{self}, io};",
];

/// Statements: operations under every spelling the preludes make mean
/// something, and words that only look like them.
const STATEMENTS: &[&str] = &[
    "save(p, b);",
    "f::write(p, b);",
    "F::create(p);",
    "write(p, b);",
    "remove_dir_all(p);",
    "fs::write(p, b);",
    "g::read(p);",
    "O::new().write(true).open(p);",
    "D::new().recursive(true).create(p);",
    "ln(a, b);",
    "u::symlink(a, b);",
    "ft::write(p, b);",
    "rm(p);",
    "fe::write(p, b);",
    "s::fs::write(p, b);",
    "File::open(p);",
    "let o = OpenOptions::new(); o.open(p);",
    "{ OpenOptions::new() }.write(true).open(p);",
    "let mk = File::options; mk().open(p);",
    "if let Some(d) = Some(DirBuilder::new()) { d.create(p); }",
    "let v = std::fs::write; v(p, b);",
    "let k = tmp.keep();",
    "tmp.persist(dest);",
    "Builder::new().make(|path| File::create(path));",
    "Builder::new().make(|path| std::fs::File::create(path));",
    "Builder::new().make(|path| g(path));",
    "macro_call!(fs::write(p, b));",
    "assert!(File::open(p).is_ok());",
    "#[ephemeral_fs::allow(persistent_write, reason = \"x\")] let x = 1;",
    // Look-alikes.
    "let v = Vec::new();",
    "let e = std::io::Error::new(ErrorKind::InvalidInput, \"empty\");",
    "let r = lock.read().unwrap();",
    "db.create(&row);",
    "write!(out, \"{}\", 1);",
    "let _ = client.open(url).copy();",
    "opts.write(true).open(p);",
    "builder.create(p);",
    "Self::write(p, b);",
    "self.read(p);",
    "let c = Config::options().open(p);",
    "let m = x.metadata().exists();",
    "let s = String::new(); s.push_str(\"fs::write\");",
    "let read = 1; let write = read;",
    "for x in y.iter() { match x { Some(v) => v.remove_file(), None => break } }",
];

/// The ways an item can hold a body.
fn wrap(body: &str) -> [String; 2] {
    [
        format!("pub async fn handler(p: &str) -> Result<(), E> {{ {body} Ok(()) }}"),
        format!("impl S {{ fn handler(&self) {{ {body} }} }}"),
    ]
}

fn check(source: &str, skipped: &mut usize, analysed: &mut usize) {
    let tokens: TokenStream = source.parse().expect("lexes");
    if crate::prescan::nothing_to_do(&TokenStream::new(), &tokens) {
        assert_skip_is_sound(&tokens);
        *skipped += 1;
    } else {
        *analysed += 1;
    }
}

#[test]
fn skipped_synthesized_items_need_no_analysis() {
    let (mut skipped, mut analysed) = (0, 0);
    for prelude in PRELUDES {
        for first in STATEMENTS {
            for second in STATEMENTS {
                let body = format!("{prelude} {first} {second}");
                let [function, method] = wrap(&body);
                check(&function, &mut skipped, &mut analysed);
                check(&method, &mut skipped, &mut analysed);
            }
        }
        // A module's own `use` items are in sight of its functions.
        let module = format!("mod m {{ {prelude} fn h() {{ write(p, b); File::create(p); }} }}");
        check(&module, &mut skipped, &mut analysed);
    }
    // Both answers occur, so the check above checked something.
    assert!(skipped > 1000 && analysed > 1000, "{skipped} {analysed}");
}

#[test]
fn skipped_items_of_the_repository_need_no_analysis() {
    // Some tests nest code a thousand deep, as rustc allows; the stack is
    // only committed as far as it is used.
    std::thread::Builder::new()
        .stack_size(1 << 30)
        .spawn(check_repository_items)
        .expect("thread starts")
        .join()
        .expect("checks pass");
}

fn check_repository_items() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    for dir in [
        "ui-tests",
        "tests",
        "integration",
        "examples",
        "runtime/src",
    ] {
        collect_rust_files(&root.join(dir), &mut files);
    }
    assert!(files.len() > 100, "{} files", files.len());
    let (mut skipped, mut analysed) = (0, 0);
    for path in files {
        let text = std::fs::read_to_string(&path).expect("reads");
        let Ok(file) = syn::parse_file(&text) else {
            continue;
        };
        let mut items = Vec::new();
        collect_items(&file.items, &mut items);
        for item in items {
            check(
                &item.to_token_stream().to_string(),
                &mut skipped,
                &mut analysed,
            );
        }
    }
    assert!(skipped > 100 && analysed > 100, "{skipped} {analysed}");
}

fn collect_rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() && !path.ends_with("target") {
            collect_rust_files(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            out.push(path);
        }
    }
}

/// Every function, impl, trait and inline module, and every method.
fn collect_items(items: &[syn::Item], out: &mut Vec<syn::Item>) {
    for item in items {
        match item {
            syn::Item::Fn(_) | syn::Item::Trait(_) => out.push(item.clone()),
            syn::Item::Impl(item_impl) => {
                out.push(item.clone());
                for impl_item in &item_impl.items {
                    // A method alone, as a function.
                    if let syn::ImplItem::Fn(method) = impl_item {
                        out.extend(syn::parse2(method.to_token_stream()).ok());
                    }
                }
            }
            syn::Item::Mod(module) => {
                if let Some((_, inner)) = &module.content {
                    out.push(item.clone());
                    collect_items(inner, out);
                }
            }
            _ => {}
        }
    }
}
