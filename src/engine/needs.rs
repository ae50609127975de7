//! What a walk needs from AWS, as plain data: the metrics (with their statistics), config keys,
//! queues, services and the rest that the chosen runbooks' (or audit checks') signals read,
//! expanded for every model. The engine states it; the collector (`evidence::collect`) takes
//! this [`Plan`] and nothing else, so nothing unused is read and no runbook reaches the edge.

use crate::engine::runbook::Runbook;
use crate::engine::signal::{Signal, Source};
use crate::evidence::Plan;
use crate::text::capitalise;

fn expansions(text: &str, models: &[String]) -> Vec<String> {
    let mut out: Vec<String> = models.iter().map(|m| expand_for(text, m)).collect();
    out.dedup();
    out
}

/// Fills every model placeholder (`{m}`, and a declared one such as the batch model's) with
/// `m`: a plan reads each model's series, whichever model the document turns out to name.
fn expand_for(text: &str, m: &str) -> String {
    let cap = capitalise(m);
    let mut out = text.replace("{m}", m).replace("{M}", &cap);
    for _ in 0..8 {
        let Some((token, _, upper)) = crate::engine::signal::model_at(&out) else { break };
        out = out.replace(&token, if upper { &cap } else { m });
    }
    out
}

/// The collection plan for `runbooks`, for every model of `models`.
pub fn plan(runbooks: &[&Runbook], models: &[String]) -> Plan {
    let p = plan_signals(runbooks.iter().flat_map(|rb| rb.signals.values()), models);
    with_statistics(p, runbooks)
}

/// The statistics the runbooks declare, added to a plan.
fn with_statistics(mut p: Plan, runbooks: &[&Runbook]) -> Plan {
    for rb in runbooks {
        // A key is a namespace, or `Namespace:Metric` for one metric of it (a percentile).
        for (ns, st) in &rb.statistics {
            p.statistics.entry(ns.clone()).or_insert_with(|| st.clone());
        }
    }
    p
}

/// The plan of a refresh during `verify` or `watch`: only the signals their conditions read
/// (the trigger, recovery and worse conditions), so a refresh reads no DLQ sample and costs at
/// most two sequential round trips.
pub fn refresh_plan(runbooks: &[&Runbook], models: &[String]) -> Plan {
    let p = plan_signals(
        runbooks.iter().flat_map(|rb| rb.verify_signals().into_iter().filter_map(|n| rb.signals.get(&n))),
        models,
    );
    with_statistics(p, runbooks)
}

/// The plan of reading `signals` for every model of `models` (each `{m}` expanded per model).
pub fn plan_signals<'a>(signals: impl Iterator<Item = &'a Signal>, models: &[String]) -> Plan {
    let mut p = Plan::default();
    for sig in signals {
        match &sig.source {
            Source::Metric { namespace, name, dims, divided_by, .. } => {
                for m in models {
                    // `*` reads every model; a divisor is read with the same dimensions.
                    let d = dims
                        .iter()
                        .map(|(k, v)| (k.clone(), if v == "*" { m.clone() } else { expand_for(v, m) }))
                        .collect();
                    for n in std::iter::once(name).chain(divided_by) {
                        p.metrics.insert(crate::evidence::metric_key(namespace, &expand_for(n, m), &d));
                    }
                }
            }
            Source::Health => p.health = true,
            Source::NamedQuota { .. } => p.named_quotas = true,
            Source::First { .. } | Source::Has { .. } => {}
            Source::Config { path, default } => {
                p.config = true;
                if default.is_none() {
                    p.config_keys.extend(expansions(path, models));
                }
            }
            Source::Queue { role, .. } => {
                p.queues.insert(role.clone());
            }
            Source::Ecs { role, .. } => {
                p.services.insert(role.clone());
            }
            Source::Dlq { .. } => {
                p.dlq_sample = true;
                p.queues.insert("dlq".into());
            }
            Source::Derived { .. } | Source::Threshold { .. } => {}
            Source::Alarms => p.alarms = true,
            Source::Quota { .. } => p.quotas = true,
            Source::Autoscaling { role } => {
                p.autoscaling.insert(role.clone());
            }
            Source::Logs { role, filter, minutes, .. } => {
                let reads = p.logs.entry(role.clone()).or_default();
                for f in expansions(filter, models) {
                    let m = reads.entry(f).or_insert(0);
                    *m = (*m).max(*minutes);
                }
            }
        }
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plan_for_all_runbooks_reads_each_model_once_and_nothing_twice() {
        let set = crate::engine::load_embedded(crate::actions::catalog());
        let all: Vec<&crate::engine::Runbook> = set.runbooks.iter().collect();
        let p = plan(&all, &["sonnet".into(), "haiku".into()]);
        assert!(p.metrics.contains("AWS/Bedrock:Invocations{ModelId=sonnet}"));
        assert!(p.metrics.contains("MangaAssist/Throughput:CircuitState_Haiku"));
        assert!(!p.metrics.iter().any(|k| k.contains("{M}") || k.contains("{bm}")));
        assert_eq!(p.services, ["batch-worker".to_string()].into_iter().collect());
        assert!(p.dlq_sample && p.config);
        assert!(p.config_keys.contains("account_quota.haiku"));
        assert!(!p.config_keys.contains("pools.batch.sonnet"), "keys with a default are optional");

        let dlq_only = plan(&[set.get("dlq").unwrap()], &["sonnet".into()]);
        assert!(dlq_only.metrics.is_empty());
        assert!(dlq_only.services.is_empty());
    }
}
