#!/usr/bin/env bash
# Runs the hook of .pre-commit-hooks.yaml as pre-commit runs it, with
# `pre-commit try-repo` (from PyPI, in a throwaway virtualenv), on a small
# repository: it fails on a handler's persistent write, and passes once a
# baseline lists it. The hook runs the `cargo-ephemeral-fs` on PATH; this
# puts the workspace's build first.
#
#   bash scripts/pre-commit-hook.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build -q -p cargo-ephemeral-fs --manifest-path "$root/Cargo.toml"
target=$(cargo metadata --format-version 1 --no-deps --manifest-path "$root/Cargo.toml" \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
export PATH="$target/debug:$PATH"

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q "pre-commit==4.7.0"
export PRE_COMMIT_HOME="$work/cache"

repo="$work/service"
mkdir -p "$repo/src"
cat > "$repo/Cargo.toml" <<'TOML'
[package]
name = "service"
version = "0.1.0"
edition = "2021"
TOML
cat > "$repo/src/lib.rs" <<'RUST'
#[ephemeral_fs::ephemeral_fs]
pub fn upload(body: &[u8]) {
    std::fs::write("/var/uploads/latest", body).unwrap();
}
RUST
cd "$repo"
git init -q
git add .

try_repo() {
    "$work/venv/bin/pre-commit" try-repo "$root" ephemeral-fs --all-files "$@"
}

if try_repo > "$work/out" 2>&1; then
    cat "$work/out"
    echo "the hook passed a persistent write" >&2
    exit 1
fi
grep -q "error\[persistent_write\]" "$work/out" || { cat "$work/out"; echo "the hook failed without the finding" >&2; exit 1; }

cargo-ephemeral-fs --write-baseline baseline.json > /dev/null 2>&1
git add baseline.json
# try-repo takes no hook arguments: a config that gives the baseline.
cat > "$work/config.yaml" <<YAML
repos:
- repo: local
  hooks:
  - id: ephemeral-fs
    name: cargo ephemeral-fs
    entry: cargo-ephemeral-fs
    language: system
    types: [rust]
    pass_filenames: false
    args: [--baseline, baseline.json]
YAML
# The same hook, with the baseline, from a config as users write it.
if ! "$work/venv/bin/pre-commit" run --config "$work/config.yaml" --all-files > "$work/out" 2>&1; then
    cat "$work/out"
    echo "the hook failed on a finding its baseline lists" >&2
    exit 1
fi
echo "pre-commit hook: fails on the write, passes with it in the baseline"
