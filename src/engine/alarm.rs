//! Alarms as data: the CloudWatch alarms `masst alarms install` creates and the audit's
//! `alarms-present` check expects, declared in the runbook whose trigger they stand for.
//!
//! An alarm's threshold names one of its runbook's `[thresholds]` (`threshold =
//! "throttle_rate"`), the same number the runbook's conditions read, so the value a trigger
//! fires at and the value CloudWatch alarms at are stated once. A raw alarm only parses; the
//! checked [`AlarmDef`] has its threshold resolved.

use std::collections::BTreeMap;

use serde::Deserialize;

/// An alarm's threshold as written: a number, or the name of a runbook threshold.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Threshold {
    Value(f64),
    Named(String),
}

/// One alarm as data: a metric alarm (`metric`, `statistic`) or metric math (`queries`).
/// `{M}` is a model key capitalised (with `per_model`), `{p99_target}` the model's P99 target.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAlarm {
    pub name: String,
    pub description: String,
    #[serde(default)]
    pub per_model: bool,
    pub metric: Option<String>,
    pub statistic: Option<String>,
    #[serde(default = "sixty")]
    pub period: i32,
    pub evaluation_periods: i32,
    pub datapoints: i32,
    /// A number, or the name of one of the runbook's `[thresholds]` (stated once, read by its
    /// conditions too).
    pub threshold: Threshold,
    /// `>`, `>=`, `<` or `<=`.
    pub comparison: String,
    #[serde(default)]
    pub queries: Vec<QueryDef>,
}

/// One query of a metric-math alarm.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QueryDef {
    pub id: String,
    pub metric: Option<String>,
    pub statistic: Option<String>,
    #[serde(default)]
    pub period: i32,
    pub expression: Option<String>,
}

fn sixty() -> i32 {
    60
}

impl RawAlarm {
    fn check(&self) -> Result<(), String> {
        let here = format!("alarm `{}`", self.name);
        if !["<", "<=", ">", ">="].contains(&self.comparison.as_str()) {
            return Err(format!("{here}: comparison `{}` is not one of <, <=, >, >=", self.comparison));
        }
        let single = self.metric.is_some() && self.statistic.is_some();
        if single != self.queries.is_empty() {
            return Err(format!("{here}: give either `metric` and `statistic`, or `queries` (metric math)"));
        }
        let metric_ok = |m: &str| m.split_once(':').is_some_and(|(a, b)| !a.is_empty() && !b.is_empty());
        for m in self.metric.iter().chain(self.queries.iter().filter_map(|q| q.metric.as_ref())) {
            if !metric_ok(m) {
                return Err(format!("{here}: metric `{m}` must be `Namespace:MetricName`"));
            }
        }
        for q in &self.queries {
            if q.metric.is_some() == q.expression.is_some() || (q.metric.is_some() && q.statistic.is_none()) {
                return Err(format!("{here}: query `{}` needs `metric` and `statistic`, or `expression`", q.id));
            }
        }
        if !self.per_model && (self.name.contains("{M}") || self.description.contains("{M}")) {
            return Err(format!("{here}: uses {{M}}; set `per_model = true`"));
        }
        Ok(())
    }
}

/// One alarm, checked: its threshold a number.
#[derive(Debug, Clone)]
pub struct AlarmDef {
    pub name: String,
    pub description: String,
    pub per_model: bool,
    pub metric: Option<String>,
    pub statistic: Option<String>,
    pub period: i32,
    pub evaluation_periods: i32,
    pub datapoints: i32,
    pub threshold: f64,
    /// `>`, `>=`, `<` or `<=`.
    pub comparison: String,
    pub queries: Vec<QueryDef>,
    /// The runbook it comes from.
    pub runbook: String,
}

impl RawAlarm {
    /// Checks the alarm and resolves a named threshold against `thresholds`.
    pub fn checked(self, runbook: &str, thresholds: &BTreeMap<String, f64>) -> Result<AlarmDef, String> {
        self.check()?;
        let threshold = match &self.threshold {
            Threshold::Value(v) if v.is_finite() => *v,
            Threshold::Value(v) => return Err(format!("alarm `{}`: threshold {v} is not a number", self.name)),
            Threshold::Named(n) => *thresholds.get(n).ok_or_else(|| {
                let known: Vec<&str> = thresholds.keys().map(String::as_str).collect();
                format!(
                    "alarm `{}`: threshold `{n}` is not one of this runbook's [thresholds] ({})",
                    self.name,
                    if known.is_empty() { "it has none".to_string() } else { known.join(", ") }
                )
            })?,
        };
        // A metric-math expression may read the runbook's thresholds too: `{at_ceiling}`.
        let mut queries = self.queries;
        for q in &mut queries {
            if let Some(e) = &mut q.expression {
                for (name, v) in thresholds {
                    *e = e.replace(&format!("{{{name}}}"), &crate::text::fmt_num(*v));
                }
                if let Some(t) = unknown_token(e) {
                    return Err(format!(
                        "alarm `{}`, query `{}`: `{t}` is neither a threshold of this runbook nor {{M}} or {{p99_target}}",
                        self.name, q.id
                    ));
                }
            }
        }
        Ok(AlarmDef {
            name: self.name,
            description: self.description,
            per_model: self.per_model,
            metric: self.metric,
            statistic: self.statistic,
            period: self.period,
            evaluation_periods: self.evaluation_periods,
            datapoints: self.datapoints,
            threshold,
            comparison: self.comparison,
            queries,
            runbook: runbook.to_string(),
        })
    }
}

/// The first `{…}` in `text` that alarms do not fill (`{M}`, `{p99_target}`).
fn unknown_token(text: &str) -> Option<String> {
    let mut rest = text;
    while let Some(i) = rest.find('{') {
        let j = rest[i..].find('}')? + i;
        let token = &rest[i..=j];
        if token != "{M}" && token != "{p99_target}" {
            return Some(token.to_string());
        }
        rest = &rest[j + 1..];
    }
    None
}
