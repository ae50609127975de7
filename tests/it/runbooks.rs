//! Runbook files as an author meets them: every kind of mistake is caught at load time with
//! exit 2 and a message naming the file, the node and the fix.

use crate::cli::{masst, run};

const THROTTLING: &str = include_str!("../../runbooks/throttling.toml");
const DLQ: &str = include_str!("../../runbooks/dlq.toml");

fn validate(text: &str) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("broken.toml");
    std::fs::write(&p, text).unwrap();
    let (code, out, err) = run(masst().args(["runbook", "validate", p.to_str().unwrap()]));
    (code, format!("{out}{err}"))
}

fn broken(base: &str, from: &str, to: &str) -> String {
    assert!(base.contains(from), "fixture text `{from}` not found");
    base.replacen(from, to, 1)
}

#[test]
fn the_embedded_runbooks_validate() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("runbooks");
    let (code, out, err) = run(masst().args(["runbook", "validate", dir.to_str().unwrap()]));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("6 runbook(s) valid"), "{out}");
}

#[test]
fn each_kind_of_broken_runbook_is_refused_with_its_fix() {
    let cases: Vec<(&str, String, &str)> = vec![
        ("not toml", "name = \"x\"\n[[nodes]\n".into(), "not a valid runbook file"),
        (
            "unknown key",
            broken(THROTTLING, "start = \"service-health\"", "start = \"service-health\"\nstrat = 1"),
            "unknown field `strat`",
        ),
        (
            "dangling id",
            broken(THROTTLING, "then = \"shared-quota\"", "then = \"shraed-quota\""),
            "node `quota-usage` leads to `shraed-quota`, which is neither a node nor an outcome",
        ),
        (
            "unreachable node",
            broken(THROTTLING, "else = \"request-pattern\"", "else = \"request-quota-increase\""),
            "node `request-pattern` is unreachable from `service-health`",
        ),
        ("cycle", broken(THROTTLING, "else = \"adaptive-too-slow\"", "else = \"quota-usage\""), "loops back"),
        (
            "unknown signal",
            broken(THROTTLING, "when = \"server_error_rate > 0.01\"", "when = \"server_eror_rate > 0.01\""),
            "uses unknown signal `server_eror_rate`",
        ),
        (
            "unknown action",
            broken(THROTTLING, "actions = [\"analytics.pause\"", "actions = [\"analytics.stop\""),
            "`analytics.stop` is not an action id",
        ),
        (
            "alarm threshold the runbook does not state",
            broken(THROTTLING, "threshold = \"throttle_rate\"", "threshold = \"throttle_rat\""),
            "alarm `ThrottleRate`: threshold `throttle_rat` is not one of this runbook's [thresholds] (circuit_open, throttle_rate)",
        ),
        (
            "threshold that shadows a signal",
            broken(THROTTLING, "circuit_open = 2.0", "circuit_max = 2.0"),
            "threshold `circuit_max` has the name of a signal",
        ),
        (
            "placeholder nothing declares",
            broken(THROTTLING, "account_quota.{m}", "account_quota.{q}"),
            "`{q}` is not a placeholder masst knows",
        ),
        (
            "statistic CloudWatch does not have",
            broken(THROTTLING, "\"AWS/Bedrock\" = \"Sum\"", "\"AWS/Bedrock\" = \"Total\""),
            "`AWS/Bedrock` = `Total` is not one of Average, Sum",
        ),
        (
            "action argument its family does not take",
            broken(THROTTLING, "actions = [\"routing.haiku on\"]", "actions = [\"routing.haiku maybe\"]"),
            "`maybe` is not one of on, off",
        ),
        (
            "action without the argument its family needs",
            broken(THROTTLING, "actions = [\"routing.haiku on\"]", "actions = [\"routing.haiku\"]"),
            "`routing.haiku` takes 1 (on|off) argument(s), not 0",
        ),
        (
            "condition that does not parse",
            broken(THROTTLING, "when = \"circuit_max >= circuit_open\"", "when = \"circuit_max >= \""),
            "node `circuit-breaker`, test 2: `circuit_max >= ` does not parse",
        ),
        (
            "condition of the wrong type",
            broken(THROTTLING, "when = \"circuit_max >= circuit_open\"", "when = \"circuit_max + 1.0\""),
            "must give a bool",
        ),
        (
            "int and double arithmetic",
            broken(THROTTLING, "ipm_recent >= 2.0 * ipm_median", "ipm_recent >= 2 * ipm_median"),
            "write 2.0, not 2",
        ),
        (
            "start names no node",
            broken(THROTTLING, "start = \"service-health\"", "start = \"begin\""),
            "`start = \"begin\"` names no node",
        ),
        (
            "duplicate node",
            broken(DLQ, "id = \"backoff\"", "id = \"retry-logic\""),
            "node `retry-logic` is defined twice",
        ),
        ("tests without else", broken(DLQ, "else = \"throttle-beyond-retry-budget\"", ""), "has tests but no `else`"),
        (
            "signal with two sources",
            broken(DLQ, "sampled = { dlq = \"sampled\" }", "sampled = { dlq = \"sampled\", config = \"x\" }"),
            "give exactly one of",
        ),
        (
            "derived signals in a loop",
            broken(
                DLQ,
                "receive_backoff = { expr = \"base_delay",
                "base_delay = { expr = \"receive_backoff\" }\nreceive_backoff = { expr = \"base_delay",
            ),
            "duplicate key",
        ),
        (
            "per-model signal in a runbook that is not per model",
            broken(
                DLQ,
                "sampled = { dlq = \"sampled\" }",
                "sampled = { dlq = \"sampled\" }\nx = { metric = \"A:B_{M}\", stat = \"last\" }",
            ),
            "uses {m}/{M}, but the runbook is not per model",
        ),
    ];
    for (what, text, want) in cases {
        let (code, msg) = validate(&text);
        assert_eq!(code, 2, "{what}: {msg}");
        assert!(msg.contains(want), "{what}: expected `{want}` in: {msg}");
        assert!(msg.contains("broken.toml"), "{what}: the message names the file: {msg}");
        assert!(!msg.contains("panicked"), "{what}");
    }
}

#[test]
fn derived_signals_that_depend_on_each_other_are_refused() {
    let text = broken(
        DLQ,
        "receive_backoff = { expr = \"base_delay * (pow(2.0, attempts) - 1.0) + 5.0\"",
        "loop_a = { expr = \"loop_b + 1.0\" }\nloop_b = { expr = \"loop_a + 1.0\" }\nreceive_backoff = { expr = \"base_delay * (pow(2.0, attempts) - 1.0) + 5.0\"",
    );
    let (code, msg) = validate(&text);
    assert_eq!(code, 2);
    assert!(msg.contains("depend on each other in a loop"), "{msg}");
}

#[test]
fn a_sixth_runbook_is_a_new_file_not_new_code() {
    let dir = tempfile::tempdir().unwrap();
    let text = r#"
name = "degradation"
title = "Fallback replies"
start = "rate"
[trigger]
when = "degradation > 0.03"
says = "DegradationRate > 3 %"
[signals]
degradation = { metric = "MangaAssist/Throughput:DegradationRate", stat = "value" }
[[nodes]]
id = "rate"
title = "How much is degraded?"
tests = [{ when = "degradation > 0.05", then = "heavy" }]
else = "light"
[outcomes.heavy]
title = "Heavy degradation"
severity = "critical"
cause = "More than 5 % of replies are fallbacks."
actions = ["routing.haiku on"]
[outcomes.light]
title = "Light degradation"
severity = "warning"
cause = "Between 3 and 5 % of replies are fallbacks."
"#;
    std::fs::write(dir.path().join("degradation.toml"), text).unwrap();
    let d = dir.path().to_str().unwrap();
    let (code, out, err) =
        run(masst().args(["--runbooks", d, "diagnose", "degradation", "--scenario", "flash-sale", "--output", "json"]));
    assert_eq!(code, 1, "{err}");
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["results"][0]["outcome"], "heavy");
    assert_eq!(doc["results"][0]["actions"], serde_json::json!(["routing.haiku"]));
}

#[test]
fn runbook_list_and_show_describe_the_trees() {
    let (code, out, _) = run(masst().args(["runbook", "list"]));
    assert_eq!(code, 0);
    for name in ["throttling", "batch-backlog", "underutilization", "priority-inversion", "dlq"] {
        assert!(out.contains(name), "{out}");
    }
    let (code, out, _) = run(masst().args(["runbook", "show", "throttling", "--mermaid"]));
    assert_eq!(code, 0);
    assert!(out.starts_with("flowchart TD\n"));
    assert!(
        out.contains(
            "quota_usage -->|\"in-flight calls ≥ 90 % of quota, or configured pools exceed it\"| shared_quota"
        ),
        "{out}"
    );
    insta::assert_snapshot!("throttling_mermaid", out);
    // The list and each tree fit a 100-column terminal.
    for args in [&["runbook", "list"][..], &["runbook", "show", "throttling"], &["runbook", "show", "dlq"]] {
        let (code, out, _) = run(masst().env("COLUMNS", "100").args(args));
        assert_eq!(code, 0);
        for line in out.lines() {
            assert!(line.chars().count() <= 100, "{args:?}: {} columns: {line}", line.chars().count());
        }
    }
    let (code, out, _) = run(masst().env("COLUMNS", "100").args(["runbook", "show", "throttling"]));
    assert_eq!(code, 0);
    assert!(out.contains("ask: Bedrock server-error metrics are missing."), "{out}");
    let (code, _, err) = run(masst().args(["runbook", "show", "nope"]));
    assert_eq!(code, 2);
    assert!(err.contains("throttling"));
}

#[test]
fn a_threshold_is_stated_once_for_the_trigger_and_its_alarm() {
    // The flash sale throttles at about 12 %: with the threshold raised to 50 % in the runbook
    // file, the trigger no longer fires, and the alarm the same file declares moves with it.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("throttling.toml"),
        broken(THROTTLING, "throttle_rate = 0.05", "throttle_rate = 0.5"),
    )
    .unwrap();
    let d = dir.path().to_str().unwrap();
    let (code, out, err) =
        run(masst().args(["--runbooks", d, "diagnose", "throttling", "--scenario", "flash-sale", "--output", "json"]));
    assert_eq!(code, 0, "{out}{err}");
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(doc["results"].as_array().unwrap().iter().all(|r| r["triggered"] == false), "{doc}");
    let set = masst::engine::load_dir(&dir.path().join("throttling.toml"), masst::actions::catalog()).unwrap();
    let defs = masst::actions::alarms::declared(&set);
    let alarm = defs.iter().find(|a| a.name == "ThrottleRate").unwrap();
    assert_eq!(alarm.threshold, 0.5);
    // As shipped, the flash sale fires, showing the threshold it was judged against.
    let (code, out, _) = run(masst().args(["diagnose", "throttling", "--scenario", "flash-sale"]));
    assert_eq!(code, 1);
    assert!(out.contains("throttle_rate = 0.05"), "{out}");
}

#[test]
fn broken_toml_shows_the_line_with_a_caret_under_the_offending_character() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("broken.toml");
    std::fs::write(&file, "name = \"x\"\ntitle = \"t\"\nstart = = \"a\"\n").unwrap();
    let (code, _, err) = crate::cli::run(crate::cli::masst().args(["runbook", "validate"]).arg(&file));
    assert_eq!(code, 2, "{err}");
    let lines: Vec<&str> = err.lines().collect();
    assert!(lines[0].ends_with("not a valid runbook file: TOML parse error at line 3, column 9"), "{err}");
    let at = lines.iter().position(|l| *l == "3 | start = = \"a\"").expect("the line as written");
    assert_eq!(lines[at + 1].find('^'), Some(12), "the caret under the second `=`:\n{err}");
}
