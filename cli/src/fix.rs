//! `--fix`: puts `#[ephemeral_fs::ephemeral_fs]` on each function of the
//! request path that no attribute covers and that has no finding of its
//! own, so that the compiler guards what the audit found; adds the
//! `ephemeral-fs` dependency to a package that lacks it, as `cargo add`
//! does. Edits are textual, as rustfix makes them: one line inserted before
//! each function, at its indentation, and nothing else in the file changes.
//!
//! Input:
//!     /// Saves an upload.
//!     pub fn save(body: &[u8]) -> io::Result<()> { .. }
//! Output:
//!     /// Saves an upload.
//!     #[ephemeral_fs::ephemeral_fs]
//!     pub fn save(body: &[u8]) -> io::Result<()> { .. }
//!
//! Each function is annotated on its own, never its impl or module: an
//! impl or module may hold functions off the request path, or with a
//! finding, that the attribute would then reject, and an inline module
//! that declares file modules cannot carry a proc-macro attribute at all.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use ephemeral_fs_audit::Position as NamePosition;
use ephemeral_fs_audit::packages::Package;
use syn::spanned::Spanned;
use syn::visit::Visit;
use syn::{Attribute, Signature, Visibility};

use crate::manifest;
use crate::report::Report;

const ATTRIBUTE: &str = "#[ephemeral_fs::ephemeral_fs]";

/// One file's text before and after.
pub struct Edit {
    pub path: PathBuf,
    /// As reports name it.
    pub name: String,
    pub before: String,
    pub after: String,
}

#[derive(Default)]
pub struct Plan {
    pub edits: Vec<Edit>,
    /// How many functions get the attribute, in how many files.
    pub annotated: usize,
    pub files: usize,
    /// The manifests that get the dependency.
    pub manifests: Vec<String>,
    /// What was left alone, and why.
    pub notes: Vec<String>,
    /// The package roots edited.
    pub roots: Vec<PathBuf>,
}

/// What `--fix` would change, from the report of an audit of `packages`.
pub fn plan(report: &Report, packages: &[Package]) -> Result<Plan, String> {
    let mut plan = Plan::default();
    let cwd =
        std::env::current_dir().map_err(|e| format!("cannot read the current directory: {e}"))?;
    // By package, then file: the name positions to annotate.
    let mut wanted: BTreeMap<usize, BTreeMap<(PathBuf, String), HashSet<NamePosition>>> =
        BTreeMap::new();
    for function in &report.unguarded {
        if function.has_finding {
            plan.notes.push(format!(
                "left `{}` ({}:{}) without the attribute: it has a finding of its own, which the attribute would make a build error",
                function.name, function.file, function.at.line
            ));
            continue;
        }
        wanted
            .entry(function.package)
            .or_default()
            .entry((function.path.clone(), function.file.clone()))
            .or_default()
            .insert(function.at);
    }
    for (package, files) in wanted {
        let package = &packages[package];
        let manifest = package.root.join("Cargo.toml");
        let manifest_name = crate::files::display_name(&manifest, &cwd);
        let text = read(&manifest)?;
        let with_dependency =
            match manifest::with_dependency(&text, manifest::workspace_has_it(&package.root)) {
                Ok(after) => after,
                Err(reason) => {
                    plan.notes.push(format!(
                        "left the package `{}` alone: {reason}",
                        package.name
                    ));
                    continue;
                }
            };
        let mut sources = Vec::new();
        for ((path, name), positions) in files {
            let before = read(&path)?;
            let (after, found) = annotate(&before, &positions)
                .map_err(|error| format!("cannot parse `{name}` again: {error}"))?;
            if found < positions.len() {
                plan.notes.push(format!(
                    "`{name}`: {} of its functions were not found where the audit saw them",
                    positions.len() - found
                ));
            }
            plan.annotated += found;
            if after != before {
                sources.push(Edit {
                    path,
                    name,
                    before,
                    after,
                });
            }
        }
        // The dependency goes with the attribute, never alone.
        if sources.is_empty() {
            continue;
        }
        if with_dependency != text {
            plan.manifests.push(manifest_name.clone());
            plan.edits.push(Edit {
                path: manifest,
                name: manifest_name,
                before: text,
                after: with_dependency,
            });
        }
        plan.files += sources.len();
        plan.edits.append(&mut sources);
        plan.roots.push(package.root.clone());
    }
    Ok(plan)
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read `{}`: {e}", path.display()))
}

/// The changes as a unified diff, file by file.
pub fn diff(plan: &Plan) -> String {
    let mut out = String::new();
    for edit in &plan.edits {
        let diff = similar::TextDiff::from_lines(&edit.before, &edit.after);
        out.push_str(
            &diff
                .unified_diff()
                .header(&format!("a/{}", edit.name), &format!("b/{}", edit.name))
                .to_string(),
        );
    }
    out
}

/// Refuses to edit a package with uncommitted changes, as `cargo fix`
/// does, so that `git diff` shows exactly what `--fix` did and `git
/// checkout` undoes it. A package outside a git repository (or without
/// git) is edited: there is nothing to compare with.
pub fn check_clean(plan: &Plan) -> Result<(), String> {
    let mut dirty = Vec::new();
    for root in &plan.roots {
        let Ok(output) = Command::new("git")
            .args(["status", "--porcelain", "--", "."])
            .current_dir(root)
            .output()
        else {
            continue;
        };
        if !output.status.success() {
            continue;
        }
        let status = String::from_utf8_lossy(&output.stdout);
        dirty.extend(
            status
                .lines()
                .map(|line| line.get(3..).unwrap_or(line).to_owned()),
        );
    }
    if dirty.is_empty() {
        return Ok(());
    }
    Err(format!(
        "the files `--fix` would edit have uncommitted changes ({}): commit or stash them first, or pass `--allow-dirty` to edit them anyway",
        dirty.join(", ")
    ))
}

pub fn write(plan: &Plan) -> Result<(), String> {
    for edit in &plan.edits {
        std::fs::write(&edit.path, &edit.after)
            .map_err(|e| format!("cannot write `{}`: {e}", edit.name))?;
    }
    Ok(())
}

/// `text` with the attribute before each function whose name is at one of
/// `positions`, and how many were found.
fn annotate(text: &str, positions: &HashSet<NamePosition>) -> syn::Result<(String, usize)> {
    let file = syn::parse_file(text)?;
    let mut finder = Finder {
        positions,
        found: Vec::new(),
    };
    finder.visit_file(&file);
    // Every span has become a position; the parser's map can go.
    proc_macro2::extra::invalidate_current_thread_spans();
    let starts = line_starts(text);
    let mut insertions: Vec<(usize, String)> = finder
        .found
        .iter()
        .map(|at| insertion(text, &starts, *at))
        .collect();
    insertions.sort_by_key(|insertion| std::cmp::Reverse(insertion.0));
    insertions.dedup_by_key(|insertion| insertion.0);
    let found = insertions.len();
    let mut out = text.to_owned();
    for (offset, inserted) in insertions {
        out.insert_str(offset, &inserted);
    }
    Ok((out, found))
}

/// Finds the functions to annotate and where their attribute goes: before
/// the first attribute that is not a doc comment, or before the function's
/// first keyword (`pub`, `async`, `fn`) when it has none.
struct Finder<'a> {
    positions: &'a HashSet<NamePosition>,
    found: Vec<NamePosition>,
}

impl Finder<'_> {
    fn function(&mut self, attrs: &[Attribute], start: proc_macro2::Span, sig: &Signature) {
        if !self.positions.contains(&sig.ident.span().start().into()) {
            return;
        }
        let at = attrs
            .iter()
            .find(|attr| !attr.path().is_ident("doc"))
            .map_or(start, |attr| attr.pound_token.span);
        self.found.push(at.start().into());
    }
}

/// Where an item's own tokens start: its visibility, else its signature.
fn after_attributes(vis: &Visibility, sig: &Signature) -> proc_macro2::Span {
    match vis {
        Visibility::Inherited => sig.span(),
        vis => vis.span(),
    }
}

impl<'ast> Visit<'ast> for Finder<'_> {
    fn visit_item_fn(&mut self, item: &'ast syn::ItemFn) {
        self.function(
            &item.attrs,
            after_attributes(&item.vis, &item.sig),
            &item.sig,
        );
        syn::visit::visit_item_fn(self, item);
    }

    fn visit_impl_item_fn(&mut self, item: &'ast syn::ImplItemFn) {
        self.function(
            &item.attrs,
            after_attributes(&item.vis, &item.sig),
            &item.sig,
        );
        syn::visit::visit_impl_item_fn(self, item);
    }

    fn visit_trait_item_fn(&mut self, item: &'ast syn::TraitItemFn) {
        if item.default.is_some() {
            self.function(&item.attrs, item.sig.span(), &item.sig);
        }
        syn::visit::visit_trait_item_fn(self, item);
    }
}

/// The byte offset of each line's start.
fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(at, _)| at + 1))
        .collect()
}

/// What to insert where, for an attribute before `at` (a line from 1 and a
/// column in characters): a line of its own at the same indentation when
/// only whitespace precedes `at` on its line, else the attribute and a
/// space, in the line.
fn insertion(text: &str, starts: &[usize], at: NamePosition) -> (usize, String) {
    let line_start = starts[at.line - 1];
    let line_end = starts.get(at.line).copied().unwrap_or(text.len());
    let line = &text[line_start..line_end];
    let offset = line_start
        + line
            .char_indices()
            .nth(at.column)
            .map_or(line.len(), |(byte, _)| byte);
    let indent = &text[line_start..offset];
    if indent.chars().all(char::is_whitespace) {
        let newline = if line.ends_with("\r\n") { "\r\n" } else { "\n" };
        (line_start, format!("{indent}{ATTRIBUTE}{newline}"))
    } else {
        (offset, format!("{ATTRIBUTE} "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn positions(text: &str, names: &[&str]) -> HashSet<NamePosition> {
        let starts = line_starts(text);
        names
            .iter()
            .map(|name| {
                let at = text.find(&format!("fn {name}")).unwrap() + 3;
                let line = starts.iter().rposition(|s| *s <= at).unwrap();
                NamePosition {
                    line: line + 1,
                    column: text[starts[line]..at].chars().count(),
                }
            })
            .collect()
    }

    #[test]
    fn the_attribute_goes_after_doc_comments_at_the_item_s_indentation() {
        let text = "\
mod api {
    /// Saves.
    #[inline] // why
    pub(crate) async fn save() {}

    impl S {
        /// Loads.
        fn load(&self) {}
        #[cfg(unix)] pub fn other() {}
    }
}
trait T {
    fn f(&self) {}
    fn g(&self);
}
";
        let (after, found) =
            annotate(text, &positions(text, &["save", "load", "other", "f"])).unwrap();
        assert_eq!(found, 4);
        assert_eq!(
            after,
            "\
mod api {
    /// Saves.
    #[ephemeral_fs::ephemeral_fs]
    #[inline] // why
    pub(crate) async fn save() {}

    impl S {
        /// Loads.
        #[ephemeral_fs::ephemeral_fs]
        fn load(&self) {}
        #[ephemeral_fs::ephemeral_fs]
        #[cfg(unix)] pub fn other() {}
    }
}
trait T {
    #[ephemeral_fs::ephemeral_fs]
    fn f(&self) {}
    fn g(&self);
}
"
        );
    }

    #[test]
    fn a_function_that_shares_its_line_gets_the_attribute_in_the_line() {
        let text = "struct S; impl S { fn a() {} }\r\nfn b() {}\r\n";
        let (after, found) = annotate(text, &positions(text, &["a", "b"])).unwrap();
        assert_eq!(found, 2);
        assert_eq!(
            after,
            "struct S; impl S { #[ephemeral_fs::ephemeral_fs] fn a() {} }\r\n#[ephemeral_fs::ephemeral_fs]\r\nfn b() {}\r\n"
        );
    }
}
