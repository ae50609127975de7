//! CloudWatch Logs as evidence (contract §9), live against the bridged emulator: each world's
//! metrics are written by `lab up` (PutMetricData), its log lines by the test (PutLogEvents),
//! and masst reads them back with FilterLogEvents, paging as AWS pages.

use std::io::Write;

use serde_json::Value;

use crate::cli::run;
use crate::emulator::Emulator;
use crate::live::json;

/// A scenario file extending an embedded world, written for `lab up --scenario-file`.
fn world(emu: &Emulator, toml: &str) -> tempfile::NamedTempFile {
    let mut f = tempfile::Builder::new().suffix(".toml").tempfile().unwrap();
    f.write_all(toml.as_bytes()).unwrap();
    let (code, out, err) = run(emu.masst().args(["lab", "up", "--scenario-file"]).arg(f.path()));
    assert_eq!(code, 0, "lab up: {out}{err}");
    f
}

/// Writes `lines` to `group`, each `minutes_ago` before now.
fn log(emu: &Emulator, group: &str, lines: &[(f64, &str)]) {
    let now = jiff::Timestamp::now().as_millisecond();
    let lines: Vec<(i64, String)> =
        lines.iter().map(|(ago, text)| (now - (ago * 60_000.0) as i64, text.to_string())).collect();
    let clients = emu.clients();
    masst::commands::block_on(masst::aws::logs::put_lines(&clients, group, &lines)).expect("PutLogEvents");
}

/// Deletes a group `lab up` made, as a deployment without it would be.
fn drop_group(emu: &Emulator, group: &str) {
    let clients = emu.clients();
    masst::commands::block_on(clients.logs.delete_log_group().log_group_name(group).send()).expect("DeleteLogGroup");
}

fn result<'a>(doc: &'a Value, runbook: &str, model: Option<&str>) -> &'a Value {
    doc["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["runbook"] == runbook && (model.is_none() || r["model"].as_str() == model))
        .unwrap_or_else(|| panic!("no {runbook} result in {doc}"))
}

/// The inputs of every check at `node`, and what the node shows.
fn inputs_at<'a>(r: &'a Value, node: &str) -> Vec<&'a Value> {
    let step = r["steps"].as_array().unwrap().iter().find(|s| s["node"] == node).expect("the node was walked");
    let checks = step["checks"].as_array().unwrap().iter().flat_map(|c| c["inputs"].as_array().unwrap().iter());
    checks.chain(step["shown"].as_array().into_iter().flatten()).collect()
}

const BURST_WITHOUT_CIRCUIT_STATE: &str = r#"
name = "burst-no-circuit-metric"
title = "A burst is throttled; the app publishes no CircuitState"
extends = "healthy"
[metrics]
"MangaAssist/Throughput:ThrottleRate" = { base = 0.0, to = 0.12, from = 50 }
"MangaAssist/Throughput:InvocationsPerMinute" = { base = 1100, to = 3600, from = 55 }
"MangaAssist/Throughput:CircuitState_Sonnet" = { absent = true }
"MangaAssist/Throughput:CircuitState_Haiku" = { absent = true }
"#;

#[test]
fn a_circuit_open_line_decides_the_circuit_breaker_when_circuit_state_is_missing() {
    let emu = Emulator::start();
    let _w = world(&emu, BURST_WITHOUT_CIRCUIT_STATE);
    // Without the app's metric and without a line, masst cannot tell and says so.
    let (_, doc) = json(emu.masst().args(["diagnose", "throttling"]));
    let r = result(&doc, "throttling", None);
    assert_eq!(r["unknown"]["node"], "circuit-breaker", "{r}");

    log(
        &emu,
        "/ecs/mangaassist/chat-api",
        &[
            (20.0, "Circuit CLOSED for anthropic.claude-3-sonnet-20240229-v1:0"),
            (4.0, "Circuit OPEN for anthropic.claude-3-sonnet-20240229-v1:0: throttle_rate=0.12 >= 0.10"),
        ],
    );
    let (code, doc) = json(emu.masst().args(["diagnose", "throttling"]));
    let r = result(&doc, "throttling", None);
    assert_eq!(r["outcome"], "circuit-breaker-working", "{r}");
    assert_eq!(code, 1);
    let log_input = inputs_at(r, "circuit-breaker").into_iter().find(|i| i["kind"] == "logs").expect("a logs input");
    assert_eq!(log_input["group"], "/ecs/mangaassist/chat-api");
    assert_eq!(log_input["count"], 1, "the CLOSED line does not match: {log_input}");
    let lines = log_input["lines"].as_array().unwrap();
    assert!(lines[0]["text"].as_str().unwrap().starts_with("Circuit OPEN for anthropic.claude-3-sonnet"), "{lines:?}");

    let (_, out, _) = run(emu.masst().args(["diagnose", "throttling"]));
    assert!(out.contains("Z  Circuit OPEN for anthropic.claude-3-sonnet-20240229-v1:0: throttle_rate=0.1"), "{out}");
}

const BACKLOG_WITH_HEALTHY_TASKS: &str = r#"
name = "backlog-healthy-tasks"
title = "The batch queue grows; ECS counts every worker running"
extends = "healthy"
[metrics]
"MangaAssist/Batch:QueueDepth" = { base = 150, to = 400, ramp = true }
"MangaAssist/Batch:QueueAge" = 4000
"MangaAssist/Batch:EnqueuedPerMinute" = 10
"MangaAssist/Batch:ProcessedPerMinute" = 3
"#;

#[test]
fn oom_lines_in_batch_worker_make_workers_crashing_though_ecs_counts_them_healthy() {
    let emu = Emulator::start();
    let _w = world(&emu, BACKLOG_WITH_HEALTHY_TASKS);
    let (_, doc) = json(emu.masst().args(["diagnose", "batch-backlog"]));
    assert_eq!(result(&doc, "batch-backlog", None)["outcome"], "workers-slow", "no crash lines yet");

    log(
        &emu,
        "/ecs/mangaassist/batch-worker",
        &[
            (9.0, "Batch recommendation job started: 50,000 user profiles to process"),
            (6.0, "java.lang.OutOfMemoryError: Java heap space"),
            (5.5, "task 3f2a stopped: exit code 137\u{1b}[0m"),
        ],
    );
    let (code, doc) = json(emu.masst().args(["diagnose", "batch-backlog"]));
    let r = result(&doc, "batch-backlog", None);
    assert_eq!((code, r["outcome"].as_str()), (1, Some("workers-crashing")), "{r}");
    let crash = inputs_at(r, "worker-health").into_iter().find(|i| i["name"] == "crash_lines").unwrap();
    assert_eq!(crash["count"], 2, "{crash}");
    assert_eq!(crash["lines"][1]["text"], "task 3f2a stopped: exit code 137\\x1b[0m", "control characters escaped");
    let (_, out, _) = run(emu.masst().args(["diagnose", "batch-backlog"]));
    assert!(out.contains("java.lang.OutOfMemoryError: Java heap space"), "{out}");
    assert!(!out.contains('\u{1b}'), "{out:?}");
}

#[test]
fn the_controller_growing_15_to_15_is_shown_under_ceiling_too_low_as_pinned_at_its_ceiling() {
    let emu = Emulator::start();
    emu.lab_up("conservative-limits");
    // Only the test's own lines: the scenario's are replaced.
    drop_group(&emu, "/mangaassist/concurrency-controller");
    log(
        &emu,
        "/mangaassist/concurrency-controller",
        &[
            (3.0, "concurrency sonnet: p99=600ms < target=1200ms, growing 15 -> 15"),
            (2.0, "concurrency haiku: p99=250ms < target=500ms, growing 25 -> 25"),
            (1.0, "concurrency sonnet: p99=600ms < target=1200ms, growing 15 -> 15"),
        ],
    );
    let (code, doc) = json(emu.masst().args(["diagnose", "underutilization"]));
    assert_eq!(code, 1);
    let r = result(&doc, "underutilization", Some("sonnet"));
    assert_eq!(r["outcome"], "ceiling-too-low");
    let check = &r["steps"].as_array().unwrap().last().unwrap()["checks"][0];
    assert_eq!(check["result"], true, "decided on the pinned controller: {check}");
    let from = check["inputs"].as_array().unwrap().iter().find(|i| i["name"] == "grow_from").unwrap();
    assert_eq!((from["value"].as_f64(), from["count"].as_u64()), (Some(15.0), Some(2)), "only sonnet's lines: {from}");
    assert_eq!(from["captures"], serde_json::json!([15.0, 15.0]));

    let (_, out, _) = run(emu.masst().args(["diagnose", "underutilization"]));
    let at = out.find("ceiling-too-low").unwrap();
    let tree = &out[..at];
    let tree = crate::cli::flat(tree);
    assert!(tree.contains("pinned at its ceiling"), "{out}");
    assert!(tree.contains("concurrency sonnet: p99=600ms < target=1200ms, growing 15 -> 15"), "{out}");
    for line in out.lines().filter(|l| l.contains("Z  concurrency")) {
        assert!(console::measure_text_width(line) <= 100, "one log line per line, within 100 columns: {line}");
    }
}

#[test]
fn a_log_group_that_does_not_exist_is_missing_and_the_metrics_decide() {
    let emu = Emulator::start();
    emu.lab_up("conservative-limits");
    drop_group(&emu, "/mangaassist/concurrency-controller");
    let (code, doc) = json(emu.masst().args(["diagnose", "all"]));
    assert_eq!(code, 1, "a missing log alone never makes a run exit 3");
    let r = result(&doc, "underutilization", Some("sonnet"));
    assert_eq!(r["outcome"], "ceiling-too-low", "decided by adaptive.enabled: {r}");
    assert!(r["unknown"].is_null());
    let from = inputs_at(r, "adaptive").into_iter().find(|i| i["name"] == "grow_from").unwrap();
    assert_eq!(from["group"], "/mangaassist/concurrency-controller");
    assert!(from["count"].is_null(), "missing, never zero: {from}");
    let why = from["missing"][0].as_str().unwrap();
    assert!(why.contains("/mangaassist/concurrency-controller does not exist"), "{why}");

    let (_, out, _) = run(emu.masst().args(["diagnose", "underutilization"]));
    assert!(
        crate::cli::flat(&out).contains("the log group /mangaassist/concurrency-controller does not exist"),
        "{out}"
    );
}

#[test]
fn five_thousand_matching_events_over_many_pages_are_capped_at_1000_and_said() {
    let emu = Emulator::start();
    let _w = world(&emu, BACKLOG_WITH_HEALTHY_TASKS);
    let lines: Vec<(f64, String)> =
        (0..5000).map(|i| (12.0 - i as f64 * 0.002, format!("worker {i}: OutOfMemoryError"))).collect();
    let refs: Vec<(f64, &str)> = lines.iter().map(|(t, s)| (*t, s.as_str())).collect();
    log(&emu, "/ecs/mangaassist/batch-worker", &refs);
    emu.set_json(r#"{"logs_page_size": 100}"#);
    emu.reset_calls();
    let (code, doc) = json(emu.masst().args(["diagnose", "batch-backlog"]));
    let r = result(&doc, "batch-backlog", None);
    assert_eq!((code, r["outcome"].as_str()), (1, Some("workers-crashing")));
    let crash = inputs_at(r, "worker-health").into_iter().find(|i| i["name"] == "crash_lines").unwrap();
    assert_eq!((crash["count"].as_u64(), crash["at_least"].as_bool()), (Some(1000), Some(true)), "{crash}");
    assert!(crash["source"].as_str().unwrap().contains("1000 matching events"), "{crash}");
    // Ten pages of 100 and the empty "still scanning" pages between them, then masst stops.
    let calls = emu.calls()["by_operation"]["logs.FilterLogEvents"].as_u64().unwrap();
    assert!((14..=20).contains(&calls), "{calls} FilterLogEvents calls");

    let (_, out, _) = run(emu.masst().args(["diagnose", "batch-backlog"]));
    assert!(out.contains("crash_lines = at least 1000"), "{out}");
}

#[test]
fn a_healthy_world_with_ordinary_log_lines_gives_no_finding() {
    let emu = Emulator::start();
    emu.lab_up("healthy");
    log(&emu, "/ecs/mangaassist/chat-api", &[(3.0, "Circuit CLOSED for anthropic.claude-3-sonnet-20240229-v1:0")]);
    log(&emu, "/ecs/mangaassist/batch-worker", &[(2.0, "Worker 1: job msg-9 done")]);
    log(
        &emu,
        "/mangaassist/concurrency-controller",
        &[(1.0, "concurrency sonnet: p99=900ms < target=1200ms, growing 25 -> 30")],
    );
    let (code, doc) = json(emu.masst().args(["diagnose", "all"]));
    assert_eq!(code, 0, "{doc}");
    assert!(crate::cli::findings(&doc).is_empty(), "{doc}");
}

#[test]
fn a_snapshot_keeps_the_log_lines_and_replays_to_the_same_verdict() {
    let emu = Emulator::start();
    let _w = world(&emu, BACKLOG_WITH_HEALTHY_TASKS);
    log(&emu, "/ecs/mangaassist/batch-worker", &[(3.0, "Killed process 4242 (java)")]);
    let dir = tempfile::tempdir().unwrap();
    let snap = dir.path().join("incident.json");
    let (code, _, err) = run(emu.masst().args(["snapshot", "capture", "-o", snap.to_str().unwrap()]));
    assert_eq!(code, 0, "{err}");
    let kept = std::fs::read_to_string(&snap).unwrap();
    assert!(kept.contains("/ecs/mangaassist/batch-worker") && kept.contains("Killed process 4242"), "{kept}");
    let (_, live) = json(emu.masst().args(["diagnose", "all"]));
    let (_, replay) = json(crate::cli::masst().args(["diagnose", "all", "--from", snap.to_str().unwrap()]));
    assert_eq!(crate::live::verdicts(&replay), crate::live::verdicts(&live));
    assert_eq!(result(&replay, "batch-backlog", None)["outcome"], "workers-crashing");
}
