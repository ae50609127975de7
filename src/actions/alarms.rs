//! `alarms.install`: the seed's detection alarms as CloudWatch metric alarms, with the two
//! scenario 3 asks for as metric math (underutilization: concurrency at the ceiling with zero
//! throttles and latency headroom; a stuck controller: a limit that has not moved for a day) and
//! the expected-zero DLQ composition alarm (retryable messages, published by
//! `masst dlq inspect --publish`).
//!
//! The specs are pure data built from the settings (so a deployment's metric names apply), the
//! plan compares them with what CloudWatch holds, and undo puts back exactly what was there
//! (or deletes what masst created).

use std::collections::BTreeMap;

use super::journal::Entry;
use super::{not_mine, Applied, Ctx, Family, Plan, Run};
use crate::aws::cloudwatch::{alarms as existing, delete_alarms as delete, put_alarm as put};
pub use crate::aws::cloudwatch::{AlarmSpec, Query};
use crate::engine::alarm::AlarmDef;
use crate::engine::{ActionInfo, Arg, RunbookSet};
use crate::error::Error;
use crate::settings::Settings;

/// The alarms family: `alarms.install`, and its undo (put back what was there, delete what
/// masst created).
pub struct Alarms;

/// `alarms install [--sns-topic ARN]`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Install {
    pub topic: Option<String>,
}

/// Alarm name → its definition (`None`: no such alarm), before or after.
pub type AlarmMap = BTreeMap<String, Option<AlarmSpec>>;

/// What CloudWatch holds now, and the P99 targets of the deployed document.
#[derive(Debug, Clone)]
pub struct Held {
    pub targets: Targets,
    pub now: AlarmMap,
    /// The alarms the runbooks in force declare.
    pub defs: Vec<AlarmDef>,
}

/// Alarms to create, replace or delete.
#[derive(Debug, Clone)]
pub struct AlarmChange {
    pub before: AlarmMap,
    pub after: AlarmMap,
}

impl Family for Alarms {
    const NAME: &'static str = "cloudwatch-alarms";
    const ACTIONS: &'static [ActionInfo] = &[ActionInfo {
        id: "alarms.install",
        command: "alarms install",
        summary: "install the seed's CloudWatch alarms",
        params: &[],
    }];
    type Request = Install;
    type State = Held;
    type Change = AlarmChange;
    type Done = ();

    fn request(id: &str, _args: &[Arg]) -> Result<Install, Error> {
        match id {
            "alarms.install" => Ok(Install::default()),
            other => Err(not_mine(Self::NAME, other)),
        }
    }

    async fn read(cx: &Ctx<'_>, req: &Install) -> Result<Held, Error> {
        // The math alarms take their thresholds from the deployed document's targets.
        let doc = super::appconfig::read_doc(cx.clients, cx.settings).await?.doc;
        let targets = targets(&doc, cx.settings);
        let defs = declared(cx.runbooks);
        let names: Vec<String> =
            seed_alarms(cx.settings, req.topic.as_deref(), &targets, &defs).into_iter().map(|s| s.name).collect();
        let now = existing(cx.clients, &names).await?;
        Ok(Held { targets, now, defs })
    }

    fn plan(req: &Install, state: Held, settings: &Settings, _force: bool) -> Result<Plan<AlarmChange>, Error> {
        let specs = seed_alarms(settings, req.topic.as_deref(), &state.targets, &state.defs);
        let after = specs.into_iter().map(|s| (s.name.clone(), Some(s))).collect();
        Ok(alarms_plan("alarms.install", state.now, after))
    }

    async fn apply(cx: &Ctx<'_>, plan: &Plan<AlarmChange>, _run: &Run<'_>, out: &mut Applied) -> Result<(), Error> {
        let AlarmChange { before, after } = &plan.change;
        out.sent = true;
        let puts = after.values().flatten().filter(|a| before.get(&a.name).cloned().flatten().as_ref() != Some(*a));
        futures::future::try_join_all(puts.map(|a| put(cx.clients, a))).await?;
        let gone: Vec<String> = after
            .iter()
            .filter(|(n, a)| a.is_none() && before.get(*n).is_some_and(Option::is_some))
            .map(|(n, _)| n.clone())
            .collect();
        delete(cx.clients, &gone).await
    }

    async fn read_undo(cx: &Ctx<'_>, e: &Entry) -> Result<Held, Error> {
        let left: AlarmMap = serde_json::from_value(e.after.clone()).unwrap_or_default();
        let names: Vec<String> = left.keys().cloned().collect();
        Ok(Held { targets: Targets::new(), now: existing(cx.clients, &names).await?, defs: vec![] })
    }

    fn plan_undo(e: &Entry, state: Held, _settings: &Settings, force: bool) -> Result<Plan<AlarmChange>, Error> {
        let left: AlarmMap = serde_json::from_value(e.after.clone()).unwrap_or_default();
        if state.now != left && !force {
            // Name the alarms: the engineer checks those, not all twelve.
            let changed: Vec<&str> = left
                .keys()
                .chain(state.now.keys())
                .filter(|n| left.get(*n).cloned().flatten() != state.now.get(*n).cloned().flatten())
                .map(String::as_str)
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            let what = format!(
                "{} {} changed",
                if changed.len() == 1 { "the alarm" } else { "the alarms" },
                changed.join(", ")
            );
            return Err(super::moved_since(e, &what));
        }
        let before: AlarmMap = serde_json::from_value(e.before.clone())
            .map_err(|_| Error::Action(format!("journal entry {} has no alarm definitions to restore", e.id)))?;
        Ok(alarms_plan(&e.action, state.now, before))
    }
}

fn alarms_plan(action: &str, before: AlarmMap, after: AlarmMap) -> Plan<AlarmChange> {
    let target = format!("CloudWatch alarms ({})", after.len());
    let mut preview = format!("{target}:\n");
    for (name, want) in &after {
        let had = before.get(name).cloned().flatten();
        let verb = match (&had, want) {
            (None, Some(_)) => "create",
            (Some(_), None) => "delete",
            (Some(h), Some(w)) if h == w => "unchanged",
            (Some(_), Some(_)) => "replace",
            (None, None) => "absent",
        };
        let what = want.as_ref().or(had.as_ref()).map(describe).unwrap_or_default();
        preview.push_str(&format!("  {verb:9} {name}  {what}\n"));
    }
    Plan {
        action: action.to_string(),
        target,
        preview,
        before: serde_json::json!(before),
        after: serde_json::json!(after),
        noop: before == after,
        change: AlarmChange { before, after },
    }
}

/// One alarm in a line: its metric (or math), comparison, threshold and periods.
fn describe(a: &AlarmSpec) -> String {
    let op = match a.comparison.as_str() {
        "GreaterThanOrEqualToThreshold" => ">=",
        "LessThanOrEqualToThreshold" => "<=",
        "LessThanThreshold" => "<",
        _ => ">",
    };
    let threshold = crate::text::fmt_num(a.threshold);
    if let Some(e) = a.queries.iter().find_map(|q| q.expression.as_deref()) {
        return format!("metric math {e} {op} {threshold} ({} of {})", a.datapoints_to_alarm, a.evaluation_periods);
    }
    format!(
        "{}:{} {} {op} {threshold} ({} of {} × {} s)",
        a.namespace, a.metric, a.statistic, a.datapoints_to_alarm, a.evaluation_periods, a.period
    )
}

/// What recovery and detection thresholds the math alarms need from the deployed document:
/// each model's P99 target (`targets.p99_ms`).
pub type Targets = BTreeMap<String, f64>;

/// The alarms the runbooks declare (each beside the trigger it stands for), in the order of
/// the runbooks.
pub fn declared(set: &RunbookSet) -> Vec<AlarmDef> {
    set.runbooks.iter().flat_map(|rb| rb.alarms.iter().cloned()).collect()
}

/// The alarms `defs` as CloudWatch specs, in the deployment's metric names, notifying `topic`
/// when given; thresholds and expressions come from the runbook files only. An alarm that
/// needs a model's P99 target is left out when `targets` has none.
pub fn seed_alarms(settings: &Settings, topic: Option<&str>, targets: &Targets, defs: &[AlarmDef]) -> Vec<AlarmSpec> {
    let actions: Vec<String> = topic.map(|t| vec![t.to_string()]).unwrap_or_default();
    let comparison = |c: &str| {
        match c {
            ">=" => "GreaterThanOrEqualToThreshold",
            "<" => "LessThanThreshold",
            "<=" => "LessThanOrEqualToThreshold",
            _ => "GreaterThanThreshold",
        }
        .to_string()
    };
    let mut out = Vec::new();
    for d in defs {
        let models: Vec<Option<&String>> =
            if d.per_model { settings.models.keys().map(Some).collect() } else { vec![None] };
        for m in models {
            let cap = m.map(|m| crate::text::capitalise(m)).unwrap_or_default();
            let target = m.and_then(|m| targets.get(m));
            let needs_target =
                d.queries.iter().any(|q| q.expression.as_deref().is_some_and(|e| e.contains("{p99_target}")));
            if needs_target && target.is_none() {
                continue;
            }
            let fill = |t: &str| {
                t.replace("{M}", &cap)
                    .replace("{p99_target}", &target.map(|v| crate::text::fmt_num(*v)).unwrap_or_default())
            };
            let split = |m: &str| {
                let m = fill(m);
                let (ns, name) = m.split_once(':').map(|(a, b)| (a.to_string(), b.to_string())).unwrap_or_default();
                settings.physical_metric(&ns, &name)
            };
            let (namespace, metric) = d.metric.as_deref().map(split).unwrap_or_default();
            let queries = d
                .queries
                .iter()
                .map(|q| {
                    let (namespace, metric) = q.metric.as_deref().map(split).unwrap_or_default();
                    Query {
                        id: q.id.clone(),
                        expression: q.expression.as_deref().map(fill),
                        namespace,
                        metric,
                        statistic: q.statistic.clone().unwrap_or_default(),
                        period: q.period,
                        return_data: q.expression.is_some(),
                    }
                })
                .collect::<Vec<_>>();
            out.push(AlarmSpec {
                name: format!("MangaAssist-{}", fill(&d.name)),
                description: format!("{} (installed by masst alarms install)", fill(&d.description)),
                namespace,
                metric,
                dimensions: BTreeMap::new(),
                statistic: d.statistic.clone().unwrap_or_default(),
                // A metric-math alarm's period lives in its queries.
                period: if queries.is_empty() { d.period } else { 0 },
                evaluation_periods: d.evaluation_periods,
                datapoints_to_alarm: d.datapoints,
                threshold: d.threshold,
                comparison: comparison(&d.comparison),
                actions: actions.clone(),
                queries,
            });
        }
    }
    out
}

/// Each model's P99 target from the deployed document (`targets.p99_ms.<m>`).
pub fn targets(doc: &serde_json::Value, settings: &Settings) -> Targets {
    settings
        .models
        .keys()
        .filter_map(|m| Some((m.clone(), doc.pointer(&format!("/targets/p99_ms/{m}"))?.as_f64()?)))
        .collect()
}

/// The names of the alarms masst installs from `defs`, whatever the document says.
pub fn names(settings: &Settings, defs: &[AlarmDef]) -> Vec<String> {
    let all: Targets = settings.models.keys().map(|m| (m.clone(), 1.0)).collect();
    seed_alarms(settings, None, &all, defs).into_iter().map(|a| a.name).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_alarms_use_the_deployments_metric_names_and_the_seeds_thresholds() {
        let mut s = Settings::default();
        s.metrics.namespaces.insert("MangaAssist/DLQ".into(), "Prod/DLQ".into());
        let targets: Targets = [("sonnet".to_string(), 1200.0), ("haiku".to_string(), 500.0)].into();
        let defs = declared(&crate::engine::load_embedded(crate::actions::catalog()));
        let alarms = seed_alarms(&s, Some("arn:aws:sns:us-east-1:1:oncall"), &targets, &defs);
        let throttle = alarms.iter().find(|a| a.name == "MangaAssist-ThrottleRate").unwrap();
        assert_eq!((throttle.threshold, throttle.evaluation_periods, throttle.datapoints_to_alarm), (0.05, 5, 3));
        let dlq = alarms.iter().find(|a| a.name == "MangaAssist-DLQDepth").unwrap();
        assert_eq!(dlq.namespace, "Prod/DLQ");
        assert!(alarms.iter().any(|a| a.metric == "CircuitState_Haiku"));
        assert!(alarms.iter().all(|a| a.actions == ["arn:aws:sns:us-east-1:1:oncall"]));
        let under = alarms.iter().find(|a| a.name == "MangaAssist-Underutilized-Sonnet").unwrap();
        assert_eq!(
            under.queries.last().unwrap().expression.as_deref(),
            Some("IF(e > 0.9 * l AND t == 0 AND p < 0.5 * 1200, 1, 0)")
        );
        assert!(alarms.iter().any(|a| a.name == "MangaAssist-ControllerStuck-Haiku"));
        assert!(alarms.iter().any(|a| a.name == "MangaAssist-DLQRetryable"));
        assert_eq!(alarms.len(), 12);
    }
}
