#!/usr/bin/env python3
"""The audit's reach on real services, against hand labels.

Downloads the services of corpus/services/services.toml (with
scripts/real-services.sh), runs `cargo-ephemeral-fs <service> --format json`
at the default scope and with `--scope all`, and compares the findings with
corpus/services/labels/<name>.toml:

- recall: labelled filesystem writes with at least one finding in their
  lines, over the request-path writes (default scope) or over every labelled
  write outside tests (`--scope all`);
- false alarms: findings that are in no labelled write and in no test
  module (a finding on a labelled temp file that is cleaned up is one);
- off path: findings on labelled writes that no request reaches (startup,
  background, CLI), shown, not counted as false alarms;
- SQLite: databases opened on a local path, counted apart.

    scripts/real-services-reach.py [--dir DIR] [--check] [--verbose]

DIR (default: real-services under the system temp dir) must be outside any
Cargo workspace: `cargo metadata` refuses a package below a workspace that
does not list it. `--check` exits with 1 unless the goals are met:
default scope >= 90% of request-path writes with at most 1 false alarm in
all, `--scope all` >= 95% with none. `--check-reach` exits with 1 unless
the request path loses nothing: every request-path write that `--scope all`
finds, the default scope finds too, with no false alarm `--scope all` does
not have, and at least 90% of the request-path writes.

A second table gives the call graph's size per service: handlers, functions
on the request path, and how many of those only a method call matched by
name reaches (the over-approximation).
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIST = ROOT / "corpus" / "services" / "services.toml"
LABELS = ROOT / "corpus" / "services" / "labels"
# The lints whose findings are writes; `persistent_read` is not one.
WRITE_LINTS = {"persistent_write", "temp_escape"}
GOALS = {
    "default": {"recall": 0.90, "false_alarms": 1},
    "all": {"recall": 0.95, "false_alarms": 0},
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "real-services")
    parser.add_argument("--check", action="store_true", help="exit with 1 unless the goals are met")
    parser.add_argument("--check-reach", action="store_true",
                        help="exit with 1 if the request path misses what --scope all finds on it")
    parser.add_argument("--verbose", action="store_true", help="list missed writes and false alarms")
    args = parser.parse_args()

    directory = args.dir.resolve()
    if directory == ROOT or ROOT in directory.parents:
        sys.exit("--dir must be outside this workspace: `cargo metadata` refuses a package below a workspace that does not list it")
    services = tomllib.loads(LIST.read_text())["service"]
    download = subprocess.run(
        ["bash", str(ROOT / "scripts" / "real-services.sh"), str(directory)],
        check=True, stdout=subprocess.PIPE, text=True,
    )
    dirs = {line.split()[0]: Path(line.split()[2]) for line in download.stdout.splitlines()}
    subprocess.run(
        ["cargo", "build", "-q", "-p", "cargo-ephemeral-fs", "--manifest-path", str(ROOT / "Cargo.toml")],
        check=True,
    )
    audit = target_dir() / "debug" / "cargo-ephemeral-fs"

    rows = []
    for service in services:
        name = service["name"]
        labels = load_labels(name, service["version"], dirs[name])
        row = {"name": name, "framework": service["framework"]}
        for scope in ("default", "all"):
            findings, parse_errors, summary = run_audit(audit, dirs[name], scope)
            row[scope] = measure(labels, findings, scope)
            row[scope]["parse_errors"] = parse_errors
            row[scope]["summary"] = summary
        rows.append(row)

    print_table(rows)
    print()
    print_graph(rows)
    if args.verbose:
        print_details(rows)
    failed = []
    if args.check:
        failed += [f"goal not met: {line}" for line in check_goals(rows)]
    if args.check_reach:
        failed += [f"reach lost: {line}" for line in check_reach(rows)]
    for line in failed:
        print(line)
    sys.exit(1 if failed else 0)


def target_dir():
    metadata = subprocess.run(
        ["cargo", "metadata", "--no-deps", "--format-version", "1", "--manifest-path", str(ROOT / "Cargo.toml")],
        check=True, stdout=subprocess.PIPE, text=True,
    )
    return Path(json.loads(metadata.stdout)["target_directory"])


def load_labels(name, version, source):
    labels = tomllib.loads((LABELS / f"{name}.toml").read_text())
    if labels["version"] != version:
        sys.exit(f"labels/{name}.toml are for {labels['version']}, the list pins {version}")
    # A label whose lines do not name its operation is stale: say so rather
    # than measure against it.
    for entry in labels.get("write", []) + labels.get("temp", []):
        first, last = entry["lines"]
        lines = (source / entry["file"]).read_text().splitlines()[first - 1:last]
        word = entry["operation"].split("::")[-1]
        if not any(word in line for line in lines):
            sys.exit(f"labels/{name}.toml: {entry['file']}:{first} does not name `{word}`")
    return labels


def run_audit(audit, source, scope):
    command = [str(audit), str(source), "--format", "json"]
    if scope == "all":
        command += ["--scope", "all"]
    # Run from the service's directory, so that findings name its files
    # relative to it.
    result = subprocess.run(command, stdout=subprocess.PIPE, text=True, cwd=source)
    # 1 means deny-level findings; 2 a usage or I/O error.
    if result.returncode not in (0, 1):
        sys.exit(f"`{' '.join(command)}` exited with {result.returncode}")
    report = json.loads(result.stdout)
    findings = []
    for finding in report["findings"]:
        if finding["lint"] not in WRITE_LINTS:
            continue
        path = Path(finding["file"])
        if path.is_absolute():
            path = path.relative_to(source)
        path = Path(os.path.normpath(path))
        findings.append({**finding, "file": path.as_posix(), "line": finding["span"]["start"]["line"]})
    return findings, len(report.get("parse_errors", [])), report["summary"]


def inside(entry, finding):
    # A test entry may name a whole directory, as `tests` (integration tests).
    if "dir" in entry:
        return finding["file"].startswith(entry["dir"].rstrip("/") + "/")
    first, last = entry["lines"]
    return entry["file"] == finding["file"] and first <= finding["line"] <= last


def measure(labels, findings, scope):
    writes = labels.get("write", [])
    files = [w for w in writes if w.get("class", "fs") == "fs"]
    databases = [w for w in writes if w.get("class") == "database"]
    tests = labels.get("tests", [])
    # The writes this scope must find.
    wanted = [w for w in files if scope == "all" or w["reach"] == "request"]
    found = [w for w in wanted if any(inside(w, f) for f in findings)]
    off_path = [
        f for f in findings
        if any(inside(w, f) for w in writes if w["reach"] != "request")
    ] if scope == "default" else []
    false_alarms = [
        f for f in findings
        if not any(inside(w, f) for w in writes) and not any(inside(t, f) for t in tests)
    ]
    in_tests = [f for f in findings if any(inside(t, f) for t in tests)]
    db_wanted = [w for w in databases if scope == "all" or w["reach"] == "request"]
    return {
        "wanted": wanted,
        "found": found,
        "missed": [w for w in wanted if w not in found],
        "false_alarms": false_alarms,
        "off_path": off_path,
        "in_tests": in_tests,
        "db_wanted": db_wanted,
        "db_found": [w for w in db_wanted if any(inside(w, f) for f in findings)],
        "findings": findings,
    }


def percent(part, whole):
    return f"{100 * part / whole:.0f}%" if whole else "n/a"


def print_table(rows):
    print("| service | framework | default: request-path writes found | false alarms | off path | "
          "`--scope all`: writes found | false alarms | in tests | SQLite (default / all) |")
    print("|---|---|---|---|---|---|---|---|---|")
    totals = {scope: {"found": 0, "wanted": 0, "fa": 0, "off": 0, "tests": 0, "db": 0, "dbw": 0}
              for scope in ("default", "all")}
    for row in rows:
        cells = [row["name"], row["framework"]]
        for scope in ("default", "all"):
            m = row[scope]
            t = totals[scope]
            t["found"] += len(m["found"])
            t["wanted"] += len(m["wanted"])
            t["fa"] += len(m["false_alarms"])
            t["off"] += len(m["off_path"])
            t["tests"] += len(m["in_tests"])
            t["db"] += len(m["db_found"])
            t["dbw"] += len(m["db_wanted"])
            cells.append(f"{len(m['found'])}/{len(m['wanted'])} ({percent(len(m['found']), len(m['wanted']))})")
            cells.append(str(len(m["false_alarms"])))
            cells.append(str(len(m["off_path"])) if scope == "default" else str(len(m["in_tests"])))
        cells.append(f"{len(row['default']['db_found'])}/{len(row['default']['db_wanted'])} / "
                     f"{len(row['all']['db_found'])}/{len(row['all']['db_wanted'])}")
        print("| " + " | ".join(cells) + " |")
    d, a = totals["default"], totals["all"]
    print(f"| **total** | | **{d['found']}/{d['wanted']} ({percent(d['found'], d['wanted'])})** | **{d['fa']}** | {d['off']} "
          f"| **{a['found']}/{a['wanted']} ({percent(a['found'], a['wanted'])})** | **{a['fa']}** | {a['tests']} "
          f"| {d['db']}/{d['dbw']} / {a['db']}/{a['dbw']} |")
    errors = sum(row[s]["parse_errors"] for row in rows for s in ("default", "all"))
    if errors:
        print(f"\nparse errors: {errors}")


def print_details(rows):
    for row in rows:
        for scope in ("default", "all"):
            m = row[scope]
            for w in m["missed"]:
                print(f"{row['name']} [{scope}] missed: {w['file']}:{w['lines'][0]} {w['function']} "
                      f"{w['operation']} ({w['reach']}: {w['path']})")
            for f in m["false_alarms"]:
                print(f"{row['name']} [{scope}] false alarm: {f['file']}:{f['line']} {f['function']} "
                      f"{f['operation']}")


def print_graph(rows):
    print("| service | handlers | on the request path | only through a method matched by name | test functions left out |")
    print("|---|---|---|---|---|")
    for row in rows:
        s = row["default"]["summary"]
        print(f"| {row['name']} | {s['handlers']} | {s['reached']} | {s['reached_by_method_names']} | {s['left_out']} |")


def check_reach(rows):
    failed = []
    for row in rows:
        default, everything = row["default"], row["all"]
        for w in everything["found"]:
            if w["reach"] == "request" and w.get("class", "fs") == "fs" and w not in default["found"]:
                failed.append(f"{row['name']}: {w['file']}:{w['lines'][0]} {w['function']} "
                              f"is found by --scope all, not on the request path")
        known = {(f["file"], f["line"]) for f in everything["false_alarms"]}
        for f in default["false_alarms"]:
            if (f["file"], f["line"]) not in known:
                failed.append(f"{row['name']}: {f['file']}:{f['line']} is a false alarm of the request path alone")
    found = sum(len(row["default"]["found"]) for row in rows)
    wanted = sum(len(row["default"]["wanted"]) for row in rows)
    if wanted and found / wanted < GOALS["default"]["recall"]:
        failed.append(f"default scope: {found}/{wanted} writes found, goal {GOALS['default']['recall']:.0%}")
    return failed


def check_goals(rows):
    failed = []
    for scope, goal in GOALS.items():
        found = sum(len(row[scope]["found"]) for row in rows)
        wanted = sum(len(row[scope]["wanted"]) for row in rows)
        alarms = sum(len(row[scope]["false_alarms"]) for row in rows)
        if wanted and found / wanted < goal["recall"]:
            failed.append(f"{scope} scope: {found}/{wanted} writes found, goal {goal['recall']:.0%}")
        if alarms > goal["false_alarms"]:
            failed.append(f"{scope} scope: {alarms} false alarms, goal at most {goal['false_alarms']}")
    return failed


if __name__ == "__main__":
    main()
