//! The command line: `cargo ephemeral-fs [PATH] [OPTIONS]`, also run
//! directly as `cargo-ephemeral-fs [PATH] [OPTIONS]`.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Parser, ValueEnum};
use ephemeral_fs_audit::AuditScope;
use ephemeral_fs_audit::packages;
use ephemeral_fs_core::lints::{CheckedBy, Level, Lint};

/// Cargo runs `cargo-ephemeral-fs ephemeral-fs ARGS` for
/// `cargo ephemeral-fs ARGS`.
#[derive(Parser)]
#[command(name = "cargo", bin_name = "cargo")]
enum Cargo {
    EphemeralFs(Cli),
}

/// Find where request handlers write to the local filesystem.
///
/// Audits a crate or a workspace with the rules of `#[ephemeral_fs]`: items
/// that carry the attribute, the web handlers it recognises, or every
/// function. Exits with 1 when a deny-level finding exists (or a warning,
/// with `--fail-on warn`) that no `--baseline` lists, and with 2 on a usage
/// or I/O error.
#[derive(clap::Args)]
#[command(version, name = "ephemeral-fs")]
struct Cli {
    /// The crate or workspace to audit: a directory or its Cargo.toml.
    #[arg(default_value = ".")]
    path: PathBuf,
    /// Which functions to audit.
    #[arg(long, value_enum, default_value_t = Scope::RequestPath)]
    scope: Scope,
    /// Audit test code too: `#[cfg(test)]` modules, `#[test]` functions,
    /// the tests, benches and examples, and build scripts.
    #[arg(long)]
    include_tests: bool,
    /// How to print the findings.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    #[arg(long, short = 'D', value_name = "LINT", help = with_lint_names("Report LINT as an error"))]
    deny: Vec<String>,
    /// Report LINT as a warning.
    #[arg(long, short = 'W', value_name = "LINT")]
    warn: Vec<String>,
    /// Do not report LINT.
    #[arg(long, short = 'A', value_name = "LINT")]
    allow: Vec<String>,
    /// The lowest level that makes the exit status 1.
    #[arg(long, value_enum, default_value_t = FailOn::Deny)]
    fail_on: FailOn,
    /// Audit the packages the workspace depends on, all of them, instead of
    /// its members.
    #[arg(long)]
    dependencies: bool,
    /// Report, and fail on, only findings that FILE (from
    /// `--write-baseline`) does not list.
    #[arg(long, value_name = "FILE", conflicts_with = "write_baseline")]
    baseline: Option<PathBuf>,
    /// Record today's findings in FILE, to adopt the audit with them
    /// accepted; exits with 0 unless a file could not be read.
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
    #[arg(long, value_name = "LINT", help = "Print the documentation of LINT and exit", long_help = explain_help())]
    explain: Option<String>,
    /// Put `#[ephemeral_fs::ephemeral_fs]` on every request-path function
    /// that has no finding of its own, and add the `ephemeral-fs`
    /// dependency where it is missing; then audit again.
    #[arg(long, conflicts_with_all = ["scope", "dependencies", "baseline", "write_baseline"])]
    fix: bool,
    /// With `--fix`: print the changes as a diff, and write nothing.
    #[arg(long, requires = "fix")]
    dry_run: bool,
    /// With `--fix`: edit files that have uncommitted changes in git.
    #[arg(long, requires = "fix")]
    allow_dirty: bool,
}

/// What `--fix` was asked to do.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Fix {
    No,
    Write { allow_dirty: bool },
    DryRun,
}

#[derive(Clone, Copy, ValueEnum)]
enum Scope {
    /// Only items that carry `#[ephemeral_fs]`.
    Annotated,
    /// Handlers, and every function of the crate, its workspace and its
    /// path dependencies that a handler reaches; annotated items too.
    RequestPath,
    /// Handler bodies only (axum, actix-web, Rocket, poem, salvo, warp,
    /// tonic), and annotated items.
    Handlers,
    /// Every function.
    All,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// rustc-style diagnostics and a summary.
    Human,
    /// One object per finding; see the guide's audit chapter for the schema.
    Json,
    /// SARIF 2.1.0, for code-scanning dashboards.
    Sarif,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Deny,
    Warn,
}

/// What was asked for.
pub enum Invocation {
    Explain(Lint),
    Audit(Request),
}

#[derive(Clone)]
pub struct Request {
    pub path: PathBuf,
    /// The dependency graph's packages rather than the members.
    pub dependencies: bool,
    pub scope: AuditScope,
    pub include_tests: bool,
    pub format: Format,
    /// Levels given on the command line, over the manifests' ones.
    pub levels: Vec<(Lint, Level)>,
    pub fail_on: FailOn,
    pub baseline: Option<PathBuf>,
    pub write_baseline: Option<PathBuf>,
    pub fix: Fix,
}

/// Parses the command line; exits with 2 on a usage error, as clap does.
pub fn parse() -> Invocation {
    parse_from(std::env::args_os()).unwrap_or_else(|error| error.exit())
}

fn parse_from(args: impl IntoIterator<Item = OsString>) -> Result<Invocation, clap::Error> {
    let mut args: Vec<OsString> = args.into_iter().collect();
    // Run directly, the subcommand's name is not there: put it in.
    if args.get(1).is_none_or(|first| first != "ephemeral-fs") {
        args.insert(1.min(args.len()), "ephemeral-fs".into());
    }
    let Cargo::EphemeralFs(cli) = Cargo::try_parse_from(args)?;
    if let Some(name) = &cli.explain {
        return lint_named(name).map(Invocation::Explain);
    }
    let mut levels = Vec::new();
    for (names, level) in [
        (&cli.deny, Level::Deny),
        (&cli.warn, Level::Warn),
        (&cli.allow, Level::Allow),
    ] {
        for name in names {
            let lint = lint_named(name)?;
            if let Some((_, earlier)) = levels.iter().find(|(known, _)| *known == lint) {
                return Err(usage(format!(
                    "`{lint}` is given two levels, `{}` and `{}`: keep one",
                    level_name(*earlier),
                    level_name(level)
                )));
            }
            levels.push((lint, level));
        }
    }
    Ok(Invocation::Audit(Request {
        path: cli.path,
        dependencies: cli.dependencies,
        scope: match cli.scope {
            Scope::Annotated => AuditScope::Annotated,
            Scope::RequestPath => AuditScope::RequestPath,
            Scope::Handlers => AuditScope::Handlers,
            Scope::All => AuditScope::All,
        },
        include_tests: cli.include_tests,
        format: cli.format,
        levels,
        fail_on: cli.fail_on,
        baseline: cli.baseline,
        write_baseline: cli.write_baseline,
        fix: match (cli.fix, cli.dry_run) {
            (false, _) => Fix::No,
            (true, true) => Fix::DryRun,
            (true, false) => Fix::Write {
                allow_dirty: cli.allow_dirty,
            },
        },
    }))
}

/// A flag's help, with the lints it takes: "... [lints: a, b, c]".
fn with_lint_names(help: &str) -> String {
    let names: Vec<&str> = Lint::ALL.iter().map(|lint| lint.name()).collect();
    format!("{help} [lints: {}]", names.join(", "))
}

/// `--explain`'s long help: every lint, its default level and summary.
fn explain_help() -> String {
    let width = Lint::ALL.iter().map(|l| l.name().len()).max().unwrap_or(0);
    let mut help = String::from("Print the documentation of LINT and exit. The lints:\n");
    for lint in Lint::ALL {
        let audit_only = match lint.checked_by() {
            CheckedBy::AttributeAndAudit => "",
            CheckedBy::AuditOnly => ", audit only",
        };
        help.push_str(&format!(
            "\n  {:width$}  ({}{audit_only}) {}",
            lint.name(),
            lint.default_level().name(),
            lint.summary()
        ));
    }
    help
}

fn level_name(level: Level) -> &'static str {
    level.name()
}

/// A lint by name, or a usage error that suggests the closest one.
pub fn lint_named(name: &str) -> Result<Lint, clap::Error> {
    Lint::from_name(name).ok_or_else(|| usage(packages::unknown_lint(name)))
}

fn usage(message: String) -> clap::Error {
    use clap::CommandFactory;
    Cargo::command().error(clap::error::ErrorKind::InvalidValue, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(line: &str) -> Result<Invocation, clap::Error> {
        parse_from(line.split_whitespace().map(OsString::from))
    }

    #[test]
    fn runs_as_a_cargo_subcommand_and_directly() {
        for line in [
            "cargo-ephemeral-fs ephemeral-fs crates/api --scope all",
            "cargo-ephemeral-fs crates/api --scope all",
        ] {
            let Ok(Invocation::Audit(request)) = parse(line) else {
                panic!("{line} does not parse");
            };
            assert_eq!(request.path, PathBuf::from("crates/api"));
            assert_eq!(request.scope, AuditScope::All);
        }
        let Ok(Invocation::Audit(request)) = parse("cargo-ephemeral-fs") else {
            panic!("no arguments");
        };
        assert_eq!(request.path, PathBuf::from("."));
        assert_eq!(request.scope, AuditScope::RequestPath);
        assert!(!request.include_tests);
    }

    #[test]
    fn levels_are_checked() {
        let Ok(Invocation::Audit(request)) =
            parse("cargo-ephemeral-fs -D persistent_read --allow temp_escape")
        else {
            panic!("levels do not parse");
        };
        assert_eq!(
            request.levels,
            [
                (Lint::PersistentRead, Level::Deny),
                (Lint::TempEscape, Level::Allow)
            ]
        );
        let error = parse("cargo-ephemeral-fs --deny persistant_read")
            .err()
            .unwrap()
            .to_string();
        assert!(error.contains("did you mean `persistent_read`?"), "{error}");
        let error = parse("cargo-ephemeral-fs --deny temp_escape --warn temp_escape")
            .err()
            .unwrap()
            .to_string();
        assert!(error.contains("two levels"), "{error}");
    }

    #[test]
    fn fix_takes_its_modes_and_refuses_other_scopes() {
        for (line, fix) in [
            ("cargo-ephemeral-fs", Fix::No),
            (
                "cargo-ephemeral-fs --fix",
                Fix::Write { allow_dirty: false },
            ),
            (
                "cargo-ephemeral-fs --fix --allow-dirty",
                Fix::Write { allow_dirty: true },
            ),
            ("cargo-ephemeral-fs --fix --dry-run", Fix::DryRun),
        ] {
            let Ok(Invocation::Audit(request)) = parse(line) else {
                panic!("{line} does not parse");
            };
            assert_eq!(request.fix, fix, "{line}");
        }
        for line in [
            "cargo-ephemeral-fs --dry-run",
            "cargo-ephemeral-fs --allow-dirty",
            "cargo-ephemeral-fs --fix --scope all",
            "cargo-ephemeral-fs --fix --dependencies",
        ] {
            assert!(parse(line).is_err(), "{line}");
        }
    }
}
