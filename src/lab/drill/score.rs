//! How the engineer did (contract §12): the changes seen in the live world, each judged by
//! asking the model what the next minutes would have been without it, and the worst real-time
//! p99 and throttle rate reached.
//!
//! A change is judged on the signals that matter, over [`HORIZON`] simulated minutes from the
//! state the change met. Real-time signals come first (the seed: real-time degradation is not
//! acceptable, batch degradation is), in the order an on-call engineer weighs them: throttle
//! rate, p99, degradation, requests waiting, invocations; the first of them that moved decides
//! (`harmful` if it got worse, `helpful` if better), so bringing Sonnet within its quota is
//! helpful although more requests now wait for a slot. When no real-time signal moved, a
//! change that made a batch signal better is `helpful`, one that only made one worse is
//! `harmful`, and one that moved nothing is `neutral` (pausing analytics where the quota was
//! never short).

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use super::model::{cap, Params, PerModel, State, World};

/// Simulated minutes a change is judged over.
pub const HORIZON: u32 = 5;

/// What a change did.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Effect {
    Helpful,
    Harmful,
    Neutral,
}

impl Effect {
    /// The word in the score.
    pub fn as_str(self) -> &'static str {
        match self {
            Effect::Helpful => "helpful",
            Effect::Harmful => "harmful",
            Effect::Neutral => "neutral",
        }
    }
}

/// One signal, with and without the change (means over the horizon).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SignalEffect {
    pub metric: String,
    pub without: f64,
    pub with: f64,
    /// `better` or `worse`.
    pub verdict: String,
    pub realtime: bool,
}

/// A signal that matters, which way is good, and how much change counts.
struct Key {
    metric: String,
    lower_is_better: bool,
    realtime: bool,
    abs: f64,
    rel: f64,
}

fn keys(models: &[String]) -> Vec<Key> {
    let k = |metric: String, lower_is_better, realtime, abs, rel| Key { metric, lower_is_better, realtime, abs, rel };
    let mut out = vec![
        k("MangaAssist/Throughput:ThrottleRate".into(), true, true, 0.01, 0.0),
        k("MangaAssist/Throughput:DegradationRate".into(), true, true, 0.005, 0.05),
        k("MangaAssist/Throughput:QueueDepth".into(), true, true, 2.0, 0.1),
        k("MangaAssist/Throughput:InvocationsPerMinute".into(), false, true, 10.0, 0.03),
    ];
    for m in models {
        out.push(k(format!("MangaAssist/Throughput:P99Latency_{}", cap(m)), true, true, 50.0, 0.05));
    }
    out.push(k("MangaAssist/Batch:QueueDepth".into(), true, false, 1.5, 0.0));
    out.push(k("MangaAssist/DLQ:Depth".into(), true, false, 0.5, 0.0));
    out
}

/// Judges a change: the world as it is (`with`) against the same world with the change
/// reverted (`without`), both run [`HORIZON`] minutes from `state`.
pub fn judge(
    p: &Params,
    models: &[String],
    ids: &BTreeMap<String, String>,
    state: &State,
    without: &World,
    with: &World,
) -> (Effect, Vec<SignalEffect>) {
    let mean = |w: &World| -> BTreeMap<String, f64> {
        let minutes = super::simulate(p, state, w, models, ids, HORIZON, |_, _| {});
        let mut sums: BTreeMap<String, f64> = BTreeMap::new();
        for m in &minutes {
            for (k, v) in &m.metrics {
                *sums.entry(k.clone()).or_default() += v / minutes.len() as f64;
            }
        }
        sums
    };
    let (a, b) = (mean(without), mean(with));
    let mut signals = Vec::new();
    for key in keys(models) {
        let (x, y) = (a.get(&key.metric).copied().unwrap_or(0.0), b.get(&key.metric).copied().unwrap_or(0.0));
        let threshold = key.abs.max(key.rel * x.abs());
        if (y - x).abs() <= threshold {
            continue;
        }
        let better = (y < x) == key.lower_is_better;
        signals.push(SignalEffect {
            metric: key.metric,
            without: x,
            with: y,
            verdict: if better { "better" } else { "worse" }.into(),
            realtime: key.realtime,
        });
    }
    // Real-time signals in the order they matter: the first level that moved decides.
    let level = |m: &str| -> Option<u8> {
        let name = m.rsplit(':').next().unwrap_or(m);
        Some(match name {
            "ThrottleRate" if m.contains("Throughput") => 0,
            n if n.starts_with("P99Latency_") => 1,
            "DegradationRate" => 2,
            "QueueDepth" if m.contains("Throughput") => 3,
            "InvocationsPerMinute" => 4,
            _ => return None,
        })
    };
    let decided = (0..=4u8).find_map(|l| {
        let moved: Vec<&SignalEffect> = signals.iter().filter(|s| level(&s.metric) == Some(l)).collect();
        if moved.is_empty() {
            None
        } else if moved.iter().any(|s| s.verdict == "worse") {
            Some(Effect::Harmful)
        } else {
            Some(Effect::Helpful)
        }
    });
    let any_better = signals.iter().any(|s| s.verdict == "better");
    let effect = match decided {
        Some(e) => e,
        None if any_better => Effect::Helpful,
        None if signals.is_empty() => Effect::Neutral,
        None => Effect::Harmful,
    };
    (effect, signals)
}

/// One group of live changes seen at one step, and the world without it.
#[derive(Debug, Clone, PartialEq)]
pub struct Detected {
    /// `config`, `ecs:<role>`, `queue` or `dlq`.
    pub kind: String,
    /// What changed, in words (`pools.realtime.sonnet 50 → 60`).
    pub what: Vec<String>,
    /// The live world with this change reverted.
    pub without: World,
}

fn leaves(v: &Value, prefix: &str, out: &mut BTreeMap<String, Value>) {
    match v {
        Value::Object(o) => {
            for (k, v) in o {
                let p = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
                leaves(v, &p, out);
            }
        }
        other => {
            out.insert(prefix.to_string(), other.clone());
        }
    }
}

fn show(v: Option<&Value>) -> String {
    match v {
        None => "(none)".into(),
        Some(Value::String(s)) => s.clone(),
        Some(v) => v.to_string(),
    }
}

fn num(v: f64) -> String {
    crate::text::fmt_num(v)
}

/// The changes between the world read at the last step (`prev`) and now; `expected_dlq` is the
/// DLQ depth the model left (a lower one means a redrive or a purge).
pub fn detect(prev: &World, now: &World, expected_dlq: f64) -> Vec<Detected> {
    let mut out = Vec::new();
    if prev.config != now.config {
        let (mut a, mut b) = (BTreeMap::new(), BTreeMap::new());
        leaves(&prev.config, "", &mut a);
        leaves(&now.config, "", &mut b);
        let what: Vec<String> = a
            .keys()
            .chain(b.keys())
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .filter(|k| a.get(*k) != b.get(*k))
            .map(|k| format!("{k} {} → {}", show(a.get(k)), show(b.get(k))))
            .collect();
        let mut without = now.clone();
        without.config = prev.config.clone();
        out.push(Detected { kind: "config".into(), what, without });
    }
    for (role, n) in &now.desired {
        let before = prev.desired.get(role).copied().unwrap_or(0);
        if before != *n {
            let mut without = now.clone();
            without.desired.insert(role.clone(), before);
            out.push(Detected {
                kind: format!("ecs:{role}"),
                what: vec![format!("ECS {role} desired count {before} → {n}")],
                without,
            });
        }
    }
    let mut queue = Vec::new();
    if prev.visibility_s != now.visibility_s {
        queue.push(format!("batch queue VisibilityTimeout {} → {}", num(prev.visibility_s), num(now.visibility_s)));
    }
    if prev.max_receive != now.max_receive {
        queue.push(format!("batch queue maxReceiveCount {} → {}", num(prev.max_receive), num(now.max_receive)));
    }
    if !queue.is_empty() {
        let mut without = now.clone();
        without.visibility_s = prev.visibility_s;
        without.max_receive = prev.max_receive;
        out.push(Detected { kind: "queue".into(), what: queue, without });
    }
    if now.dlq_depth + 0.5 < expected_dlq {
        let moved = expected_dlq - now.dlq_depth;
        let mut without = now.clone();
        without.dlq_depth = expected_dlq;
        without.primary_depth = (now.primary_depth - moved).max(0.0);
        out.push(Detected {
            kind: "dlq".into(),
            what: vec![format!("DLQ drained {} → {} (redriven or purged)", num(expected_dlq), num(now.dlq_depth))],
            without,
        });
    }
    out
}

/// A masst journal entry that made a change.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ByMasst {
    pub journal_id: String,
    pub action: String,
    pub command: String,
}

/// A change the drill saw, and what it did.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Change {
    /// The simulated minute it was first seen.
    pub minute: u32,
    pub kind: String,
    pub what: Vec<String>,
    /// The masst actions that made it (empty: made outside masst).
    pub by: Vec<ByMasst>,
    pub effect: Effect,
    /// The signals it moved, with and without it.
    pub signals: Vec<SignalEffect>,
}

impl Change {
    /// `concurrency.set (pools.realtime.sonnet 50 → 60)`, or the change alone outside masst.
    pub fn label(&self) -> String {
        let what = self.what.join("; ");
        if self.by.is_empty() {
            format!("{what} (outside masst)")
        } else {
            let ids: Vec<&str> = self.by.iter().map(|b| b.action.as_str()).collect();
            format!("{} ({what})", ids.join(" + "))
        }
    }
}

/// The worst real-time readings of the drill.
#[derive(Debug, Clone, Serialize, PartialEq, Default)]
pub struct Worst {
    pub p99_ms: PerModel,
    pub throttle_rate: f64,
}

impl Worst {
    /// Takes in one minute's metrics.
    pub fn see(&mut self, metrics: &BTreeMap<String, f64>, models: &[String]) {
        for m in models {
            if let Some(v) = metrics.get(&format!("MangaAssist/Throughput:P99Latency_{}", cap(m))) {
                let e = self.p99_ms.entry(m.clone()).or_insert(0.0);
                *e = e.max(*v);
            }
        }
        if let Some(v) = metrics.get("MangaAssist/Throughput:ThrottleRate") {
            self.throttle_rate = self.throttle_rate.max(*v);
        }
    }
}

/// How the drill ended.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Ended {
    /// The runbook's recovery expectation held for [`HOLD`] steps.
    Recovered,
    /// `--minutes` ran out.
    Minutes,
    /// Ctrl-C.
    Interrupted,
}

/// Steps the recovery expectation must hold for the drill to end recovered.
pub const HOLD: u32 = 5;

/// The score, as printed and as `--output json` gives it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Score {
    pub scenario: String,
    pub seed: u64,
    pub speed: f64,
    /// Simulated minutes run.
    pub minutes: u32,
    pub ended: Ended,
    pub recovered: bool,
    /// The runbook result watched, and what recovered means for it.
    pub watching: Option<String>,
    pub expectation: Option<String>,
    /// Minutes from the start to the first minute of the recovery that held.
    pub minutes_to_recovery: Option<u32>,
    pub changes: Vec<Change>,
    /// Labels of the helpful and harmful changes.
    pub helpful: Vec<String>,
    pub harmful: Vec<String>,
    pub worst: Worst,
    /// Masst journal entries of the drill that no live change was seen for.
    pub unmatched_journal: Vec<ByMasst>,
    /// Every step, as printed.
    pub steps: Vec<super::Step>,
}
