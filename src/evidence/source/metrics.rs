//! CloudWatch metrics: one `GetMetricData` for every metric signal of the plan (paged only past
//! its 500-query limit), logical names mapped to the deployment's. A metric with no datapoints
//! is left out of the evidence (*missing*), never written as zero.

use std::collections::BTreeMap;

use futures::future::BoxFuture;

use super::{Cx, Found, Source};
use crate::aws::cloudwatch;
use crate::aws::Clients;
use crate::error::Error;
use crate::evidence::{parse_metric_key, Evidence, Plan};
use crate::settings::Settings;

/// The metrics source.
pub struct Metrics;

impl Source for Metrics {
    fn name(&self) -> &'static str {
        "metrics"
    }

    fn read<'a>(&'a self, cx: &'a Cx<'a>) -> BoxFuture<'a, Result<Found, Error>> {
        Box::pin(async move {
            let m = metrics(cx.clients, cx.settings, cx.plan, cx.start, cx.end).await?;
            Ok(Box::new(move |ev: &mut Evidence| ev.metrics = m) as Found)
        })
    }
}

async fn metrics(
    clients: &Clients,
    settings: &Settings,
    plan: &Plan,
    start: i64,
    end: i64,
) -> Result<BTreeMap<String, Vec<(i64, f64)>>, Error> {
    let keys: Vec<&String> = plan.metrics.iter().collect();
    let mut queries = Vec::new();
    for key in &keys {
        let (ns, logical, dims) = parse_metric_key(key).ok_or_else(|| Error::Usage(format!("bad metric key {key}")))?;
        let (namespace, name) = settings.physical_metric(&ns, &logical);
        let dimensions = dims
            .into_iter()
            .map(|(k, v)| {
                let value = settings.physical_dimension(&k, v);
                (k, value)
            })
            .collect();
        // The app's gauges are published once a minute and averaged, unless a runbook says.
        // One metric's own statistic (`AWS/Bedrock:InvocationLatency` = `p99`) wins over its namespace's.
        let stat = plan
            .statistics
            .get(&format!("{ns}:{logical}"))
            .or_else(|| plan.statistics.get(&ns))
            .cloned()
            .unwrap_or_else(|| "Average".into());
        queries.push(cloudwatch::MetricQuery { namespace, name, dimensions, stat });
    }
    let series = cloudwatch::metric_data(clients, &queries, start, end).await?;
    // A metric without datapoints is left out: missing, never zero.
    Ok(keys.into_iter().zip(series).filter(|(_, pts)| !pts.is_empty()).map(|(k, pts)| (k.clone(), pts)).collect())
}
