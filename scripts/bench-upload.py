#!/usr/bin/env python3
"""Upload service figures: peak RSS during a 64 MiB upload, and throughput.

Usage: scripts/bench-upload.py SERVER_BINARY [RUNS]
(run by scripts/bench-upload.sh, which builds the release binary and starts
the S3-protocol server; S3_TEST_ENDPOINT names it).

For each store (in-memory, S3, a local directory through file://) it starts
the server with a fresh TMPDIR, makes one 1 MiB upload to warm it up,
reads its idle VmRSS, uploads 64 MiB once and reads VmHWM (the process's
peak RSS), then times RUNS more 64 MiB uploads. Each upload is timed from
the first byte sent to the JSON answer, so it includes receiving, hashing,
staging in the temp file and storing.
"""

import http.client
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

MIB = 1 << 20
SIZE = 64 * MIB


def status_kib(pid, field):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise RuntimeError(f"no {field} for {pid}")


def upload(port, data):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=300, blocksize=MIB)
    start = time.perf_counter()
    conn.request("POST", "/uploads", body=data,
                 headers={"Content-Type": "application/octet-stream"})
    response = conn.getresponse()
    answer = response.read()
    seconds = time.perf_counter() - start
    conn.close()
    if response.status != 200:
        raise RuntimeError(f"upload failed: {response.status} {answer!r}")
    return seconds, json.loads(answer)


def bench(binary, name, env, runs):
    tmpdir = tempfile.mkdtemp(prefix="bench-upload-")
    server_env = dict(os.environ, HOST="127.0.0.1", PORT="0", TMPDIR=tmpdir, **env)
    if "STORE_URL" not in env:
        server_env.pop("STORE_URL", None)
    server = subprocess.Popen([binary], env=server_env, stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True)
    try:
        line = server.stdout.readline().strip()
        port = int(line.rsplit(":", 1)[1])
        upload(port, os.urandom(MIB))
        time.sleep(0.2)
        idle = status_kib(server.pid, "VmRSS")
        data = os.urandom(SIZE)
        first, answer = upload(port, data)
        peak = status_kib(server.pid, "VmHWM")
        times = [first]
        for _ in range(runs):
            times.append(upload(port, os.urandom(SIZE))[0])
        left = os.listdir(tmpdir)
        median = statistics.median(times)
        print(f"{name:8} idle RSS {idle / 1024:6.1f} MiB, peak {peak / 1024:6.1f} MiB, "
              f"growth {(peak - idle) / 1024:5.1f} MiB | 64 MiB upload: median "
              f"{median * 1e3:7.1f} ms, {64 / median:6.1f} MiB/s "
              f"(min {min(times) * 1e3:.1f}, max {max(times) * 1e3:.1f} ms, "
              f"{len(times)} uploads) | e_tag {answer.get('e_tag')} | "
              f"temp files left: {len(left)}", flush=True)
    finally:
        server.terminate()
        server.wait()


def main():
    binary = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    bench(binary, "memory", {}, runs)
    endpoint = os.environ.get("S3_TEST_ENDPOINT")
    if endpoint:
        bucket = f"bench-{os.getpid()}"
        urllib.request.urlopen(urllib.request.Request(f"{endpoint}/{bucket}", method="PUT")).read()
        bench(binary, "s3", {
            "STORE_URL": f"s3://{bucket}/uploads",
            "AWS_ENDPOINT": endpoint,
            "AWS_ALLOW_HTTP": "true",
            "AWS_ACCESS_KEY_ID": "test",
            "AWS_SECRET_ACCESS_KEY": "test",
            "AWS_REGION": "us-east-1",
        }, runs)
    else:
        print("s3       skipped: S3_TEST_ENDPOINT is unset", flush=True)
    with tempfile.TemporaryDirectory(prefix="bench-store-") as store:
        bench(binary, "file", {"STORE_URL": f"file://{store}"}, runs)


if __name__ == "__main__":
    main()
