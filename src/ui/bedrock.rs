//! Bedrock's own view beside the app's: what `AWS/Bedrock` counted for each model over the last
//! minutes of the evidence (throttled calls as a fraction of calls plus throttles, latency p99,
//! tokens per minute) next to the app's own `ThrottleRate`, so the report and `watch` show
//! where the two disagree without a runbook having to fire. A series without datapoints is
//! said to have no data, never shown as zero.

use crate::evidence::Evidence;
use crate::text::fmt_num;

/// One model as Bedrock saw it over the last minutes.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelView {
    /// The model's key (`sonnet`), as the evidence's `ModelId` dimension names it.
    pub model: String,
    /// Throttled calls (`InvocationThrottles`), summed.
    pub throttles: Option<f64>,
    /// Calls that were not throttled (`Invocations`), summed.
    pub invocations: Option<f64>,
    /// The latest minute's `InvocationLatency` (the p99 masst reads), in ms.
    pub latency_p99: Option<f64>,
    /// The latest minute's `EstimatedTPMQuotaUsage`.
    pub tokens_per_minute: Option<f64>,
}

impl ModelView {
    /// Bedrock's throttle fraction: throttles over calls plus throttles (throttled calls are
    /// not in `Invocations`); none when either count has no data or nothing was called.
    pub fn throttle_fraction(&self) -> Option<f64> {
        let (t, i) = (self.throttles?, self.invocations?);
        (t + i > 0.0).then(|| t / (t + i))
    }
}

/// Both views over the last `minutes` datapoints: the app's `ThrottleRate` (mean) and each
/// model Bedrock has a series for.
#[derive(Debug, Clone, PartialEq)]
pub struct View {
    pub minutes: usize,
    pub app_throttle_rate: Option<f64>,
    pub models: Vec<ModelView>,
}

const APP_THROTTLE: &str = "MangaAssist/Throughput:ThrottleRate";

fn last(ev: &Evidence, key: &str, minutes: usize) -> Option<Vec<f64>> {
    let pts = ev.metrics.get(key)?;
    let from = pts.len().saturating_sub(minutes);
    let v: Vec<f64> = pts[from..].iter().map(|(_, v)| *v).collect();
    (!v.is_empty()).then_some(v)
}

/// Bedrock's view in `ev`; `None` when the evidence holds no `AWS/Bedrock` series at all (an
/// old snapshot, or an account whose Bedrock metrics masst could not read).
pub fn view(ev: &Evidence, minutes: usize) -> Option<View> {
    let mut models: Vec<String> = ev
        .metrics
        .keys()
        .filter_map(|k| k.strip_prefix("AWS/Bedrock:"))
        .filter_map(|k| k.split_once("{ModelId=").map(|(_, m)| m.trim_end_matches('}').to_string()))
        .collect();
    models.dedup();
    models.sort();
    models.dedup();
    if models.is_empty() {
        return None;
    }
    let key = |name: &str, m: &str| format!("AWS/Bedrock:{name}{{ModelId={m}}}");
    let sum = |name: &str, m: &str| last(ev, &key(name, m), minutes).map(|v| v.iter().sum::<f64>());
    let latest = |name: &str, m: &str| last(ev, &key(name, m), 1).map(|v| v[0]);
    let models = models
        .into_iter()
        .map(|m| ModelView {
            throttles: sum("InvocationThrottles", &m),
            invocations: sum("Invocations", &m),
            latency_p99: latest("InvocationLatency", &m),
            tokens_per_minute: latest("EstimatedTPMQuotaUsage", &m),
            model: m,
        })
        .collect();
    let app = last(ev, APP_THROTTLE, minutes).map(|v| v.iter().sum::<f64>() / v.len() as f64);
    Some(View { minutes, app_throttle_rate: app, models })
}

fn pct(v: Option<f64>) -> String {
    v.map(|f| format!("{} %", fmt_num((f * 1000.0).round() / 10.0))).unwrap_or_else(|| "no data".into())
}

fn num(v: Option<f64>, unit: &str) -> String {
    v.map(|x| format!("{}{unit}", fmt_num(x.round()))).unwrap_or_else(|| "no data".into())
}

/// The rows of a table of the view: (model, Bedrock throttled, calls, latency p99, tokens/min).
pub fn rows(v: &View) -> Vec<[String; 5]> {
    v.models
        .iter()
        .map(|m| {
            let calls = match (m.throttles, m.invocations) {
                (Some(t), Some(i)) => fmt_num((t + i).round()),
                _ => "no data".into(),
            };
            [
                m.model.clone(),
                pct(m.throttle_fraction()),
                calls,
                num(m.latency_p99, " ms"),
                num(m.tokens_per_minute, ""),
            ]
        })
        .collect()
}

/// The app's side in words: `the app's ThrottleRate 12 % (mean of the last 5 minutes)`.
pub fn app_text(v: &View) -> String {
    format!("the app's ThrottleRate {} (mean of the last {} minutes)", pct(v.app_throttle_rate), v.minutes)
}

/// One line for `watch`: the app's throttle rate and Bedrock's per model.
pub fn line(v: &View) -> String {
    let models: Vec<String> = v.models.iter().map(|m| format!("{} {}", m.model, pct(m.throttle_fraction()))).collect();
    format!("throttled: app {} · Bedrock {}", pct(v.app_throttle_rate), models.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(series: &[(&str, &[f64])]) -> Evidence {
        let mut ev: Evidence = serde_json::from_value(serde_json::json!({
            "format": crate::evidence::FORMAT, "source": "test", "taken_at": "2026-12-08T00:00:00Z",
            "window_minutes": 15
        }))
        .unwrap();
        for (k, vals) in series {
            ev.metrics.insert(k.to_string(), vals.iter().enumerate().map(|(i, v)| (i as i64 * 60, *v)).collect());
        }
        ev
    }

    #[test]
    fn bedrocks_throttle_fraction_counts_throttles_beside_calls_and_no_data_is_not_zero() {
        let e = ev(&[
            ("AWS/Bedrock:InvocationThrottles{ModelId=sonnet}", &[0.0, 10.0, 10.0]),
            ("AWS/Bedrock:Invocations{ModelId=sonnet}", &[100.0, 90.0, 90.0]),
            ("AWS/Bedrock:Invocations{ModelId=haiku}", &[50.0]),
            (APP_THROTTLE, &[0.0, 0.0, 0.0]),
        ]);
        let v = view(&e, 2).unwrap();
        assert_eq!(v.models[1].model, "sonnet");
        assert_eq!(v.models[1].throttle_fraction(), Some(0.1));
        assert_eq!(v.models[0].throttle_fraction(), None, "haiku's throttles have no data");
        assert_eq!(line(&v), "throttled: app 0 % · Bedrock haiku no data, sonnet 10 %");
        assert_eq!(rows(&v)[1], ["sonnet", "10 %", "200", "no data", "no data"].map(String::from));
        assert!(view(&ev(&[(APP_THROTTLE, &[0.1])]), 5).is_none(), "no Bedrock series: no view");
    }
}
