//! Bedrock's own view against the app's (contract §9), live against the emulator: the app's
//! metrics and Bedrock's `AWS/Bedrock` counters are written with PutMetricData, AWS Health and
//! Service Quotas answer through the bridge, and masst says when the two views disagree.

use serde_json::{json, Value};

use crate::emulator::{block_on, Emulator};
use crate::live::json;

/// A world extending `healthy` with `extra` (scenario TOML), written by `lab up`.
fn world(extra: &str) -> Emulator {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("world.toml");
    let text = format!("name = \"bedrock-world\"\ntitle = \"a test world\"\nextends = \"healthy\"\n{extra}");
    std::fs::write(&file, text).unwrap();
    let emu = Emulator::start();
    let (code, out, err) = crate::cli::run(emu.masst().args(["lab", "up", "--scenario-file"]).arg(&file));
    assert_eq!(code, 0, "lab up: {out}{err}");
    emu
}

/// Bedrock's own counters and none of the app's ThrottleRate, so each test writes its own.
const NO_THROTTLE_COUNTS: &str = r#"
[metrics]
"MangaAssist/Throughput:ThrottleRate" = { absent = true }
"AWS/Bedrock:Invocations{ModelId=sonnet}" = { absent = true }
"AWS/Bedrock:Invocations{ModelId=haiku}" = { absent = true }
"AWS/Bedrock:InvocationThrottles{ModelId=sonnet}" = { absent = true }
"AWS/Bedrock:InvocationThrottles{ModelId=haiku}" = { absent = true }
"#;

/// Writes `value` for each of the last 10 minutes of each metric, as the deployment would.
fn put(emu: &Emulator, series: &[(&str, f64)]) {
    let now = jiff::Timestamp::now().as_second();
    let end = now - now.rem_euclid(60);
    let points: Vec<(&str, i64, f64)> =
        series.iter().flat_map(|(k, v)| (1..=10).map(move |i| (*k, end - i * 60, *v))).collect();
    let settings = masst::settings::Settings::default();
    block_on(masst::aws::cloudwatch::put_logical(&emu.clients(), &settings, &points, 500, "the test's metrics"))
        .unwrap();
}

/// Bedrock answering 1,000 calls a minute for each model, `fraction` of them throttled
/// (throttled calls are not counted in Invocations).
fn bedrock_throttling(emu: &Emulator, fraction: f64) {
    let calls = 1000.0;
    put(
        emu,
        &[
            ("AWS/Bedrock:Invocations{ModelId=sonnet}", calls * (1.0 - fraction)),
            ("AWS/Bedrock:InvocationThrottles{ModelId=sonnet}", calls * fraction),
            ("AWS/Bedrock:Invocations{ModelId=haiku}", calls * (1.0 - fraction)),
            ("AWS/Bedrock:InvocationThrottles{ModelId=haiku}", calls * fraction),
        ],
    );
}

fn result<'a>(doc: &'a Value, runbook: &str) -> &'a Value {
    doc["results"].as_array().unwrap().iter().find(|r| r["runbook"] == runbook).unwrap()
}

/// Every input of a result (trigger and checks), flattened.
fn inputs(r: &Value) -> Vec<Value> {
    let mut out: Vec<Value> = r["trigger"]["inputs"].as_array().unwrap().clone();
    for s in r["steps"].as_array().unwrap() {
        for c in s["checks"].as_array().unwrap() {
            out.extend(c["inputs"].as_array().unwrap().iter().cloned());
        }
    }
    out
}

#[test]
fn without_the_apps_throttle_rate_throttling_is_diagnosed_from_bedrocks_view_and_says_so() {
    let emu = world(NO_THROTTLE_COUNTS);
    bedrock_throttling(&emu, 0.12);
    let (code, doc) = json(emu.masst().args(["diagnose", "throttling"]));
    assert_eq!(code, 1, "{doc:#}");
    let r = result(&doc, "throttling");
    assert_eq!(r["triggered"], true, "{r:#}");
    let trigger = &r["trigger"]["inputs"][0];
    assert_eq!(trigger["kind"], "metric");
    let source = trigger["source"].as_str().unwrap();
    assert!(source.contains("Bedrock's throttle fraction"), "{source}");
    assert!(source.contains("MangaAssist/Throughput:ThrottleRate has no datapoints"), "it says why: {source}");
    let fractions = trigger["value"].as_array().unwrap();
    assert!(fractions.iter().all(|f| (f.as_f64().unwrap() - 0.12).abs() < 1e-9), "{fractions:?}");
    // Every input says what kind of record it came from.
    for i in inputs(r) {
        let kind = i["kind"].as_str().unwrap_or("none");
        assert!(["metric", "logs", "queue", "ecs", "config", "health", "quota"].contains(&kind), "{i:#}");
    }
    let (_, out, _) = crate::cli::run(emu.masst().args(["diagnose", "throttling"]));
    assert!(
        crate::cli::flat(&out).contains("Bedrock's throttle fraction (the app publishes no ThrottleRate)"),
        "{out}"
    );
}

#[test]
fn the_app_reporting_throttles_bedrock_does_not_count_is_app_throttles_not_from_bedrock() {
    let emu = world(NO_THROTTLE_COUNTS);
    put(&emu, &[("MangaAssist/Throughput:ThrottleRate", 0.12)]);
    bedrock_throttling(&emu, 0.0);
    let (code, doc) = json(emu.masst().args(["diagnose", "instrumentation"]));
    assert_eq!(code, 1, "a warning is a finding at the default --fail-on: {doc:#}");
    let r = result(&doc, "instrumentation");
    assert_eq!(r["outcome"], "app-throttles-not-from-bedrock", "{r:#}");
    assert_eq!((&r["model"], &r["severity"]), (&Value::Null, &json!("warning")));
    assert_eq!(r["path"], json!(["throttle-agreement"]));
    let shown = inputs(r);
    let by = |n: &str| shown.iter().find(|i| i["name"] == n).unwrap_or_else(|| panic!("{n}: {shown:#?}"));
    assert_eq!(by("app_now")["value"], 0.12, "the app's number is in the evidence");
    assert_eq!(by("bedrock_fraction")["value"], 0.0, "and Bedrock's");
}

#[test]
fn bedrock_throttling_that_the_app_reports_as_zero_is_bedrock_throttles_unseen_by_app() {
    let emu = world(NO_THROTTLE_COUNTS);
    put(&emu, &[("MangaAssist/Throughput:ThrottleRate", 0.0)]);
    bedrock_throttling(&emu, 0.08);
    let (_, doc) = json(emu.masst().args(["diagnose", "instrumentation"]));
    let r = result(&doc, "instrumentation");
    assert_eq!(r["outcome"], "bedrock-throttles-unseen-by-app", "{r:#}");
    let fraction = inputs(r).into_iter().find(|i| i["name"] == "bedrock_fraction").unwrap();
    assert!((fraction["value"].as_f64().unwrap() - 0.08).abs() < 1e-9, "{fraction:#}");
    assert!(r["resolution"][0].as_str().unwrap().contains("InvocationThrottles per ModelId"));
}

#[test]
fn health_without_a_support_plan_is_unavailable_and_the_node_goes_on_with_the_metric() {
    let emu = Emulator::start();
    emu.lab_up("flash-sale");
    emu.set_json(r#"{"health_subscription": false}"#);
    let (code, doc) = json(emu.masst().args(["diagnose", "throttling"]));
    assert_eq!(code, 1, "unavailable Health is no failure to look: {doc:#}");
    let r = result(&doc, "throttling");
    assert_eq!(r["outcome"], "other-workloads-consuming-quota", "the server-error metric decided");
    let health = &r["steps"][0]["checks"][0];
    assert_eq!(health["passed_over"], true, "{health:#}");
    assert_eq!(health["inputs"][0]["kind"], "health");
    let why = health["inputs"][0]["missing"][0].as_str().unwrap();
    assert!(why.contains("AWS Health is unavailable: SubscriptionRequiredException"), "{why}");
    let (_, out, _) = crate::cli::run(emu.masst().args(["diagnose", "throttling"]));
    let flat = crate::cli::flat(&out);
    let at = flat.find("SubscriptionRequiredException").unwrap();
    assert!(flat[at..].chars().take(200).collect::<String>().contains("Business"), "one line says why: {out}");

    // With Health answering and an open Bedrock event in the region: degraded, with its evidence.
    emu.set_json(
        r#"{"health_subscription": true, "health_events": [
            {"eventTypeCode": "AWS_BEDROCK_OPERATIONAL_ISSUE", "region": "us-east-1", "startTime": 1781000000},
            {"eventTypeCode": "AWS_BEDROCK_API_ISSUE", "region": "eu-west-1", "startTime": 1781000000}]}"#,
    );
    let (_, doc) = json(emu.masst().args(["diagnose", "throttling"]));
    let r = result(&doc, "throttling");
    assert_eq!(r["outcome"], "bedrock-service-degraded", "{r:#}");
    let source = r["steps"][0]["checks"][0]["inputs"][0]["source"].as_str().unwrap();
    assert!(source.contains("AWS_BEDROCK_OPERATIONAL_ISSUE since 2026-06-09"), "type and start: {source}");
    assert!(!source.contains("more"), "the other region's event is not this deployment's: {source}");
    let calls = emu.calls();
    assert!(calls["by_operation"]["health.DescribeEvents"].as_u64().unwrap() >= 1, "{calls}");
}

#[test]
fn the_tokens_quota_is_found_by_name_on_the_second_page_and_used_by_quota_usage() {
    // In flight well under the quota and pools within it: only the tokens say it is near.
    let emu = world(
        r#"
[config.pools]
realtime = { sonnet = 30, haiku = 50 }

[metrics]
"MangaAssist/Throughput:ThrottleRate" = 0.12
"MangaAssist/RealTime:ActiveConcurrency_Sonnet" = 20
"AWS/Bedrock:EstimatedTPMQuotaUsage{ModelId=sonnet}" = { absent = true }
"#,
    );
    put(&emu, &[("AWS/Bedrock:EstimatedTPMQuotaUsage{ModelId=sonnet}", 190_000.0)]);
    // 120 other quotas first (codes sort before it), a page of 100: Sonnet's is on page two.
    let mut values = serde_json::Map::new();
    let mut names = serde_json::Map::new();
    for i in 0..120 {
        values.insert(format!("L-0{i:04}"), json!(10));
        names.insert(format!("L-0{i:04}"), json!(format!("Some other quota {i}")));
    }
    values.insert("L-SONNET-TPM".into(), json!(200_000));
    names.insert("L-SONNET-TPM".into(), json!("On-demand InvokeModel tokens per minute for Anthropic Claude 3 Sonnet"));
    emu.set_json(&json!({"quotas": {"bedrock": values}, "quota_names": {"bedrock": names}}).to_string());
    emu.reset_calls();
    let (_, doc) = json(emu.masst().args(["diagnose", "throttling"]));
    assert_eq!(emu.calls()["by_operation"]["servicequotas.ListServiceQuotas"], 2, "both pages, once per run");
    let r = result(&doc, "throttling");
    assert_eq!(r["path"][1], "quota-usage");
    assert_eq!(r["path"][2], "shared-quota", "{r:#}");
    let tpm = &r["steps"][1]["checks"][1];
    assert_eq!(tpm["result"], true, "{tpm:#}");
    let quota = tpm["inputs"].as_array().unwrap().iter().find(|i| i["name"] == "tpm_quota").unwrap();
    assert_eq!((quota["kind"].as_str(), quota["value"].as_f64()), (Some("quota"), Some(200_000.0)));
    let source = quota["source"].as_str().unwrap();
    assert!(source.contains("L-SONNET-TPM") && source.contains("tokens per minute for Anthropic Claude 3 Sonnet"));
}

#[test]
fn a_healthy_world_with_both_views_gives_no_finding() {
    let emu = Emulator::start();
    emu.lab_up("healthy");
    let (code, doc) = json(emu.masst().args(["diagnose", "all"]));
    assert_eq!(code, 0, "{doc:#}");
    let r = result(&doc, "instrumentation");
    assert_eq!(r["triggered"], false, "{r:#}");
    let seen: Vec<&Value> =
        r["trigger"]["inputs"].as_array().unwrap().iter().filter(|i| i["name"] == "bedrock_seen").collect();
    assert_eq!(seen[0]["value"], true, "both views have data: {seen:?}");
}

#[test]
fn lab_up_writes_the_worlds_health_events_and_quotas_and_live_agrees_with_offline() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("outage.toml");
    let text = "name = \"outage\"\ntitle = \"flash sale during a Bedrock event\"\nextends = \"flash-sale\"\n\n\
                [health]\nevents = [{ type = \"AWS_BEDROCK_OPERATIONAL_ISSUE\", minutes_ago = 20 }]\n";
    std::fs::write(&file, text).unwrap();
    let emu = Emulator::start();
    let (code, out, err) = crate::cli::run(emu.masst().args(["lab", "up", "--scenario-file"]).arg(&file));
    assert_eq!(code, 0, "{out}{err}");
    let (_, live) = json(emu.masst().args(["diagnose", "throttling"]));
    let (_, offline) = json(crate::cli::masst().args(["diagnose", "throttling", "--scenario-file"]).arg(&file));
    assert_eq!(result(&live, "throttling")["outcome"], "bedrock-service-degraded", "{live:#}");
    assert_eq!(crate::live::verdicts(&live), crate::live::verdicts(&offline));
}
