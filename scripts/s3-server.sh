#!/usr/bin/env bash
# Runs a command next to an S3-protocol server on loopback: moto's server,
# installed from PyPI into a virtualenv on first use (about 20 s). The
# command finds the server through S3_TEST_ENDPOINT; the server is stopped
# when the command ends, whatever its outcome.
# Usage: scripts/s3-server.sh COMMAND [ARGS...]
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: $0 COMMAND [ARGS...]" >&2; exit 2; }

MOTO=5.2.5
venv=${S3_SERVER_VENV:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/ephemeral-fs/moto-$MOTO}
if ! "$venv/bin/python" -c 'import moto.server' 2>/dev/null; then
    echo "== installing moto[server]==$MOTO into $venv" >&2
    command -v python3 >/dev/null || { echo "python3 is needed for moto's S3 server" >&2; exit 1; }
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check "moto[server]==$MOTO"
fi
python=$venv/bin/python

port=$("$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
log=$(mktemp)
"$python" -m moto.server -H 127.0.0.1 -p "$port" >"$log" 2>&1 &
pid=$!
stop() {
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    rm -f "$log"
}
trap stop EXIT

ready() {
    "$python" - "$port" 2>/dev/null <<'PY'
import sys, urllib.request
urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/", timeout=1).read()
PY
}
for _ in $(seq 1 150); do
    ready && break
    kill -0 "$pid" 2>/dev/null || { echo "moto's server exited:" >&2; cat "$log" >&2; exit 1; }
    sleep 0.2
done
ready || { echo "moto's server did not answer on port $port within 30 s:" >&2; cat "$log" >&2; exit 1; }

export S3_TEST_ENDPOINT="http://127.0.0.1:$port"
echo "== S3-protocol server: moto $MOTO at $S3_TEST_ENDPOINT" >&2
"$@"
