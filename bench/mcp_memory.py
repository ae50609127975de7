#!/usr/bin/env python3
"""Idle memory of `masst mcp`: the resident set of a server an assistant keeps open all day.

Target (issue 24): under 30 MiB resident while idle, after the handshake, tools/list and a few
calls (the runbooks, an outcome explained, a diagnosis of an embedded scenario's snapshot).
Usage: bench/mcp_memory.py [--binary PATH] [--idle-s S] [--endpoint-url URL]
(with --endpoint-url, e.g. an emulator after `masst lab up --scenario flash-sale`, the diagnosis
and a status are live; AWS credentials come from the environment.)
Builds the release binary first unless --binary is given. Prints VmRSS (now) and VmHWM (peak)
from /proc and exits 1 when the idle resident set misses the target.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET_MIB = 30.0


def status_kib(pid, key):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    raise KeyError(key)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary")
    ap.add_argument("--idle-s", type=float, default=3.0)
    ap.add_argument("--endpoint-url", default="http://127.0.0.1:1")
    a = ap.parse_args()
    binary = a.binary
    if not binary:
        target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
        binary = os.path.join(target, "release", "masst")
    snap = os.path.join(tempfile.mkdtemp(), "flash-sale.json")
    subprocess.run([binary, "snapshot", "capture", "--scenario", "flash-sale", "-o", snap], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    p = subprocess.Popen([binary, "--endpoint-url", a.endpoint_url, "mcp"], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, text=True)

    def send(msg):
        p.stdin.write(json.dumps(msg) + "\n")
        p.stdin.flush()

    def request(i, method, params):
        send({"jsonrpc": "2.0", "id": i, "method": method, "params": params})
        while True:
            reply = json.loads(p.stdout.readline())
            if reply.get("id") == i:
                return reply

    request(1, "initialize", {"protocolVersion": "2025-11-25", "capabilities": {},
                              "clientInfo": {"name": "bench", "version": "1"}})
    send({"jsonrpc": "2.0", "method": "notifications/initialized"})
    request(2, "tools/list", {})
    calls = [("runbooks", {}), ("explain", {"outcome": "other-workloads-consuming-quota"}),
             ("diagnose", {"snapshot": snap})]
    if a.endpoint_url != "http://127.0.0.1:1":
        calls += [("diagnose", {}), ("status", {})]
    for i, (tool, args) in enumerate(calls, start=3):
        r = request(i, "tools/call", {"name": tool, "arguments": args})
        assert not r["result"].get("isError"), r
    time.sleep(a.idle_s)
    rss = status_kib(p.pid, "VmRSS") / 1024
    peak = status_kib(p.pid, "VmHWM") / 1024
    anon, file = status_kib(p.pid, "RssAnon") / 1024, status_kib(p.pid, "RssFile") / 1024
    p.stdin.close()
    p.wait(timeout=10)
    print(f"masst mcp idle: VmRSS {rss:.1f} MiB (anonymous {anon:.1f}, the binary's pages {file:.1f}; "
          f"peak {peak:.1f} MiB); target < {TARGET_MIB:.0f} MiB")
    return 0 if rss < TARGET_MIB else 1


if __name__ == "__main__":
    sys.exit(main())
