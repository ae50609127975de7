//! The six scenarios on paper: without intervention each stays bad, the seed's resolution
//! recovers it within the seed's time, and the wrong actions of the issue make a signal worse.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use super::*;
use crate::evidence::scenario::Scenario;
use crate::lab::drill::score::{self, Effect};
use crate::lab::drill::{initial_world, prepare, simulate};

struct Drill {
    p: Params,
    s: State,
    w: World,
    models: Vec<String>,
    ids: BTreeMap<String, String>,
}

fn drill(name: &str) -> Drill {
    let (scenario, p) = prepare(&Scenario::embedded(name).unwrap()).unwrap();
    let w = initial_world(&scenario);
    let models = vec!["sonnet".to_string(), "haiku".to_string()];
    let clock = scenario.at.unwrap().as_second();
    let s = State::start(&p, &w, &models, clock, 7);
    let ids = BTreeMap::from([("sonnet".into(), "anthropic.claude-3-sonnet".into())]);
    Drill { p, s, w, models, ids }
}

impl Drill {
    fn run(&self, minutes: u32, act: impl FnMut(u32, &mut World)) -> Vec<Minute> {
        simulate(&self.p, &self.s, &self.w, &self.models, &self.ids, minutes, act)
    }

    /// Judges changing the starting world by `change`.
    fn judge(&self, change: impl Fn(&mut World)) -> (Effect, Vec<score::SignalEffect>) {
        let mut with = self.w.clone();
        change(&mut with);
        score::judge(&self.p, &self.models, &self.ids, &self.s, &self.w, &with)
    }
}

fn set(w: &mut World, path: &str, v: Value) {
    let (parent, key) = path.rsplit_once('/').unwrap();
    let mut node = &mut w.config;
    for part in parent.split('/').filter(|p| !p.is_empty()) {
        node = node.as_object_mut().unwrap().entry(part.to_string()).or_insert(json!({}));
    }
    node.as_object_mut().unwrap().insert(key.to_string(), v);
}

fn series(ms: &[Minute], key: &str) -> Vec<f64> {
    ms.iter().map(|m| m.get(key)).collect()
}

const THROTTLE: &str = "MangaAssist/Throughput:ThrottleRate";

#[test]
fn flash_sale_keeps_throttling_while_nobody_acts() {
    let d = drill("flash-sale");
    let t = series(&d.run(20, |_, _| {}), THROTTLE);
    assert!(t.iter().all(|x| *x > 0.10), "{t:?}");
    let ms = d.run(3, |_, _| {});
    assert!(ms[0].logs.iter().any(|l| l.text.starts_with("Circuit OPEN for anthropic.claude-3-sonnet")));
    assert_eq!(ms[2].get("MangaAssist/Throughput:CircuitState_Sonnet"), 2.0);
}

#[test]
fn flash_sale_stops_throttling_once_analytics_is_paused_and_sonnet_fits_the_quota() {
    let d = drill("flash-sale");
    let ms = d.run(10, |i, w| {
        if i == 0 {
            set(w, "/analytics/paused", json!(true));
            set(w, "/pools/realtime/sonnet", json!(32));
        }
    });
    // The seed's "immediate (0-5 minutes)": no throttling from the first minute on.
    assert!(series(&ms, THROTTLE).iter().all(|x| *x == 0.0), "{:?}", series(&ms, THROTTLE));
    assert_eq!(ms[3].get("MangaAssist/Throughput:CircuitState_Sonnet"), 0.0);
    assert_eq!(ms[9].get("MangaAssist/Analytics:ActiveConcurrency_Sonnet"), 0.0);
    // Judged together (one deployment can carry both): helpful, though more requests wait.
    let (effect, signals) = d.judge(|w| {
        set(w, "/analytics/paused", json!(true));
        set(w, "/pools/realtime/sonnet", json!(32));
    });
    assert_eq!(effect, Effect::Helpful, "{signals:?}");
}

#[test]
fn flash_sale_pausing_analytics_alone_helps_but_does_not_end_it() {
    let d = drill("flash-sale");
    let t = series(&d.run(10, |_, w| set(w, "/analytics/paused", json!(true))), THROTTLE);
    assert!(t.iter().all(|x| *x > 0.05), "{t:?}");
    let (effect, _) = d.judge(|w| set(w, "/analytics/paused", json!(true)));
    assert_eq!(effect, Effect::Helpful);
}

#[test]
fn flash_sale_raising_sonnet_above_the_quota_makes_throttling_worse() {
    let d = drill("flash-sale");
    let base = series(&d.run(5, |_, _| {}), THROTTLE);
    let worse = series(&d.run(5, |_, w| set(w, "/pools/realtime/sonnet", json!(60))), THROTTLE);
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
    // masst verify calls it worse at 2 points above the start.
    assert!(mean(&worse) > mean(&base) + 0.02, "{base:?} -> {worse:?}");
    let (effect, signals) = d.judge(|w| set(w, "/pools/realtime/sonnet", json!(60)));
    assert_eq!(effect, Effect::Harmful);
    assert!(signals.iter().any(|s| s.metric == THROTTLE && s.verdict == "worse"), "{signals:?}");
}

const DEPTH: &str = "MangaAssist/Batch:QueueDepth";

#[test]
fn batch_backlog_keeps_growing_while_nobody_acts() {
    let d = drill("batch-backlog");
    let ms = d.run(30, |_, _| {});
    let depth = series(&ms, DEPTH);
    assert!(depth[29] > depth[0] && depth[0] >= 450.0, "{depth:?}");
    assert!(ms[29].get("MangaAssist/Batch:QueueAge") > 7200.0);
    assert!(series(&ms, "MangaAssist/Batch:ProcessedPerMinute").iter().all(|x| *x <= 3.0));
}

#[test]
fn batch_backlog_drains_with_the_seeds_resolution() {
    let d = drill("batch-backlog");
    let ms = d.run(30, |i, w| {
        if i == 0 {
            w.desired.insert(PRODUCER.into(), 0);
            set(w, "/pools/batch/haiku", json!(10));
            set(w, "/batch/shares_realtime_pool", json!(false));
            w.desired.insert(WORKERS.into(), 5);
        }
    });
    let depth = series(&ms, DEPTH);
    // Falling from the first minute, processing faster than inflow (the runbook's recovery).
    assert!(depth.windows(2).all(|p| p[1] < p[0]), "{depth:?}");
    assert!(ms[29].get("MangaAssist/Batch:ProcessedPerMinute") > ms[29].get("MangaAssist/Batch:EnqueuedPerMinute"));
    assert!(depth[29] < 450.0 - 100.0);
}

#[test]
fn batch_backlog_more_workers_on_the_shared_pool_make_real_time_worse() {
    let d = drill("batch-backlog");
    let (effect, signals) = d.judge(|w| {
        w.desired.insert(WORKERS.into(), 5);
    });
    assert_eq!(effect, Effect::Harmful, "{signals:?}");
    assert!(signals.iter().any(|s| s.realtime && s.verdict == "worse"), "{signals:?}");
    // The same workers on a dedicated pool only help.
    let (effect, signals) = d.judge(|w| {
        set(w, "/batch/shares_realtime_pool", json!(false));
        w.desired.insert(WORKERS.into(), 5);
    });
    assert_eq!(effect, Effect::Helpful, "{signals:?}");
}

const IPM: &str = "MangaAssist/Throughput:InvocationsPerMinute";

#[test]
fn conservative_limits_stay_under_target_with_the_controller_pinned() {
    let d = drill("conservative-limits");
    let ms = d.run(20, |_, _| {});
    assert!(series(&ms, IPM).iter().all(|x| *x < 500.0), "{:?}", series(&ms, IPM));
    assert!(series(&ms, THROTTLE).iter().all(|x| *x == 0.0));
    assert!(ms[5].logs.iter().any(|l| l.text == "concurrency sonnet: p99=600ms < target=1200ms, growing 15 -> 15"));
}

#[test]
fn conservative_limits_ramp_15_20_25_30_once_the_ceiling_is_raised() {
    let d = drill("conservative-limits");
    let ms = d.run(12, |i, w| {
        if i == 0 {
            set(w, "/pools/realtime/sonnet", json!(72));
            set(w, "/pools/realtime/haiku", json!(80));
        }
    });
    let eff = series(&ms, "MangaAssist/Throughput:EffectiveConcurrency_Sonnet");
    assert_eq!(&eff[..4], &[15.0, 20.0, 25.0, 30.0], "{eff:?}");
    assert!(series(&ms, THROTTLE).iter().all(|x| *x == 0.0));
    let ipm = series(&ms, IPM);
    assert!(ipm.windows(2).take(6).all(|p| p[1] > p[0]), "{ipm:?}");
    // The runbook's value is a 5-minute mean: at target within the verification's 6 minutes
    // of the ramp's end.
    assert!(ipm[7..12].iter().sum::<f64>() / 5.0 >= 1000.0, "{ipm:?}");
}

#[test]
fn conservative_limits_pausing_analytics_changes_nothing() {
    let d = drill("conservative-limits");
    let (effect, signals) = d.judge(|w| set(w, "/analytics/paused", json!(true)));
    assert_eq!(effect, Effect::Neutral, "{signals:?}");
}

const P99: &str = "MangaAssist/Throughput:P99Latency_Sonnet";

#[test]
fn priority_inversion_stays_slow_while_the_batch_runs() {
    let d = drill("priority-inversion");
    let p99 = series(&d.run(20, |_, _| {}), P99);
    assert!(p99.iter().all(|x| *x > 4000.0), "{p99:?}");
}

#[test]
fn priority_inversion_p99_is_back_within_two_minutes_of_pausing_the_batch() {
    let d = drill("priority-inversion");
    let p99 = series(&d.run(6, |_, w| set(w, "/batch/paused", json!(true))), P99);
    assert!(p99[..2].iter().any(|x| *x <= 1200.0 * 1.1), "{p99:?}");
    assert!(p99[2..].iter().all(|x| *x <= 1200.0 * 1.1), "{p99:?}");
    // The seed's schedule (0 at 10-13 JST) does it too.
    let sched = series(&d.run(3, |_, w| set(w, "/batch/schedule_jst/10", json!(0))), P99);
    assert!(sched[0] <= 1200.0 * 1.1, "{sched:?}");
}

const DLQ: &str = "MangaAssist/DLQ:Depth";

#[test]
fn dlq_keeps_filling_while_nobody_acts() {
    let d = drill("dlq-retryable");
    let dlq = series(&d.run(30, |_, _| {}), DLQ);
    assert!(dlq[0] >= 120.0 && dlq[29] >= dlq[0] + 20.0, "{dlq:?}");
}

fn redrive(w: &mut World) {
    w.primary_depth += w.dlq_depth;
    w.dlq_depth = 0.0;
}

fn queue_fix(w: &mut World) {
    w.visibility_s = 300.0;
    w.max_receive = 5.0;
}

#[test]
fn dlq_empties_after_the_redrive_and_stays_empty_once_the_queue_is_fixed() {
    let d = drill("dlq-retryable");
    let ms = d.run(15, |i, w| {
        if i == 0 {
            redrive(w);
            queue_fix(w);
        }
    });
    assert!(series(&ms, DLQ).iter().all(|x| *x == 0.0), "{:?}", series(&ms, DLQ));
    let depth = series(&ms, DEPTH);
    assert!(depth.windows(2).all(|p| p[1] < p[0]), "{depth:?}");
    // Either alone is not enough: the DLQ refills, or it keeps its 120.
    let refills = series(
        &d.run(15, |i, w| {
            if i == 0 {
                redrive(w)
            }
        }),
        DLQ,
    );
    assert!(refills[14] >= 5.0, "{refills:?}");
    let stays = series(
        &d.run(15, |i, w| {
            if i == 0 {
                queue_fix(w)
            }
        }),
        DLQ,
    );
    assert!(stays.iter().all(|x| *x == 120.0), "{stays:?}");
}

#[test]
fn healthy_stays_healthy() {
    let d = drill("healthy");
    let ms = d.run(60, |_, _| {});
    assert!(series(&ms, THROTTLE).iter().all(|x| *x == 0.0));
    assert!(series(&ms, P99).iter().all(|x| *x < 1200.0));
    assert!(series(&ms, IPM).iter().all(|x| *x >= 1000.0), "{:?}", series(&ms, IPM));
    assert!(series(&ms, DLQ).iter().all(|x| *x == 0.0));
    assert!(series(&ms, DEPTH).iter().all(|x| *x < 60.0), "{:?}", series(&ms, DEPTH));
}

#[test]
fn a_seed_gives_the_same_drill_and_another_seed_another() {
    let d = drill("flash-sale");
    let again = drill("flash-sale");
    assert_eq!(d.run(10, |_, _| {}), again.run(10, |_, _| {}));
    let mut other = drill("flash-sale");
    other.s.seed = 8;
    assert_ne!(series(&d.run(10, |_, _| {}), IPM), series(&other.run(10, |_, _| {}), IPM));
}

#[test]
fn the_score_sees_config_ecs_queue_and_redrive_changes_in_words() {
    let d = drill("dlq-retryable");
    let mut now = d.w.clone();
    set(&mut now, "/analytics/paused", json!(true));
    now.desired.insert(PRODUCER.into(), 0);
    queue_fix(&mut now);
    redrive(&mut now);
    let seen = score::detect(&d.w, &now, d.w.dlq_depth);
    let words: Vec<String> = seen.iter().flat_map(|c| c.what.clone()).collect();
    assert_eq!(
        words,
        [
            "analytics.paused false → true",
            "ECS catalog-enrichment desired count 1 → 0",
            "batch queue VisibilityTimeout 30 → 300",
            "batch queue maxReceiveCount 3 → 5",
            "DLQ drained 120 → 0 (redriven or purged)"
        ]
    );
    let dlq = seen.iter().find(|c| c.kind == "dlq").unwrap();
    assert_eq!((dlq.without.dlq_depth, dlq.without.primary_depth), (120.0, 150.0));
}

/// The world's queues and services as the runbooks read them.
type Queues = BTreeMap<String, (String, BTreeMap<String, String>)>;
type Services = BTreeMap<String, (String, i64, i64, i64)>;

fn observed(w: &World) -> (Queues, Services) {
    let primary = BTreeMap::from([
        ("ApproximateNumberOfMessages".to_string(), format!("{}", w.primary_depth as u64)),
        ("ApproximateNumberOfMessagesNotVisible".to_string(), "0".to_string()),
        ("VisibilityTimeout".to_string(), format!("{}", w.visibility_s as u64)),
        (
            "RedrivePolicy".to_string(),
            json!({"deadLetterTargetArn": "arn:dlq", "maxReceiveCount": w.max_receive}).to_string(),
        ),
    ]);
    let dlq = BTreeMap::from([
        ("ApproximateNumberOfMessages".to_string(), format!("{}", w.dlq_depth as u64)),
        ("ApproximateNumberOfMessagesNotVisible".to_string(), "0".to_string()),
    ]);
    let queues = Queues::from([
        ("primary".to_string(), ("mangaassist-batch".to_string(), primary)),
        ("dlq".to_string(), ("mangaassist-batch-dlq".to_string(), dlq)),
    ]);
    let services = w.desired.iter().map(|(r, n)| (r.clone(), (r.clone(), *n, *n, 0))).collect();
    (queues, services)
}

/// Runs the drill five minutes, applies `fix`, and asks the runbook, as the drill does, how many
/// simulated minutes recovery takes.
fn minutes_to_recover(name: &str, runbook: &str, fix: impl Fn(&mut World)) -> Option<u32> {
    use crate::engine::verify::{self, Verdict};
    let d = drill(name);
    let scenario = Scenario::embedded(name).unwrap();
    let at = scenario.at.unwrap();
    let end = at.as_second() - at.as_second().rem_euclid(60);
    let mut hour: Vec<BTreeMap<String, f64>> = vec![BTreeMap::new(); 60];
    for (key, pts) in scenario.series(at, 60) {
        for (t, v) in pts {
            hour[60 - ((end - t) / 60) as usize].insert(key.clone(), v);
        }
    }
    let set = crate::engine::load_embedded(crate::actions::catalog());
    let rb = set.get(runbook).unwrap();
    let cx = crate::engine::WalkContext { models: d.models.clone(), answers: Default::default() };
    let sample = scenario.evidence(None).dlq_sample;
    let mut now = at;
    let ev = |hour: &[BTreeMap<String, f64>], w: &World, now: jiff::Timestamp| {
        let refs: Vec<&BTreeMap<String, f64>> = hour.iter().collect();
        let (q, s) = observed(w);
        crate::lab::drill::evidence(&refs, now, &w.config, &q, &s, sample.clone())
    };
    let first = ev(&hour, &d.w, now);
    let before = verify::begin(&[rb], &first, &cx);
    assert!(before.iter().any(|w| w.was_triggered == Some(true)), "{name}: {runbook} fires at the start");
    // Five minutes of the drill before the engineer acts, as live.
    let (mut s, mut w) = (d.s.clone(), d.w.clone());
    for _ in 0..5 {
        let (next, m) = step(&d.p, &s, &w, &d.models, &d.ids);
        w = w.after(&m.moves);
        s = next;
        hour.remove(0);
        hour.push(m.metrics);
        now += jiff::SignedDuration::from_secs(60);
    }
    fix(&mut w);
    // As the drill judges: against the diagnosis (`before`), or against a verification started
    // right after the change (`after`); either recovering counts.
    let after = verify::begin(&[rb], &ev(&hour, &w, now), &cx);
    for minute in 1..=60 {
        let (next, m) = step(&d.p, &s, &w, &d.models, &d.ids);
        w = w.after(&m.moves);
        s = next;
        hour.remove(0);
        hour.push(m.metrics);
        now += jiff::SignedDuration::from_secs(60);
        let e = ev(&hour, &w, now);
        let recovered = |ws: &[verify::Watch]| {
            ws.iter()
                .filter(|x| x.was_triggered != Some(false))
                .all(|x| verify::judge(rb, &e, x).verdict == Verdict::Recovered)
        };
        if recovered(&before) || recovered(&after) {
            return Some(minute);
        }
    }
    None
}

#[test]
fn each_seed_resolution_recovers_within_the_runbooks_budget_as_verify_judges_it() {
    // The budgets are the runbooks' `within` (the seed's times), here in simulated minutes.
    let flash = minutes_to_recover("flash-sale", "throttling", |w| {
        set(w, "/analytics/paused", json!(true));
        set(w, "/pools/realtime/sonnet", json!(32));
    });
    assert!(flash.is_some_and(|m| m <= 5), "flash-sale: {flash:?}");
    let backlog = minutes_to_recover("batch-backlog", "batch-backlog", |w| {
        w.desired.insert(PRODUCER.into(), 0);
        set(w, "/pools/batch/haiku", json!(10));
        set(w, "/batch/shares_realtime_pool", json!(false));
        w.desired.insert(WORKERS.into(), 5);
    });
    assert!(backlog.is_some_and(|m| m <= 30), "batch-backlog: {backlog:?}");
    let limits = minutes_to_recover("conservative-limits", "underutilization", |w| {
        set(w, "/pools/realtime/sonnet", json!(72));
        set(w, "/pools/realtime/haiku", json!(80));
    });
    assert!(limits.is_some_and(|m| m <= 15), "conservative-limits: {limits:?}");
    let inversion =
        minutes_to_recover("priority-inversion", "priority-inversion", |w| set(w, "/batch/paused", json!(true)));
    // P99 itself is back in a minute (above); the runbook reads the mean of 5 datapoints,
    // which needs 4 minutes of 1.2 s to fall under 2.4 s: one more than its 3m budget.
    assert!(inversion.is_some_and(|m| m <= 4), "priority-inversion: {inversion:?}");
    let dlq = minutes_to_recover("dlq-retryable", "dlq", |w| {
        queue_fix(w);
        redrive(w);
    });
    assert!(dlq.is_some_and(|m| m <= 15), "dlq-retryable: {dlq:?}");
    // And nothing recovers on its own.
    for (name, runbook) in [
        ("flash-sale", "throttling"),
        ("batch-backlog", "batch-backlog"),
        ("conservative-limits", "underutilization"),
        ("priority-inversion", "priority-inversion"),
        ("dlq-retryable", "dlq"),
    ] {
        assert_eq!(minutes_to_recover(name, runbook, |_| {}), None, "{name} recovered with no one acting");
    }
}
