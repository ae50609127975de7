#!/usr/bin/env python3
"""Fan-out over targets (issue 23): `masst diagnose all` over 8 targets vs over one.

Starts the bridged emulator with --latency-ms 25 (an in-region round trip), writes a masst.toml
of 8 targets, each assuming a role in its own account, builds the flash-sale world in each with
`masst --target T lab up`, then times `diagnose all --target t1` and `diagnose all
--all-targets` as whole processes (best of --runs) and reads each run's peak resident set.
Targets: 8 targets take at most 1.5x one target's wall time, and peak memory grows by at most
10 MiB per target. Exits 1 when either is missed.
Usage: bench/targets.py --binary PATH [--runs N] [--latency-ms 25] [--targets 8]
(no release build is made: pass the binary to measure.)
"""
import argparse
import os
import resource
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def run_measured(cmd, env):
    """Wall seconds and peak RSS (MiB) of one child process."""
    t0 = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        os.execve(cmd[0], cmd, env)
    _, status, usage = os.wait4(pid, 0)
    took = time.perf_counter() - t0
    return took, usage.ru_maxrss / 1024.0, os.waitstatus_to_exitcode(status)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", required=True)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--latency-ms", type=float, default=25.0)
    ap.add_argument("--targets", type=int, default=8)
    a = ap.parse_args()
    port = free_port()
    endpoint = f"http://127.0.0.1:{port}"
    emu = subprocess.Popen(
        [os.path.join(ROOT, "tests", "emulator", "serve"), "--port", str(port), "--latency-ms", str(a.latency_ms)],
        stdout=subprocess.DEVNULL,
    )
    try:
        for _ in range(600):
            try:
                urllib.request.urlopen(endpoint + "/", timeout=1).read()
                break
            except OSError:
                time.sleep(0.2)
        env = dict(os.environ, AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing", AWS_REGION="us-east-1",
                   AWS_EC2_METADATA_DISABLED="true", AWS_CONFIG_FILE="/nonexistent/c",
                   AWS_SHARED_CREDENTIALS_FILE="/nonexistent/c", NO_COLOR="1")
        env.pop("MASST_TARGET", None)
        d = tempfile.mkdtemp()
        cfg = os.path.join(d, "masst.toml")
        names = [f"t{i + 1}" for i in range(a.targets)]
        with open(cfg, "w") as f:
            for i, n in enumerate(names):
                account = f"{i + 1:012d}"
                f.write(f'[targets.{n}]\nregion = "us-east-1"\nrole_arn = "arn:aws:iam::{account}:role/masst-readonly"\n'
                        f'account_id = "{account}"\nendpoint_url = "{endpoint}"\n\n')
        base = [a.binary, "--config", cfg]
        for n in names:
            subprocess.run(base + ["--target", n, "lab", "up", "--scenario", "flash-sale"], env=env, check=True,
                           stdout=subprocess.DEVNULL)
        one = [run_measured(base + ["diagnose", "all", "--target", names[0], "--output", "json"], env) for _ in range(a.runs)]
        many = [run_measured(base + ["diagnose", "all", "--all-targets", "--output", "json"], env) for _ in range(a.runs)]
        for label, rs in (("one", one), ("all", many)):
            bad = [r for r in rs if r[2] not in (0, 1)]
            if bad:
                print(f"{label}: masst exited {bad[0][2]}", file=sys.stderr)
                return 1
        t1, tn = min(r[0] for r in one), min(r[0] for r in many)
        m1, mn = max(r[1] for r in one), max(r[1] for r in many)
        ratio = tn / t1
        per_target = (mn - m1) / max(1, a.targets - 1)
        print(f"diagnose all, {a.latency_ms:g} ms per call, best of {a.runs}")
        print(f"  1 target:   {t1 * 1000:7.0f} ms   peak {m1:6.1f} MiB")
        print(f"  {a.targets} targets: {tn * 1000:7.0f} ms   peak {mn:6.1f} MiB")
        print(f"  ratio {ratio:.2f}x (target <= 1.5x); memory +{per_target:.1f} MiB per extra target (target <= 10)")
        return 0 if ratio <= 1.5 and per_target <= 10 else 1
    finally:
        emu.kill()
        emu.wait()


if __name__ == "__main__":
    sys.exit(main())
