#!/usr/bin/env bash
# Upload service figures for BENCHMARKS.md: the server's peak RSS during a
# 64 MiB upload, and upload throughput against the in-memory store, moto's
# S3 server and a local directory, with a plain tokio::fs::write to a temp
# file as the floor, all in one run. Never part of the test suite.
# Usage: scripts/bench-upload.sh [RUNS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
runs=${1:-5}
cargo build -q --release -p upload-service --bin upload-service --example write_floor
echo "== floor"
target/release/examples/write_floor 64 "$runs"
echo "== upload service (release), 64 MiB uploads"
bash scripts/s3-server.sh python3 scripts/bench-upload.py target/release/upload-service "$runs"
