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

use aws_sdk_cloudwatch::types::{
    ComparisonOperator, Dimension, Metric, MetricAlarm, MetricDataQuery, MetricStat, Statistic,
};
use serde::{Deserialize, Serialize};

use crate::aws::{explain, Clients};
use crate::error::Error;
use crate::settings::Settings;

/// One alarm, as masst defines and compares it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AlarmSpec {
    pub name: String,
    pub description: String,
    pub namespace: String,
    pub metric: String,
    pub dimensions: BTreeMap<String, String>,
    /// `Average`, `Maximum`, `Sum`, ...
    pub statistic: String,
    pub period: i32,
    pub evaluation_periods: i32,
    pub datapoints_to_alarm: i32,
    pub threshold: f64,
    /// `GreaterThanThreshold` or `GreaterThanOrEqualToThreshold`.
    pub comparison: String,
    #[serde(default)]
    pub actions: Vec<String>,
    /// A metric-math alarm's queries (then `namespace`, `metric` and `statistic` are empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub queries: Vec<Query>,
}

/// One query of a metric-math alarm: a metric read, or an expression over the others.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Query {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expression: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub namespace: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub metric: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub statistic: String,
    #[serde(default)]
    pub period: i32,
    pub return_data: bool,
}

/// What recovery and detection thresholds the math alarms need from the deployed document:
/// each model's P99 target (`targets.p99_ms`).
pub type Targets = BTreeMap<String, f64>;

fn physical(settings: &Settings, ns: &str, name: &str) -> (String, String) {
    let pns = settings.metrics.namespaces.get(ns).cloned().unwrap_or_else(|| ns.to_string());
    let pname = settings.metrics.names.get(&format!("{ns}:{name}")).cloned().unwrap_or_else(|| name.to_string());
    (pns, pname)
}

/// The seed's detection alarms (scenario 1, 2 and 5 detection sections), in the deployment's
/// metric names, notifying `topic` when given.
pub fn seed_alarms(settings: &Settings, topic: Option<&str>, targets: &Targets) -> Vec<AlarmSpec> {
    let actions: Vec<String> = topic.map(|t| vec![t.to_string()]).unwrap_or_default();
    let spec = |name: &str,
                desc: &str,
                ns: &str,
                metric: &str,
                stat: &str,
                eval: i32,
                points: i32,
                threshold: f64,
                cmp: &str| {
        let (namespace, metric) = physical(settings, ns, metric);
        AlarmSpec {
            name: format!("MangaAssist-{name}"),
            description: format!("{desc} (installed by masst alarms install)"),
            namespace,
            metric,
            dimensions: BTreeMap::new(),
            statistic: stat.into(),
            period: 60,
            evaluation_periods: eval,
            datapoints_to_alarm: points,
            threshold,
            comparison: cmp.into(),
            actions: actions.clone(),
            queries: vec![],
        }
    };
    let gt = "GreaterThanThreshold";
    let mut out = vec![
        spec(
            "ThrottleRate",
            "Bedrock ThrottleRate > 5 % for 3 datapoints within 5 minutes",
            "MangaAssist/Throughput",
            "ThrottleRate",
            "Average",
            5,
            3,
            0.05,
            gt,
        ),
        spec(
            "DegradationRate",
            "Fallback replies above 3 %",
            "MangaAssist/Throughput",
            "DegradationRate",
            "Average",
            5,
            3,
            0.03,
            gt,
        ),
        spec(
            "BatchQueueDepth",
            "Batch QueueDepth > 200 for 15 minutes",
            "MangaAssist/Batch",
            "QueueDepth",
            "Minimum",
            15,
            15,
            200.0,
            gt,
        ),
        spec(
            "BatchQueueAge",
            "Oldest batch job older than an hour",
            "MangaAssist/Batch",
            "QueueAge",
            "Maximum",
            1,
            1,
            3600.0,
            gt,
        ),
        spec(
            "DLQDepth",
            "The DLQ holds any message (expected zero)",
            "MangaAssist/DLQ",
            "Depth",
            "Maximum",
            1,
            1,
            0.0,
            gt,
        ),
    ];
    out.push(spec(
        "DLQRetryable",
        "Retryable messages in the DLQ (expected zero; published by masst dlq inspect --publish)",
        "MangaAssist/DLQ",
        "Retryable",
        "Maximum",
        1,
        1,
        0.0,
        gt,
    ));
    let read = |id: &str, ns: &str, metric: &str, stat: &str, period: i32| {
        let (namespace, metric) = physical(settings, ns, metric);
        Query { id: id.into(), expression: None, namespace, metric, statistic: stat.into(), period, return_data: false }
    };
    let math = |id: &str, expression: String| Query {
        id: id.into(),
        expression: Some(expression),
        namespace: String::new(),
        metric: String::new(),
        statistic: String::new(),
        period: 0,
        return_data: true,
    };
    for m in settings.models.keys() {
        let cap = crate::engine::signal::capitalise(m);
        // Scenario 3: EffectiveConcurrency > 90 % of the limit AND ThrottleRate = 0 AND P99 <
        // 50 % of target, for 15 minutes: a ceiling set too low.
        if let Some(target) = targets.get(m) {
            out.push(AlarmSpec {
                name: format!("MangaAssist-Underutilized-{cap}"),
                description: format!(
                    "{cap} at its concurrency ceiling with zero throttles and P99 under half its {target} ms target (installed by masst alarms install)"
                ),
                namespace: String::new(),
                metric: String::new(),
                dimensions: BTreeMap::new(),
                statistic: String::new(),
                period: 0,
                evaluation_periods: 15,
                datapoints_to_alarm: 15,
                threshold: 1.0,
                comparison: "GreaterThanOrEqualToThreshold".into(),
                actions: actions.clone(),
                queries: vec![
                    read("e", "MangaAssist/Throughput", &format!("EffectiveConcurrency_{cap}"), "Average", 60),
                    read("l", "MangaAssist/Throughput", &format!("ConcurrencyLimit_{cap}"), "Average", 60),
                    read("t", "MangaAssist/Throughput", "ThrottleRate", "Average", 60),
                    read("p", "MangaAssist/Throughput", &format!("P99Latency_{cap}"), "Average", 60),
                    math("u", format!("IF(e > 0.9 * l AND t == 0 AND p < {}, 1, 0)", 0.5 * target)),
                ],
            });
        }
        // Scenario 3: "controller is running but limit unchanged for 24+ hours".
        out.push(AlarmSpec {
            name: format!("MangaAssist-ControllerStuck-{cap}"),
            description: format!(
                "{cap} ConcurrencyLimit has not moved for a day while the adaptive controller runs (installed by masst alarms install)"
            ),
            namespace: String::new(),
            metric: String::new(),
            dimensions: BTreeMap::new(),
            statistic: String::new(),
            period: 0,
            evaluation_periods: 1,
            datapoints_to_alarm: 1,
            threshold: 0.0,
            comparison: "LessThanOrEqualToThreshold".into(),
            actions: actions.clone(),
            queries: vec![
                read("mx", "MangaAssist/Throughput", &format!("ConcurrencyLimit_{cap}"), "Maximum", 86_400),
                read("mn", "MangaAssist/Throughput", &format!("ConcurrencyLimit_{cap}"), "Minimum", 86_400),
                math("spread", "mx - mn".into()),
            ],
        });
        out.push(spec(
            &format!("CircuitOpen-{cap}"),
            &format!("The {cap} circuit breaker is OPEN"),
            "MangaAssist/Throughput",
            &format!("CircuitState_{cap}"),
            "Maximum",
            1,
            1,
            2.0,
            "GreaterThanOrEqualToThreshold",
        ));
    }
    out
}

/// The spec of an alarm CloudWatch holds, for comparison with masst's.
pub fn from_cloudwatch(a: &MetricAlarm) -> AlarmSpec {
    AlarmSpec {
        name: a.alarm_name().unwrap_or_default().into(),
        description: a.alarm_description().unwrap_or_default().into(),
        namespace: a.namespace().unwrap_or_default().into(),
        metric: a.metric_name().unwrap_or_default().into(),
        dimensions: a
            .dimensions()
            .iter()
            .map(|d| (d.name().unwrap_or_default().to_string(), d.value().unwrap_or_default().to_string()))
            .collect(),
        statistic: a.statistic().map(|s| s.as_str().to_string()).unwrap_or_default(),
        period: a.period().unwrap_or_default(),
        evaluation_periods: a.evaluation_periods().unwrap_or_default(),
        datapoints_to_alarm: a.datapoints_to_alarm().unwrap_or(a.evaluation_periods().unwrap_or_default()),
        threshold: a.threshold().unwrap_or_default(),
        comparison: a.comparison_operator().map(|c| c.as_str().to_string()).unwrap_or_default(),
        actions: a.alarm_actions().to_vec(),
        queries: a
            .metrics()
            .iter()
            .map(|q| {
                let stat = q.metric_stat();
                let metric = stat.and_then(|s| s.metric());
                Query {
                    id: q.id().unwrap_or_default().to_string(),
                    expression: q.expression().map(String::from),
                    namespace: metric.and_then(|m| m.namespace()).unwrap_or_default().into(),
                    metric: metric.and_then(|m| m.metric_name()).unwrap_or_default().into(),
                    statistic: stat.and_then(|s| s.stat()).unwrap_or_default().to_string(),
                    period: stat.and_then(|s| s.period()).unwrap_or_default(),
                    return_data: q.return_data().unwrap_or(true),
                }
            })
            .collect(),
    }
}

/// What CloudWatch holds for each of `names` (`None`: no such alarm).
pub async fn existing(clients: &Clients, names: &[String]) -> Result<BTreeMap<String, Option<AlarmSpec>>, Error> {
    let out = clients
        .cloudwatch
        .describe_alarms()
        .set_alarm_names(Some(names.to_vec()))
        .send()
        .await
        .map_err(|e| Error::Action(explain(&e, "cloudwatch:DescribeAlarms", "the alarms")))?;
    let found: BTreeMap<String, AlarmSpec> = out
        .metric_alarms()
        .iter()
        .map(|a| (a.alarm_name().unwrap_or_default().to_string(), from_cloudwatch(a)))
        .collect();
    Ok(names.iter().map(|n| (n.clone(), found.get(n).cloned())).collect())
}

/// Creates or replaces an alarm.
pub async fn put(clients: &Clients, s: &AlarmSpec) -> Result<(), Error> {
    let dims: Vec<Dimension> =
        s.dimensions.iter().map(|(k, v)| Dimension::builder().name(k).value(v).build()).collect();
    let mut req = clients.cloudwatch.put_metric_alarm().alarm_name(&s.name).alarm_description(&s.description);
    req = if s.queries.is_empty() {
        req.namespace(&s.namespace)
            .metric_name(&s.metric)
            .set_dimensions(Some(dims))
            .statistic(Statistic::from(s.statistic.as_str()))
            .period(s.period)
    } else {
        let queries = s
            .queries
            .iter()
            .map(|q| {
                let b = MetricDataQuery::builder().id(&q.id).return_data(q.return_data);
                match &q.expression {
                    Some(e) => b.expression(e).build(),
                    None => b
                        .metric_stat(
                            MetricStat::builder()
                                .metric(Metric::builder().namespace(&q.namespace).metric_name(&q.metric).build())
                                .period(q.period)
                                .stat(&q.statistic)
                                .build(),
                        )
                        .build(),
                }
            })
            .collect();
        req.set_metrics(Some(queries))
    };
    req.evaluation_periods(s.evaluation_periods)
        .datapoints_to_alarm(s.datapoints_to_alarm)
        .threshold(s.threshold)
        .comparison_operator(ComparisonOperator::from(s.comparison.as_str()))
        .treat_missing_data("missing")
        .set_alarm_actions(Some(s.actions.clone()))
        .send()
        .await
        .map_err(|e| Error::Action(explain(&e, "cloudwatch:PutMetricAlarm", &format!("alarm {}", s.name))))?;
    Ok(())
}

/// Deletes alarms.
pub async fn delete(clients: &Clients, names: &[String]) -> Result<(), Error> {
    if names.is_empty() {
        return Ok(());
    }
    clients
        .cloudwatch
        .delete_alarms()
        .set_alarm_names(Some(names.to_vec()))
        .send()
        .await
        .map_err(|e| Error::Action(explain(&e, "cloudwatch:DeleteAlarms", "the alarms")))?;
    Ok(())
}

/// Each model's P99 target from the deployed document (`targets.p99_ms.<m>`).
pub fn targets(doc: &serde_json::Value, settings: &Settings) -> Targets {
    settings
        .models
        .keys()
        .filter_map(|m| Some((m.clone(), doc.pointer(&format!("/targets/p99_ms/{m}"))?.as_f64()?)))
        .collect()
}

/// The names of the alarms masst installs, whatever the document says.
pub fn names(settings: &Settings) -> Vec<String> {
    let all: Targets = settings.models.keys().map(|m| (m.clone(), 1.0)).collect();
    seed_alarms(settings, None, &all).into_iter().map(|a| a.name).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_alarms_use_the_deployments_metric_names_and_the_seeds_thresholds() {
        let mut s = Settings::default();
        s.metrics.namespaces.insert("MangaAssist/DLQ".into(), "Prod/DLQ".into());
        let targets: Targets = [("sonnet".to_string(), 1200.0), ("haiku".to_string(), 500.0)].into();
        let alarms = seed_alarms(&s, Some("arn:aws:sns:us-east-1:1:oncall"), &targets);
        let throttle = alarms.iter().find(|a| a.name == "MangaAssist-ThrottleRate").unwrap();
        assert_eq!((throttle.threshold, throttle.evaluation_periods, throttle.datapoints_to_alarm), (0.05, 5, 3));
        let dlq = alarms.iter().find(|a| a.name == "MangaAssist-DLQDepth").unwrap();
        assert_eq!(dlq.namespace, "Prod/DLQ");
        assert!(alarms.iter().any(|a| a.metric == "CircuitState_Haiku"));
        assert!(alarms.iter().all(|a| a.actions == ["arn:aws:sns:us-east-1:1:oncall"]));
        let under = alarms.iter().find(|a| a.name == "MangaAssist-Underutilized-Sonnet").unwrap();
        assert_eq!(
            under.queries.last().unwrap().expression.as_deref(),
            Some("IF(e > 0.9 * l AND t == 0 AND p < 600, 1, 0)")
        );
        assert!(alarms.iter().any(|a| a.name == "MangaAssist-ControllerStuck-Haiku"));
        assert!(alarms.iter().any(|a| a.name == "MangaAssist-DLQRetryable"));
        assert_eq!(alarms.len(), 12);
    }
}
