//! `masst mcp` through a real MCP client: the official Python SDK (pinned in
//! tests/emulator/requirements.txt) drives the server over stdio (tests/mcp/driver.py), against
//! the emulator's worlds. The documents are compared field by field with the commands'
//! `--output json`, and the emulator's call log must hold no call that changes anything.

use std::path::PathBuf;
use std::process::{Command, Stdio};

use serde_json::{json, Value};

use crate::cli::{masst, run};
use crate::emulator::{Emulator, TEST_AWS_ENV};
use crate::live::json;

const TOOLS: [&str; 9] =
    ["diagnose", "status", "audit", "verify_once", "dlq_inspect", "runbooks", "runbook", "explain", "journal"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The test virtualenv's Python, with the MCP SDK installed (by the emulator's installer).
fn python() -> PathBuf {
    let status = Command::new(root().join("tests/emulator/serve"))
        .arg("--install-only")
        .stdin(Stdio::null())
        .status()
        .expect("tests/emulator/serve runs");
    assert!(status.success(), "could not install the test virtualenv (python3 with venv and pip, and PyPI)");
    root().join("tests/emulator/.venv/bin/python")
}

/// A session of `masst ARGS mcp` driven through `steps`; the driver's document: `initialize`
/// and one result per step.
fn drive(args: &[&str], steps: Value) -> Value {
    drive_with(args, &[], steps)
}

/// [`drive`], with `masst mcp`'s own options.
fn drive_with(args: &[&str], mcp: &[&str], steps: Value) -> Value {
    let mut env: serde_json::Map<String, Value> = TEST_AWS_ENV.iter().map(|(k, v)| (k.to_string(), json!(v))).collect();
    env.insert("NO_COLOR".into(), json!("1"));
    env.insert("XDG_CONFIG_HOME".into(), json!("/nonexistent-masst-test"));
    let mut all = args.to_vec();
    all.push("mcp");
    all.extend(mcp);
    let spec = json!({
        "command": assert_cmd::cargo::cargo_bin("masst"),
        "args": all,
        "env": env,
        "cwd": std::env::temp_dir(),
        "steps": steps,
    });
    let mut child = Command::new(python())
        .arg(root().join("tests/mcp/driver.py"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the MCP driver starts");
    use std::io::Write;
    child.stdin.take().unwrap().write_all(spec.to_string().as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "the MCP driver failed:\n{stderr}");
    serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("the driver printed no JSON ({e}): {stdout}\n{stderr}"))
}

fn call(tool: &str, arguments: Value) -> Value {
    json!({"call": tool, "arguments": arguments})
}

/// The one step result of a call that must have answered without error.
fn ok(step: &Value) -> &Value {
    assert_eq!(step["is_error"], false, "the call failed: {step}");
    &step["structured"]
}

/// Calls that read nothing but change nothing either: reads, and the DLQ sample handing its
/// messages back (a visibility of 0, as `diagnose` does).
/// The calls that are not reads by masst's own operations list (`aws::operations`, the list
/// `iam-policy --read-only` is built from): a look at the DLQ receives and hands back, which
/// the list counts as reading; an unlisted call counts as a change.
fn changing_calls(calls: &Value) -> Vec<String> {
    use masst::aws::operations::{find, Access};
    calls["by_operation"]
        .as_object()
        .unwrap()
        .keys()
        .filter(|op| find(op).map(|o| o.access) != Some(Access::Read))
        .cloned()
        .collect()
}

/// The document without what differs between two readings of the same world.
fn unstamped(doc: &Value) -> Value {
    let mut d = doc.clone();
    d.as_object_mut().unwrap().remove("taken_at");
    d
}

#[test]
fn the_server_says_what_it_is_for_and_lists_every_tool_read_only_with_valid_schemas() {
    let out = drive(&["--endpoint-url", "http://127.0.0.1:1"], json!([{"list": true}]));
    let init = &out["initialize"];
    assert_eq!(init["server"], "masst");
    assert_eq!(init["tools_capability"], true);
    let instructions = init["instructions"].as_str().unwrap();
    assert!(instructions.contains("no tool changes anything") && instructions.contains("--dry-run"), "{instructions}");
    let tools = out["steps"][0]["tools"].as_array().unwrap();
    let mut names: Vec<&str> = tools.iter().map(|t| t["name"].as_str().unwrap()).collect();
    names.sort();
    let mut want = TOOLS.to_vec();
    want.sort();
    assert_eq!(names, want);
    for t in tools {
        assert_eq!(t["read_only"], true, "{t}");
        assert_eq!(t["schema_problem"], Value::Null, "{t}");
        assert_eq!(t["has_output_schema"], true, "{t}");
        assert_eq!(t["input_schema"]["type"], "object", "{t}");
    }
    let diagnose = tools.iter().find(|t| t["name"] == "diagnose").unwrap();
    let props = diagnose["input_schema"]["properties"].as_object().unwrap();
    for arg in ["runbook", "model", "target", "answers", "snapshot"] {
        assert!(props.contains_key(arg), "diagnose takes `{arg}`: {props:?}");
    }
}

/// In `scenario`'s world: `diagnose` gives exactly the command's results, every other tool its
/// command's document, and nothing the server did changed anything.
/// Waits, when less than `needed` is left of this wall-clock minute, for the next one to begin:
/// a diagnosis reads the windows ending at its own minute, so two reads meant to agree must be
/// made in the same minute.
fn within_one_minute(needed: std::time::Duration) {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap();
    let left = std::time::Duration::from_secs(60) - std::time::Duration::from_millis((now.as_millis() % 60_000) as u64);
    if left < needed {
        std::thread::sleep(left + std::time::Duration::from_millis(200));
    }
}

fn the_tools_read_what_the_commands_read(scenario: &str) {
    let emu = Emulator::start();
    emu.lab_up(scenario);
    within_one_minute(std::time::Duration::from_secs(30));
    let (_, cli_diagnosis) = json(emu.masst().args(["diagnose", "all"]));
    let (_, cli_status) = json(emu.masst().args(["status"]));
    let (_, cli_audit) = json(emu.masst().args(["audit"]));
    let (_, cli_dlq) = json(emu.masst().args(["dlq", "inspect"]));
    emu.reset_calls();
    let steps = json!([
        call("diagnose", json!({})),
        call("status", json!({})),
        call("audit", json!({})),
        call("dlq_inspect", json!({})),
        call("verify_once", json!({})),
        call("runbooks", json!({})),
        call("runbook", json!({"name": "throttling"})),
        call("explain", json!({"outcome": "other-workloads-consuming-quota"})),
        call("journal", json!({})),
        call("diagnose", json!({"preview": true})),
    ]);
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("journal.jsonl");
    let out = drive(&["--endpoint-url", &emu.endpoint, "--journal", journal.to_str().unwrap()], steps);
    let calls = emu.calls();
    let s = out["steps"].as_array().unwrap();

    let diagnosis = ok(&s[0]);
    assert_eq!(diagnosis["results"], cli_diagnosis["results"], "{scenario}: diagnose differs from the command");
    for (key, value) in cli_diagnosis.as_object().unwrap() {
        if key != "taken_at" {
            assert_eq!(&diagnosis[key], value, "{scenario}: `{key}` differs from the command's");
        }
    }
    assert_eq!(unstamped(ok(&s[1])), unstamped(&cli_status), "{scenario}: status");
    assert_eq!(ok(&s[2]), &cli_audit, "{scenario}: audit");
    // Every look at the DLQ receives each message once more (the command's looks too), so the
    // receive counts move up between two looks; everything else must agree.
    let receives =
        |d: &Value| d["receive_counts"].as_object().unwrap().values().map(|v| v.as_u64().unwrap()).sum::<u64>();
    let without_receives = |d: &Value| {
        let mut d = d.clone();
        d.as_object_mut().unwrap().remove("receive_counts");
        d
    };
    assert_eq!(without_receives(ok(&s[3])), without_receives(&cli_dlq), "{scenario}: dlq_inspect");
    assert_eq!(receives(ok(&s[3])), receives(&cli_dlq), "{scenario}: dlq_inspect");
    assert!(ok(&s[4])["verdict"].is_string(), "{scenario}: verify_once");
    // Every proposed command comes with what it would change, read and planned, not applied.
    let previewed = ok(&s[9]);
    let proposed: Vec<&Value> = cli_diagnosis["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["triggered"] == true && !r["outcome"].is_null())
        .flat_map(|r| r["commands"].as_array().unwrap())
        .collect();
    let previews = previewed["previews"].as_array().unwrap();
    assert_eq!(previews.iter().map(|p| &p["command"]).collect::<Vec<_>>(), proposed, "{scenario}");
    for p in previews {
        assert!(p["preview"].is_string() || p["refused"].is_string(), "{scenario}: {p}");
    }
    for (i, step) in s.iter().enumerate().skip(5) {
        ok(step);
        let summary = step["text"][0].as_str().unwrap();
        assert_eq!(summary.lines().count(), 2, "tool {i}: a two-line summary: {summary}");
    }
    let changed = changing_calls(&calls);
    assert!(changed.is_empty(), "{scenario}: the MCP server made calls that change AWS: {changed:?} ({calls})");
    // The DLQ still holds what it held.
    let (_, again) = json(emu.masst().args(["dlq", "inspect"]));
    assert_eq!(again["messages"], cli_dlq["messages"], "{scenario}");
}

#[test]
fn flash_sale_through_mcp_reads_what_the_commands_read() {
    the_tools_read_what_the_commands_read("flash-sale");
}

#[test]
fn batch_backlog_through_mcp_reads_what_the_commands_read() {
    the_tools_read_what_the_commands_read("batch-backlog");
}

#[test]
fn conservative_limits_through_mcp_reads_what_the_commands_read() {
    the_tools_read_what_the_commands_read("conservative-limits");
}

#[test]
fn priority_inversion_through_mcp_reads_what_the_commands_read() {
    the_tools_read_what_the_commands_read("priority-inversion");
}

#[test]
fn dlq_retryable_through_mcp_reads_what_the_commands_read() {
    the_tools_read_what_the_commands_read("dlq-retryable");
}

#[test]
fn healthy_through_mcp_reads_what_the_commands_read() {
    the_tools_read_what_the_commands_read("healthy");
}

#[test]
fn a_diagnose_call_costs_the_aws_calls_of_the_command() {
    let emu = Emulator::start();
    emu.lab_up("flash-sale");
    emu.reset_calls();
    json(emu.masst().args(["diagnose", "all"]));
    let command = emu.calls();
    emu.reset_calls();
    let out = drive(&["--endpoint-url", &emu.endpoint], json!([call("diagnose", json!({}))]));
    ok(&out["steps"][0]);
    assert_eq!(emu.calls(), command, "one diagnose tool call, the same calls as `masst diagnose all`");
}

#[test]
fn every_outcome_is_explained_with_its_cause_and_commands() {
    let out = drive(&["--endpoint-url", "http://127.0.0.1:1"], json!([call("runbooks", json!({}))]));
    let runbooks = ok(&out["steps"][0])["runbooks"].as_array().unwrap().clone();
    let ids: Vec<(String, String)> = runbooks
        .iter()
        .flat_map(|r| {
            let rb = r["name"].as_str().unwrap().to_string();
            r["outcome_ids"].as_array().unwrap().iter().map(move |o| (rb.clone(), o.as_str().unwrap().to_string()))
        })
        .collect();
    assert!(ids.len() >= 10, "{ids:?}");
    let steps: Vec<Value> =
        ids.iter().map(|(rb, o)| call("explain", json!({"outcome": format!("{rb}.{o}")}))).collect();
    let out = drive(&["--endpoint-url", "http://127.0.0.1:1"], Value::Array(steps));
    for ((rb, o), step) in ids.iter().zip(out["steps"].as_array().unwrap()) {
        let doc = ok(step);
        assert_eq!((doc["runbook"].as_str(), doc["outcome"].as_str()), (Some(rb.as_str()), Some(o.as_str())));
        assert!(!doc["cause"].as_str().unwrap().is_empty(), "{doc}");
        for a in doc["actions"].as_array().unwrap() {
            assert!(a["command"].as_str().unwrap().starts_with("masst "), "{a}");
        }
    }
    let fs = &out["steps"].as_array().unwrap()
        [ids.iter().position(|(_, o)| o == "other-workloads-consuming-quota").unwrap()];
    let commands: Vec<&str> =
        fs["structured"]["actions"].as_array().unwrap().iter().map(|a| a["command"].as_str().unwrap()).collect();
    assert!(commands.contains(&"masst analytics pause"), "{commands:?}");
}

#[test]
fn bad_arguments_are_error_results_and_the_server_answers_the_next_call() {
    let steps = json!([
        call("diagnose", json!({"runbook": "nope"})),
        call("diagnose", json!({"model": "gpt-9"})),
        call("explain", json!({"outcome": "no-such-outcome"})),
        call("runbook", json!({"name": "nope"})),
        call("diagnose", json!({"target": "prod-tokyo"})),
        call("diagnose", json!({"runbok": "dlq"})),
        call("runbooks", json!({})),
    ]);
    let out = drive(&["--endpoint-url", "http://127.0.0.1:1"], steps);
    let s = out["steps"].as_array().unwrap();
    let error = |i: usize| -> (&str, &str) {
        assert_eq!(s[i]["is_error"], true, "step {i}: {}", s[i]);
        (s[i]["text"][0].as_str().unwrap(), s[i]["structured"]["error"]["kind"].as_str().unwrap_or("-"))
    };
    let (text, kind) = error(0);
    assert!(text.contains("there is no runbook `nope`") && text.contains("throttling"), "{text}");
    assert_eq!(kind, "usage");
    let (text, _) = error(1);
    assert!(text.contains("model `gpt-9` is not in [models]") && text.contains("sonnet"), "{text}");
    assert!(error(2).0.contains("there is no outcome `no-such-outcome`"));
    assert!(error(3).0.contains("there is no runbook `nope`"));
    assert!(error(4).0.contains("target `prod-tokyo`"));
    assert!(error(5).0.contains("runbok"), "an unknown argument is named: {}", error(5).0);
    assert!(ok(&s[6])["runbooks"].as_array().unwrap().len() >= 5);
}

#[test]
fn a_dead_endpoint_is_an_error_result_with_the_one_paragraph() {
    let steps = json!([call("diagnose", json!({})), call("dlq_inspect", json!({})), call("runbooks", json!({}))]);
    let out = drive(&["--endpoint-url", "http://127.0.0.1:1"], steps);
    let s = out["steps"].as_array().unwrap();
    for step in &s[..2] {
        assert_eq!(step["is_error"], true, "{step}");
        let text = step["text"][0].as_str().unwrap();
        assert!(text.contains("could not reach http://127.0.0.1:1") && text.contains("--endpoint-url"), "{text}");
        assert_eq!(step["structured"]["error"]["kind"], "aws:unreachable");
        assert!(!text.contains("DispatchFailure") && !text.contains("{ "), "no SDK Debug structure: {text}");
    }
    // The command says the same paragraph.
    let mut c = masst();
    crate::emulator::with_test_aws(&mut c);
    let (_, _, err) = run(c.args(["--endpoint-url", "http://127.0.0.1:1", "diagnose", "all"]));
    assert!(err.contains(s[0]["text"][0].as_str().unwrap()), "{err}");
    ok(&s[2]);
}

#[test]
fn two_calls_in_flight_at_once_both_answer_concurrently() {
    let emu = Emulator::start();
    emu.lab_up("flash-sale");
    emu.set(300.0, 0.0);
    let steps = json!([
        call("diagnose", json!({"runbook": "throttling"})),
        {"parallel": [call("diagnose", json!({"runbook": "throttling"})), call("diagnose", json!({"runbook": "throttling"}))]},
    ]);
    let out = drive(&["--endpoint-url", &emu.endpoint], steps);
    let s = out["steps"].as_array().unwrap();
    let one = s[0]["ended"].as_f64().unwrap() - s[0]["started"].as_f64().unwrap();
    let both = &s[1];
    for r in both["results"].as_array().unwrap() {
        assert_eq!(ok(r)["results"], ok(&s[0])["results"]);
    }
    let elapsed = both["elapsed"].as_f64().unwrap();
    assert!(
        elapsed < one * 1.6,
        "two calls at once took {elapsed:.2} s, one alone {one:.2} s: they ran one after the other"
    );
}

#[test]
fn a_slow_call_meets_its_deadline_and_the_server_stays_up() {
    let emu = Emulator::start();
    emu.lab_up("healthy");
    emu.set(4000.0, 0.0);
    let steps = json!([call("diagnose", json!({})), call("runbooks", json!({}))]);
    let out = drive_with(&["--endpoint-url", &emu.endpoint], &["--deadline", "1s"], steps);
    let s = out["steps"].as_array().unwrap();
    assert_eq!(s[0]["is_error"], true, "{}", s[0]);
    let text = s[0]["text"][0].as_str().unwrap();
    assert!(text.contains("deadline of 1 s"), "{text}");
    let took = s[0]["ended"].as_f64().unwrap() - s[0]["started"].as_f64().unwrap();
    assert!(took < 3.5, "the deadline answered after {took:.1} s");
    ok(&s[1]);
}

#[test]
fn a_cancelled_call_stops_reading_and_the_server_answers_the_next() {
    let emu = Emulator::start();
    emu.lab_up("healthy");
    emu.set(4000.0, 0.0);
    emu.reset_calls();
    let steps = json!([
        {"cancel": call("status", json!({})), "after_s": 0.5},
        call("runbooks", json!({})),
        // Long enough for the read's first calls to answer (4 s each): a read still running
        // would go on to its next calls.
        {"sleep": 7},
    ]);
    let out = drive(&["--endpoint-url", &emu.endpoint], steps);
    let s = out["steps"].as_array().unwrap();
    assert_eq!(s[0]["cancelled"], true);
    ok(&s[1]);
    let after = s[1]["ended"].as_f64().unwrap() - s[1]["started"].as_f64().unwrap();
    assert!(after < 2.0, "the server answered the next call after {after:.1} s");
    // The read stopped where it was: the calls that follow an answered first call (the
    // queue's attributes after its URL, AppConfig's environments after its application) were
    // never made.
    let calls = emu.calls();
    for op in ["sqs.GetQueueAttributes", "appconfig.ListEnvironments"] {
        assert!(calls["by_operation"].get(op).is_none(), "{op} was called after the read was dropped: {calls}");
    }
    assert!(calls["by_operation"].get("appconfig.ListApplications").is_some(), "the read had begun: {calls}");
}

#[test]
fn an_open_question_says_which_and_how_to_answer_it() {
    // A snapshot of the flash sale without Bedrock's server-error metrics: the throttling walk
    // stops at the question of service-health.
    let dir = tempfile::tempdir().unwrap();
    let snap = dir.path().join("no-errors.json");
    let (code, _, err) =
        run(masst().args(["snapshot", "capture", "--scenario", "flash-sale", "-o", snap.to_str().unwrap()]));
    assert_eq!(code, 0, "{err}");
    let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(&snap).unwrap()).unwrap();
    doc["metrics"].as_object_mut().unwrap().retain(|k, _| !k.contains("InvocationServerErrors"));
    std::fs::write(&snap, doc.to_string()).unwrap();
    let path = snap.to_str().unwrap();
    let steps = json!([
        call("diagnose", json!({"runbook": "throttling", "snapshot": path})),
        call(
            "diagnose",
            json!({"runbook": "throttling", "snapshot": path, "answers": {"throttling.service-health": "no"}})
        ),
        call("diagnose", json!({"snapshot": path, "model": "haiku"})),
    ]);
    let out = drive(&[], steps);
    let s = out["steps"].as_array().unwrap();
    let open = ok(&s[0]);
    let q = &open["open_questions"][0];
    assert_eq!(q["node"], "throttling.service-health", "{open}");
    assert!(q["question"].as_str().unwrap().contains("AWS Health Dashboard"));
    assert_eq!(q["answer_with"], json!({"answers": {"throttling.service-health": "yes|no"}}));
    let summary = s[0]["text"][0].as_str().unwrap();
    assert!(summary.contains("Open question (throttling.service-health)") && summary.contains("answers"), "{summary}");
    let answered = ok(&s[1]);
    assert_eq!(answered["open_questions"], json!([]));
    let (_, cli) = json(masst().args(["diagnose", "throttling", "--from", path, "--answer", "service-health=no"]));
    assert_eq!(answered["results"], cli["results"]);
    assert_eq!(answered["results"][0]["outcome"], "other-workloads-consuming-quota");
    // `model` keeps the results about that model, as the command gives them.
    let (_, all) = json(masst().args(["diagnose", "all", "--from", path]));
    let haiku: Vec<&Value> = all["results"].as_array().unwrap().iter().filter(|r| r["model"] == "haiku").collect();
    assert!(!haiku.is_empty());
    assert_eq!(ok(&s[2])["results"].as_array().unwrap().iter().collect::<Vec<_>>(), haiku);
}

#[test]
fn the_journal_tool_returns_the_latest_changes_as_the_command_lists_them() {
    let emu = Emulator::start();
    emu.lab_up("flash-sale");
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("journal.jsonl");
    let j = journal.to_str().unwrap();
    for args in [["analytics", "pause", "--yes"], ["analytics", "resume", "--yes"]] {
        let (code, _, err) = run(emu.masst().args(["--journal", j]).args(args));
        assert_eq!(code, 0, "{err}");
    }
    let (_, cli) = json(emu.masst().args(["--journal", j, "journal"]));
    let out = drive(
        &["--endpoint-url", &emu.endpoint, "--journal", j],
        json!([call("journal", json!({})), call("journal", json!({"limit": 1}))]),
    );
    let s = out["steps"].as_array().unwrap();
    assert_eq!(ok(&s[0]), &cli);
    let latest = ok(&s[1])["entries"].as_array().unwrap();
    assert_eq!(latest.len(), 1);
    assert_eq!(latest[0], *cli["entries"].as_array().unwrap().last().unwrap());
}
