//! Signals: the named inputs a runbook's conditions read, and how each is read off evidence.
//!
//! A signal names one source (a metric statistic, a key of the configuration document, a queue
//! attribute, an ECS count, the DLQ sample, or a CEL expression over other signals). Resolving
//! one never invents a value: no datapoints, no key, no queue all give *missing*, with the
//! reason, which is what the walk reports when a verdict depends on it.

use crate::text::capitalise;
use std::collections::BTreeMap;

use crate::engine::expr::{Eval, Expr, SigValue};

mod resolve;
use crate::evidence::{dlq::Class, metric_key, Evidence};
#[cfg(test)]
use resolve::reduce;
pub use resolve::Resolver;

/// How a metric series is reduced to a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stat {
    /// The contract's *value*: the mean of the last 5 datapoints.
    Value,
    Last,
    First,
    Mean,
    Median,
    Max,
    Min,
    Sum,
    Count,
    /// The datapoints themselves, as a list, for conditions such as "3 of the last 5".
    Series,
}

impl Stat {
    fn describe(self, over: Option<usize>) -> String {
        let span = match over {
            Some(n) => format!("last {n}"),
            None => "window".to_string(),
        };
        match self {
            Stat::Value => "mean of last 5".into(),
            Stat::Last => "latest".into(),
            Stat::First => "first in window".into(),
            Stat::Mean => format!("mean of {span}"),
            Stat::Median => format!("median of {span}"),
            Stat::Max => format!("max of {span}"),
            Stat::Min => format!("min of {span}"),
            Stat::Sum => format!("sum of {span}"),
            Stat::Count => format!("datapoints in {span}"),
            Stat::Series => format!("{span} datapoints"),
        }
    }
}

/// The type a signal's value has, declared so validation can type-check conditions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Number,
    Bool,
    Text,
    List,
}

impl Kind {
    /// A stand-in value of this kind, for validating expressions without evidence.
    pub fn sample(self) -> SigValue {
        match self {
            Kind::Number => SigValue::Num(1.0),
            Kind::Bool => SigValue::Bool(true),
            Kind::Text => SigValue::Text("sonnet".into()),
            Kind::List => SigValue::List(vec![1.0, 1.0]),
        }
    }
}

/// Where a signal's value comes from.
#[derive(Debug)]
pub enum Source {
    Metric {
        namespace: String,
        name: String,
        dims: BTreeMap<String, String>,
        stat: Stat,
        over: Option<usize>,
        /// Metrics of the same namespace and dimensions whose sum divides this one minute by
        /// minute (`divided_by = ["Invocations", "InvocationThrottles"]`: Bedrock's throttle
        /// fraction); empty for a plain metric. A dimension written `*` sums every model.
        divided_by: Vec<String>,
    },
    Config {
        path: String,
        default: Option<SigValue>,
    },
    /// A queue attribute; `default` stands in when the queue lacks it (no RedrivePolicy).
    Queue {
        role: String,
        attribute: String,
        default: Option<f64>,
    },
    Ecs {
        role: String,
        field: String,
    },
    Dlq {
        field: String,
    },
    Derived {
        expr: Expr,
    },
    /// How many of the alarms masst installs are absent.
    Alarms,
    /// A model's applied Service Quotas value.
    Quota {
        model: String,
    },
    /// An ECS service's Application Auto Scaling policies.
    Autoscaling {
        role: String,
    },
    /// How many open Bedrock events AWS Health shows in the deployment's region.
    Health,
    /// A model's on-demand quota found by name in Service Quotas: `tokens` or `requests`
    /// per minute.
    NamedQuota {
        model: String,
        per_minute: String,
    },
    /// The first of these signals that has a value: a view to fall back on when the first
    /// is missing (Bedrock's throttle fraction when the app publishes no ThrottleRate).
    First {
        of: Vec<String>,
    },
    /// Whether another signal has a value: how a condition asks "do both views have data?"
    /// without the missing one making it unknown.
    Has {
        of: String,
    },
    /// Lines of a log role's CloudWatch Logs group: those `filter` returns that `matches`
    /// (a regular expression; `{id}`/`{m}` the walked model) in the last `minutes`. The value is
    /// their count, or with `capture` the number the latest one's capture group holds.
    Logs {
        role: String,
        filter: String,
        matches: String,
        minutes: u32,
        capture: Option<usize>,
    },
    /// One of the runbook's `[thresholds]`: a number stated once, read by its conditions and
    /// its alarms alike.
    Threshold {
        value: f64,
    },
}

/// The prefix of a missing reason that means "this deployment does not have it configured":
/// a check whose every missing input says so is skipped, not unknown.
pub const NOT_CONFIGURED: &str = "not configured:";

/// A checked signal definition.
#[derive(Debug)]
pub struct Signal {
    pub name: String,
    pub source: Source,
    pub kind: Kind,
    pub label: Option<String>,
}

/// A signal's value (or why it has none) and how it was read, for the evidence shown.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Resolved {
    pub name: String,
    /// What kind of record it was read from: `metric`, `logs`, `queue`, `ecs`, `config`,
    /// `health` or `quota` (contract §9); a derived signal takes its first input's.
    pub kind: &'static str,
    pub source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<SigValue>,
    /// Why there is no value: the metric, key or resource that was missing.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<String>,
    /// For a derived signal, the signals it was computed from.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<Resolved>,
    /// For a metric signal, the whole window it was read from (for sparklines; the value is
    /// what the condition used).
    #[serde(skip)]
    pub series: Vec<f64>,
    /// For a metric signal, its logical key in the evidence (for charts with times).
    #[serde(skip)]
    pub metric: Option<String>,
    /// For a metric signal, its datapoints with their times (a series summed over models or
    /// divided by others is not in the evidence under one key).
    #[serde(skip)]
    pub points: Vec<(i64, f64)>,
    /// A threshold of the runbook: a number stated in the file, not read from AWS.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub threshold: bool,
    /// For a logs signal: the group and what matched in it (contract §9's `logs` input).
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub logs: Option<LogsSeen>,
}

/// What a logs signal saw: the group, how many lines matched (absent when the group could not
/// be read), the latest lines (cut and escaped, safe to print) and the numbers they captured.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct LogsSeen {
    pub group: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<usize>,
    /// The read stopped at the event cap or the deadline: the count is "at least".
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub at_least: bool,
    /// The latest matching lines, newest last.
    pub lines: Vec<SeenLine>,
    /// The numbers the latest matching line's capture groups hold, in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub captures: Vec<f64>,
}

/// One matching log line as shown: its time and its text, cut to [`LINE_CHARS`] characters with
/// control characters escaped.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SeenLine {
    pub at: jiff::Timestamp,
    pub text: String,
}

/// How many of the latest matching lines a logs signal keeps as evidence.
pub const LATEST_LINES: usize = 3;
/// The most characters of a log line kept as evidence.
pub const LINE_CHARS: usize = 200;

/// A logs signal's expression with the walked model filled in: `{id}` its Bedrock model id and
/// `{m}` its key, both as literal text.
pub fn log_regex(matches: &str, model: &str, id: &str) -> Result<regex::Regex, regex::Error> {
    let src = matches.replace("{id}", &regex::escape(id)).replace("{m}", &regex::escape(model));
    regex::RegexBuilder::new(&src).size_limit(1 << 20).build()
}

impl Resolved {
    /// Is every missing input of this one a log signal's? Logs corroborate: a test that only
    /// they leave undecided does not hold, and the node goes on to its other tests.
    pub fn missing_only_logs(inputs: &[Resolved]) -> bool {
        fn only(r: &Resolved) -> bool {
            if r.missing.is_empty() {
                return true;
            }
            if r.parts.is_empty() {
                r.logs.is_some()
            } else {
                r.parts.iter().all(only)
            }
        }
        inputs.iter().any(|r| !r.missing.is_empty()) && inputs.iter().all(only)
    }
}

/// The placeholders a signal template may use, filled per walk.
#[derive(Debug, Clone, Default)]
pub struct Placeholders {
    /// Model key, lower case (`sonnet`): `{m}`; capitalised (`Sonnet`): `{M}`.
    pub model: Option<String>,
}

/// Does `text` use a per-model placeholder?
pub fn uses_model(text: &str) -> bool {
    text.contains("{m}") || text.contains("{M}")
}

/// Fills `{m}`, `{M}` (the walked model) and a runbook's declared placeholders, which load as
/// `{model@KEY}` / `{Model@KEY}`: the model key the deployed document names at config `KEY`.
/// An unfillable placeholder is a reason the signal is missing.
pub fn expand(text: &str, ph: &Placeholders, ev: &Evidence) -> Result<String, String> {
    let mut out = text.to_string();
    if uses_model(&out) {
        let m = ph.model.as_deref().ok_or("this signal is per model, but no model is being walked")?;
        out = out.replace("{m}", m).replace("{M}", &capitalise(m));
    }
    // Bounded: a document value that itself looks like a placeholder is not expanded forever.
    for _ in 0..8 {
        let Some((token, key, cap)) = model_at(&out) else { break };
        let m = ev
            .config
            .as_ref()
            .and_then(|c| c.pointer(&format!("/{}", key.replace('.', "/"))))
            .and_then(|v| v.as_str())
            .ok_or_else(|| {
                format!("config key {key} (the model a placeholder names) is not in the deployed document")
            })?;
        let value = if cap { capitalise(m) } else { m.to_string() };
        out = out.replace(&token, &value);
    }
    Ok(out)
}

/// The first `{model@KEY}` or `{Model@KEY}` in `text`: the token, the key, and whether the
/// value is capitalised.
pub(crate) fn model_at(text: &str) -> Option<(String, String, bool)> {
    let i = text.find("{model@").or_else(|| text.find("{Model@"))?;
    let j = text[i..].find('}')? + i;
    let token = text[i..=j].to_string();
    let key = text[i + 7..j].to_string();
    Some((token.clone(), key, token.starts_with("{Model@")))
}

impl Source {
    /// The other signals this one is computed from (a derived signal's names, a fallback's
    /// list), for cycle checks and for what a verification must read.
    pub fn deps(&self) -> Vec<String> {
        match self {
            Source::Derived { expr } => expr.identifiers(),
            Source::First { of } => of.clone(),
            Source::Has { of } => vec![of.clone()],
            _ => vec![],
        }
    }
}

pub(crate) fn fail(mut r: Resolved, source: String, why: String) -> Resolved {
    r.source = source;
    r.missing.push(why);
    r
}

pub(crate) fn dedup(mut v: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::BTreeSet::new();
    v.retain(|s| seen.insert(s.clone()));
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reductions_follow_the_contract_readings() {
        let all = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0];
        assert_eq!(reduce(Stat::Value, &all[2..], &all), SigValue::Num(5.0));
        assert_eq!(reduce(Stat::Median, &all, &all), SigValue::Num(4.0));
        assert_eq!(reduce(Stat::Median, &all[..4], &all), SigValue::Num(2.5));
        assert_eq!(reduce(Stat::First, &all[5..], &all), SigValue::Num(1.0));
        assert_eq!(reduce(Stat::Series, &all[5..], &all), SigValue::List(vec![6.0, 7.0]));
    }

    #[test]
    fn model_placeholders_expand_in_both_cases() {
        let ev = Evidence::new("t", jiff::Timestamp::UNIX_EPOCH);
        let ph = Placeholders { model: Some("sonnet".into()) };
        assert_eq!(expand("CircuitState_{M}/{m}", &ph, &ev).unwrap(), "CircuitState_Sonnet/sonnet");
        // A runbook's declared placeholder (`bm = { model_at = "batch.model" }`) loads as this.
        assert!(expand("x_{Model@batch.model}", &ph, &ev).unwrap_err().contains("batch.model"));
        let mut ev = ev;
        ev.config = Some(serde_json::json!({"batch": {"model": "haiku"}}));
        assert_eq!(expand("x_{Model@batch.model}.{model@batch.model}", &ph, &ev).unwrap(), "x_Haiku.haiku");
    }
}
