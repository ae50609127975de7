//! Every outcome of every seed runbook, reached from a scenario with the seed's numbers and
//! one or two readings changed, plus the missing-metric cases that must give *unknown*.

use serde_json::json;

use super::walk::{walk, Answers, Diagnosis, WalkContext};
use super::{load_embedded, Runbook};
use crate::evidence::dlq::Class;
use crate::evidence::scenario::Scenario;
use crate::evidence::Evidence;

fn world(name: &str) -> Evidence {
    Scenario::embedded(name).unwrap().evidence(None)
}

/// Replaces a series with a flat line over the same timestamps.
fn flat(ev: &mut Evidence, key: &str, v: f64) {
    let ts: Vec<i64> = ev.metrics.values().next().unwrap().iter().map(|(t, _)| *t).collect();
    ev.metrics.insert(key.to_string(), ts.into_iter().map(|t| (t, v)).collect());
}

fn drop_metric(ev: &mut Evidence, key: &str) {
    assert!(ev.metrics.remove(key).is_some(), "{key} was not in the scenario");
}

fn cfg(ev: &mut Evidence, path: &str, v: serde_json::Value) {
    let ptr = format!("/{}", path.replace('.', "/"));
    *ev.config.as_mut().unwrap().pointer_mut(&ptr).unwrap_or_else(|| panic!("no {path}")) = v;
}

fn runbook(name: &str) -> Runbook {
    load_embedded(crate::actions::catalog()).runbooks.into_iter().find(|r| r.name == name).unwrap()
}

fn diagnose_with(rb: &str, ev: &Evidence, answers: &[(&str, bool)]) -> Vec<Diagnosis> {
    let cx = WalkContext {
        models: vec!["sonnet".into(), "haiku".into()],
        answers: Answers(answers.iter().map(|(k, v)| (k.to_string(), *v)).collect()),
    };
    walk(&runbook(rb), ev, &cx)
}

/// The single result of `rb` for `model` (or the only one).
fn result(rb: &str, ev: &Evidence, model: Option<&str>) -> Diagnosis {
    diagnose_with(rb, ev, &[])
        .into_iter()
        .find(|d| model.is_none() || d.model.as_deref() == model)
        .expect("a result for that model")
}

fn outcome(rb: &str, ev: &Evidence, model: Option<&str>) -> String {
    let d = result(rb, ev, model);
    d.outcome.unwrap_or_else(|| format!("<none: triggered={:?} unknown={:?}>", d.triggered, d.unknown))
}

#[test]
fn the_five_seed_scenarios_end_at_the_contract_outcomes_through_its_nodes() {
    let cases = [
        (
            "flash-sale",
            "throttling",
            Some("sonnet"),
            "other-workloads-consuming-quota",
            vec!["service-health", "quota-usage", "shared-quota"],
        ),
        (
            "batch-backlog",
            "batch-backlog",
            None,
            "batch-competing-with-realtime",
            vec!["queue-trend", "processing", "worker-health"],
        ),
        (
            "conservative-limits",
            "underutilization",
            Some("sonnet"),
            "ceiling-too-low",
            vec!["throttles", "utilization", "latency-headroom", "adaptive"],
        ),
        (
            "priority-inversion",
            "priority-inversion",
            Some("sonnet"),
            "account-quota-contention",
            vec!["pool-sharing", "account-throttle"],
        ),
        (
            "dlq-retryable",
            "dlq",
            None,
            "retry-count-is-receive-count",
            vec!["error-mix", "max-receive", "visibility-vs-backoff", "retry-logic"],
        ),
    ];
    for (scenario, rb, model, want, path) in cases {
        let d = result(rb, &world(scenario), model);
        assert_eq!(d.outcome.as_deref(), Some(want), "{scenario}");
        assert_eq!(d.path, path, "{scenario}");
        assert_eq!(d.model.as_deref(), model, "{scenario}");
    }
}

#[test]
fn the_healthy_world_triggers_nothing() {
    let ev = world("healthy");
    for rb in load_embedded(crate::actions::catalog()).runbooks {
        for d in diagnose_with(&rb.name, &ev, &[]) {
            assert_eq!(d.triggered, Some(false), "{} {:?}", d.runbook, d.model);
        }
    }
}

#[test]
fn throttling_reaches_every_outcome() {
    let mut ev = world("flash-sale");
    flat(&mut ev, "AWS/Bedrock:InvocationServerErrors{ModelId=sonnet}", 100.0);
    assert_eq!(outcome("throttling", &ev, None), "bedrock-service-degraded");

    let mut ev = world("flash-sale");
    flat(&mut ev, "MangaAssist/Analytics:ActiveConcurrency_Sonnet", 0.0);
    cfg(&mut ev, "pools.analytics.sonnet", json!(0));
    assert_eq!(outcome("throttling", &ev, None), "request-quota-increase");

    // Well below the quota, pools within it: the request pattern decides.
    let below = |ev: &mut Evidence| {
        cfg(ev, "pools.realtime.sonnet", json!(30));
        flat(ev, "MangaAssist/Analytics:ActiveConcurrency_Sonnet", 0.0);
        flat(ev, "MangaAssist/RealTime:ActiveConcurrency_Sonnet", 20.0);
        flat(ev, "MangaAssist/RealTime:ActiveConcurrency_Haiku", 10.0);
        // Tokens well under Sonnet's tokens-per-minute quota too (Bedrock's own count).
        flat(ev, "AWS/Bedrock:EstimatedTPMQuotaUsage{ModelId=sonnet}", 90_000.0);
    };
    let mut ev = world("flash-sale");
    below(&mut ev);
    assert_eq!(outcome("throttling", &ev, None), "circuit-breaker-working");
    flat(&mut ev, "MangaAssist/Throughput:CircuitState_Sonnet", 1.0);
    // chat-api's `Circuit OPEN` line alone still says the breaker opened (contract §9).
    assert_eq!(outcome("throttling", &ev, None), "circuit-breaker-working");
    ev.logs.get_mut("chat-api").expect("every scenario has the three groups").lines.clear();
    assert_eq!(outcome("throttling", &ev, None), "adaptive-too-slow");
    flat(&mut ev, "MangaAssist/Throughput:InvocationsPerMinute", 1200.0);
    assert_eq!(outcome("throttling", &ev, None), "concurrency-limit-too-high");
}

#[test]
fn throttling_walks_the_model_with_the_largest_share_of_its_quota() {
    let mut ev = world("flash-sale");
    flat(&mut ev, "MangaAssist/RealTime:ActiveConcurrency_Haiku", 79.0);
    let d = result("throttling", &ev, None);
    assert_eq!(d.model.as_deref(), Some("haiku"));
    assert_eq!(d.model_scores.len(), 2);
}

#[test]
fn throttling_with_a_missing_in_flight_metric_cannot_tell_the_throttled_model() {
    let mut ev = world("flash-sale");
    drop_metric(&mut ev, "MangaAssist/Analytics:ActiveConcurrency_Sonnet");
    let d = result("throttling", &ev, None);
    assert_eq!((d.outcome.as_deref(), d.model.as_deref()), (None, None));
    let u = d.unknown.unwrap();
    assert_eq!(u.node, "model-selection");
    assert!(u.missing.iter().any(|m| m.contains("MangaAssist/Analytics:ActiveConcurrency_Sonnet")), "{u:?}");
    assert_eq!(d.severity, Some(super::Severity::Critical));
}

#[test]
fn throttling_with_a_missing_bedrock_metric_is_unknown_at_service_health_not_healthy() {
    let mut ev = world("flash-sale");
    drop_metric(&mut ev, "AWS/Bedrock:InvocationServerErrors{ModelId=sonnet}");
    let d = result("throttling", &ev, None);
    let u = d.unknown.unwrap();
    assert_eq!(u.node, "service-health");
    assert_eq!(
        u.missing,
        ["metric AWS/Bedrock:InvocationServerErrors{ModelId=sonnet} has no datapoints in the window"]
    );
}

#[test]
fn a_missing_metric_that_cannot_change_the_answer_does_not_block_the_walk() {
    // ThrottleRate > 0 decides account-throttle whatever the analytics metric would say.
    let mut ev = world("priority-inversion");
    flat(&mut ev, "MangaAssist/Throughput:ThrottleRate", 0.01);
    drop_metric(&mut ev, "MangaAssist/Analytics:ActiveConcurrency_Sonnet");
    let d = result("priority-inversion", &ev, Some("sonnet"));
    assert_eq!(d.outcome.as_deref(), Some("account-quota-contention"));
    let shown = &d.steps[1].checks[0].inputs;
    assert!(shown.iter().any(|i| i.name == "inflight" && i.value.is_none()), "the missing input is still shown");
}

#[test]
fn missing_bedrock_metrics_ask_the_engineer_and_an_answer_decides() {
    let mut ev = world("flash-sale");
    drop_metric(&mut ev, "AWS/Bedrock:Invocations{ModelId=sonnet}");
    drop_metric(&mut ev, "AWS/Bedrock:InvocationServerErrors{ModelId=sonnet}");
    let d = result("throttling", &ev, None);
    let u = d.unknown.unwrap();
    assert_eq!(u.node, "service-health");
    assert!(u.question.unwrap().contains("Health Dashboard"));

    let yes = diagnose_with("throttling", &ev, &[("service-health", true)]);
    assert_eq!(yes[0].outcome.as_deref(), Some("bedrock-service-degraded"));
    assert_eq!(yes[0].steps[0].answer, Some(true));
    let no = diagnose_with("throttling", &ev, &[("throttling.service-health", false)]);
    assert_eq!(no[0].outcome.as_deref(), Some("other-workloads-consuming-quota"));
}

#[test]
fn batch_backlog_reaches_every_outcome() {
    let base = world("batch-backlog");
    let with = |f: &dyn Fn(&mut Evidence)| {
        let mut ev = base.clone();
        f(&mut ev);
        outcome("batch-backlog", &ev, None)
    };
    assert_eq!(with(&|_| {}), "batch-competing-with-realtime");
    assert_eq!(with(&|ev| flat(ev, "MangaAssist/Batch:QueueDepth", 450.0)), "workers-slow");
    assert_eq!(with(&|ev| flat(ev, "MangaAssist/Batch:ProcessedPerMinute", 5.0)), "workers-slow");
    assert_eq!(with(&|ev| ev.services.get_mut("batch-worker").unwrap().running = 1), "workers-crashing");
    assert_eq!(
        with(&|ev| {
            flat(ev, "MangaAssist/RealTime:ActiveConcurrency_Haiku", 20.0);
        }),
        "workers-slow"
    );
    assert_eq!(
        with(&|ev| {
            flat(ev, "MangaAssist/RealTime:ActiveConcurrency_Haiku", 20.0);
            flat(ev, "MangaAssist/Batch:ThrottleRate", 0.2);
        }),
        "batch-competing-with-realtime"
    );
    assert_eq!(with(&|ev| flat(ev, "MangaAssist/Batch:ProcessedPerMinute", 0.0)), "workers-blocked-circuit-open");
    assert_eq!(
        with(&|ev| {
            flat(ev, "MangaAssist/Batch:ProcessedPerMinute", 0.0);
            ev.services.get_mut("batch-worker").unwrap().running = 0;
        }),
        "ecs-scaling-issue"
    );
}

#[test]
fn batch_backlog_without_throughput_metrics_is_unknown_at_processing() {
    let mut ev = world("batch-backlog");
    drop_metric(&mut ev, "MangaAssist/Batch:ProcessedPerMinute");
    let d = result("batch-backlog", &ev, None);
    assert_eq!(d.unknown.as_ref().unwrap().node, "processing");
    assert_eq!(d.triggered, Some(true));
    assert!(d.is_finding(super::Severity::Warning));
}

#[test]
fn underutilization_reaches_every_outcome() {
    let base = world("conservative-limits");
    let with = |f: &dyn Fn(&mut Evidence)| {
        let mut ev = base.clone();
        f(&mut ev);
        outcome("underutilization", &ev, Some("sonnet"))
    };
    assert_eq!(with(&|_| {}), "ceiling-too-low");
    assert_eq!(with(&|ev| flat(ev, "MangaAssist/Throughput:ThrottleRate", 0.01)), "throttled-not-underutilized");
    assert_eq!(with(&|ev| flat(ev, "MangaAssist/Throughput:EffectiveConcurrency_Sonnet", 5.0)), "low-demand");
    assert_eq!(with(&|ev| flat(ev, "MangaAssist/Throughput:EffectiveConcurrency_Sonnet", 10.0)), "partial-utilization");
    assert_eq!(with(&|ev| flat(ev, "MangaAssist/Throughput:P99Latency_Sonnet", 1000.0)), "at-optimal-point");
    assert_eq!(with(&|ev| flat(ev, "MangaAssist/Throughput:P99Latency_Sonnet", 1500.0)), "latency-not-concurrency");
    assert_eq!(with(&|ev| cfg(ev, "adaptive.enabled", json!(false))), "enable-adaptive-controller");
}

#[test]
fn underutilization_gives_a_result_per_model_with_data_and_unknown_for_a_missing_limit() {
    let mut ev = world("conservative-limits");
    drop_metric(&mut ev, "MangaAssist/Throughput:ConcurrencyLimit_Sonnet");
    let rs = diagnose_with("underutilization", &ev, &[]);
    assert_eq!(rs.len(), 2);
    assert_eq!(rs[0].unknown.as_ref().unwrap().node, "utilization");
    assert_eq!(rs[1].outcome.as_deref(), Some("ceiling-too-low"));

    let haiku_keys: Vec<String> =
        ev.metrics.keys().filter(|k| k.ends_with("Haiku") || k.contains("=haiku")).cloned().collect();
    for k in haiku_keys {
        ev.metrics.remove(&k);
    }
    let rs = diagnose_with("underutilization", &ev, &[]);
    assert_eq!(rs.iter().map(|d| d.model.clone().unwrap()).collect::<Vec<_>>(), ["sonnet"]);
}

#[test]
fn priority_inversion_reaches_every_outcome() {
    let base = world("priority-inversion");
    let with = |f: &dyn Fn(&mut Evidence)| {
        let mut ev = base.clone();
        f(&mut ev);
        outcome("priority-inversion", &ev, Some("sonnet"))
    };
    assert_eq!(with(&|_| {}), "account-quota-contention");
    assert_eq!(with(&|ev| cfg(ev, "batch.shares_realtime_pool", json!(true))), "pause-batch");
    assert_eq!(
        with(&|ev| {
            cfg(ev, "batch.shares_realtime_pool", json!(true));
            cfg(ev, "batch.pausable", json!(false));
        }),
        "downgrade-batch-model"
    );
    assert_eq!(
        with(&|ev| {
            cfg(ev, "batch.shares_realtime_pool", json!(true));
            cfg(ev, "batch.pausable", json!(false));
            cfg(ev, "batch.model_downgrade_allowed", json!(false));
        }),
        "reduce-batch-concurrency"
    );
    assert_eq!(
        with(&|ev| {
            flat(ev, "MangaAssist/RealTime:ActiveConcurrency_Sonnet", 20.0);
            flat(ev, "MangaAssist/Analytics:ActiveConcurrency_Sonnet", 0.0);
            // Nor does Bedrock count throttles of Sonnet.
            flat(ev, "AWS/Bedrock:InvocationThrottles{ModelId=sonnet}", 0.0);
        }),
        "bedrock-latency-issue"
    );
    // Haiku's P99 is fine: its result does not fire.
    assert_eq!(result("priority-inversion", &base, Some("haiku")).triggered, Some(false));
}

#[test]
fn priority_inversion_without_a_throttle_metric_is_unknown_at_account_throttle() {
    let mut ev = world("priority-inversion");
    flat(&mut ev, "MangaAssist/RealTime:ActiveConcurrency_Sonnet", 20.0);
    drop_metric(&mut ev, "MangaAssist/Throughput:ThrottleRate");
    let d = result("priority-inversion", &ev, Some("sonnet"));
    let u = d.unknown.unwrap();
    assert_eq!(u.node, "account-throttle");
    assert_eq!(u.missing, ["metric MangaAssist/Throughput:ThrottleRate has no datapoints in the window"]);
}

#[test]
fn dlq_reaches_every_outcome() {
    let base = world("dlq-retryable");
    let with = |f: &dyn Fn(&mut Evidence)| {
        let mut ev = base.clone();
        f(&mut ev);
        outcome("dlq", &ev, None)
    };
    let reclass = |ev: &mut Evidence, every: usize, class: Class| {
        for (i, m) in ev.dlq_sample.as_mut().unwrap().messages.iter_mut().enumerate() {
            if i % every == 0 {
                m.class = class;
            }
        }
    };
    assert_eq!(with(&|_| {}), "retry-count-is-receive-count");
    assert_eq!(with(&|ev| reclass(ev, 1, Class::NonRetryable)), "non-retryable-errors");
    assert_eq!(with(&|ev| reclass(ev, 1, Class::Unknown)), "non-retryable-errors");
    assert_eq!(with(&|ev| reclass(ev, 2, Class::NonRetryable)), "mixed-errors");
    assert_eq!(with(&|ev| reclass(ev, 3, Class::Unknown)), "mixed-errors");
    let set_q = |ev: &mut Evidence, k: &str, v: &str| {
        ev.queues.get_mut("primary").unwrap().attributes.insert(k.into(), v.into());
    };
    assert_eq!(with(&|ev| set_q(ev, "VisibilityTimeout", "10")), "visibility-timeout-shorter-than-backoff");
    assert_eq!(with(&|ev| cfg(ev, "retry.track_in_body", json!(true))), "backoff-too-short");
    assert_eq!(
        with(&|ev| {
            cfg(ev, "retry.track_in_body", json!(true));
            cfg(ev, "retry.base_delay_s", json!(5));
            set_q(ev, "VisibilityTimeout", "300");
        }),
        "throttle-beyond-retry-budget"
    );
    // maxReceiveCount above 3 skips the visibility check.
    let mut ev = base.clone();
    set_q(&mut ev, "VisibilityTimeout", "10");
    set_q(&mut ev, "RedrivePolicy", r#"{"deadLetterTargetArn":"arn:x","maxReceiveCount":5}"#);
    let d = result("dlq", &ev, None);
    assert_eq!(d.path, ["error-mix", "max-receive", "retry-logic"]);
}

#[test]
fn a_dlq_that_could_not_be_sampled_is_unknown_at_error_mix() {
    let mut ev = world("dlq-retryable");
    ev.dlq_sample = None;
    let d = result("dlq", &ev, None);
    let u = d.unknown.unwrap();
    assert_eq!(u.node, "error-mix");
    assert!(u.missing[0].contains("no DLQ sample was read"), "{u:?}");
}

#[test]
fn a_trigger_that_cannot_be_evaluated_is_unknown_and_counts_as_a_finding() {
    let mut ev = world("healthy");
    drop_metric(&mut ev, "MangaAssist/Throughput:ThrottleRate");
    // Neither the app's ThrottleRate nor Bedrock's own count to fall back on.
    drop_metric(&mut ev, "AWS/Bedrock:InvocationThrottles{ModelId=sonnet}");
    drop_metric(&mut ev, "AWS/Bedrock:InvocationThrottles{ModelId=haiku}");
    let d = result("throttling", &ev, None);
    assert_eq!(d.triggered, None);
    assert_eq!(d.unknown.as_ref().unwrap().node, "trigger");
    assert!(d.is_finding(super::Severity::Critical));
}

/// The offers of a result as `id arg…`, arguments as computed.
fn offers(d: &super::Diagnosis) -> Vec<String> {
    use crate::engine::Arg;
    let arg = |a: &Arg| match a {
        Arg::Word(w) => w.clone(),
        Arg::Number(n) => crate::text::fmt_num(*n),
        Arg::Unknown => "?".into(),
    };
    d.calls
        .iter()
        .map(|c| std::iter::once(c.id.clone()).chain(c.args.iter().map(arg)).collect::<Vec<_>>().join(" "))
        .collect()
}

#[test]
fn offered_actions_carry_arguments_computed_from_the_evidence() {
    let d = result("throttling", &world("flash-sale"), None);
    assert_eq!(offers(&d), ["analytics.pause", "concurrency.set sonnet 32"]);
    let d = result("batch-backlog", &world("batch-backlog"), None);
    assert_eq!(offers(&d), ["producer.pause", "batch.concurrency 10", "batch.scale 5"]);
}
