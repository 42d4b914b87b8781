//! The corpus run: the expansion applied to every function, impl, trait and
//! inline module of every crate in the dependency graph.

use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Instant;

use ephemeral_fs_audit::packages::{self, Package, Platforms};
use ephemeral_fs_core::Analysis;
use ephemeral_fs_core::lints::Level;
use proc_macro2::TokenStream;
use quote::ToTokens;
use syn::Item;

use crate::unrewrite::unrewrite;

#[derive(Default)]
struct Tally {
    files: usize,
    unparsed_files: Vec<PathBuf>,
    items: usize,
    /// Items the macro's fast path returns without parsing.
    skipped: usize,
    rewritten: usize,
    findings: BTreeMap<String, usize>,
    /// Items the expansion refuses with an error: real code that would not
    /// build under the attribute, each a deliberate, documented limit or a
    /// defect; either way the run does not pass.
    refusals: Vec<String>,
    failures: Vec<String>,
}

impl Tally {
    fn merge(&mut self, other: Tally) {
        self.files += other.files;
        self.unparsed_files.extend(other.unparsed_files);
        self.items += other.items;
        self.skipped += other.skipped;
        self.rewritten += other.rewritten;
        for (key, count) in other.findings {
            *self.findings.entry(key).or_default() += count;
        }
        self.refusals.extend(other.refusals);
        self.failures.extend(other.failures);
    }
}

pub fn corpus_run(manifest: Option<PathBuf>) -> Result<bool, String> {
    let started = Instant::now();
    let manifest = manifest.unwrap_or_else(|| PathBuf::from("."));
    let mut packages = packages::dependencies(&manifest, Platforms::Host, &[])?;
    packages.sort_by(|a, b| (&a.name, &a.version).cmp(&(&b.name, &b.version)));
    let files: Vec<PathBuf> = packages
        .iter()
        .flat_map(|p| packages::rust_files(&p.root))
        .filter_map(Result::ok)
        .collect();
    let workers = std::thread::available_parallelism().map_or(2, usize::from);
    let next = Mutex::new(files.iter());
    let total = Mutex::new(Tally::default());
    std::thread::scope(|scope| {
        for _ in 0..workers {
            // Deeply nested real code needs more than the default stack.
            let spawned = std::thread::Builder::new()
                .stack_size(256 << 20)
                .spawn_scoped(scope, || {
                    let mut tally = Tally::default();
                    while let Some(file) = next.lock().map(|mut files| files.next()).ok().flatten()
                    {
                        check_file(file, &mut tally);
                    }
                    if let Ok(mut total) = total.lock() {
                        total.merge(tally);
                    }
                });
            if let Err(error) = spawned {
                eprintln!("error: cannot start a worker: {error}");
            }
        }
    });
    let tally = total
        .into_inner()
        .map_err(|_| "a worker panicked".to_owned())?;
    report(&packages, &tally, started.elapsed().as_secs_f64());
    Ok(tally.failures.is_empty() && tally.refusals.is_empty())
}

fn check_file(path: &Path, tally: &mut Tally) {
    tally.files += 1;
    let Ok(text) = std::fs::read_to_string(path) else {
        tally.unparsed_files.push(path.to_owned());
        return;
    };
    // Files rustc would not accept either (test fixtures of parsers, other
    // editions' syntax) are counted and skipped.
    let Ok(file) = syn::parse_file(&text) else {
        tally.unparsed_files.push(path.to_owned());
        return;
    };
    let mut items = Vec::new();
    collect_items(&file.items, &mut items);
    for item in items {
        check_item(path, item, tally);
    }
}

/// Every function, impl, trait and inline module, at any module depth.
fn collect_items<'a>(items: &'a [Item], out: &mut Vec<&'a Item>) {
    for item in items {
        match item {
            Item::Fn(_) | Item::Impl(_) | Item::Trait(_) => out.push(item),
            Item::Mod(module) => {
                if let Some((_, inner)) = &module.content {
                    out.push(item);
                    collect_items(inner, out);
                }
            }
            _ => {}
        }
    }
}

fn check_item(path: &Path, item: &Item, tally: &mut Tally) {
    tally.items += 1;
    let location = || {
        let line = syn::spanned::Spanned::span(item).start().line;
        format!("{}:{line}", path.display())
    };
    let analysis = match catch_unwind(AssertUnwindSafe(|| {
        ephemeral_fs_core::analyze(TokenStream::new(), item.clone())
    })) {
        Ok(analysis) => analysis,
        Err(_) => {
            tally
                .failures
                .push(format!("{}: the expansion panicked", location()));
            return;
        }
    };
    for finding in &analysis.findings {
        let key = format!("{} ({})", finding.lint, finding.level.name());
        *tally.findings.entry(key).or_default() += 1;
    }
    // A refusal is reported as what it is, before `expand()`, which adds
    // the error to the item, is compared.
    if let Some(error) = &analysis.error {
        let message = error.to_string();
        let first = message.lines().next().unwrap_or_default();
        tally.refusals.push(format!("{}: {first}", location()));
        return;
    }
    // The macro's entry point skips items its text scan finds nothing in:
    // the analysis must find nothing there, and give exactly what it gives.
    let skipped = ephemeral_fs_core::nothing_to_do(&TokenStream::new(), &item.to_token_stream());
    tally.skipped += usize::from(skipped);
    if skipped && !analysis.findings.is_empty() {
        tally.failures.push(format!(
            "{}: the fast path skips it, but the analysis finds {}",
            location(),
            analysis.findings[0].operation
        ));
        return;
    }
    // It must give exactly what the full analysis gives.
    let expanded = catch_unwind(AssertUnwindSafe(|| {
        ephemeral_fs_core::expand(TokenStream::new(), item.to_token_stream())
    }));
    match expanded {
        Ok(tokens) if tokens.to_string() == analysis.item.to_token_stream().to_string() => {}
        Ok(_) => {
            tally.failures.push(format!(
                "{}: expand() differs from the analysis",
                location()
            ));
            return;
        }
        Err(_) => {
            tally
                .failures
                .push(format!("{}: expand() panicked", location()));
            return;
        }
    }
    match verify(item, analysis) {
        Ok(rewritten) => tally.rewritten += usize::from(rewritten),
        Err(failure) => tally.failures.push(format!("{}: {failure}", location())),
    }
}

/// Checks one expansion; `Ok(true)` when it rewrote something.
fn verify(item: &Item, analysis: Analysis) -> Result<bool, String> {
    if let Some(error) = analysis.error {
        return Err(format!("the expansion reported an error: {error}"));
    }
    let output = analysis.item.to_token_stream();
    if let Err(error) = syn::parse2::<syn::File>(output.clone()) {
        return Err(format!("the output does not parse: {error}"));
    }
    let original = item.to_token_stream().to_string();
    let enforced = analysis
        .findings
        .iter()
        .filter(|f| f.level != Level::Allow)
        .count();
    // Undo every guard: what is left must be exactly the input, and there
    // must be one guard per finding the levels enforce.
    // Parsed back from the output, as rustc reads it: some generated code
    // is built as tokens, which the undoing reads as the expressions they are.
    let mut undone: Item = syn::parse2(output.clone()).map_err(|e| e.to_string())?;
    let removed = unrewrite(&mut undone);
    if !same_tokens(undone.to_token_stream(), item.to_token_stream()) {
        return Err("the output differs from the input beyond its guards".to_owned());
    }
    if removed != enforced {
        return Err(format!("{removed} guards for {enforced} enforced findings"));
    }
    Ok(output.to_string() != original)
}

/// Token trees equal by kind and text, whatever their spacing: a macro's
/// tokens read and printed again (`&*` as `& *`) are the same tokens.
fn same_tokens(a: TokenStream, b: TokenStream) -> bool {
    use proc_macro2::TokenTree;
    let (a, b): (Vec<TokenTree>, Vec<TokenTree>) =
        (a.into_iter().collect(), b.into_iter().collect());
    a.len() == b.len()
        && a.into_iter().zip(b).all(|pair| match pair {
            (TokenTree::Group(x), TokenTree::Group(y)) => {
                x.delimiter() == y.delimiter() && same_tokens(x.stream(), y.stream())
            }
            (TokenTree::Punct(x), TokenTree::Punct(y)) => x.as_char() == y.as_char(),
            (TokenTree::Ident(x), TokenTree::Ident(y)) => x == y,
            (TokenTree::Literal(x), TokenTree::Literal(y)) => x.to_string() == y.to_string(),
            _ => false,
        })
}

fn report(packages: &[Package], tally: &Tally, seconds: f64) {
    println!("corpus: {} crates", packages.len());
    let names: Vec<String> = packages
        .iter()
        .map(|p| format!("{} {}", p.name, p.version))
        .collect();
    println!("  {}", names.join(", "));
    println!(
        "files: {} ({} not parsed as Rust, skipped)",
        tally.files,
        tally.unparsed_files.len()
    );
    for file in &tally.unparsed_files {
        println!("  skipped {}", file.display());
    }
    println!(
        "items: {} (functions, impls, traits, inline modules)",
        tally.items
    );
    println!("items the fast path skips: {}", tally.skipped);
    println!("items rewritten: {}", tally.rewritten);
    for (key, count) in &tally.findings {
        println!("findings {key}: {count}");
    }
    println!("refusals: {}", tally.refusals.len());
    for refusal in &tally.refusals {
        println!("  {refusal}");
    }
    println!("failures: {}", tally.failures.len());
    for failure in &tally.failures {
        println!("  {failure}");
    }
    println!("time: {seconds:.1} s");
}

#[cfg(test)]
mod tests {
    use super::*;
    use syn::parse_quote;

    fn handler() -> Item {
        parse_quote! {
            fn save(tmp: &NamedTempFile, body: &[u8]) -> io::Result<()> {
                std::fs::write(tmp, body)?;
                fs::remove_file(format!("/var/{name}"))?;
                tmp.keep();
                Ok(())
            }
        }
    }

    #[test]
    fn accepts_what_the_expansion_produces() {
        let item = handler();
        let analysis = ephemeral_fs_core::analyze(TokenStream::new(), item.clone());
        assert_eq!(verify(&item, analysis), Ok(true));
        let plain: Item = parse_quote! { fn add(a: u8, b: u8) -> u8 { a + b } };
        let analysis = ephemeral_fs_core::analyze(TokenStream::new(), plain.clone());
        assert_eq!(verify(&plain, analysis), Ok(false));
    }

    #[test]
    fn accepts_a_persist_destination_left_in_place() {
        let item: Item = parse_quote! {
            fn save(tmp: NamedTempFile, table: &Table, dir: &TempDir) -> io::Result<usize> {
                NamedTempFile::persist(tmp, dir.child(names.iter().map(|n| n.len()).sum::<usize>().to_string())?)?;
                Ok(table.persist(Box::new(|s| s.len())))
            }
        };
        let analysis = ephemeral_fs_core::analyze(TokenStream::new(), item.clone());
        assert_eq!(verify(&item, analysis), Ok(true));
    }

    #[test]
    fn accepts_a_value_checked_through_a_closure_never_called() {
        // `forget(checked_in_const(tmp, |root| check))` and
        // `projected((tmp,), |root| check).0.keep()`: one guard each.
        let item: Item = parse_quote! {
            fn leak(tmp: NamedTempFile, me: Vec<u8>) {
                std::mem::forget(tmp);
                let kept = ManuallyDrop::new(me);
                (tmp,).0.keep();
            }
        };
        let analysis = ephemeral_fs_core::analyze(TokenStream::new(), item.clone());
        let output = analysis.item.to_token_stream().to_string();
        assert!(output.contains("checked_in_const"), "{output}");
        assert!(output.contains("projected"), "{output}");
        assert_eq!(verify(&item, analysis), Ok(true));
    }

    #[test]
    fn undoes_an_unseen_builder_probe_without_counting_it() {
        // A builder whose flags are out of sight is refused by its type at
        // compile time: a probe, with no finding of the analysis behind it.
        let item: Item = parse_quote! {
            async fn export(opts: &Opts, path: &Path) -> io::Result<File> {
                use crate::fs::OpenOptions;
                let file = OpenOptions::new().write(true).open(path).await?;
                opts.open(path)
            }
        };
        let analysis = ephemeral_fs_core::analyze(TokenStream::new(), item.clone());
        let output = analysis.item.to_token_stream().to_string();
        assert!(output.contains("_unseen_open_options ()"), "{output}");
        assert!(output.contains("_unseen_open_options_in_place"), "{output}");
        assert!(analysis.findings.is_empty());
        assert_eq!(verify(&item, analysis), Ok(true));
    }

    #[test]
    fn undoes_a_call_through_an_associated_type_without_counting_it() {
        // `Self::Seed::default()` in a trait whose text names a word that
        // sends it to the analysis (`make`, in a doc comment): passed
        // through its type's check, with no finding behind it.
        let item: Item = parse_quote! {
            pub trait SeedableRng: Sized {
                type Seed: Default;
                /// Implementations should make sure this never panics.
                fn seed_from_u64(state: u64) -> Self {
                    let seed = Self::Seed::default();
                    Self::from_seed(seed, state)
                }
                fn from_seed(seed: Self::Seed, state: u64) -> Self;
            }
        };
        let analysis = ephemeral_fs_core::analyze(TokenStream::new(), item.clone());
        let output = analysis.item.to_token_stream().to_string();
        assert!(
            output.contains("__ephemeral_fs_by_type_default"),
            "{output}"
        );
        assert!(analysis.findings.is_empty());
        assert_eq!(verify(&item, analysis), Ok(true));
    }

    #[test]
    fn accepts_a_leak_function_passed_as_an_argument() {
        // `.map(mem::forget)` is called in a closure of ours: its call's
        // check is the one guard, and the closure goes with it.
        let item: Item = parse_quote! {
            fn try_lock(&self) -> bool {
                let raw = data.map_or(ptr::null_mut(), Box::into_raw);
                Self::try_lock(self).map(core::mem::forget).is_some()
            }
        };
        let analysis = ephemeral_fs_core::analyze(TokenStream::new(), item.clone());
        assert!(analysis.error.is_none());
        assert_eq!(analysis.findings.len(), 2);
        let output = analysis.item.to_token_stream().to_string();
        assert!(output.contains("__ephemeral_fs_leaked"), "{output}");
        assert_eq!(verify(&item, analysis), Ok(true));
    }

    #[test]
    fn counts_a_refusal_as_its_own_category() {
        let item: Item = parse_quote! {
            fn skip() {
                let skip = std::mem::forget::<NamedTempFile>;
            }
        };
        let mut tally = Tally::default();
        check_item(Path::new("lib.rs"), &item, &mut tally);
        assert!(tally.failures.is_empty(), "{:?}", tally.failures);
        assert_eq!(tally.refusals.len(), 1);
        assert!(
            tally.refusals[0].contains("`std::mem::forget` used as a value is not checked"),
            "{:?}",
            tally.refusals
        );
    }

    #[test]
    fn catches_a_change_beyond_the_guards() {
        let item = handler();
        let mut analysis = ephemeral_fs_core::analyze(TokenStream::new(), item.clone());
        if let Item::Fn(function) = &mut analysis.item {
            function.block.stmts.insert(0, parse_quote!(let extra = 1;));
        }
        assert_eq!(
            verify(&item, analysis),
            Err("the output differs from the input beyond its guards".to_owned())
        );
    }

    #[test]
    fn catches_a_missing_guard() {
        let item = handler();
        let mut analysis = ephemeral_fs_core::analyze(TokenStream::new(), item.clone());
        // Pretend one more call was found than was guarded.
        analysis.findings.push(analysis.findings[0].clone());
        assert_eq!(
            verify(&item, analysis),
            Err("3 guards for 4 enforced findings".to_owned())
        );
    }

    #[test]
    fn catches_output_that_does_not_parse() {
        let item = handler();
        let mut analysis = ephemeral_fs_core::analyze(TokenStream::new(), item.clone());
        analysis.item = Item::Verbatim(quote::quote!(fn broken() -> ));
        assert!(
            verify(&item, analysis)
                .unwrap_err()
                .starts_with("the output does not parse")
        );
    }
}
