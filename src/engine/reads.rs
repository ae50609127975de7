//! The signals that read what AWS itself records rather than what MangaAssist says of itself
//! (contract §9): Bedrock's counters summed over every model and divided minute by minute (its
//! throttle fraction), AWS Health's open events, the quotas Service Quotas names per model, and
//! the fallback from one view to another. Like every signal, none invents a value: a series
//! with no datapoints, Health that could not be asked, a quota not found all give *missing*.

use std::collections::BTreeMap;

use crate::engine::expr::SigValue;
use crate::engine::signal::{dedup, expand, fail, Resolved, Resolver};
use crate::evidence::{metric_key, parse_metric_key, Evidence};
use crate::text::fmt_num;

/// The datapoints of `name` with dimensions `dims` where a dimension written `*` stands for
/// every value the evidence has (every model), summed minute by minute.
fn summed(ev: &Evidence, namespace: &str, name: &str, dims: &BTreeMap<String, String>) -> BTreeMap<i64, f64> {
    let mut out = BTreeMap::new();
    for (key, points) in &ev.metrics {
        let Some((ns, n, d)) = parse_metric_key(key) else { continue };
        let matches = ns == namespace
            && n == name
            && d.len() == dims.len()
            && dims.iter().all(|(k, v)| d.get(k).is_some_and(|x| v == "*" || x == v));
        if matches {
            for (t, v) in points {
                *out.entry(*t).or_insert(0.0) += v;
            }
        }
    }
    out
}

/// A metric summed over every model (`ModelId = "*"`) and, when `divided_by` names metrics,
/// divided minute by minute by their sum: the text it is shown as, and its datapoints. A
/// minute counts only where the numerator and every divisor have a datapoint and the divisor
/// is not zero (a minute without calls has no fraction), so a gap is never read as zero.
pub(crate) fn combined(
    ev: &Evidence,
    namespace: &str,
    name: &str,
    dims: &BTreeMap<String, String>,
    divided_by: &[String],
) -> (String, Vec<(i64, f64)>) {
    let key = metric_key(namespace, name, dims);
    let every = if dims.values().any(|v| v == "*") { " (every model)" } else { "" };
    let top = summed(ev, namespace, name, dims);
    if divided_by.is_empty() {
        return (format!("{key}{every}"), top.into_iter().collect());
    }
    let parts: Vec<BTreeMap<i64, f64>> = divided_by.iter().map(|d| summed(ev, namespace, d, dims)).collect();
    let points = top
        .into_iter()
        .filter_map(|(t, v)| {
            let whole: Option<f64> = parts.iter().map(|p| p.get(&t).copied()).sum();
            whole.filter(|w| *w > 0.0).map(|w| (t, v / w))
        })
        .collect();
    (format!("{key} ÷ ({}){every}", divided_by.join(" + ")), points)
}

impl Resolver<'_> {
    /// How many open Bedrock events AWS Health shows; missing, with the reason, when Health
    /// was not asked or could not answer.
    pub(crate) fn read_health(&self, mut r: Resolved) -> Resolved {
        let Some(h) = &self.evidence.health else {
            r.source = "AWS Health".into();
            r.missing.push("AWS Health was not asked (offline evidence without it)".into());
            return r;
        };
        r.source = format!("AWS Health: open BEDROCK events in {}", h.region);
        if let Some(why) = &h.unavailable {
            r.missing.push(format!("AWS Health is unavailable: {why}"));
            return r;
        }
        if let Some(e) = h.events.first() {
            let since = e.start.map(|t| format!(" since {}", t.strftime("%Y-%m-%d %H:%M UTC"))).unwrap_or_default();
            let more = if h.events.len() > 1 { format!(" and {} more", h.events.len() - 1) } else { String::new() };
            r.source = format!("{}: {}{since}{more}", r.source, e.event_type);
        }
        r.value = Some(SigValue::Num(h.events.len() as f64));
        r
    }

    /// A model's applied tokens- or requests-per-minute quota, found by its name.
    pub(crate) fn read_named_quota(&self, mut r: Resolved, model: &str, per_minute: &str) -> Resolved {
        let model = match expand(model, &self.placeholders, self.evidence) {
            Ok(m) => m,
            Err(e) => return fail(r, format!("quota {model}"), e),
        };
        r.source = format!("Service Quotas: on-demand {per_minute} per minute of {model}");
        let Some(q) = self.evidence.named_quotas.get(&model) else {
            r.missing.push(format!("the Service Quotas of {model} were not read"));
            return r;
        };
        let q = if per_minute == "tokens" { &q.tokens } else { &q.requests };
        if q.name.is_empty() {
            r.missing.push(format!(
                "masst does not know {model}'s name in Service Quotas: set [models.{model}] quota_name in masst.toml"
            ));
            return r;
        }
        match (&q.code, q.value) {
            (Some(code), Some(v)) => {
                r.source = format!("Service Quotas bedrock {code} \"{}\" = {}", q.name, fmt_num(v));
                r.value = Some(SigValue::Num(v));
            }
            (Some(code), None) => {
                r.source = format!("Service Quotas bedrock {code} \"{}\"", q.name);
                r.missing.push(format!("the quota \"{}\" ({code}) has no applied value", q.name));
            }
            (None, _) => r.missing.push(format!(
                "Service Quotas lists no bedrock quota named \"{}\" (set [models.{model}] quota_name if its name differs)",
                q.name
            )),
        }
        r
    }

    /// The first of `of` that has a value, shown with why the ones before it were passed over;
    /// missing (with every reason) when none has one.
    pub(crate) fn read_first(&self, mut r: Resolved, of: &[String]) -> Resolved {
        let mut passed = Vec::new();
        for name in of {
            let got = self.get(name);
            if got.value.is_some() {
                let because = if passed.is_empty() {
                    String::new()
                } else {
                    format!(" ({} instead: {})", got.name, passed.join("; "))
                };
                return Resolved {
                    kind: got.kind,
                    source: format!("{}{because}", got.source),
                    value: got.value.clone(),
                    series: got.series.clone(),
                    metric: got.metric.clone(),
                    points: got.points.clone(),
                    parts: vec![],
                    ..r
                };
            }
            passed.extend(got.missing.iter().cloned());
        }
        r.source = format!("the first of {} with data", of.join(", "));
        r.missing = dedup(passed);
        r
    }

    /// Whether `of` has a value, with it (and why it has none) as the part shown.
    pub(crate) fn read_has(&self, mut r: Resolved, of: &str) -> Resolved {
        let got = self.get(of);
        r.kind = got.kind;
        r.source = format!("whether {of} has data");
        r.value = Some(SigValue::Bool(got.value.is_some()));
        r.parts = vec![got];
        r
    }
}
