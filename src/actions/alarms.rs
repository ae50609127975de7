//! `alarms.install`: the seed's detection alarms as CloudWatch metric alarms.
//!
//! The specs are pure data built from the settings (so a deployment's metric names apply), the
//! plan compares them with what CloudWatch holds, and undo puts back exactly what was there
//! (or deletes what masst created).

use std::collections::BTreeMap;

use aws_sdk_cloudwatch::types::{ComparisonOperator, Dimension, MetricAlarm, Statistic};
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
}

fn physical(settings: &Settings, ns: &str, name: &str) -> (String, String) {
    let pns = settings.metrics.namespaces.get(ns).cloned().unwrap_or_else(|| ns.to_string());
    let pname = settings.metrics.names.get(&format!("{ns}:{name}")).cloned().unwrap_or_else(|| name.to_string());
    (pns, pname)
}

/// The seed's detection alarms (scenario 1, 2 and 5 detection sections), in the deployment's
/// metric names, notifying `topic` when given.
pub fn seed_alarms(settings: &Settings, topic: Option<&str>) -> Vec<AlarmSpec> {
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
    for m in settings.models.keys() {
        let cap = crate::engine::signal::capitalise(m);
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
    clients
        .cloudwatch
        .put_metric_alarm()
        .alarm_name(&s.name)
        .alarm_description(&s.description)
        .namespace(&s.namespace)
        .metric_name(&s.metric)
        .set_dimensions(Some(dims))
        .statistic(Statistic::from(s.statistic.as_str()))
        .period(s.period)
        .evaluation_periods(s.evaluation_periods)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_alarms_use_the_deployments_metric_names_and_the_seeds_thresholds() {
        let mut s = Settings::default();
        s.metrics.namespaces.insert("MangaAssist/DLQ".into(), "Prod/DLQ".into());
        let alarms = seed_alarms(&s, Some("arn:aws:sns:us-east-1:1:oncall"));
        let throttle = alarms.iter().find(|a| a.name == "MangaAssist-ThrottleRate").unwrap();
        assert_eq!((throttle.threshold, throttle.evaluation_periods, throttle.datapoints_to_alarm), (0.05, 5, 3));
        let dlq = alarms.iter().find(|a| a.name == "MangaAssist-DLQDepth").unwrap();
        assert_eq!(dlq.namespace, "Prod/DLQ");
        assert!(alarms.iter().any(|a| a.metric == "CircuitState_Haiku"));
        assert!(alarms.iter().all(|a| a.actions == ["arn:aws:sns:us-east-1:1:oncall"]));
        assert_eq!(alarms.len(), 7);
    }
}
