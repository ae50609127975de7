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
