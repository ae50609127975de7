//! Many accounts in one run (contract §10), against one emulator holding three accounts: each
//! target assumes its account's role (moto serves an assumed role's key from the role's
//! account), `lab up` writes a different scenario through each, and a fourth target points at
//! a closed port.

use std::path::{Path, PathBuf};
use std::time::Instant;

use serde_json::Value;

use crate::cli::run;
use crate::emulator::{http, with_test_aws, Emulator};

const TOKYO: &str = "111111111111";
const OSAKA: &str = "222222222222";
const STAGING: &str = "333333333333";

/// A closed loopback port: nothing listens there.
fn dead_endpoint() -> String {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    format!("http://127.0.0.1:{port}")
}

fn role(account: &str) -> String {
    format!("arn:aws:iam::{account}:role/masst-readonly")
}

/// masst.toml with the three accounts' targets, the dead one, and `extra` appended.
fn config(dir: &Path, emu: &Emulator, extra: &str) -> PathBuf {
    let ep = &emu.endpoint;
    let text = format!(
        r#"
[targets.tokyo]
region = "ap-northeast-1"
role_arn = "{}"
external_id = "masst"
account_id = "{TOKYO}"
endpoint_url = "{ep}"

[targets.osaka]
region = "ap-northeast-3"
role_arn = "{}"
external_id = "masst"
account_id = "{OSAKA}"
endpoint_url = "{ep}"

[targets.staging]
region = "us-east-1"
role_arn = "{}"
account_id = "{STAGING}"
endpoint_url = "{ep}"

[targets.dead]
region = "us-east-1"
endpoint_url = "{}"
{extra}"#,
        role(TOKYO),
        role(OSAKA),
        role(STAGING),
        dead_endpoint()
    );
    let path = dir.join("masst.toml");
    std::fs::write(&path, text).unwrap();
    path
}

/// `masst --config FILE ARGS` with test credentials and no endpoint flag: each target names
/// its own.
fn masst(cfg: &Path, args: &[&str]) -> (i32, String, String) {
    let mut c = crate::cli::masst();
    with_test_aws(&mut c);
    c.env_remove("MASST_TARGET").arg("--config").arg(cfg).args(args);
    run(&mut c)
}

/// The world of three accounts: flash-sale in Tokyo, batch-backlog in Osaka, dlq-retryable in
/// staging, each written by `lab up` through that account's role.
fn three_worlds(emu: &Emulator, cfg: &Path) {
    for (target, scenario) in [("tokyo", "flash-sale"), ("osaka", "batch-backlog"), ("staging", "dlq-retryable")] {
        let (code, out, err) = masst(cfg, &["--target", target, "lab", "up", "--scenario", scenario]);
        assert_eq!(code, 0, "lab up {scenario} through {target}: {out}{err}");
    }
    let _ = emu;
}

/// What a diagnosis concluded, result by result: (runbook, model, triggered, outcome).
fn verdicts(doc: &Value) -> Vec<(String, String, String, String)> {
    let mut v: Vec<_> = doc["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| {
            (r["runbook"].to_string(), r["model"].to_string(), r["triggered"].to_string(), r["outcome"].to_string())
        })
        .collect();
    v.sort();
    v
}

fn offline(cfg: &Path, scenario: &str) -> Vec<(String, String, String, String)> {
    let (_, out, err) = masst(cfg, &["diagnose", "all", "--scenario", scenario, "--output", "json"]);
    verdicts(&serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}{err}")))
}

fn entry<'a>(doc: &'a Value, target: &str) -> &'a Value {
    doc["targets"].as_array().unwrap().iter().find(|t| t["target"] == target).unwrap_or_else(|| panic!("{target}"))
}

#[test]
fn every_account_gets_its_own_verdict_and_a_dead_target_is_an_error_beside_them() {
    let emu = Emulator::start();
    let dir = tempfile::tempdir().unwrap();
    let cfg = config(dir.path(), &emu, "");
    three_worlds(&emu, &cfg);

    // Each target alone, for the time the fan-out is held to.
    let mut slowest = 0f64;
    for t in ["tokyo", "osaka", "staging"] {
        let started = Instant::now();
        let (code, out, err) = masst(&cfg, &["diagnose", "all", "--target", t, "--output", "json"]);
        slowest = slowest.max(started.elapsed().as_secs_f64());
        assert_eq!(code, 1, "{t} alone has findings: {err}");
        let doc: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(doc["targets"].as_array().unwrap().len(), 1, "--target picks one: {out}");
    }

    let started = Instant::now();
    let (code, out, err) = masst(&cfg, &["diagnose", "all", "--all-targets", "--output", "json"]);
    let took = started.elapsed().as_secs_f64();
    assert_eq!(code, 3, "one target could not be read: {err}");
    assert!(err.contains("1 of 4 targets could not be read (dead)"), "{err}");
    let doc: Value = serde_json::from_str(&out).expect("one JSON document");
    for (target, account, region, scenario) in [
        ("tokyo", TOKYO, "ap-northeast-1", "flash-sale"),
        ("osaka", OSAKA, "ap-northeast-3", "batch-backlog"),
        ("staging", STAGING, "us-east-1", "dlq-retryable"),
    ] {
        let t = entry(&doc, target);
        assert_eq!(t["account"], account, "{t}");
        assert_eq!(t["region"], region, "{t}");
        assert_eq!(verdicts(&t["result"]), offline(&cfg, scenario), "{target} reads its own account's {scenario}");
    }
    let dead = entry(&doc, "dead");
    assert_eq!(dead["error"]["kind"], "aws:unreachable", "{dead}");
    assert!(dead["error"]["message"].as_str().unwrap().contains("connection refused"), "{dead}");
    assert!(dead.get("result").is_none());
    // Concurrent: about the slowest single target, not the sum of them.
    assert!(took < slowest * 2.0 + 1.0, "all targets took {took:.2} s; the slowest alone {slowest:.2} s");

    // Human: a section per target and the summary, within 100 columns.
    let (code, out, _) = masst(&cfg, &["diagnose", "all", "--all-targets"]);
    assert_eq!(code, 3);
    for t in ["tokyo", "osaka", "staging", "dead"] {
        assert!(out.contains(&format!("━━ target {t} ·")), "a section for {t}: {out}");
    }
    let summary: Vec<&str> = out.lines().filter(|l| l.starts_with('│')).collect();
    assert!(summary.iter().any(|l| l.contains("tokyo") && l.contains(TOKYO) && l.contains("critical")), "{out}");
    assert!(
        summary.iter().any(|l| l.contains("dead") && l.contains("error") && l.contains("aws:unreachable")),
        "{out}"
    );
    let ours = out.lines().filter(|l| l.starts_with(['│', '┌', '╞', '└', '━']));
    assert!(ours.clone().count() >= 8 && ours.clone().all(|l| l.chars().count() <= 100), "fits 100 columns: {out}");
}

#[test]
fn a_change_goes_to_one_target_and_only_when_its_account_is_the_callers() {
    let emu = Emulator::start();
    let dir = tempfile::tempdir().unwrap();
    // `wrong` assumes a role in Tokyo's account but says it is Osaka.
    let extra = format!(
        "\n[targets.wrong]\nregion = \"ap-northeast-1\"\nrole_arn = \"{}\"\naccount_id = \"{OSAKA}\"\nendpoint_url = \"{}\"\n",
        role(TOKYO),
        emu.endpoint
    );
    let cfg = config(dir.path(), &emu, &extra);
    three_worlds(&emu, &cfg);

    emu.reset_calls();
    let (code, _, err) = masst(&cfg, &["analytics", "pause", "--target", "wrong", "--yes"]);
    assert_eq!(code, 2, "refused: {err}");
    assert!(err.contains(OSAKA) && err.contains(TOKYO) && err.contains("Nothing was changed"), "names both: {err}");
    let (_, log) = http(emu.port, "GET", "/_masst/log", "").unwrap();
    let ops: Vec<String> = serde_json::from_str::<Vec<Value>>(&log)
        .unwrap()
        .iter()
        .map(|c| c["op"].as_str().unwrap().to_string())
        .collect();
    assert!(!ops.is_empty() && ops.iter().all(|o| o.starts_with("sts.")), "only STS was asked: {ops:?}");

    let (code, _, err) = masst(&cfg, &["analytics", "pause", "--target", "tokyo", "--target", "osaka", "--yes"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("exactly one target") && err.contains("tokyo, osaka"), "{err}");

    // The right target: changed there, journaled with its name and account, and undone there
    // even when the undo names no target.
    let journal = dir.path().join("journal.jsonl");
    let j = journal.to_str().unwrap();
    let (code, out, err) =
        masst(&cfg, &["--journal", j, "analytics", "pause", "--target", "osaka", "--yes", "--output", "json"]);
    assert_eq!(code, 0, "{out}{err}");
    let doc: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["entry"]["target_name"], "osaka", "{doc}");
    assert_eq!(doc["entry"]["account"], OSAKA, "{doc}");
    assert_eq!(doc["entry"]["region"], "ap-northeast-3", "{doc}");
    let (code, out, err) = masst(&cfg, &["--journal", j, "undo", "--yes", "--output", "json"]);
    assert_eq!(code, 0, "undo goes back to osaka: {out}{err}");
    let undo: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(undo["entry"]["account"], OSAKA, "{undo}");
}

#[test]
fn a_denied_role_is_one_line_in_the_summary_and_the_others_are_read() {
    let emu = Emulator::start();
    let dir = tempfile::tempdir().unwrap();
    let cfg = config(dir.path(), &emu, "");
    three_worlds(&emu, &cfg);
    emu.set_json(&format!(r#"{{"deny_assume_role": ["{}"]}}"#, role(OSAKA)));
    let (code, out, err) = masst(&cfg, &["status", "--target", "tokyo", "--target", "osaka"]);
    assert_eq!(code, 3, "{err}");
    let row: Vec<&str> = out.lines().filter(|l| l.starts_with('│') && l.contains("osaka")).collect();
    assert_eq!(row.len(), 1, "one line: {out}");
    assert!(row[0].contains("error") && row[0].contains("no-credentials"), "{}", row[0]);
    let said = out.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(said.contains("sts:AssumeRole was refused (AccessDenied"), "the section says why: {out}");
    assert!(!said.contains("Configure the standard chain"), "the role was refused, not missing: {out}");
    assert!(out.lines().any(|l| l.starts_with('│') && l.contains("tokyo") && l.contains(TOKYO)), "{out}");
}

/// Every call masst makes is in `aws::operations::OPERATIONS`, the list `masst iam-policy`
/// is derived from: the reads of every read-only command and the calls of every kind of
/// change, as the emulator logged them.
#[test]
fn every_call_masst_makes_is_in_the_operations_list_the_policy_is_built_from() {
    use masst::aws::operations::{find, Access};
    let emu = Emulator::start();
    let j = tempfile::tempdir().unwrap();
    let journal = j.path().join("journal.jsonl");
    let journal = journal.to_str().unwrap();
    let ok = |args: &[&str]| {
        let (code, out, err) = run(emu.masst().arg("--journal").arg(journal).args(args));
        assert!(code <= 1, "{args:?}: {out}{err}");
    };
    emu.lab_up("dlq-retryable");
    emu.reset_calls();
    let read_only: &[&[&str]] = &[
        &["diagnose", "all"],
        &["status"],
        &["audit"],
        &["verify", "--timeout", "8s", "--every", "2s"],
        &["dlq", "inspect"],
        &["snapshot", "capture", "-o", "/dev/null"],
        &["watch", "--once"],
    ];
    for args in read_only {
        ok(args);
    }
    let (_, log) = http(emu.port, "GET", "/_masst/log", "").unwrap();
    let reads: Vec<String> =
        serde_json::from_str::<Vec<Value>>(&log).unwrap().iter().map(|c| c["op"].as_str().unwrap().into()).collect();
    for call in &reads {
        let o = find(call).unwrap_or_else(|| panic!("{call} is missing from aws::operations::OPERATIONS"));
        assert_eq!(o.access, Access::Read, "{call}: a read-only command made it, so it is a read");
    }
    let changes: &[&[&str]] = &[
        &["analytics", "pause", "--yes"],
        &["undo", "--yes"],
        &["concurrency", "set", "sonnet", "30", "--yes", "--force", "--no-wait"],
        &["batch", "scale", "2", "--yes"],
        &["queue", "fix", "--yes"],
        &["alarms", "install", "--yes"],
        &["dlq", "redrive", "--yes"],
        &["lab", "down"],
    ];
    for args in changes {
        ok(args);
    }
    let (_, log) = http(emu.port, "GET", "/_masst/log", "").unwrap();
    for c in serde_json::from_str::<Vec<Value>>(&log).unwrap() {
        let call = c["op"].as_str().unwrap();
        assert!(find(call).is_some(), "{call} is missing from aws::operations::OPERATIONS");
    }
    // The policy is that list: what was read above is all in the read-only one.
    let (code, out, _) = run(crate::cli::masst().args(["iam-policy", "--read-only"]));
    assert_eq!(code, 0);
    let policy: Value = serde_json::from_str(&out).unwrap();
    let allowed: Vec<&str> =
        policy["Statement"][0]["Action"].as_array().unwrap().iter().map(|a| a.as_str().unwrap()).collect();
    for call in &reads {
        assert!(allowed.contains(&find(call).unwrap().iam), "{call} is allowed by --read-only: {allowed:?}");
    }
    assert_eq!(policy["Statement"].as_array().unwrap().len(), 1, "read-only: no change statement");
}
