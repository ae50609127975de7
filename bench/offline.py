#!/usr/bin/env python3
"""Times `masst diagnose all --scenario flash-sale` as a whole process, start to finish.

Target (issue: offline diagnosis): under 20 ms wall on the project's 2-core machine.
Usage: bench/offline.py [--binary PATH] [--runs N]
Builds the release binary first unless --binary is given. Prints min/median/p95 and
exits 1 when the median misses the target, so a regression is loud.
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET_MS = 20.0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary")
    ap.add_argument("--runs", type=int, default=100)
    ap.add_argument("--scenario", default="flash-sale")
    a = ap.parse_args()
    binary = a.binary
    if not binary:
        target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
        binary = os.path.join(target, "release", "masst")
    cmd = [binary, "diagnose", "all", "--scenario", a.scenario]
    env = dict(os.environ, NO_COLOR="1")
    for _ in range(5):  # warm the page cache
        subprocess.run(cmd, stdout=subprocess.DEVNULL, env=env)
    times = []
    for _ in range(a.runs):
        t0 = time.perf_counter()
        r = subprocess.run(cmd, stdout=subprocess.DEVNULL, env=env)
        times.append((time.perf_counter() - t0) * 1000)
        if r.returncode not in (0, 1):
            print(f"masst failed with exit {r.returncode}", file=sys.stderr)
            return 2
    times.sort()
    med = statistics.median(times)
    p95 = times[int(len(times) * 0.95) - 1]
    print(f"masst diagnose all --scenario {a.scenario}: runs={a.runs} min={times[0]:.1f}ms "
          f"median={med:.1f}ms p95={p95:.1f}ms (target < {TARGET_MS:.0f}ms)")
    return 0 if med < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
