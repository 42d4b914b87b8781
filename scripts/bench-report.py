#!/usr/bin/env python3
"""Turns criterion's results into the tables of BENCHMARKS.md.

Each criterion group holds a baseline (`floor` or `std`) and `ephemeral_fs`,
measured in the same run. For each, it prints the median time per
iteration, the fastest and slowest sample (per iteration), and the ratio of
the medians to the baseline.

Usage: scripts/bench-report.py <criterion-dir>   (e.g. target/criterion)
"""
import json
import os
import statistics
import sys

BASELINES = ("floor", "std")


def per_iteration(directory):
    with open(os.path.join(directory, "new", "sample.json")) as f:
        sample = json.load(f)
    return [t / n for t, n in zip(sample["times"], sample["iters"])]


def fmt(ns):
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.3g} {unit}"
    return f"{ns:.3g} ns"


def main(root):
    rows = []
    for dirpath, dirnames, _ in sorted(os.walk(root)):
        functions = [d for d in dirnames if os.path.exists(os.path.join(dirpath, d, "new", "sample.json"))]
        baseline = next((b for b in BASELINES if b in functions), None)
        if baseline is None or "ephemeral_fs" not in functions:
            continue
        group = os.path.relpath(dirpath, root)
        base = statistics.median(per_iteration(os.path.join(dirpath, baseline)))
        for name in (baseline, "ephemeral_fs"):
            times = per_iteration(os.path.join(dirpath, name))
            median = statistics.median(times)
            rows.append((group, name, fmt(median), f"{fmt(min(times))} – {fmt(max(times))}", f"{median / base:.2f}"))
    print("| benchmark | variant | median | min – max | ratio |")
    print("|---|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "target/criterion")
