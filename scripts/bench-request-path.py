#!/usr/bin/env python3
"""How long the request path takes: the audit at its default scope and with
`--scope all`, on a real service and on a generated 50,000-line one.

- pict-rs 0.5.25 (actix-web, an image host that keeps files on local disk;
  about 32,000 lines), downloaded from crates.io and checked against the
  index's sha256;
- a generated actix-web service of 100 modules of 500 lines each: handlers
  that call helpers in other modules through `crate::` paths and imports,
  methods of the module's own type, and writes in some helpers.

    scripts/bench-request-path.py [--dir DIR] [--runs N]

Builds the audit in release mode, runs each case N times (5 by default) after
one warm-up, and prints a table of mean, min and max wall time. DIR (default:
a temp dir) must be outside any Cargo workspace.
"""

import argparse
import hashlib
import json
import statistics
import subprocess
import tarfile
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PICT = ("pict-rs", "0.5.25", "fa10a282128e395b1dc2040f5464c9ff5f8b38031056c795e0b4307b540cb533")
MODULES = 100
HANDLERS = 5
HELPERS = 20


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "bench-request-path")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    directory = args.dir.resolve()
    directory.mkdir(parents=True, exist_ok=True)

    subprocess.run(["cargo", "build", "-q", "--release", "-p", "cargo-ephemeral-fs",
                    "--manifest-path", str(ROOT / "Cargo.toml")], check=True)
    metadata = json.loads(subprocess.run(
        ["cargo", "metadata", "--no-deps", "--format-version", "1", "--manifest-path", str(ROOT / "Cargo.toml")],
        check=True, stdout=subprocess.PIPE, text=True).stdout)
    audit = Path(metadata["target_directory"]) / "release" / "cargo-ephemeral-fs"

    cases = [("pict-rs 0.5.25", download(directory, *PICT)), ("generated", generate(directory / "generated"))]
    print("| service | lines | scope | mean | min – max | handlers | on the request path | findings |")
    print("|---|---|---|---|---|---|---|---|")
    for name, path in cases:
        lines = sum(p.read_bytes().count(b"\n") for p in path.rglob("*.rs"))
        for scope in ("request-path", "all"):
            command = [str(audit), str(path), "--format", "json", "--scope", scope]
            subprocess.run(command, stdout=subprocess.DEVNULL)
            times = []
            for _ in range(args.runs):
                start = time.perf_counter()
                out = subprocess.run(command, stdout=subprocess.PIPE, text=True)
                times.append(time.perf_counter() - start)
            summary = json.loads(out.stdout)["summary"]
            print(f"| {name} | {lines:,} | `{scope}` | {statistics.mean(times):.3f} s | "
                  f"{min(times):.3f} – {max(times):.3f} s | {summary['handlers']} | {summary['reached']} | "
                  f"{summary['findings']} |")


def download(directory, name, version, sha):
    target = directory / f"{name}-{version}"
    if (target / "Cargo.toml").is_file():
        return target
    url = f"https://static.crates.io/crates/{name}/{name}-{version}.crate"
    data = urllib.request.urlopen(url).read()
    if hashlib.sha256(data).hexdigest() != sha:
        raise SystemExit(f"{name} {version}: the download does not match the pinned sha256")
    crate = directory / f"{name}-{version}.crate"
    crate.write_bytes(data)
    with tarfile.open(crate) as archive:
        archive.extractall(directory, filter="data")
    crate.unlink()
    return target


def generate(target):
    src = target / "src"
    src.mkdir(parents=True, exist_ok=True)
    (target / "Cargo.toml").write_text(
        '[package]\nname = "generated"\nversion = "0.1.0"\nedition = "2021"\n\n'
        '[dependencies]\nactix-web = "4"\ntokio = "1"\n')
    main = [f"mod m{i};" for i in range(MODULES)]
    main += ["", "fn main() {", "    let app = actix_web::App::new()"]
    main += [f"        .service(m{i}::h{k})" for i in range(MODULES) for k in range(HANDLERS)]
    main += ["        ;", "    drop(app);", "}"]
    (src / "main.rs").write_text("\n".join(main) + "\n")
    for i in range(MODULES):
        (src / f"m{i}.rs").write_text(module(i))
    return target


def module(i):
    other = (i + 1) % MODULES
    out = [f"use crate::m{other}::{{helper_0, Store{other}}};", "use std::collections::HashMap;", ""]
    out += [f"pub struct Store{i} {{", "    items: HashMap<String, Vec<u8>>,", "}", ""]
    out += [f"impl Store{i} {{", "    pub fn new() -> Self {", "        Self { items: HashMap::new() }", "    }", ""]
    for k in range(HANDLERS):
        out += [f"    pub fn put_{k}(&mut self, key: &str, body: &[u8]) -> usize {{",
                "        let size = body.len();",
                "        self.items.insert(key.to_owned(), body.to_vec());",
                f"        self.flush_{k}(size);",
                "        size",
                "    }", "",
                f"    fn flush_{k}(&self, size: usize) {{",
                "        let total: usize = self.items.values().map(|v| v.len()).sum();",
                "        if total > size * 1000 {",
                f"            std::fs::write(\"/var/data/m{i}-{k}\", format!(\"{{total}}\")).ok();",
                "        }",
                "    }", ""]
    out += ["}", ""]
    for k in range(HANDLERS):
        out += [f'#[actix_web::post("/m{i}/{k}")]',
                f"pub async fn h{k}(body: Vec<u8>) -> String {{",
                f"    let mut store = Store{i}::new();",
                f"    let size = store.put_{k}(\"key\", &body);",
                f"    let checked = helper_{k}(&body);",
                f"    let other = Store{other}::new();",
                "    drop(other);",
                "    let names: Vec<String> = body.iter().map(|b| b.to_string()).collect();",
                "    format!(\"{size} {checked} {}\", names.len())",
                "}", ""]
    for k in range(HELPERS):
        calls = f"    crate::m{(i + k) % MODULES}::helper_{(k + 1) % HELPERS}(body);" if k < HELPERS - 1 else ""
        out += [f"pub fn helper_{k}(body: &[u8]) -> usize {{",
                "    let mut counts = [0usize; 256];",
                "    for byte in body {",
                "        counts[*byte as usize] += 1;",
                "    }",
                "    let most = counts.iter().enumerate().max_by_key(|(_, n)| **n);",
                "    let mut total = 0;",
                "    if let Some((byte, n)) = most {",
                "        total += byte * n;",
                "    }",
                "    match total % 3 {",
                "        0 => total += 1,",
                "        1 => total *= 2,",
                "        _ => {}",
                "    }",
                calls,
                f"    if total == {k} {{",
                f"        std::fs::create_dir_all(\"/var/data/{i}/{k}\").ok();" if k % 5 == 0 else "        total += 1;",
                "    }",
                "    total",
                "}", ""]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    main()
