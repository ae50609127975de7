//! Trust under faults (issue 20 A, C, E): a labbed world whose endpoint starts failing or stops
//! answering mid-command. A change that went live says so whatever happens after; a deadline is
//! a deadline; a dashboard survives a blip.

use std::time::{Duration, Instant};

use serde_json::Value;

use crate::actions::World;

/// Every AWS call fails (an HTTP 500 that is not AWS's) from `after_s` seconds on.
fn faults_from(w: &World, after_s: u64) {
    w.emu.set_json(&format!(r#"{{"fault_rate": 1.0, "fault_kind": "http-500", "faults_after_s": {after_s}}}"#));
}

fn faults_off(w: &World) {
    w.emu.set_json(r#"{"fault_rate": 0.0, "fault_kind": "mixed"}"#);
}

fn one_document(out: &str, err: &str) -> Value {
    serde_json::from_str(out).unwrap_or_else(|e| panic!("stdout is not one JSON document ({e}): {out}\n{err}"))
}

/// The journal's last word on each entry.
fn journal(w: &World) -> Vec<Value> {
    let text = std::fs::read_to_string(&w.journal).unwrap();
    let mut last: Vec<Value> = Vec::new();
    for e in text.lines().map(|l| serde_json::from_str::<Value>(l).unwrap()) {
        last.retain(|x| x["id"] != e["id"]);
        last.push(e);
    }
    last
}

#[test]
fn a_change_that_went_live_is_reported_when_its_verification_cannot_read() {
    let w = World::up("flash-sale");
    faults_from(&w, 6);
    let (code, out, err) =
        w.masst(&["--output", "json", "analytics", "pause", "--yes", "--verify", "--verify-every", "4s"]);
    faults_off(&w);
    assert_eq!(code, 5, "applied, but the verification could not read: its own exit code\n{out}\n{err}");
    let doc = one_document(&out, &err);
    assert_eq!(doc["changed"], true, "{doc:#}");
    let id = doc["entry"]["id"].as_str().unwrap_or_else(|| panic!("the journal entry: {doc:#}"));
    assert_eq!(doc["entry"]["state"], "applied");
    assert_eq!(doc["after"]["document"]["analytics"]["paused"], true, "what changed: {doc:#}");
    assert_eq!(doc["verification"]["verdict"], "could-not-read", "{doc:#}");
    assert!(err.contains(&format!("journal entry {id}")), "stderr says it applied: {err}");
    assert_eq!(w.doc().1["analytics"]["paused"], true, "it is live");
    let entry = journal(&w).into_iter().find(|e| e["id"] == id).unwrap();
    assert_eq!(entry["verified"], "could-not-read", "{entry:#}");
}

#[test]
fn diagnose_apply_reports_the_applied_change_when_its_verification_cannot_read() {
    let w = World::up("flash-sale");
    faults_from(&w, 8);
    let (code, out, err) = w.masst(&[
        "diagnose",
        "throttling",
        "--apply",
        "analytics.pause",
        "--yes",
        "--verify-every",
        "4s",
        "--output",
        "json",
    ]);
    faults_off(&w);
    assert_eq!(code, 5, "{out}\n{err}");
    let doc = one_document(&out, &err);
    let applied = &doc["applied"][0];
    assert_eq!(applied["changed"], true, "{doc:#}");
    assert!(applied["entry"]["id"].is_string(), "{applied:#}");
    assert_eq!(applied["verification"]["verdict"], "could-not-read", "{applied:#}");
    assert_eq!(w.doc().1["analytics"]["paused"], true);
}

#[test]
fn verify_timeout_is_a_deadline_against_an_endpoint_that_stops_answering() {
    let w = World::up("flash-sale");
    w.emu.set_json(r#"{"fault_rate": 1.0, "fault_kind": "hang", "hang_s": 120, "faults_after_s": 6}"#);
    let started = Instant::now();
    let (code, out, err) = w.masst(&["verify", "throttling", "--timeout", "12s", "--every", "4s", "--output", "json"]);
    let took = started.elapsed();
    faults_off(&w);
    assert!(took < Duration::from_secs(17), "--timeout 12s ended after {took:?}\n{err}");
    assert_eq!(code, 1, "not recovered by the deadline: {out}\n{err}");
    let doc = one_document(&out, &err);
    assert_eq!(doc["verdict"], "not-yet", "{doc:#}");
    assert!(err.contains("did not finish by the 12 s deadline"), "{err}");
}

#[test]
fn watch_without_a_terminal_survives_a_failed_refresh_and_says_so() {
    let w = World::up("flash-sale");
    let mut child = w
        .emu
        .process()
        .env("COLUMNS", "100")
        .args(["watch", "--every", "1s"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_secs(3));
    w.emu.set_json(r#"{"fault_rate": 1.0, "fault_kind": "http-500"}"#);
    std::thread::sleep(Duration::from_secs(3));
    faults_off(&w);
    std::thread::sleep(Duration::from_secs(4));
    let running = child.try_wait().unwrap().is_none();
    child.kill().unwrap();
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(running, "watch went on after the blip: {text}\n{}", String::from_utf8_lossy(&out.stderr));
    let failed = text.find("refresh failed at").unwrap_or_else(|| panic!("the frame says so: {text}"));
    assert!(text[failed..].contains("refresh every 1 s"), "a good frame after the blip: {text}");
}
