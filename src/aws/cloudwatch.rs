//! CloudWatch: metric data for many metrics in one `GetMetricData` (paged past its 500-query
//! limit), `PutMetricData`, and alarms read, created and deleted as plain [`AlarmSpec`] data.

use std::collections::BTreeMap;

use aws_sdk_cloudwatch::types::{
    ComparisonOperator, Dimension, Metric, MetricAlarm, MetricDataQuery, MetricDatum, MetricStat, ScanBy, StandardUnit,
    Statistic,
};
use futures::future::try_join_all;
use serde::{Deserialize, Serialize};

use super::{timed, Clients};
use crate::error::Error;

/// One metric to read, in the deployment's (physical) names.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricQuery {
    pub namespace: String,
    pub name: String,
    pub dimensions: Vec<(String, String)>,
    /// `Sum`, `Average`, `Maximum`, ...
    pub stat: String,
}

/// The one-minute datapoints of each query between `start` and `end` (seconds), in query
/// order, oldest first, one per minute; a metric without datapoints has an empty series.
pub async fn metric_data(
    clients: &Clients,
    queries: &[MetricQuery],
    start: i64,
    end: i64,
) -> Result<Vec<Vec<(i64, f64)>>, Error> {
    let built: Vec<MetricDataQuery> = queries
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let mut metric = Metric::builder().namespace(&q.namespace).metric_name(&q.name);
            for (k, v) in &q.dimensions {
                metric = metric.dimensions(Dimension::builder().name(k).value(v).build());
            }
            let stat = MetricStat::builder().metric(metric.build()).period(60).stat(&q.stat).build();
            MetricDataQuery::builder().id(format!("m{i}")).metric_stat(stat).return_data(true).build()
        })
        .collect();
    let mut series = vec![Vec::new(); queries.len()];
    if built.is_empty() {
        return Ok(series);
    }
    let pages = try_join_all(built.chunks(500).map(|chunk| async move {
        let mut out = Vec::new();
        let mut token: Option<String> = None;
        loop {
            let resp = timed(
                "cloudwatch:GetMetricData",
                clients
                    .cloudwatch
                    .get_metric_data()
                    .set_metric_data_queries(Some(chunk.to_vec()))
                    .start_time(aws_sdk_cloudwatch::primitives::DateTime::from_secs(start))
                    .end_time(aws_sdk_cloudwatch::primitives::DateTime::from_secs(end))
                    .scan_by(ScanBy::TimestampAscending)
                    .set_next_token(token.clone())
                    .send(),
            )
            .await
            .map_err(|e| super::read_error(&e, "cloudwatch:GetMetricData", "the metrics"))?;
            out.extend(resp.metric_data_results().iter().cloned());
            token = resp.next_token().map(String::from);
            if token.is_none() {
                return Ok::<_, Error>(out);
            }
        }
    }))
    .await?;
    for r in pages.into_iter().flatten() {
        let Some(i) = r.id().and_then(|id| id.strip_prefix('m')).and_then(|n| n.parse::<usize>().ok()) else {
            continue;
        };
        let Some(pts) = series.get_mut(i) else { continue };
        for (t, v) in r.timestamps().iter().zip(r.values()) {
            pts.push((t.secs(), *v));
        }
    }
    for pts in &mut series {
        pts.sort_by_key(|(t, _)| *t);
        pts.dedup_by_key(|(t, _)| *t);
    }
    Ok(series)
}

/// Publishes one datapoint (a count, now) of each `(metric, value)` in `namespace`.
pub async fn put_counts(clients: &Clients, namespace: &str, data: &[(String, f64)], what: &str) -> Result<(), Error> {
    let now = aws_smithy_types::DateTime::from_secs(jiff::Timestamp::now().as_second());
    let data: Vec<MetricDatum> = data
        .iter()
        .map(|(name, value)| {
            MetricDatum::builder().metric_name(name).value(*value).unit(StandardUnit::Count).timestamp(now).build()
        })
        .collect();
    clients
        .cloudwatch
        .put_metric_data()
        .namespace(namespace)
        .set_metric_data(Some(data))
        .send()
        .await
        .map_err(|e| super::change_error(&e, "cloudwatch:PutMetricData", what))?;
    Ok(())
}

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
pub async fn alarms(clients: &Clients, names: &[String]) -> Result<BTreeMap<String, Option<AlarmSpec>>, Error> {
    let out = clients
        .cloudwatch
        .describe_alarms()
        .set_alarm_names(Some(names.to_vec()))
        .send()
        .await
        .map_err(|e| super::read_error(&e, "cloudwatch:DescribeAlarms", "the alarms"))?;
    let found: BTreeMap<String, AlarmSpec> = out
        .metric_alarms()
        .iter()
        .map(|a| (a.alarm_name().unwrap_or_default().to_string(), from_cloudwatch(a)))
        .collect();
    Ok(names.iter().map(|n| (n.clone(), found.get(n).cloned())).collect())
}

/// Creates or replaces an alarm.
pub async fn put_alarm(clients: &Clients, s: &AlarmSpec) -> Result<(), Error> {
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
        .map_err(|e| super::change_error(&e, "cloudwatch:PutMetricAlarm", &format!("alarm {}", s.name)))?;
    Ok(())
}

/// Deletes alarms.
pub async fn delete_alarms(clients: &Clients, names: &[String]) -> Result<(), Error> {
    if names.is_empty() {
        return Ok(());
    }
    clients
        .cloudwatch
        .delete_alarms()
        .set_alarm_names(Some(names.to_vec()))
        .send()
        .await
        .map_err(|e| super::change_error(&e, "cloudwatch:DeleteAlarms", "the alarms"))?;
    Ok(())
}

/// Writes datapoints named by logical key (`Namespace:Name{Dim=v}`), mapped to the deployment's
/// names by `settings`: `per_call` datapoints to a `PutMetricData`, four calls in flight. The
/// lab's hour of history and the drill's rewritten hour both go through here. Returns how many
/// datapoints each (physical) namespace received.
pub async fn put_logical(
    clients: &Clients,
    settings: &crate::settings::Settings,
    points: &[(&str, i64, f64)],
    per_call: usize,
    what: &str,
) -> Result<BTreeMap<String, usize>, Error> {
    use aws_sdk_cloudwatch::types::{Dimension, MetricDatum, StandardUnit};
    use futures::stream::{self, StreamExt, TryStreamExt};
    let mut by_ns: BTreeMap<String, Vec<MetricDatum>> = BTreeMap::new();
    for (key, t, v) in points {
        let (ns, name, dims) =
            crate::settings::parse_metric_key(key).ok_or_else(|| Error::Usage(format!("bad metric key {key}")))?;
        let (physical_ns, physical_name) = settings.physical_metric(&ns, &name);
        let dims: Vec<Dimension> = dims
            .into_iter()
            .map(|(k, v)| {
                let v = settings.physical_dimension(&k, v);
                Dimension::builder().name(k).value(v).build()
            })
            .collect();
        by_ns.entry(physical_ns).or_default().push(
            MetricDatum::builder()
                .metric_name(physical_name)
                .set_dimensions(Some(dims))
                .timestamp(aws_sdk_cloudwatch::primitives::DateTime::from_secs(*t))
                .value(*v)
                .unit(StandardUnit::None)
                .build(),
        );
    }
    let counts: BTreeMap<String, usize> = by_ns.iter().map(|(ns, d)| (ns.clone(), d.len())).collect();
    let batches: Vec<(String, Vec<MetricDatum>)> = by_ns
        .into_iter()
        .flat_map(|(ns, d)| d.chunks(per_call.max(1)).map(|c| (ns.clone(), c.to_vec())).collect::<Vec<_>>())
        .collect();
    stream::iter(batches)
        .map(|(ns, data)| async move {
            clients
                .cloudwatch
                .put_metric_data()
                .namespace(ns)
                .set_metric_data(Some(data))
                .send()
                .await
                .map_err(|e| super::change_error(&e, "cloudwatch:PutMetricData", what))
        })
        .buffer_unordered(4)
        .try_collect::<Vec<_>>()
        .await?;
    Ok(counts)
}
