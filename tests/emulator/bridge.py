"""The masst test emulator: moto's server behind a small front that bridges its gaps.

Test code, not product code. It runs moto's WSGI app in-process and puts a front before it:

* CloudWatch: the Rust SDK speaks Smithy RPC v2 CBOR; moto answers AWS JSON 1.0 only. The
  front decodes the CBOR request (gunzipping large PutMetricData bodies), forwards it as JSON
  with `X-Amz-Target: GraniteServiceVersion20100801.<Op>`, and re-encodes moto's JSON reply as
  CBOR by botocore's output shapes (timestamps as CBOR tag 1, doubles as floats), which is what
  the SDK's decoder needs.
* AppConfig: moto has applications, profiles and hosted versions only. The front implements
  ListApplications, ListHostedConfigurationVersions, environments, deployment strategies and
  deployments (a deployment completes after its strategy's duration + bake, one second per
  minute, so progress can be followed).
* SQS: moto's visibility checks call a slow clock for every message on every send/receive;
  `moto.sqs.models.unix_time_millis` is rebound to `time.time() * 1000` for argument-less calls,
  `DeleteMessageBatch` deletes a batch in one walk of the queue instead of two per message, and
  the retention check of a received message reads the retention period instead of computing
  every queue attribute (a walk of the queue per message).
* `--latency-ms N` delays every AWS call (an in-region round trip is 10-30 ms); `--fault-rate P`
  answers that fraction of AWS calls with an HTTP 500 or a dropped connection. At run time,
  `/_masst/settings` also takes `fault_kind` (`mixed`, the default; `http-500`, a non-AWS HTTP
  500 with an HTML body and no error code; `drop`; `hang`, an endpoint that stops answering: the
  call is held open without a reply until `hang_s` (default 600) pass or faults are turned
  off) and `faults_after_s` (faults begin that many seconds after the setting is posted, so a
  command can start cleanly and meet them mid-run).
* Service Quotas: moto knows VPC's default quotas only; `GetServiceQuota` of any other service
  answers from `{"quotas": {SERVICE: {CODE: VALUE}}}` posted to `/_masst/settings`.
* Service Quotas by name: `ListServiceQuotas` of any service but VPC answers from the same
  `quotas` setting, each quota named by `{"quota_names": {SERVICE: {CODE: NAME}}}`, in pages of
  `quota_page_size` (default 100, AWS's largest) with a `NextToken`, so a test can put the
  quota it needs on the second page.
* AWS Health (moto has none): `DescribeEvents` answers from `{"health_events": [EVENT...]}`
  (each `{"eventTypeCode", "region", "startTime", "statusCode"}`; service BEDROCK), filtered
  by the request's services, regions and status codes as Health does, in pages of 10; with
  `{"health_subscription": false}` it answers `SubscriptionRequiredException`, as AWS does for
  an account without a Business or Enterprise support plan.
* CloudWatch percentiles: moto computes Sum, Average, Minimum, Maximum and SampleCount only and
  gives no value for `p99`; the front computes a percentile statistic (`pNN`) over the
  period's raw values (nearest rank), as CloudWatch does for values put one by one.
* CloudWatch Logs `FilterLogEvents`: moto reads a filter pattern as one term or one quoted
  phrase and matches everything for a pattern it does not understand (`?a ?b`, or two
  terms). The front reads term patterns as CloudWatch Logs does: every term must appear,
  `"quoted phrases"` as written, `?term` any of them, `-term` none; JSON and space-delimited
  patterns are refused. It pages as AWS does when events are many: `logs_page_size` events a
  page (default 100, settable at `/_masst/settings`), and after every second full page one empty
  page that still carries a `nextToken` (AWS's "still scanning"). A missing group is
  `ResourceNotFoundException`.
* `/_masst/log` lists every call with its start and end time and the account it was served
  from (for sequential depth, and the operations a command used).
* Accounts: moto keeps resources per account and serves an assumed role's key from the role's
  account; the AppConfig state the bridge keeps is per account too. `/_masst/reset-account`
  (POST `{"account": "111111111111"}`) forgets one account's resources (not its IAM or STS),
  so `masst lab up` through three targets' roles builds three worlds side by side;
  `{"deny_assume_role": [ARN, ...]}` in `/_masst/settings` refuses those roles' `AssumeRole`
  with AccessDenied, as a trust policy that does not name the caller does.
* `/_masst/calls` counts AWS calls by operation (GET; POST `/_masst/calls/reset`), so tests can
  check how many calls a command made; `/_masst/settings` (POST JSON) changes latency and faults
  (and `{"refuse_reset": true}` answers `/moto-api/reset` with 405, as an emulator without it).
"""

import argparse
import base64
import datetime
import gzip
import io
import json
import random
import re
import sys
import threading
import time
import uuid
from collections import Counter

UTC = datetime.timezone.utc


def patch_sqs_clock():
    import moto.sqs.models as sqs_models

    slow = sqs_models.unix_time_millis

    def fast(dt=None):
        if dt is None:
            return time.time() * 1000.0
        return slow(dt)

    sqs_models.unix_time_millis = fast

    # moto deletes each receipt handle of a batch with two walks over the whole queue; do the
    # batch in one walk, with the same per-entry results (a handle deleted before succeeds).
    # The server is threaded: two batches rebuilding the list at once would resurrect each
    # other's deleted messages, so the rebuild holds a lock.
    delete_lock = threading.Lock()

    def delete_message_batch(self, queue_name, receipts):
        queue = self.get_queue(queue_name)
        wanted = {r["ReceiptHandle"] for r in receipts}
        with delete_lock:
            keep = []
            for message in queue._messages:
                if any(h in wanted for h in message.all_receipt_handles):
                    queue.pending_messages.discard(message)
                    queue.deleted_messages.update(message.all_receipt_handles)
                    continue
                keep.append(message)
            queue._messages = keep
        success, errors = [], []
        for r in receipts:
            if r["ReceiptHandle"] in queue.deleted_messages:
                success.append(r["Id"])
            else:
                errors.append({
                    "Id": r["Id"],
                    "SenderFault": True,
                    "Code": "ReceiptHandleIsInvalid",
                    "Message": f'The input receipt handle "{r["ReceiptHandle"]}" is not a valid receipt handle.',
                })
        return success, errors

    sqs_models.SQSBackend.delete_message_batch = delete_message_batch

    # moto's receive is not atomic on a threaded server: two receives at once can both take
    # the same visible message, which SQS does not do while a message is in flight. Each pass
    # over the queue (taking messages, marking them received) holds the lock the batch delete
    # holds; a long poll waits between passes without it. Otherwise moto's own logic.
    from copy import deepcopy
    from moto.core.utils import unix_time

    def receive_message(self, queue_name, count, wait_seconds_timeout, visibility_timeout, message_attribute_names=None):
        message_attribute_names = message_attribute_names or []
        queue = self.get_queue(queue_name)
        result = []
        polling_end = unix_time() + wait_seconds_timeout
        while True:
            if result or (wait_seconds_timeout and unix_time() > polling_end):
                break
            with delete_lock:
                pending_groups = deepcopy(queue.pending_message_groups)
                to_dlq = []
                for message in queue.messages:
                    if not message.visible:
                        continue
                    if message in queue.pending_messages:
                        queue.pending_messages.remove(message)
                        pending_groups = deepcopy(queue.pending_message_groups)
                    if message.group_id and queue.fifo_queue and message.group_id in pending_groups:
                        continue
                    if (queue.dead_letter_queue is not None and queue.redrive_policy
                            and message.approximate_receive_count >= queue.redrive_policy["maxReceiveCount"]):
                        to_dlq.append(message)
                        continue
                    queue.pending_messages.add(message)
                    message.mark_received(visibility_timeout=visibility_timeout)
                    copy = deepcopy(message)
                    sqs_models._filter_message_attributes(copy, message_attribute_names)
                    if not self.is_message_valid_based_on_retention_period(queue_name, message):
                        break
                    result.append(copy)
                    if len(result) >= count:
                        break
                for message in to_dlq:
                    queue._messages.remove(message)
                    queue.dead_letter_queue.add_message(message)
            if result or wait_seconds_timeout == 0:
                break
            queue.wait_for_messages(1)
        return result

    sqs_models.SQSBackend.receive_message = receive_message

    # moto checks each received message's retention by computing every queue attribute,
    # message counts included (a walk of the queue per message); read the one it needs.
    def is_message_valid_based_on_retention_period(self, queue_name, message):
        retention = int(self.get_queue(queue_name).message_retention_period)
        return retention + message.sent_timestamp / 1000 > time.time()

    sqs_models.SQSBackend.is_message_valid_based_on_retention_period = is_message_valid_based_on_retention_period


def patch_cloudwatch_percentiles():
    """moto answers a percentile statistic (`p99`) with no value; CloudWatch computes it over
    the period's values. Nearest rank over the raw values put in the period."""
    import math

    from moto.cloudwatch.models import Statistics

    plain = Statistics.get_statistics_for_type

    def get_statistics_for_type(self, stat):
        m = re.fullmatch(r"p(\d+(?:\.\d+)?)", stat or "")
        if not m:
            return plain(self, stat)
        values = sorted(self.metric_single_values_list)
        if not values:
            return None
        rank = max(1, math.ceil(float(m.group(1)) / 100.0 * len(values)))
        return values[min(rank, len(values)) - 1]

    Statistics.get_statistics_for_type = get_statistics_for_type


def iso(ts):
    return datetime.datetime.fromtimestamp(ts, tz=UTC).isoformat().replace("+00:00", "Z")


class Bridge:
    def __init__(self, moto_app, latency_ms, fault_rate, seed):
        import botocore.session

        self.moto = moto_app
        self.latency_ms = latency_ms
        self.fault_rate = fault_rate
        self.rng = random.Random(seed)
        self.calls = Counter()
        # Every call with when it started and ended, for tests of sequential depth.
        self.log = []
        self.lock = threading.Lock()
        self.cw_model = botocore.session.get_session().get_service_model("cloudwatch")
        # AppConfig state moto lacks, per region.
        self.environments = {}  # (region, app) -> {env_id: env}
        self.strategies = {}  # region -> {id: strategy}
        self.deployments = {}  # (region, app, env) -> [deployment]
        # The server is threaded; AppConfig as AWS numbers deployments one at a time.
        self.appconfig_lock = threading.Lock()
        # SendMessageBatch entries whose body contains this are refused (a test's poison).
        self.reject_marker = None
        self.refuse_reset = False
        # Role ARNs whose sts:AssumeRole is refused with AccessDenied, as AWS refuses a caller
        # the role's trust policy does not name (moto lets anyone assume anything).
        self.denied_roles = set()
        # Applied Service Quotas values by service and quota code, set by tests.
        self.quotas = {}
        # Quota names by service and code (ListServiceQuotas), and its page size.
        self.quota_names = {}
        self.quota_page_size = 100
        # AWS Health's events, and whether the account may call its API.
        self.health_events = []
        self.health_subscription = True
        # How a fault answers (mixed, http-500, drop, hang), and from when (epoch seconds).
        self.fault_kind = "mixed"
        self.faults_from = 0.0
        self.hang_s = 600.0
        # FilterLogEvents: events per page (an empty page follows every second full one).
        self.logs_page_size = 100
        # Set when faults are turned off: releases every call held by a hang.
        self.unhang = threading.Event()

    # ------------------------------------------------------------------ WSGI entry

    def __call__(self, environ, start_response):
        body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
        environ["wsgi.input"] = io.BytesIO(body)
        path = environ.get("PATH_INFO", "/")
        method = environ["REQUEST_METHOD"]
        if path.startswith("/_masst/"):
            return self.control(method, path, body, start_response)
        if path == "/moto-api/reset" and method == "POST" and self.refuse_reset:
            # An emulator without moto's reset route (LocalStack, MiniStack answer 405).
            return respond(start_response, 405, b'{"message": "method not allowed"}')
        if path == "/moto-api/reset" and method == "POST":
            # moto forgets every backend; the AppConfig state the bridge keeps goes with it.
            with self.appconfig_lock:
                self.environments.clear()
                self.strategies.clear()
                self.deployments.clear()
            return self.moto(environ, start_response)
        auth = environ.get("HTTP_AUTHORIZATION", "")
        if not auth:
            if method == "GET" and path == "/":
                return respond(start_response, 200, b"masst emulator ok\n", "text/plain")
        service, region = scope_of(auth)
        op = self.operation(environ, service, path, method)
        if op == "POST /":
            # The query protocol (STS, IAM) names its operation in the form body.
            m = re.search(rb"(?:^|&)Action=([A-Za-z]+)", body)
            op = m.group(1).decode() if m else op
        account = account_of(environ)
        started = time.time()
        with self.lock:
            self.calls[f"{service}.{op}"] += 1
            fault = self.fault_rate > 0 and started >= self.faults_from and self.rng.random() < self.fault_rate
            drop = {"mixed": self.rng.random() < 0.5, "drop": True}.get(self.fault_kind, False)
        try:
            return self.serve(environ, start_response, body, path, method, service, region, op, fault, drop)
        finally:
            with self.lock:
                self.log.append({"op": f"{service}.{op}", "account": account, "start": started, "end": time.time()})

    def serve(self, environ, start_response, body, path, method, service, region, op, fault, drop):
        if self.latency_ms:
            time.sleep(self.latency_ms / 1000.0)
        if fault:
            if self.fault_kind == "hang":
                # An endpoint that stops answering: the connection stays open, no reply comes.
                self.unhang.wait(self.hang_s)
                return respond(start_response, 503, b"<html><body>hung</body></html>", "text/html")
            if drop:
                # Promise more than is sent: the client sees the connection close mid-body.
                start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", "4096")])
                return [b'{"truncated": ']
            return respond(start_response, 500, b"<html><body>injected fault</body></html>", "text/html")
        if service == "health" and op == "DescribeEvents":
            return self.health_describe_events(environ, body, start_response)
        if service == "sts" and op == "AssumeRole" and self.denied_roles:
            from urllib.parse import parse_qs

            arn = parse_qs(body.decode("utf-8", "replace")).get("RoleArn", [""])[0]
            if arn in self.denied_roles:
                text = (
                    "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User: "
                    f"arn:aws:iam::123456789012:user/testing is not authorized to perform: sts:AssumeRole on resource: {arn}"
                    "</Message></Error><RequestId>masst-bridge</RequestId></ErrorResponse>"
                )
                return respond(start_response, 403, text.encode(), "text/xml")
        if environ.get("HTTP_SMITHY_PROTOCOL") == "rpc-v2-cbor":
            return self.cbor(environ, body, op, start_response)
        if service == "logs" and op == "FilterLogEvents":
            return self.filter_log_events((account_of(environ), region), body, start_response)
        if service == "servicequotas" and op == "GetServiceQuota":
            handled = self.service_quota(body, start_response)
            if handled is not None:
                return handled
        if service == "servicequotas" and op == "ListServiceQuotas":
            handled = self.list_service_quotas(body, start_response)
            if handled is not None:
                return handled
        if service == "sqs" and op in ("SendMessage", "SendMessageBatch"):
            handled = self.sqs_send(environ, (account_of(environ), region), body, op, start_response)
            if handled is not None:
                return handled
        if service == "appconfig":
            with self.appconfig_lock:
                handled = self.appconfig(environ, (account_of(environ), region), method, path, body, start_response)
            if handled is not None:
                return handled
        return self.moto(environ, start_response)

    def operation(self, environ, service, path, method):
        target = environ.get("HTTP_X_AMZ_TARGET")
        if target:
            return target.rsplit(".", 1)[-1]
        m = re.match(r"^/service/[^/]+/operation/([A-Za-z]+)$", path)
        if m:
            return m.group(1)
        if service == "appconfig":
            for pattern, meth, name in APPCONFIG_OPS:
                if meth == method and re.match(pattern + "$", path):
                    return name
        return f"{method} {path}"

    def control(self, method, path, body, start_response):
        if path == "/_masst/calls" and method == "GET":
            with self.lock:
                data = {"total": sum(self.calls.values()), "by_operation": dict(self.calls)}
            return respond(start_response, 200, json.dumps(data).encode())
        if path == "/_masst/calls/reset" and method == "POST":
            with self.lock:
                self.calls.clear()
                self.log.clear()
            return respond(start_response, 200, b"{}")
        if path == "/_masst/metrics/keep-latest" and method == "POST":
            return self.keep_latest(body, start_response)
        if path == "/_masst/log" and method == "GET":
            with self.lock:
                data = list(self.log)
            return respond(start_response, 200, json.dumps(data).encode())
        if path == "/_masst/reset-account" and method == "POST":
            return self.reset_account(json.loads(body or b"{}").get("account"), start_response)
        if path == "/_masst/settings" and method == "POST":
            s = json.loads(body or b"{}")
            self.latency_ms = float(s.get("latency_ms", self.latency_ms))
            self.fault_rate = float(s.get("fault_rate", self.fault_rate))
            self.reject_marker = s.get("reject_bodies_containing", self.reject_marker)
            self.quotas = s.get("quotas", self.quotas)
            self.quota_names = s.get("quota_names", self.quota_names)
            self.quota_page_size = int(s.get("quota_page_size", self.quota_page_size))
            self.health_events = s.get("health_events", self.health_events)
            self.health_subscription = bool(s.get("health_subscription", self.health_subscription))
            self.logs_page_size = max(1, int(s.get("logs_page_size", self.logs_page_size)))
            kind = s.get("fault_kind", self.fault_kind)
            if kind not in ("mixed", "http-500", "drop", "hang"):
                return respond(start_response, 400, b'{"message": "fault_kind: mixed, http-500, drop or hang"}')
            self.fault_kind = kind
            self.hang_s = float(s.get("hang_s", self.hang_s))
            if "faults_after_s" in s:
                self.faults_from = time.time() + float(s["faults_after_s"])
            if self.fault_rate == 0:
                self.unhang.set()
                self.unhang = threading.Event()
            self.refuse_reset = bool(s.get("refuse_reset", self.refuse_reset))
            self.denied_roles = set(s.get("deny_assume_role", self.denied_roles))
            return respond(start_response, 200, b"{}")
        return respond(start_response, 404, b'{"message": "unknown control path"}')

    # ------------------------------------------------------------------ CloudWatch Logs

    def filter_log_events(self, where, body, start_response):
        """`FilterLogEvents` as CloudWatch Logs answers it: the filter pattern's terms read as
        AWS reads them (moto matches everything for most patterns), pages of
        `logs_page_size` events, and an empty page with a token after every second full page."""
        from moto.logs.models import logs_backends

        account, region = where
        req = json.loads(body or b"{}")
        name = req.get("logGroupName", "")
        group = logs_backends[account][region].groups.get(name)
        if group is None:
            return aws_json_error(start_response, "ResourceNotFoundException", "The specified log group does not exist.")
        try:
            match = filter_pattern(req.get("filterPattern", ""))
        except ValueError as e:
            return aws_json_error(start_response, "InvalidParameterException", str(e))
        start, end = req.get("startTime"), req.get("endTime")
        events = []
        for stream in group.streams.values():
            for e in stream.events:
                if (start is None or e.timestamp >= start) and (end is None or e.timestamp <= end) and match(e.message):
                    events.append((e.timestamp, e.event_id, stream.log_stream_name, e))
        events.sort(key=lambda t: (t[0], t[1]))
        size = min(self.logs_page_size, int(req.get("limit") or 10000))
        token = req.get("nextToken")
        at, page = 0, 0
        if token:
            try:
                t = json.loads(base64.b64decode(token))
                at, page = int(t["at"]), int(t["page"])
            except (ValueError, KeyError):
                return aws_json_error(start_response, "InvalidParameterException", "The specified nextToken is invalid.")
        many = len(events) > size
        if many and page % 3 == 2:
            chunk = []  # AWS is still scanning: nothing this page, but go on.
        else:
            chunk = events[at : at + size]
            at += len(chunk)
        out = {
            "events": [
                {"logStreamName": sn, "timestamp": ts, "message": e.message, "ingestionTime": e.ingestion_time, "eventId": str(eid)}
                for ts, eid, sn, e in chunk
            ],
            "searchedLogStreams": [{"logStreamName": n, "searchedCompletely": True} for n in group.streams],
        }
        if at < len(events):
            out["nextToken"] = base64.b64encode(json.dumps({"at": at, "page": page + 1}).encode()).decode()
        return respond(start_response, 200, json.dumps(out).encode(), "application/x-amz-json-1.1")
    def reset_account(self, account, start_response):
        """Forgets one account's resources (`masst lab up` through a target's role): every moto
        backend of that account but IAM's and STS's, which hold the very credentials that
        asked, and the AppConfig state the bridge keeps for it. The other accounts keep theirs."""
        from moto.core.base_backend import BackendDict, backend_lock

        if not (isinstance(account, str) and re.fullmatch(r"\d{12}", account)):
            return respond(start_response, 400, b'{"message": "account: a 12-digit account id"}')
        with backend_lock:
            for backends in list(BackendDict._instances):
                if backends.service_name in ("iam", "sts") or account not in backends:
                    continue
                for regional in list(backends[account].values()):
                    regional.reset()
        with self.appconfig_lock:
            for state in (self.environments, self.strategies, self.deployments):
                # Keys are (account, region), or start with it.
                for key in [k for k in state if (k[0] if isinstance(k[0], tuple) else k)[0] == account]:
                    del state[key]
        return respond(start_response, 200, b"{}")

    # ------------------------------------------------------------------ Service Quotas

    def keep_latest(self, body, start_response):
        """`masst lab drill` rewrites the last hour of its namespaces every simulated minute:
        after it has put the new hour, this drops every older datapoint of those namespaces,
        keeping the newest `count` of each (CloudWatch cannot delete a datapoint; the drill
        owns these namespaces in the emulator). Readers never see a namespace empty."""
        from moto.cloudwatch.models import cloudwatch_backends
        from moto.core import DEFAULT_ACCOUNT_ID

        req = json.loads(body or b"{}")
        keep = req.get("namespaces", {})
        backend = cloudwatch_backends[req.get("account", DEFAULT_ACCOUNT_ID)][req.get("region", "us-east-1")]
        counts = {ns: 0 for ns in keep}
        kept = []
        for d in reversed(backend.metric_data):
            if d.namespace in keep:
                if counts[d.namespace] >= keep[d.namespace]:
                    continue
                counts[d.namespace] += 1
            kept.append(d)
        kept.reverse()
        backend.metric_data = kept
        return respond(start_response, 200, json.dumps({"kept": counts}).encode())

    def service_quota(self, body, start_response):
        """moto knows VPC's default quotas only. Bedrock's (and any other service's) applied
        quotas come from the test's settings: POST /_masst/settings {"quotas": {"bedrock":
        {"L-CODE": 80}}}. An unknown code is AWS's NoSuchResourceException."""
        try:
            req = json.loads(body or b"{}")
        except ValueError:
            return None
        service, code = req.get("ServiceCode"), req.get("QuotaCode")
        if service == "vpc":
            return None
        value = self.quotas.get(service, {}).get(code)
        if value is None:
            message = json.dumps({"__type": "NoSuchResourceException", "Message": f"The quota {code} of {service} does not exist."}).encode()
            return respond(start_response, 400, message, "application/x-amz-json-1.1")
        quota = {"ServiceCode": service, "ServiceName": service, "QuotaArn": f"arn:aws:servicequotas:us-east-1:123456789012:{service}/{code}", "QuotaCode": code, "QuotaName": code, "Value": float(value), "Unit": "None", "Adjustable": True, "GlobalQuota": False}
        return respond(start_response, 200, json.dumps({"Quota": quota}).encode(), "application/x-amz-json-1.1")

    def list_service_quotas(self, body, start_response):
        """Every quota of a service the test set (`quotas` values, `quota_names` names), a page
        of `quota_page_size` at a time; the token is the next index."""
        try:
            req = json.loads(body or b"{}")
        except ValueError:
            return None
        service = req.get("ServiceCode")
        if service == "vpc":
            return None
        codes = sorted(self.quotas.get(service, {}).items())
        start = int(req.get("NextToken") or 0)
        size = min(int(req.get("MaxResults") or self.quota_page_size), self.quota_page_size)
        names = self.quota_names.get(service, {})
        page = []
        for code, value in codes[start:start + size]:
            page.append({"ServiceCode": service, "ServiceName": service, "QuotaArn": f"arn:aws:servicequotas:us-east-1:123456789012:{service}/{code}", "QuotaCode": code, "QuotaName": names.get(code, code), "Value": float(value), "Unit": "None", "Adjustable": True, "GlobalQuota": False})
        out = {"Quotas": page}
        if start + size < len(codes):
            out["NextToken"] = str(start + size)
        return respond(start_response, 200, json.dumps(out).encode(), "application/x-amz-json-1.1")

    def health_describe_events(self, environ, body, start_response):
        """AWS Health's DescribeEvents over the test's events, filtered as Health filters
        (services, regions, status codes), ten a page; SubscriptionRequiredException when the
        account has no support plan that includes the Health API. The SDK may speak Smithy RPC
        v2 CBOR or AWS JSON 1.1 to it; the answer is in the protocol it asked in."""
        import cbor2

        is_cbor = environ.get("HTTP_SMITHY_PROTOCOL") == "rpc-v2-cbor"

        def answer(status, doc):
            if is_cbor:
                out = cbor2.dumps(doc, datetime_as_timestamp=True)
                headers = [("Content-Type", "application/cbor"), ("smithy-protocol", "rpc-v2-cbor"), ("Content-Length", str(len(out)))]
                start_response(f"{status} {'OK' if status < 300 else 'Error'}", headers)
                return [out]
            return respond(start_response, status, json.dumps(doc, default=lambda d: d.timestamp()).encode(), "application/x-amz-json-1.1")

        if not self.health_subscription:
            return answer(400, {"__type": "SubscriptionRequiredException", "message": "The AWS Health API requires a Business, Enterprise On-Ramp, or Enterprise Support plan."})
        if is_cbor:
            if environ.get("HTTP_CONTENT_ENCODING") == "gzip":
                body = gzip.decompress(body)
            req = to_json(cbor2.loads(body)) if body else {}
        else:
            req = json.loads(body or b"{}")
        f = req.get("filter") or {}
        chosen = []
        for i, e in enumerate(self.health_events):
            e = dict({"service": "BEDROCK", "statusCode": "open", "eventTypeCategory": "issue"}, **e)
            e.setdefault("arn", f"arn:aws:health:{e.get('region', 'us-east-1')}::event/{e['service']}/{e.get('eventTypeCode', 'X')}/{i}")
            if f.get("services") and e["service"] not in f["services"]:
                continue
            if f.get("regions") and e.get("region") not in f["regions"]:
                continue
            if f.get("eventStatusCodes") and e["statusCode"] not in f["eventStatusCodes"]:
                continue
            if "startTime" in e:
                e["startTime"] = datetime.datetime.fromtimestamp(float(e["startTime"]), tz=UTC)
            chosen.append(e)
        start = int(req.get("nextToken") or 0)
        out = {"events": chosen[start:start + 10]}
        if start + 10 < len(chosen):
            out["nextToken"] = str(start + 10)
        return answer(200, out)

    # ------------------------------------------------------------------ SQS limits as AWS has them

    def sqs_send(self, environ, region, body, op, start_response):
        """AWS counts a message's size in bytes, body and attributes together, and caps one
        batch request at 1 MiB and one message at the queue's `MaximumMessageSize` (moto
        counts body characters only). One entry over the queue's limit refuses the whole
        `SendMessageBatch` with InvalidParameterValue, as SQS does: nothing of the batch is
        sent. Entries whose body contains the test's `reject_bodies_containing` marker (a
        destination that refuses one message) fail on their own; the rest goes through."""
        try:
            req = json.loads(body)
        except ValueError:
            return None
        limit = self.queue_limit(region, req.get("QueueUrl") or "")

        def too_long(size):
            return sqs_error(start_response, "InvalidParameterValue", f"One or more parameters are invalid. Reason: Message must be shorter than {limit} bytes (one is {size}).")

        if op == "SendMessage":
            size = message_bytes(req)
            if size > limit:
                return too_long(size)
            return None
        entries = req.get("Entries") or []
        total = sum(message_bytes(e) for e in entries)
        if total > SQS_LIMIT:
            return sqs_error(start_response, "BatchRequestTooLong", f"Batch requests cannot be longer than {SQS_LIMIT} bytes. You have sent {total} bytes.")
        largest = max((message_bytes(e) for e in entries), default=0)
        if largest > limit:
            return too_long(largest)
        failed, keep = [], []
        for e in entries:
            if self.reject_marker and self.reject_marker in (e.get("MessageBody") or ""):
                failed.append({"Id": e.get("Id"), "SenderFault": False, "Code": "KMS.DisabledException", "Message": "the destination refused this message (test marker)"})
            else:
                keep.append(e)
        if not failed:
            return None
        if not keep:
            return respond(start_response, 200, json.dumps({"Successful": [], "Failed": failed}).encode(), "application/x-amz-json-1.0")
        req["Entries"] = keep
        status, data = self.call_moto(environ, "POST", environ.get("PATH_INFO", "/"), json.dumps(req).encode(), {"HTTP_X_AMZ_TARGET": environ.get("HTTP_X_AMZ_TARGET", ""), "CONTENT_TYPE": environ.get("CONTENT_TYPE", "application/x-amz-json-1.0")})
        if status != 200:
            return respond(start_response, status, data, "application/x-amz-json-1.0")
        out = json.loads(data)
        out["Failed"] = (out.get("Failed") or []) + failed
        return respond(start_response, 200, json.dumps(out).encode(), "application/x-amz-json-1.0")

    def queue_limit(self, scope, url):
        """The `MaximumMessageSize` of the queue at `url` (SQS's 1 MiB when it is not known)."""
        from moto.sqs.models import sqs_backends

        account, region = scope
        try:
            queue = sqs_backends[account][region].get_queue(url.rstrip("/").rsplit("/", 1)[-1])
            return min(int(queue.maximum_message_size), SQS_LIMIT)
        except Exception:
            return SQS_LIMIT

    # ------------------------------------------------------------------ CloudWatch CBOR

    def call_moto(self, environ, method, path, body, headers):
        env = dict(environ)
        for k in list(env):
            if k.startswith("HTTP_") and k not in ("HTTP_AUTHORIZATION", "HTTP_HOST", "HTTP_X_AMZ_DATE"):
                del env[k]
        env.update(headers)
        env["REQUEST_METHOD"] = method
        env["PATH_INFO"] = path
        env["QUERY_STRING"] = ""
        env["CONTENT_LENGTH"] = str(len(body))
        env["wsgi.input"] = io.BytesIO(body)
        captured = {}

        def sr(status, hdrs, exc_info=None):
            captured["status"] = int(status.split()[0])
            captured["headers"] = hdrs

        chunks = self.moto(env, sr)
        data = b"".join(chunks)
        if hasattr(chunks, "close"):
            chunks.close()
        return captured["status"], data

    def cbor(self, environ, body, op, start_response):
        import cbor2

        if environ.get("HTTP_CONTENT_ENCODING") == "gzip":
            body = gzip.decompress(body)
        request = to_json(cbor2.loads(body)) if body else {}
        status, data = self.call_moto(
            environ,
            "POST",
            "/",
            json.dumps(request).encode(),
            {
                "HTTP_X_AMZ_TARGET": f"GraniteServiceVersion20100801.{op}",
                "CONTENT_TYPE": "application/x-amz-json-1.0",
            },
        )
        if status >= 300:
            code, message = error_of(data)
            out = cbor2.dumps({"__type": code, "message": message})
        else:
            doc = json.loads(data) if data.strip() else {}
            shape = self.cw_model.operation_model(op).output_shape
            out = cbor2.dumps(by_shape(doc, shape) if shape is not None else {}, datetime_as_timestamp=True)
        start_response(
            f"{status} {'OK' if status < 300 else 'Error'}",
            [("Content-Type", "application/cbor"), ("smithy-protocol", "rpc-v2-cbor"), ("Content-Length", str(len(out)))],
        )
        return [out]

    # ------------------------------------------------------------------ AppConfig gaps

    def appconfig(self, environ, scope, method, path, body, start_response):
        from moto.appconfig.models import appconfig_backends

        # The state the bridge keeps is per account and region, as moto keeps its own.
        account, real_region = scope
        backend = appconfig_backends[account][real_region]
        region = scope
        try:
            req = json.loads(body) if body else {}
        except ValueError:
            req = {}  # hosted configuration content: any bytes
        parts = [p for p in path.split("/") if p]

        def ok(obj, code=200):
            return respond(start_response, code, json.dumps(obj).encode())

        def not_found(what):
            return respond(
                start_response, 404, json.dumps({"Message": f"{what} not found"}).encode(), extra=[("x-amzn-ErrorType", "ResourceNotFoundException")]
            )

        if parts == ["applications"] and method == "GET":
            items = [{"Id": a.id, "Name": a.name, "Description": a.description} for a in backend.applications.values()]
            return ok({"Items": items})
        if parts[:1] == ["deploymentstrategies"] or parts[:1] == ["deployementstrategies"]:
            strategies = self.strategies.setdefault(region, {})
            if len(parts) == 1 and method == "POST":
                s = {
                    "Id": uuid.uuid4().hex[:7],
                    "Name": req["Name"],
                    "Description": req.get("Description", ""),
                    "DeploymentDurationInMinutes": req["DeploymentDurationInMinutes"],
                    "GrowthType": req.get("GrowthType", "LINEAR"),
                    "GrowthFactor": req["GrowthFactor"],
                    "FinalBakeTimeInMinutes": req.get("FinalBakeTimeInMinutes", 0),
                    "ReplicateTo": req.get("ReplicateTo", "NONE"),
                }
                strategies[s["Id"]] = s
                return ok(s, 201)
            if len(parts) == 1 and method == "GET":
                return ok({"Items": list(strategies.values())})
            if len(parts) == 2:
                s = strategies.get(parts[1])
                if s is None:
                    return not_found("Deployment strategy")
                if method == "DELETE":
                    del strategies[parts[1]]
                    return respond(start_response, 204, b"")
                return ok(s)
        if len(parts) >= 3 and parts[0] == "applications" and parts[2] == "environments":
            app_id = parts[1]
            if app_id not in backend.applications:
                return not_found("Application")
            envs = self.environments.setdefault((region, app_id), {})
            if len(parts) == 3 and method == "POST":
                e = {"ApplicationId": app_id, "Id": uuid.uuid4().hex[:7], "Name": req["Name"], "Description": req.get("Description", ""), "State": "ReadyForDeployment", "Monitors": []}
                envs[e["Id"]] = e
                return ok(e, 201)
            if len(parts) == 3 and method == "GET":
                return ok({"Items": list(envs.values())})
            env = envs.get(parts[3])
            if env is None:
                return not_found("Environment")
            if len(parts) == 4:
                if method == "DELETE":
                    del envs[parts[3]]
                    return respond(start_response, 204, b"")
                return ok(env)
            deps = self.deployments.setdefault((region, app_id, env["Id"]), [])
            if len(parts) == 5 and method == "POST":
                return self.start_deployment(backend, region, app_id, env, deps, req, ok, not_found, start_response)
            if len(parts) == 5 and method == "GET":
                return ok({"Items": [summary(self.progress(d)) for d in reversed(deps)]})
            if len(parts) == 6:
                num = int(parts[5])
                d = next((d for d in deps if d["DeploymentNumber"] == num), None)
                if d is None:
                    return not_found("Deployment")
                if method == "DELETE":
                    if self.progress(d)["State"] != "COMPLETE":
                        d["State"] = "ROLLED_BACK"
                        d["CompletedAt"] = iso(time.time())
                        d["EventLog"].insert(0, event("ROLLBACK_COMPLETED", "Deployment stopped"))
                    return ok(d, 202)
                return ok(self.progress(d))
        if len(parts) == 5 and parts[0] == "applications" and parts[4] == "hostedconfigurationversions" and method == "POST":
            # moto parses the body as JSON before storing it; AppConfig stores any bytes.
            if find_profile(backend, parts[1], parts[3]) is None:
                return not_found("Configuration profile")
            v = backend.create_hosted_configuration_version(
                app_id=parts[1],
                config_profile_id=parts[3],
                description=environ.get("HTTP_DESCRIPTION"),
                content=body,
                content_type=environ.get("CONTENT_TYPE"),
                version_label=environ.get("HTTP_VERSIONLABEL"),
            )
            headers = [(k, str(x)) for k, x in v.get_headers().items() if x is not None and k.lower() != "content-type"]
            return respond(start_response, 201, body, environ.get("CONTENT_TYPE") or "application/octet-stream", extra=headers)
        if len(parts) == 5 and parts[0] == "applications" and parts[4] == "hostedconfigurationversions" and method == "GET":
            profile = find_profile(backend, parts[1], parts[3])
            if profile is None:
                return not_found("Configuration profile")
            items = [
                {"ApplicationId": parts[1], "ConfigurationProfileId": parts[3], "VersionNumber": v.version, "Description": v.description, "ContentType": v.content_type, "VersionLabel": v.version_label}
                for v in sorted(profile.config_versions.values(), key=lambda v: -v.version)
            ]
            return ok({"Items": items})
        return None

    def start_deployment(self, backend, region, app_id, env, deps, req, ok, not_found, start_response):
        s = self.strategies.get(region, {}).get(req.get("DeploymentStrategyId"))
        if s is None:
            return not_found("Deployment strategy")
        profile = find_profile(backend, app_id, req.get("ConfigurationProfileId"))
        if profile is None:
            return not_found("Configuration profile")
        version = int(req.get("ConfigurationVersion", "0"))
        if version not in profile.config_versions:
            return not_found("Configuration version")
        for d in deps:
            if self.progress(d)["State"] in ("DEPLOYING", "BAKING"):
                message = json.dumps({"Message": f"Deployment {d['DeploymentNumber']} is in progress"}).encode()
                return respond(start_response, 409, message, extra=[("x-amzn-ErrorType", "ConflictException")])
        now = time.time()
        d = {
            "ApplicationId": app_id,
            "EnvironmentId": env["Id"],
            "DeploymentStrategyId": s["Id"],
            "ConfigurationProfileId": profile.id,
            "DeploymentNumber": len(deps) + 1,
            "ConfigurationName": profile.name,
            "ConfigurationLocationUri": profile.location_uri,
            "ConfigurationVersion": str(version),
            "Description": req.get("Description", ""),
            "DeploymentDurationInMinutes": s["DeploymentDurationInMinutes"],
            "GrowthType": s["GrowthType"],
            "GrowthFactor": s["GrowthFactor"],
            "FinalBakeTimeInMinutes": s["FinalBakeTimeInMinutes"],
            "State": "DEPLOYING",
            "EventLog": [event("DEPLOYMENT_STARTED", "Deployment started")],
            "PercentageComplete": 0.0,
            "StartedAt": iso(now),
            "_started": now,
        }
        deps.append(d)
        return ok(public(self.progress(d)), 201)

    def progress(self, d):
        """Moves a deployment along: one second stands for one minute of the strategy."""
        if d["State"] in ("DEPLOYING", "BAKING"):
            elapsed = time.time() - d["_started"]
            deploy = float(d["DeploymentDurationInMinutes"])
            bake = float(d["FinalBakeTimeInMinutes"])
            if elapsed >= deploy + bake:
                d["State"] = "COMPLETE"
                d["PercentageComplete"] = 100.0
                d["CompletedAt"] = iso(d["_started"] + deploy + bake)
                d["EventLog"].insert(0, event("DEPLOYMENT_COMPLETED", "Deployment completed"))
            elif elapsed >= deploy:
                d["State"] = "BAKING"
                d["PercentageComplete"] = 100.0
            else:
                d["PercentageComplete"] = round(100.0 * elapsed / deploy, 1)
        return public(d)


APPCONFIG_OPS = [
    (r"/applications", "GET", "ListApplications"),
    (r"/applications", "POST", "CreateApplication"),
    (r"/applications/[^/]+", "DELETE", "DeleteApplication"),
    (r"/applications/[^/]+/configurationprofiles", "GET", "ListConfigurationProfiles"),
    (r"/applications/[^/]+/configurationprofiles", "POST", "CreateConfigurationProfile"),
    (r"/applications/[^/]+/configurationprofiles/[^/]+", "DELETE", "DeleteConfigurationProfile"),
    (r"/applications/[^/]+/configurationprofiles/[^/]+/hostedconfigurationversions", "GET", "ListHostedConfigurationVersions"),
    (r"/applications/[^/]+/configurationprofiles/[^/]+/hostedconfigurationversions", "POST", "CreateHostedConfigurationVersion"),
    (r"/applications/[^/]+/configurationprofiles/[^/]+/hostedconfigurationversions/[^/]+", "GET", "GetHostedConfigurationVersion"),
    (r"/applications/[^/]+/configurationprofiles/[^/]+/hostedconfigurationversions/[^/]+", "DELETE", "DeleteHostedConfigurationVersion"),
    (r"/applications/[^/]+/environments", "GET", "ListEnvironments"),
    (r"/applications/[^/]+/environments", "POST", "CreateEnvironment"),
    (r"/applications/[^/]+/environments/[^/]+", "DELETE", "DeleteEnvironment"),
    (r"/applications/[^/]+/environments/[^/]+/deployments", "GET", "ListDeployments"),
    (r"/applications/[^/]+/environments/[^/]+/deployments", "POST", "StartDeployment"),
    (r"/applications/[^/]+/environments/[^/]+/deployments/[^/]+", "GET", "GetDeployment"),
    (r"/applications/[^/]+/environments/[^/]+/deployments/[^/]+", "DELETE", "StopDeployment"),
    (r"/deploymentstrategies", "GET", "ListDeploymentStrategies"),
    (r"/deploymentstrategies", "POST", "CreateDeploymentStrategy"),
    (r"/deployementstrategies/[^/]+", "DELETE", "DeleteDeploymentStrategy"),
]


def find_profile(backend, app_id, profile_id):
    try:
        return backend.get_configuration_profile(app_id, profile_id)
    except Exception:
        return None


def event(kind, text):
    return {"EventType": kind, "TriggeredBy": "USER", "Description": text, "OccurredAt": iso(time.time())}


def public(d):
    return {k: v for k, v in d.items() if not k.startswith("_")}


def summary(d):
    keys = ["DeploymentNumber", "ConfigurationProfileId", "ConfigurationName", "ConfigurationVersion", "DeploymentDurationInMinutes", "GrowthType", "GrowthFactor", "FinalBakeTimeInMinutes", "State", "PercentageComplete", "StartedAt", "CompletedAt"]
    return {k: d[k] for k in keys if k in d}


SQS_LIMIT = 1_048_576  # one message and one batch request, since 2026


def message_bytes(entry):
    """A message's size as SQS counts it: the body and every attribute's name, type and value."""
    size = len((entry.get("MessageBody") or "").encode("utf-8"))
    for name, v in (entry.get("MessageAttributes") or {}).items():
        size += len(name.encode("utf-8")) + len((v.get("DataType") or "").encode("utf-8"))
        if v.get("StringValue") is not None:
            size += len(v["StringValue"].encode("utf-8"))
        if v.get("BinaryValue") is not None:
            size += len(base64.b64decode(v["BinaryValue"]))
    return size


def filter_pattern(pattern):
    """A CloudWatch Logs term pattern as a predicate over a message: every plain term and
    `"quoted phrase"` must appear (case-sensitive), at least one `?term` when there are any,
    no `-term`. An empty pattern matches everything."""
    pattern = pattern.strip()
    if pattern.startswith("{") or pattern.startswith("["):
        raise ValueError("the masst bridge models term and phrase filter patterns only, not JSON or space-delimited ones")
    terms = re.findall(r'([?-]?)(?:"((?:[^"\\]|\\.)*)"|(\S+))', pattern)
    need, anyof, none = [], [], []
    for sign, quoted, plain in terms:
        word = quoted.replace('\\"', '"') if quoted or not plain else plain
        {"?": anyof, "-": none}.get(sign, need).append(word)

    def match(message):
        return (
            all(w in message for w in need)
            and (not anyof or any(w in message for w in anyof))
            and not any(w in message for w in none)
        )

    return match


def aws_json_error(start_response, code, message):
    body = json.dumps({"__type": code, "message": message}).encode()
    return respond(start_response, 400, body, "application/x-amz-json-1.1")


def sqs_error(start_response, code, message):
    body = json.dumps({"__type": f"com.amazonaws.sqs#{code}", "message": message}).encode()
    return respond(start_response, 400, body, "application/x-amz-json-1.0", extra=[("x-amzn-query-error", f"AWS.SimpleQueueService.{code};Sender")])


def respond(start_response, code, body, content_type="application/json", extra=()):
    reason = {200: "OK", 400: "Bad Request", 201: "Created", 202: "Accepted", 204: "No Content", 404: "Not Found", 409: "Conflict", 500: "Internal Server Error"}.get(code, "Status")
    headers = [("Content-Type", content_type), ("Content-Length", str(len(body)))] + list(extra)
    start_response(f"{code} {reason}", headers)
    return [body]


def account_of(environ):
    """The account moto serves a call from: the one its access key belongs to (an assumed
    role's key belongs to the role's account), else moto's default."""
    from moto.iam.models import get_account_id_from

    m = re.search(r"Credential=([^/]+)/", environ.get("HTTP_AUTHORIZATION", ""))
    return get_account_id_from(m.group(1)) if m else "123456789012"


def scope_of(auth):
    m = re.search(r"Credential=[^/]+/\d+/([^/]+)/([^/]+)/", auth)
    if not m:
        return "unknown", "us-east-1"
    return m.group(2), m.group(1)


def to_json(v):
    import cbor2

    if isinstance(v, datetime.datetime):
        return v.timestamp()
    if isinstance(v, (bytes, bytearray)):
        return base64.b64encode(v).decode()
    if isinstance(v, dict):
        return {k: to_json(x) for k, x in v.items()}
    if isinstance(v, list):
        return [to_json(x) for x in v]
    if isinstance(v, cbor2.CBORTag):
        return to_json(v.value)
    return v


def by_shape(v, shape):
    if v is None:
        return None
    t = shape.type_name
    if t == "structure":
        return {k: (by_shape(x, shape.members[k]) if k in shape.members else x) for k, x in v.items() if x is not None}
    if t == "list":
        return [by_shape(x, shape.member) for x in v]
    if t == "map":
        return {k: by_shape(x, shape.value) for k, x in v.items()}
    if t == "timestamp":
        if isinstance(v, (int, float)):
            return datetime.datetime.fromtimestamp(v, tz=UTC)
        return datetime.datetime.fromisoformat(str(v).replace("Z", "+00:00"))
    if t in ("double", "float"):
        return float(v)
    if t in ("integer", "long"):
        return int(v)
    if t == "blob":
        return base64.b64decode(v)
    return v


def error_of(data):
    try:
        doc = json.loads(data)
        code = doc.get("__type") or doc.get("code") or "InternalFailure"
        return code.split("#")[-1], doc.get("message") or doc.get("Message") or ""
    except Exception:
        text = data.decode("utf-8", "replace")
        code = re.search(r"<Code>(.*?)</Code>", text)
        msg = re.search(r"<Message>(.*?)</Message>", text, re.S)
        return (code.group(1) if code else "InternalFailure"), (msg.group(1) if msg else text[:200])


def main():
    ap = argparse.ArgumentParser(description="masst's bridged AWS emulator (moto)")
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--latency-ms", type=float, default=0.0)
    ap.add_argument("--fault-rate", type=float, default=0.0)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    if not 0.0 <= a.fault_rate <= 1.0:
        ap.error("--fault-rate must be between 0 and 1")
    patch_sqs_clock()
    patch_cloudwatch_percentiles()
    import logging

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    from moto.server import DomainDispatcherApplication, create_backend_app
    from werkzeug.serving import make_server

    bridge = Bridge(DomainDispatcherApplication(create_backend_app), a.latency_ms, a.fault_rate, a.seed)

    server = make_server(a.host, a.port, bridge, threaded=True)
    print(f"masst emulator: http://{a.host}:{server.server_port}/ (latency {a.latency_ms:g} ms, fault rate {a.fault_rate:g})", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
