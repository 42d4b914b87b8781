#!/usr/bin/env bash
# The audit over every package of this workspace's dependency graph, against
# `cargo capsec audit` on the same graph, in the same session.
#
#   cargo-ephemeral-fs --dependencies --scope all --format json
#   cargo capsec audit --deps-only --dep-depth 0 --format json
#
# Both read the package list from `cargo metadata` (all platforms) and skip
# the workspace's own members. cargo-capsec keeps a cache of dependency
# results in `.capsec-cache` (and reports nothing for cached crates), so it
# is removed before each of its runs. Runs in a fresh clone, so neither
# tool's files land in the work tree. Needs hyperfine and cargo-capsec
# (`cargo install cargo-capsec`, by hand: CI does not run this).
#
# Usage: scripts/bench-audit.sh [work-dir]   (RUNS=5 by default)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-$(mktemp -d)}
runs=${RUNS:-5}
for tool in hyperfine cargo-capsec; do
    command -v "$tool" >/dev/null || { echo "missing $tool: install it first (see the comment above)" >&2; exit 1; }
done

cargo build -q --release -p cargo-ephemeral-fs --manifest-path "$root/Cargo.toml"
git clone -q "$root" "$work/tree"
cp "$root/target/release/cargo-ephemeral-fs" "$work/cargo-ephemeral-fs"
cd "$work/tree"
cargo fetch -q

# What each reads: the audit every `.rs` file of each package (gitignored,
# hidden, target/ and nested packages left out), cargo-capsec `src/` and
# `build.rs`.
python3 - <<'PY'
import json, os, subprocess
meta = json.loads(subprocess.check_output(["cargo", "metadata", "--format-version", "1"]))
members = set(meta["workspace_members"])
def count(paths):
    lines = sum(open(p, "rb").read().count(b"\n") for p in paths)
    return f"{len(paths)} files, {lines} lines"
ours, theirs = [], []
for package in meta["packages"]:
    if package["id"] in members:
        continue
    root = os.path.dirname(package["manifest_path"])
    for top, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d != "target" and not d.startswith(".")
                   and not os.path.isfile(os.path.join(top, d, "Cargo.toml"))]
        ours += [os.path.join(top, f) for f in files if f.endswith(".rs")]
    if os.path.isdir(os.path.join(root, "src")):
        for top, dirs, files in os.walk(os.path.join(root, "src")):
            dirs[:] = [d for d in dirs if d != "target" and not d.startswith(".")]
            theirs += [os.path.join(top, f) for f in files if f.endswith(".rs")]
        if os.path.isfile(os.path.join(root, "build.rs")):
            theirs.append(os.path.join(root, "build.rs"))
print(f"packages: {len(meta['packages']) - len(members)}")
print(f"cargo-ephemeral-fs reads: {count(ours)}")
print(f"cargo-capsec reads:       {count(theirs)}")
PY

uptime
hyperfine -i --warmup 1 --runs "$runs" --prepare 'rm -rf .capsec-cache' \
    "$work/cargo-ephemeral-fs --dependencies --scope all --format json > /dev/null" \
    'cargo capsec audit --deps-only --dep-depth 0 --format json > /dev/null'
uptime
