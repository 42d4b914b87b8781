//! `cargo ephemeral-fs`: finds where a crate's request handlers write to
//! local disk, with the attribute's rules, and reports it for people
//! (rustc-style), for scripts (JSON) and for code-scanning dashboards
//! (SARIF 2.1.0).
//!
//! Stages: `args` (the command line), the audit library's `packages` (the
//! packages, their settings and their files), `run` (parse and audit in
//! parallel), `volumes` (the Dockerfiles' `VOLUME`s, and a note on each
//! finding whose path lies on one, through `literal_path`), `report` (the
//! findings, as the JSON schema has them, each with its `fingerprint`),
//! `guard` (which request-path functions an attribute covers: the coverage
//! count and `unguarded_request_path`), `baseline` (leave out the findings
//! a baseline lists), then `human` and `sarif`. `--fix` edits the sources
//! (`fix`) and manifests (`manifest`).

mod args;
mod baseline;
mod files;
mod fingerprint;
mod fix;
mod guard;
mod human;
mod literal_path;
mod manifest;
mod report;
mod run;
mod sarif;
mod source;
mod volumes;

use std::io::Write;
use std::process::ExitCode;

use args::{Fix, Format, Invocation};
use ephemeral_fs_audit::packages::{self, Platforms};

/// Exit status: no finding at the level `--fail-on` names or above, which
/// is `deny` by default (a warning alone then exits with 0 too).
const CLEAN: u8 = 0;
/// Exit status: a finding at the level `--fail-on` names, or above.
const FINDINGS: u8 = 1;
/// Exit status: a usage or I/O error.
const ERROR: u8 = 2;

fn main() -> ExitCode {
    let invocation = args::parse();
    let result = match invocation {
        Invocation::Explain(lint) => {
            print!("{}", lint.explanation());
            Ok(CLEAN)
        }
        Invocation::Audit(request) => audit(&request),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::from(ERROR)
        }
    }
}

fn audit(request: &args::Request) -> Result<u8, String> {
    let packages = if request.dependencies {
        packages::dependencies(&request.path, Platforms::All, &request.levels)?
    } else {
        packages::members(&request.path, &request.levels)?
    };
    let mut report = run::audit(&packages, request)?;
    match request.fix {
        Fix::No => {}
        Fix::DryRun => {
            let plan = fix::plan(&report, &packages)?;
            tell(&plan.notes);
            print(&fix::diff(&plan));
            return Ok(CLEAN);
        }
        Fix::Write { allow_dirty } => {
            let plan = fix::plan(&report, &packages)?;
            if !allow_dirty {
                fix::check_clean(&plan)?;
            }
            fix::write(&plan)?;
            tell(&plan.notes);
            if plan.edits.is_empty() {
                eprintln!(
                    "nothing to annotate: an attribute covers every request-path function without a finding"
                );
            } else {
                eprintln!(
                    "put `#[ephemeral_fs::ephemeral_fs]` on {} in {}",
                    plural(plan.annotated, "function"),
                    plural(plan.files, "file")
                );
                for manifest in &plan.manifests {
                    eprintln!("added the `ephemeral-fs` dependency to `{manifest}`");
                }
            }
            // The report says what is left: the findings, at the levels
            // asked for, and the coverage after the fix.
            let plain = args::Request {
                fix: Fix::No,
                ..request.clone()
            };
            report = run::audit(&packages, &plain)?;
        }
    }
    if let Some(path) = &request.baseline {
        baseline::apply(&mut report, path)?;
    }
    if let Some(path) = &request.write_baseline {
        let count = baseline::write(&report, path)?;
        eprintln!(
            "wrote {count} findings to the baseline `{}`",
            path.display()
        );
    }
    let out = match request.format {
        Format::Human => human::render(&report),
        Format::Json => report.to_json(),
        Format::Sarif => sarif::render(&report),
    };
    print(&out);
    if !report.io_errors.is_empty() {
        return Ok(ERROR);
    }
    // The findings are accepted once recorded.
    Ok(
        if report.fails(request.fail_on) && request.write_baseline.is_none() {
            FINDINGS
        } else {
            CLEAN
        },
    )
}

fn print(out: &str) {
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`| head`) is not an error of the audit.
    let _ = stdout
        .write_all(out.as_bytes())
        .and_then(|()| stdout.flush());
}

fn tell(notes: &[String]) {
    for note in notes {
        eprintln!("note: {note}");
    }
}

fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}
