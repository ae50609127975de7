//! `masst lab drill`, the pure part: a scenario's `[drill]` parameters, its world at the start,
//! the model's minutes ([`model`]) and the score ([`score`]). The runner (src/commands/drill.rs,
//! with its AWS calls in src/aws/drill.rs) only reads the world, calls these and writes.

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
