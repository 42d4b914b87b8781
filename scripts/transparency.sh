#!/usr/bin/env bash
# Transparency on real crates, with every function, impl, trait and inline
# module annotated by #[ephemeral_fs]:
#   - semver (no file access; generics, traits, closures, macros, const fn,
#     unsafe) must still compile and pass its own test suite;
#   - fs-err (a std::fs and tokio::fs wrapper, built with its tokio
#     feature) must fail to build exactly at the writes the analysis
#     finds, and nowhere else.
# Usage: scripts/transparency.sh [work-dir]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-$(mktemp -d)}
mkdir -p "$work"
SEMVER=1.0.28
FS_ERR=3.1.1

cargo build -q --release -p ephemeral-fs-corpus --manifest-path "$root/Cargo.toml"
tool="$root/target/release/ephemeral-fs-corpus"

# Fetch the pinned sources through a throwaway package.
mkdir -p "$work/fetch/src"
: > "$work/fetch/src/lib.rs"
cat > "$work/fetch/Cargo.toml" <<TOML
[package]
name = "fetch"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
fs-err = "=$FS_ERR"
semver = "=$SEMVER"

[workspace]
TOML
cargo fetch -q --manifest-path "$work/fetch/Cargo.toml"
source_dir() {
    cargo metadata -q --format-version 1 --manifest-path "$work/fetch/Cargo.toml" |
        python3 -c "import json, sys; print([p['manifest_path'] for p in json.load(sys.stdin)['packages'] if p['name'] == sys.argv[1]][0].rsplit('/', 1)[0])" "$1"
}

export CARGO_TARGET_DIR="$work/target"

echo "== semver $SEMVER: annotated, its test suite must pass"
rm -rf "$work/semver"
"$tool" annotate "$(source_dir semver)" "$work/semver" --runtime "$root/runtime" --drop-benches
start=$(date +%s)
cargo test -q --manifest-path "$work/semver/Cargo.toml" 2>&1 | tee "$work/semver.log" | grep -E '^test result' || true
grep -q 'test result: FAILED' "$work/semver.log" && { echo "semver's tests failed" >&2; exit 1; }
grep -qE '^test result: ok\. [1-9]' "$work/semver.log" || { echo "semver's tests did not run" >&2; exit 1; }
echo "semver: built and tested in $(( $(date +%s) - start )) s"

echo "== fs-err $FS_ERR: annotated, it must fail exactly at its writes"
rm -rf "$work/fs-err"
"$tool" annotate "$(source_dir fs-err)" "$work/fs-err" --runtime "$root/runtime"
if cargo build -q --manifest-path "$work/fs-err/Cargo.toml" --features tokio --message-format json > "$work/fs-err.json" 2>/dev/null; then
    echo "fs-err built, but it writes files: the guards did not fire" >&2
    exit 1
fi
"$tool" compare-errors "$work/fs-err" "$work/fs-err.json"
echo "transparency: ok"
