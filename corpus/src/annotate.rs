//! The transparency check's tool: a copy of a crate with the attribute on
//! every function, impl, trait and inline module.

use std::path::Path;

use ephemeral_fs_audit::packages;
use syn::Item;

const ATTRIBUTE: &str = "#[::ephemeral_fs::ephemeral_fs] ";

/// How the copy's manifest is changed.
pub struct ManifestPatch<'a> {
    /// The `ephemeral-fs` crate to depend on, by path.
    pub runtime: &'a Path,
    /// Drop `[[bench]]` targets and dev-dependencies (a benchmark harness the
    /// test suite does not need).
    pub drop_benches: bool,
}

pub fn annotate_crate(from: &Path, to: &Path, patch: &ManifestPatch) -> Result<bool, String> {
    copy_dir(from, to).map_err(|e| format!("copying {}: {e}", from.display()))?;
    let manifest = to.join("Cargo.toml");
    let text =
        std::fs::read_to_string(&manifest).map_err(|e| format!("{}: {e}", manifest.display()))?;
    std::fs::write(&manifest, patch_manifest(&text, patch))
        .map_err(|e| format!("{}: {e}", manifest.display()))?;
    let mut annotated = 0;
    // A build script cannot use the crate's dependencies.
    let build_script = to.join("build.rs");
    for file in packages::rust_files(to)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|file| *file != build_script)
    {
        let text =
            std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        let Ok(parsed) = syn::parse_file(&text) else {
            println!("skipped (does not parse): {}", file.display());
            continue;
        };
        let mut lines = Vec::new();
        item_lines(&parsed.items, &mut lines);
        annotated += lines.len();
        std::fs::write(&file, insert_attributes(&text, &lines))
            .map_err(|e| format!("{}: {e}", file.display()))?;
    }
    println!("annotated {annotated} items in {}", to.display());
    Ok(true)
}

/// Where each item to annotate starts: (line, column) of its first token,
/// outer attributes included. Items inside an annotated inline module are
/// covered by it.
fn item_lines(items: &[Item], out: &mut Vec<(usize, usize)>) {
    for item in items {
        let annotate = match item {
            Item::Fn(_) | Item::Impl(_) | Item::Trait(_) => true,
            Item::Mod(module) => module.content.is_some(),
            _ => false,
        };
        if annotate {
            let start = syn::spanned::Spanned::span(item).start();
            out.push((start.line, start.column));
        }
    }
}

/// Inserts the attribute before each position, last first so earlier
/// positions stay valid. Columns count characters.
fn insert_attributes(text: &str, positions: &[(usize, usize)]) -> String {
    let mut lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
    let mut positions = positions.to_vec();
    positions.sort_unstable_by(|a, b| b.cmp(a));
    for (line, column) in positions {
        if let Some(text) = lines.get_mut(line.saturating_sub(1)) {
            let at = text
                .char_indices()
                .nth(column)
                .map_or(text.len(), |(i, _)| i);
            text.insert_str(at, ATTRIBUTE);
        }
    }
    lines.join("\n")
}

/// A standalone package that depends on `ephemeral-fs`. Works table by
/// table on cargo's normalized manifests, so no TOML parser is needed.
fn patch_manifest(text: &str, patch: &ManifestPatch) -> String {
    let mut out = String::new();
    let mut dropping = false;
    for line in text.lines() {
        let header = line.trim_start();
        if header.starts_with('[') {
            dropping = patch.drop_benches
                && (header.starts_with("[[bench]]") || header.contains("dev-dependencies"));
        }
        if !dropping {
            out.push_str(line);
            out.push('\n');
        }
    }
    let runtime = patch.runtime.display().to_string().replace('\\', "/");
    out.push_str(&format!(
        "\n[dependencies.ephemeral-fs]\npath = \"{runtime}\"\n\n[workspace]\n"
    ));
    out
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            if entry.file_name() != "target" {
                copy_dir(&entry.path(), &target)?;
            }
        } else {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}
