#!/usr/bin/env python3
"""DLQ redrive: masst vs the seed's one-message-at-a-time DLQ processor vs boto3 batches of 10.

Against the bridged emulator with --latency-ms 25 (round trips as on AWS), each side moves the
same 5,000 retryable messages from the DLQ to the primary queue. Reports wall time, AWS calls
per moved message and masst's peak memory (max RSS, from wait4).
Targets: masst >= 5x faster than (a), >= 2x faster than (b), <= 0.31 calls/message, < 40 MiB.
Usage: bench/redrive.py [--messages 5000] [--binary PATH] [--skip-single]
(the 20,000-message run: bench/redrive.py --messages 20000 --skip-single)
"""
import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EMU_PY = os.path.join(ROOT, "tests", "emulator", ".venv", "bin", "python")

FILL = r'''
import boto3, json, sys
from concurrent.futures import ThreadPoolExecutor
ep, n = sys.argv[1], int(sys.argv[2])
sqs = boto3.client("sqs", endpoint_url=ep)
dlq = sqs.create_queue(QueueName="jobs-dlq")["QueueUrl"]
arn = sqs.get_queue_attributes(QueueUrl=dlq, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
sqs.create_queue(QueueName="jobs", Attributes={"RedrivePolicy": json.dumps({"deadLetterTargetArn": arn, "maxReceiveCount": "1000"})})
def batch(start):
    entries = [{"Id": f"e{i}", "MessageBody": json.dumps({"job_id": f"job-{start+i:05d}", "kind": "enrich", "payload": {}, "_retry_count": 3}),
                "MessageAttributes": {"error_type": {"DataType": "String", "StringValue": "ThrottlingException"}}} for i in range(min(10, n - start))]
    sqs.send_message_batch(QueueUrl=dlq, Entries=entries)
with ThreadPoolExecutor(8) as ex:
    list(ex.map(batch, range(0, n, 10)))
'''

# What both boto3 baselines start with: the client and the two queues.
PRELUDE = r'''
import boto3, json, sys
ep = sys.argv[1]
sqs = boto3.client("sqs", endpoint_url=ep)
dlq = sqs.get_queue_url(QueueName="jobs-dlq")["QueueUrl"]
dst = sqs.get_queue_url(QueueName="jobs")["QueueUrl"]
'''

# (a) what the seed's DLQ processor does: one message per call.
SINGLE = PRELUDE + r'''
while True:
    r = sqs.receive_message(QueueUrl=dlq, MaxNumberOfMessages=1, MessageAttributeNames=["All"], WaitTimeSeconds=1)
    msgs = r.get("Messages", [])
    if not msgs:
        break
    for m in msgs:
        body = json.loads(m["Body"]); body["_retry_count"] = 0
        sqs.send_message(QueueUrl=dst, MessageBody=json.dumps(body))
        sqs.delete_message(QueueUrl=dlq, ReceiptHandle=m["ReceiptHandle"])
'''

# (b) the same with batches of 10, one batch at a time.
BATCHED = PRELUDE + r'''
while True:
    r = sqs.receive_message(QueueUrl=dlq, MaxNumberOfMessages=10, MessageAttributeNames=["All"], WaitTimeSeconds=1)
    msgs = r.get("Messages", [])
    if not msgs:
        break
    entries = []
    for i, m in enumerate(msgs):
        body = json.loads(m["Body"]); body["_retry_count"] = 0
        entries.append({"Id": str(i), "MessageBody": json.dumps(body)})
    out = sqs.send_message_batch(QueueUrl=dst, Entries=entries)
    ok = {e["Id"] for e in out.get("Successful", [])}
    dels = [{"Id": str(i), "ReceiptHandle": m["ReceiptHandle"]} for i, m in enumerate(msgs) if str(i) in ok]
    if dels:
        sqs.delete_message_batch(QueueUrl=dlq, Entries=dels)
'''


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


def http(port, path, body=None):
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=None if body is None else json.dumps(body).encode(), method="GET" if body is None else "POST")
    with urllib.request.urlopen(req) as r:
        return json.loads(r.read() or b"{}")


def run_timed(cmd, env):
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    elapsed = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{cmd[:3]} failed: {p.stderr.read().decode()[-800:]}")
    return elapsed, usage.ru_maxrss / 1024.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--messages", type=int, default=5000)
    ap.add_argument("--latency-ms", type=float, default=25)
    ap.add_argument("--binary")
    ap.add_argument("--skip-single", action="store_true", help="skip (a), which takes minutes")
    a = ap.parse_args()
    binary = a.binary
    if not binary:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
        binary = os.path.join(os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target")), "release", "masst")
    port = free_port()
    ep = f"http://127.0.0.1:{port}"
    emu = subprocess.Popen([os.path.join(ROOT, "tests", "emulator", "serve"), "--port", str(port)], stdout=subprocess.DEVNULL)
    env = dict(os.environ, AWS_ACCESS_KEY_ID="test", AWS_SECRET_ACCESS_KEY="test", AWS_REGION="us-east-1", AWS_DEFAULT_REGION="us-east-1", AWS_EC2_METADATA_DISABLED="true", NO_COLOR="1")
    conf = tempfile.NamedTemporaryFile("w", suffix=".toml", delete=False)
    conf.write('[resources]\nqueue = "jobs"\ndlq = "jobs-dlq"\n')
    conf.close()
    journal = tempfile.mktemp(suffix=".jsonl")
    try:
        for _ in range(600):
            try:
                urllib.request.urlopen(ep + "/")
                break
            except OSError:
                time.sleep(0.2)
        results = {}

        def fresh():
            http(port, "/_masst/settings", {"latency_ms": 0, "fault_rate": 0})
            urllib.request.urlopen(urllib.request.Request(ep + "/moto-api/reset", method="POST"))
            subprocess.run([EMU_PY, "-c", FILL, ep, str(a.messages)], env=env, check=True)
            http(port, "/_masst/settings", {"latency_ms": a.latency_ms, "fault_rate": 0})
            http(port, "/_masst/calls/reset", {})

        sides = [("masst", [binary, "--endpoint-url", ep, "--config", conf.name, "--journal", journal, "dlq", "redrive", "--yes", "--concurrency", "8"]),
                 ("boto3 batches of 10 (b)", [EMU_PY, "-c", BATCHED, ep])]
        if not a.skip_single:
            sides.append(("boto3 one message per call (a)", [EMU_PY, "-c", SINGLE, ep]))
        for name, cmd in sides:
            fresh()
            secs, rss = run_timed(cmd, env)
            calls = http(port, "/_masst/calls")["total"]
            results[name] = (secs, calls, rss)
            print(f"{name:32s} {secs:8.1f} s  {calls:6d} AWS calls  {calls / a.messages:.3f} calls/msg  max RSS {rss:.1f} MiB", flush=True)
        m = results["masst"]
        b = results["boto3 batches of 10 (b)"]
        print(f"masst vs (b): {b[0] / m[0]:.1f}x faster (target 2x)")
        ok = b[0] / m[0] >= 2 and m[1] / a.messages <= 0.31 and m[2] < 40
        if "boto3 one message per call (a)" in results:
            s = results["boto3 one message per call (a)"]
            print(f"masst vs (a): {s[0] / m[0]:.1f}x faster (target 5x)")
            ok = ok and s[0] / m[0] >= 5
        print(f"masst: {m[1] / a.messages:.3f} AWS calls per moved message (target <= 0.31), peak memory {m[2]:.1f} MiB (target < 40)")
        return 0 if ok else 1
    finally:
        emu.terminate()
        emu.wait()


if __name__ == "__main__":
    sys.exit(main())
