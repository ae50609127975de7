//! `masst lab drill`, the pure part: a scenario's `[drill]` parameters, its world at the start,
//! the model's minutes ([`model`]) and the score ([`score`]); [`live`] turns what the runner
//! (src/commands/drill.rs, its AWS calls in src/aws/drill.rs) reads into the model's world.

pub mod live;
pub mod model;
pub mod score;

use std::collections::BTreeMap;

use crate::evidence::scenario::Scenario;
use model::{Minute, Params, State, World};

/// The scenario as the drill builds it (its `[drill] config` merged into the document), and
/// the drill's parameters.
pub fn prepare(s: &Scenario) -> Result<(Scenario, Params), String> {
    let params: Params =
        serde_json::from_value(s.drill.clone()).map_err(|e| format!("scenario {}: the [drill] table: {e}", s.name))?;
    let mut world = s.clone();
    if params.config.is_object() {
        crate::evidence::scenario::merge(&mut world.config, params.config.clone());
    }
    Ok((world, params))
}

/// The world a scenario starts from, as `lab up` builds it (what the runner then reads live).
pub fn initial_world(s: &Scenario) -> World {
    let q = s.queues.get("primary");
    let attr = |k: &str| q.and_then(|q| q.attributes.get(k)).and_then(|v| v.parse::<f64>().ok());
    World {
        config: s.config.clone(),
        desired: s.services.iter().map(|(role, spec)| (role.clone(), spec.desired)).collect(),
        primary_depth: q.and_then(|q| q.depth).unwrap_or(0) as f64,
        dlq_depth: s.dlq_seed().len() as f64,
        visibility_s: attr("VisibilityTimeout").unwrap_or(30.0),
        max_receive: q.and_then(|q| q.max_receive_count).unwrap_or(5) as f64,
    }
}

/// Runs the model `minutes` steps on paper: `act` may change the world before each step (the
/// engineer), and each step's queue moves are applied to it as the runner applies them to SQS.
pub fn simulate(
    p: &Params,
    start: &State,
    world: &World,
    models: &[String],
    ids: &BTreeMap<String, String>,
    minutes: u32,
    mut act: impl FnMut(u32, &mut World),
) -> Vec<Minute> {
    let mut s = start.clone();
    let mut w = world.clone();
    let mut out = Vec::new();
    for i in 0..minutes {
        act(i, &mut w);
        let (next, minute) = model::step(p, &s, &w, models, ids);
        w = w.after(&minute.moves);
        s = next;
        out.push(minute);
    }
    out
}

/// The evidence an observer of the drill would collect now: the last hour the drill wrote
/// (`hour`, oldest first, the newest stamped at the last full minute before `now`) and the
/// live state. The drill judges its own recovery on it with the runbook, as `masst verify`.
pub fn evidence(
    hour: &[&BTreeMap<String, f64>],
    now: jiff::Timestamp,
    config: &serde_json::Value,
    queues: &BTreeMap<String, (String, BTreeMap<String, String>)>,
    services: &BTreeMap<String, (String, i64, i64, i64)>,
    dlq_sample: Option<crate::evidence::dlq::DlqSample>,
) -> crate::evidence::Evidence {
    use crate::evidence::{Evidence, QueueState, ServiceState};
    let end = now.as_second() - now.as_second().rem_euclid(60);
    let mut ev = Evidence::new("lab drill", now);
    let n = hour.len() as i64;
    for (i, minute) in hour.iter().enumerate() {
        for (k, v) in minute.iter() {
            ev.metrics.entry(k.clone()).or_default().push((end - (n - i as i64) * 60, *v));
        }
    }
    ev.config = Some(config.clone());
    for (role, (name, attributes)) in queues {
        ev.queues.insert(role.clone(), QueueState { name: name.clone(), attributes: attributes.clone() });
    }
    for (role, (name, desired, running, pending)) in services {
        ev.services.insert(
            role.clone(),
            ServiceState {
                name: name.clone(),
                desired: *desired,
                running: *running,
                pending: *pending,
                events: vec![],
            },
        );
    }
    ev.dlq_sample = dlq_sample;
    ev
}

/// One line of the drill's progress: the signals that matter and what changed.
#[derive(Debug, Clone, serde::Serialize, PartialEq)]
pub struct Step {
    pub minute: u32,
    /// The simulated time, `HH:MM` JST.
    pub jst: String,
    pub throttle_rate: f64,
    pub p99_ms: indexmap::IndexMap<String, f64>,
    pub invocations_per_minute: f64,
    pub batch_depth: f64,
    pub dlq_depth: f64,
    /// The watched result's verdict (`recovered`, `not-yet`, `worse`), when there is one.
    pub verdict: Option<String>,
    /// Changes first seen at this step, with their effect.
    pub changes: Vec<String>,
    /// The services' log lines of the minute.
    pub logs: Vec<String>,
}

impl Step {
    /// The step's view of a simulated minute.
    pub fn of(minute: u32, clock: i64, m: &Minute, models: &[String]) -> Step {
        let t = (clock + 9 * 3600).rem_euclid(86_400);
        Step {
            minute,
            jst: format!("{:02}:{:02}", t / 3600, t % 3600 / 60),
            throttle_rate: m.get("MangaAssist/Throughput:ThrottleRate"),
            p99_ms: models
                .iter()
                .map(|k| (k.clone(), m.get(&format!("MangaAssist/Throughput:P99Latency_{}", model::cap(k)))))
                .collect(),
            invocations_per_minute: m.get("MangaAssist/Throughput:InvocationsPerMinute"),
            batch_depth: m.get("MangaAssist/Batch:QueueDepth"),
            dlq_depth: m.get("MangaAssist/DLQ:Depth"),
            verdict: None,
            changes: vec![],
            logs: m.logs.iter().map(|l| format!("{}: {}", l.role, l.text)).collect(),
        }
    }
}
