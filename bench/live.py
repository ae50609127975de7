#!/usr/bin/env python3
"""Live collection: one `masst diagnose all` vs the AWS CLI gathering the same evidence.

Starts the bridged emulator with --latency-ms 25 (an in-region round trip), builds the
flash-sale world with `masst lab up`, then times each side as whole processes and counts the
AWS calls each made. Target: masst at least 20x faster. Then CloudWatch Logs (contract §9): the
same `diagnose all` with the three log groups absent and with 2,000 matching lines in each;
target: at most one more sequential round trip and at most 1.3x the wall time.
Usage: bench/live.py [--runs N] [--latency-ms 25] [--binary target/debug/masst]
Installs the AWS CLI into bench/.venv on first use.
"""
import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV = os.path.join(ROOT, "bench", ".venv")


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def http(port, path, method="GET"):
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", method=method, data=b"" if method == "POST" else None)
    with urllib.request.urlopen(req) as r:
        return json.loads(r.read() or b"{}")


def timed(cmd, env, runs):
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        r = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        times.append(time.perf_counter() - t0)
        if r.returncode not in (0, 1):
            sys.exit(f"{cmd[0]} failed ({r.returncode}): {r.stderr.decode()[-500:]}")
    return statistics.median(times)


def depth(calls):
    """The longest chain of calls each of which started after the previous one ended."""
    calls = sorted(calls, key=lambda c: c["start"])
    d = []
    for i, c in enumerate(calls):
        d.append(1 + max([d[j] for j in range(i) if calls[j]["end"] <= c["start"] + 1e-4] or [0]))
    return max(d or [0])


def shape(port, cmd, env):
    """Calls and sequential depth of one run of `cmd`."""
    http(port, "/_masst/calls/reset", "POST")
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    log = http(port, "/_masst/log")
    return len(log), depth(log), log


LOG_GROUPS = {
    "/ecs/mangaassist/chat-api": "Circuit OPEN for anthropic.claude-3-sonnet-20240229-v1:0: throttle_rate=0.12 >= 0.10",
    "/ecs/mangaassist/batch-worker": "Worker 2: OutOfMemoryError, exit code 137",
    "/mangaassist/concurrency-controller": "concurrency sonnet: p99=600ms < target=1200ms, growing 15 -> 15",
}


def logs_world(ep, env, lines):
    """Deletes the three log groups, or (lines > 0) writes `lines` matching lines into each, in
    the last 10 minutes, with the emulator's boto3."""
    script = (
        "import boto3,sys,time,json;c=boto3.client('logs',endpoint_url=sys.argv[1]);n=int(sys.argv[2]);"
        "g=json.loads(sys.argv[3]);now=int(time.time()*1000)\n"
        "for name,text in g.items():\n"
        "  try: c.delete_log_group(logGroupName=name)\n"
        "  except c.exceptions.ResourceNotFoundException: pass\n"
        "  if n:\n"
        "    c.create_log_group(logGroupName=name);c.create_log_stream(logGroupName=name,logStreamName='bench')\n"
        "    ev=[{'timestamp':now-600000+i*(600000//n),'message':f'{text} #{i}'} for i in range(n)]\n"
        "    c.put_log_events(logGroupName=name,logStreamName='bench',logEvents=ev)\n"
    )
    py = os.path.join(ROOT, "tests", "emulator", ".venv", "bin", "python")
    subprocess.run([py, "-c", script, ep, str(lines), json.dumps(LOG_GROUPS)], env=env, check=True)


def logs_bench(binary, ep, port, env, runs):
    """`diagnose all` without log groups and with 2,000 lines in each: wall time and depth."""
    # One page holds what AWS's holds (10,000 events), so paging is what AWS would do.
    body = json.dumps({"logs_page_size": 10000}).encode()
    urllib.request.urlopen(urllib.request.Request(f"http://127.0.0.1:{port}/_masst/settings", data=body, method="POST"))
    cmd = [binary, "--endpoint-url", ep, "diagnose", "all"]
    logs_world(ep, env, 0)
    without_s = timed(cmd, env, runs)
    n0, d0, _ = shape(port, cmd, env)
    logs_world(ep, env, 2000)
    with_s = timed(cmd, env, runs)
    n1, d1, _ = shape(port, cmd, env)
    print(f"diagnose all, no log groups:             {without_s * 1000:6.0f} ms  {n0:3d} calls, sequential depth {d0}")
    print(f"diagnose all, 3 groups x 2,000 lines:    {with_s * 1000:6.0f} ms  {n1:3d} calls, sequential depth {d1}")
    ratio = with_s / without_s
    print(f"logs cost {d1 - d0:+d} sequential round trips (target: at most +1), {ratio:.2f}x the wall time (target: 1.3x)")
    return d1 - d0 <= 1 and ratio <= 1.3


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--latency-ms", type=float, default=25)
    ap.add_argument("--binary")
    ap.add_argument("--logs-only", action="store_true", help="only the CloudWatch Logs comparison (no AWS CLI)")
    a = ap.parse_args()
    if not a.logs_only and not os.path.exists(os.path.join(VENV, "bin", "aws")):
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
        subprocess.run([os.path.join(VENV, "bin", "pip"), "install", "-q", "awscli==1.46.2"], check=True)
    binary = a.binary
    if not binary:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
        binary = os.path.join(os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target")), "release", "masst")
    port = free_port()
    emu = subprocess.Popen([os.path.join(ROOT, "tests", "emulator", "serve"), "--port", str(port), "--latency-ms", str(a.latency_ms)], stdout=subprocess.DEVNULL)
    try:
        for _ in range(600):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/")
                break
            except OSError:
                time.sleep(0.2)
        ep = f"http://127.0.0.1:{port}"
        env = dict(os.environ, AWS_ACCESS_KEY_ID="test", AWS_SECRET_ACCESS_KEY="test", AWS_REGION="us-east-1",
                   AWS_DEFAULT_REGION="us-east-1", AWS_EC2_METADATA_DISABLED="true", NO_COLOR="1",
                   PATH=os.path.join(VENV, "bin") + os.pathsep + os.environ["PATH"])
        subprocess.run([binary, "--endpoint-url", ep, "lab", "up", "--scenario", "flash-sale"], env=env, check=True, stdout=subprocess.DEVNULL)
        if a.logs_only:
            return 0 if logs_bench(binary, ep, port, env, a.runs) else 1
        snap = json.loads(subprocess.run([binary, "snapshot", "capture", "--scenario", "flash-sale"], capture_output=True, check=True).stdout)
        queries = []
        for i, key in enumerate(sorted(snap["metrics"])):
            ns, rest = key.split(":", 1)
            name, _, dims = rest.partition("{")
            dimensions = []
            if dims:
                k, v = dims.rstrip("}").split("=", 1)
                v = {"sonnet": "anthropic.claude-3-sonnet-20240229-v1:0", "haiku": "anthropic.claude-3-haiku-20240307-v1:0"}.get(v, v)
                dimensions.append({"Name": k, "Value": v})
            stat = "Sum" if ns.startswith("AWS/") else "Average"
            queries.append({"Id": f"m{i}", "MetricStat": {"Metric": {"Namespace": ns, "MetricName": name, "Dimensions": dimensions}, "Period": 60, "Stat": stat}, "ReturnData": True})
        qfile = os.path.join(VENV, "queries.json")
        with open(qfile, "w") as f:
            json.dump(queries, f)
        end = int(time.time()) // 60 * 60
        http(port, "/_masst/calls/reset", "POST")
        masst_s = timed([binary, "--endpoint-url", ep, "diagnose", "all"], env, a.runs)
        masst_calls = http(port, "/_masst/calls")["total"] / a.runs
        http(port, "/_masst/calls/reset", "POST")
        cli = [os.path.join(ROOT, "bench", "aws-cli-evidence.sh"), ep, qfile, str(end - 3600), str(end)]
        cli_s = timed(cli, env, a.runs)
        cli_calls = http(port, "/_masst/calls")["total"] / a.runs
        print(f"latency {a.latency_ms:g} ms per call, median of {a.runs} runs")
        print(f"masst diagnose all:     {masst_s * 1000:8.0f} ms  {masst_calls:4.0f} AWS calls")
        print(f"AWS CLI evidence script:{cli_s * 1000:8.0f} ms  {cli_calls:4.0f} AWS calls")
        ratio = cli_s / masst_s
        print(f"masst is {ratio:.1f}x faster (target: 20x)")
        # The shape of a collection: calls and sequential round trips (the critical path).
        n, d, _ = shape(port, [binary, "--endpoint-url", ep, "diagnose", "all"], env)
        print(f"first collection (diagnose all):        {n:3d} calls, sequential depth {d}")
        ids = subprocess.run([os.path.join(ROOT, "tests", "emulator", ".venv", "bin", "python"), "-c",
                              "import boto3,sys;c=boto3.client('appconfig',endpoint_url=sys.argv[1]);"
                              "a=[x for x in c.list_applications()['Items'] if x['Name']=='MangaAssist'][0]['Id'];"
                              "e=[x for x in c.list_environments(ApplicationId=a)['Items'] if x['Name']=='prod'][0]['Id'];"
                              "p=[x for x in c.list_configuration_profiles(ApplicationId=a)['Items'] if x['Name']=='throughput'][0]['Id'];"
                              "print(a,e,p)", ep], env=env, capture_output=True, text=True, check=True).stdout.split()
        conf = os.path.join(VENV, "masst-ids.toml")
        with open(conf, "w") as f:
            f.write(f'[appconfig]\napplication_id = "{ids[0]}"\nenvironment_id = "{ids[1]}"\nprofile_id = "{ids[2]}"\n')
        n, d, _ = shape(port, [binary, "--config", conf, "--endpoint-url", ep, "diagnose", "all"], env)
        print(f"first collection, ids in masst.toml:     {n:3d} calls, sequential depth {d}")
        http(port, "/_masst/calls/reset", "POST")
        t0 = time.time()
        subprocess.run([binary, "--endpoint-url", ep, "verify", "all", "--every", "1s", "--timeout", "2s"], env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        log = http(port, "/_masst/log")
        first_end = max(c["end"] for c in log if c["start"] < min(c["start"] for c in log) + 0.9)
        refresh = [c for c in log if c["start"] > first_end + 0.2]
        print(f"a verify/watch refresh:                  {len(refresh):3d} calls, sequential depth {depth(refresh)}")
        n, d, _ = shape(port, [binary, "--endpoint-url", ep, "audit"], env)
        print(f"masst audit (one call per service):      {n:3d} calls, sequential depth {d}")
        logs_ok = logs_bench(binary, ep, port, env, a.runs)
        return 0 if ratio >= 20 and logs_ok else 1
    finally:
        emu.terminate()
        emu.wait()


if __name__ == "__main__":
    sys.exit(main())
