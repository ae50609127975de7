//! Bedrock's own view against the app's (contract §9), walked over the embedded scenarios with
//! Bedrock's counters, AWS Health and the quotas found by name changed one at a time.

use super::walk::{walk, Answers, Diagnosis, WalkContext};
use super::{load_embedded, Runbook};
use crate::evidence::scenario::Scenario;
use crate::evidence::{Evidence, HealthEvent, HealthState, ModelQuotas, NamedQuota};

fn world(name: &str) -> Evidence {
    Scenario::embedded(name).unwrap().evidence(None)
}

/// Sets a series to a flat line over the window's timestamps.
fn flat(ev: &mut Evidence, key: &str, v: f64) {
    let ts: Vec<i64> = ev.metrics["MangaAssist/DLQ:Depth"].iter().map(|(t, _)| *t).collect();
    ev.metrics.insert(key.to_string(), ts.into_iter().map(|t| (t, v)).collect());
}

fn runbook(name: &str) -> Runbook {
    load_embedded(crate::actions::catalog()).runbooks.into_iter().find(|r| r.name == name).unwrap()
}

fn result(rb: &str, ev: &Evidence, model: Option<&str>) -> Diagnosis {
    let cx = WalkContext { models: vec!["sonnet".into(), "haiku".into()], answers: Answers::default() };
    walk(&runbook(rb), ev, &cx).into_iter().find(|d| model.is_none() || d.model.as_deref() == model).unwrap()
}

/// Bedrock counting `fraction` of every model's calls as throttled (1,000 calls a minute).
fn bedrock_throttling(ev: &mut Evidence, fraction: f64) {
    for m in ["sonnet", "haiku"] {
        let calls = 500.0;
        flat(ev, &format!("AWS/Bedrock:Invocations{{ModelId={m}}}"), calls * (1.0 - fraction));
        flat(ev, &format!("AWS/Bedrock:InvocationThrottles{{ModelId={m}}}"), calls * fraction);
    }
}

#[test]
fn without_the_apps_throttle_rate_throttling_is_diagnosed_from_bedrocks_view_and_says_so() {
    let mut ev = world("flash-sale");
    ev.metrics.remove("MangaAssist/Throughput:ThrottleRate");
    bedrock_throttling(&mut ev, 0.12);
    let d = result("throttling", &ev, None);
    assert_eq!(d.triggered, Some(true));
    assert_eq!(d.outcome.as_deref(), Some("other-workloads-consuming-quota"));
    let input = &d.trigger.inputs[0];
    assert_eq!(input.kind, "metric");
    assert!(input.source.contains("Bedrock's throttle fraction"), "{}", input.source);
    assert!(input.source.contains("MangaAssist/Throughput:ThrottleRate has no datapoints"), "{}", input.source);

    // Neither view: unknown, naming both.
    let mut none = world("flash-sale");
    none.metrics.retain(|k, _| !k.contains("ThrottleRate") && !k.contains("InvocationThrottles"));
    let d = result("throttling", &none, None);
    assert_eq!(d.triggered, None);
    let missing = d.unknown.unwrap().missing.join("; ");
    assert!(missing.contains("ThrottleRate") && missing.contains("InvocationThrottles"), "{missing}");
}

#[test]
fn the_instrumentation_runbook_fires_only_where_the_two_views_disagree() {
    let mut app_only = world("healthy");
    flat(&mut app_only, "MangaAssist/Throughput:ThrottleRate", 0.12);
    bedrock_throttling(&mut app_only, 0.0);
    let d = result("instrumentation", &app_only, None);
    assert_eq!(d.outcome.as_deref(), Some("app-throttles-not-from-bedrock"), "{d:?}");
    assert_eq!(d.model, None);
    let shown = serde_json::to_string(&d.steps[0].checks[0].inputs).unwrap();
    assert!(shown.contains("0.12") && shown.contains("bedrock_fraction"), "both numbers: {shown}");

    let mut bedrock_only = world("healthy");
    bedrock_throttling(&mut bedrock_only, 0.08);
    let d = result("instrumentation", &bedrock_only, None);
    assert_eq!(d.outcome.as_deref(), Some("bedrock-throttles-unseen-by-app"));
    assert_eq!(d.severity, Some(super::Severity::Warning));

    // Agreement, and a world without Bedrock's throttle counts: clear, never unknown.
    let mut agree = world("healthy");
    bedrock_throttling(&mut agree, 0.0);
    assert_eq!(result("instrumentation", &agree, None).triggered, Some(false));
    assert_eq!(result("instrumentation", &world("healthy"), None).triggered, Some(false));
    let mut both = world("flash-sale");
    bedrock_throttling(&mut both, 0.12);
    assert_eq!(result("instrumentation", &both, None).triggered, Some(false), "both see the throttling");
}

#[test]
fn an_open_health_event_is_a_degraded_service_and_unavailable_health_is_passed_over() {
    let mut ev = world("flash-sale");
    let event = HealthEvent {
        event_type: "AWS_BEDROCK_OPERATIONAL_ISSUE".into(),
        start: Some("2026-08-08T02:50:00Z".parse().unwrap()),
        status: "open".into(),
        arn: "arn:aws:health:us-east-1::event/BEDROCK/1".into(),
    };
    ev.health = Some(HealthState { region: "us-east-1".into(), events: vec![event], unavailable: None });
    let d = result("throttling", &ev, None);
    assert_eq!(d.outcome.as_deref(), Some("bedrock-service-degraded"));
    let shown = &d.steps[0].checks[0].inputs[0];
    assert_eq!(shown.kind, "health");
    assert!(shown.source.contains("AWS_BEDROCK_OPERATIONAL_ISSUE since 2026-08-08 02:50"), "{}", shown.source);

    ev.health = Some(HealthState {
        region: "us-east-1".into(),
        events: vec![],
        unavailable: Some("SubscriptionRequiredException".into()),
    });
    let d = result("throttling", &ev, None);
    assert_eq!(d.outcome.as_deref(), Some("other-workloads-consuming-quota"), "the metric decides");
    let health = &d.steps[0].checks[0];
    assert!(health.passed_over && health.result.is_none());
    assert!(health.inputs[0].missing[0].contains("unavailable: SubscriptionRequiredException"));
}

#[test]
fn the_tokens_quota_found_by_name_also_makes_the_model_near_its_quota() {
    let mut ev = world("flash-sale");
    // In flight well under the quota, pools within it: only the tokens can say it is near.
    flat(&mut ev, "MangaAssist/RealTime:ActiveConcurrency_Sonnet", 20.0);
    flat(&mut ev, "AWS/Bedrock:EstimatedTPMQuotaUsage{ModelId=sonnet}", 90_000.0);
    cfg_pools(&mut ev);
    assert_eq!(result("throttling", &ev, None).path[1..3], ["quota-usage".to_string(), "request-pattern".into()]);
    flat(&mut ev, "AWS/Bedrock:EstimatedTPMQuotaUsage{ModelId=sonnet}", 190_000.0);
    let quota = |v: f64| NamedQuota {
        name: "On-demand InvokeModel tokens per minute for Anthropic Claude 3 Sonnet".into(),
        code: Some("L-BEDROCK-TPM".into()),
        value: Some(v),
    };
    let named = |v| ModelQuotas { tokens: quota(v), requests: NamedQuota::default() };
    ev.named_quotas.insert("sonnet".into(), named(200_000.0));
    let d = result("throttling", &ev, None);
    assert_eq!(d.path[..3], ["service-health".to_string(), "quota-usage".into(), "shared-quota".into()]);
    let tpm = &d.steps[1].checks[1];
    assert_eq!(tpm.result, Some(true));
    let quota_input = tpm.inputs.iter().find(|i| i.name == "tpm_quota").unwrap();
    assert_eq!(quota_input.kind, "quota");
    assert!(quota_input.source.contains("L-BEDROCK-TPM") && quota_input.source.contains("200000"), "{quota_input:?}");
    ev.named_quotas.insert("sonnet".into(), named(1_000_000.0));
    assert_eq!(result("throttling", &ev, None).path[2], "request-pattern");
}

/// Pools within the quota (40): real-time 30, analytics 8.
fn cfg_pools(ev: &mut Evidence) {
    let doc = ev.config.as_mut().unwrap();
    doc["pools"]["realtime"]["sonnet"] = 30.into();
}

#[test]
fn priority_inversion_counts_bedrocks_throttles_and_shows_its_latency() {
    let mut ev = world("priority-inversion");
    flat(&mut ev, "MangaAssist/RealTime:ActiveConcurrency_Sonnet", 20.0);
    flat(&mut ev, "MangaAssist/Analytics:ActiveConcurrency_Sonnet", 0.0);
    flat(&mut ev, "AWS/Bedrock:InvocationLatency{ModelId=sonnet}", 4000.0);
    flat(&mut ev, "AWS/Bedrock:InvocationThrottles{ModelId=sonnet}", 0.0);
    let d = result("priority-inversion", &ev, Some("sonnet"));
    assert_eq!(d.outcome.as_deref(), Some("bedrock-latency-issue"));
    let shown: Vec<(&str, Option<String>)> =
        d.shows.iter().map(|r| (r.name.as_str(), r.value.as_ref().map(|v| v.display()))).collect();
    assert_eq!(shown, [("bedrock_p99", Some("4000".into())), ("bedrock_p99_median", Some("4000".into()))]);

    flat(&mut ev, "AWS/Bedrock:InvocationThrottles{ModelId=sonnet}", 3.0);
    let d = result("priority-inversion", &ev, Some("sonnet"));
    assert_eq!(d.outcome.as_deref(), Some("account-quota-contention"));
    assert_eq!(
        d.steps[1].checks[1].says.as_deref(),
        Some("Bedrock counted throttles of this model in the last 5 minutes")
    );
}

#[test]
fn bedrocks_series_alone_do_not_make_a_model_to_walk() {
    let mut ev = world("priority-inversion");
    let haiku: Vec<String> = ev.metrics.keys().filter(|k| k.contains("Haiku")).cloned().collect();
    for k in haiku {
        ev.metrics.remove(&k);
    }
    flat(&mut ev, "AWS/Bedrock:InvocationLatency{ModelId=haiku}", 300.0);
    let cx = WalkContext { models: vec!["sonnet".into(), "haiku".into()], answers: Answers::default() };
    let models: Vec<Option<String>> =
        walk(&runbook("priority-inversion"), &ev, &cx).into_iter().map(|d| d.model).collect();
    assert_eq!(models, [Some("sonnet".to_string())]);
}
