//! For a crate that writes files: its annotated copy must fail to build
//! exactly at the writes the analysis finds, and nowhere else.

use std::collections::BTreeSet;
use std::path::Path;

use proc_macro2::TokenStream;
use syn::Item;

use ephemeral_fs_audit::packages;
use ephemeral_fs_core::lints::{Level, Lint};

/// A point in a file: (file relative to the crate, line, column from 1).
type Point = (String, usize, usize);

/// Where an argument the analysis guards lies.
struct Range {
    file: String,
    start: (usize, usize),
    end: (usize, usize),
}

impl Range {
    /// rustc may point inside the argument (at `path` in `&path`).
    fn contains(&self, point: &Point) -> bool {
        let at = (point.1, point.2);
        point.0 == self.file && self.start <= at && at <= self.end
    }
}

impl std::fmt::Display for Range {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.start.0, self.start.1)
    }
}

pub fn compare(crate_dir: &Path, messages: &Path) -> Result<bool, String> {
    let (expected, probed) = expected_errors(crate_dir)?;
    let reported = reported_errors(crate_dir, messages)?;
    println!("expected errors (enforced findings): {}", expected.len());
    println!(
        "receivers a type probe may refuse (a std builder whose flags are out of sight): {}",
        probed.len()
    );
    println!("reported errors (E0277 from rustc): {}", reported.len());
    let missing: Vec<&Range> = expected
        .iter()
        .filter(|range| !reported.iter().any(|point| range.contains(point)))
        .collect();
    let unexpected: Vec<&Point> = reported
        .iter()
        .filter(|point| {
            !expected.iter().any(|range| range.contains(point))
                && !probed.iter().any(|range| range.contains(point))
        })
        .collect();
    for range in &missing {
        println!("  found but not reported: {range}");
    }
    for (file, line, column) in &unexpected {
        println!("  reported but not found: {file}:{line}:{column}");
    }
    Ok(missing.is_empty() && unexpected.is_empty())
}

/// Where the build must fail: every finding a deny level enforces on a path
/// argument. (`temp_escape` probes only fail on tempfile's types.)
/// Where the build must fail, and where it may: a receiver the analysis
/// probes by type alone (`opts.open(p)` with the flags out of sight) is
/// refused only when it is a std builder, which the analysis cannot know,
/// so it records no finding there (see `core/src/unseen.rs`).
fn expected_errors(crate_dir: &Path) -> Result<(Vec<Range>, Vec<Range>), String> {
    let mut expected = Vec::new();
    let mut probed = Vec::new();
    for file in packages::rust_files(crate_dir).into_iter().flatten() {
        let text =
            std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        let Ok(parsed) = syn::parse_file(&text) else {
            continue;
        };
        let relative = file
            .strip_prefix(crate_dir)
            .unwrap_or(&file)
            .display()
            .to_string();
        let mut annotated = Vec::new();
        collect_annotated(&parsed.items, &mut annotated);
        for item in annotated {
            let analysis = ephemeral_fs_core::analyze(TokenStream::new(), item);
            for span in unseen_builder_probes(&analysis.item) {
                let (start, end) = (span.start(), span.end());
                probed.push(Range {
                    file: relative.clone(),
                    start: (start.line, start.column + 1),
                    end: (end.line, end.column + 1),
                });
            }
            for finding in analysis.findings {
                if finding.level == Level::Deny && finding.lint != Lint::TempEscape {
                    let (start, end) = (finding.span.start(), finding.span.end());
                    expected.push(Range {
                        file: relative.clone(),
                        start: (start.line, start.column + 1),
                        end: (end.line, end.column + 1),
                    });
                }
            }
        }
    }
    Ok((expected, probed))
}

/// The spans of the probes of builders whose flags are out of sight in an
/// expansion: the probe's method carries the receiver's span.
fn unseen_builder_probes(item: &Item) -> Vec<proc_macro2::Span> {
    struct Probes(Vec<proc_macro2::Span>);
    impl<'ast> syn::visit::Visit<'ast> for Probes {
        fn visit_expr_method_call(&mut self, call: &'ast syn::ExprMethodCall) {
            let name = call.method.to_string();
            if name.starts_with("__ephemeral_fs_") && name.contains("_unseen_") {
                self.0.push(call.method.span());
            }
            syn::visit::visit_expr_method_call(self, call);
        }
    }
    let mut probes = Probes(Vec::new());
    syn::visit::Visit::visit_item(&mut probes, item);
    probes.0
}

/// Items carrying the attribute, without it, as the macro receives them.
fn collect_annotated(items: &[Item], out: &mut Vec<Item>) {
    for item in items {
        let mut item = item.clone();
        let attrs = match &mut item {
            Item::Fn(item) => &mut item.attrs,
            Item::Impl(item) => &mut item.attrs,
            Item::Trait(item) => &mut item.attrs,
            Item::Mod(item) => &mut item.attrs,
            _ => continue,
        };
        let before = attrs.len();
        attrs.retain(|attr| {
            let path = &attr.path().segments;
            !(path.len() == 2 && path[0].ident == "ephemeral_fs" && path[1].ident == "ephemeral_fs")
        });
        if attrs.len() != before {
            out.push(item);
        }
    }
}

/// The primary spans of rustc's E0277 errors in the crate's own files.
fn reported_errors(crate_dir: &Path, messages: &Path) -> Result<BTreeSet<Point>, String> {
    let text =
        std::fs::read_to_string(messages).map_err(|e| format!("{}: {e}", messages.display()))?;
    let mut reported = BTreeSet::new();
    for line in text.lines() {
        let Ok(json) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let message = &json["message"];
        if json["reason"] != "compiler-message" || message["level"] != "error" {
            continue;
        }
        if message["code"]["code"] != "E0277" {
            let rendered = message["rendered"].as_str().unwrap_or_default();
            return Err(format!("an error other than a guard's: {rendered}"));
        }
        for span in message["spans"].as_array().into_iter().flatten() {
            if span["is_primary"] != true {
                continue;
            }
            let file = span["file_name"].as_str().unwrap_or_default();
            let file = Path::new(file)
                .strip_prefix(crate_dir)
                .unwrap_or(Path::new(file));
            let number = |key: &str| {
                span[key]
                    .as_u64()
                    .and_then(|n| usize::try_from(n).ok())
                    .unwrap_or(0)
            };
            reported.insert((
                file.display().to_string(),
                number("line_start"),
                number("column_start"),
            ));
        }
    }
    Ok(reported)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_receiver_probed_by_type_is_where_the_build_may_fail() {
        // fs-err's own `OpenOptions::open` wraps std's, whose flags are in
        // a field: the attribute refuses it by type, and records no finding.
        let item: Item = syn::parse_str(
            "impl OpenOptions {
                pub fn open(&self, path: PathBuf) -> io::Result<File> {
                    self.0.open(&path)
                }
            }",
        )
        .unwrap();
        let analysis = ephemeral_fs_core::analyze(TokenStream::new(), item);
        assert!(analysis.findings.is_empty());
        let probes = unseen_builder_probes(&analysis.item);
        assert_eq!(probes.len(), 1);
        assert_eq!(probes[0].start().line, 3);
        assert_eq!(probes[0].start().column, 20);
    }
}
