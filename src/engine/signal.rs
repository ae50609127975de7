//! Signals: the named inputs a runbook's conditions read, and how each is read off evidence.
//!
//! A signal names one source (a metric statistic, a key of the configuration document, a queue
//! attribute, an ECS count, the DLQ sample, or a CEL expression over other signals). Resolving
//! one never invents a value: no datapoints, no key, no queue all give *missing*, with the
//! reason, which is what the walk reports when a verdict depends on it.

use crate::text::capitalise;
use std::collections::BTreeMap;

use crate::engine::expr::{Eval, Expr, SigValue};
use crate::evidence::{dlq::Class, metric_key, Evidence};

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

/// Resolves signals for one walk, caching each so a derived signal reads its inputs once.
pub struct Resolver<'a> {
    pub signals: &'a BTreeMap<String, Signal>,
    pub evidence: &'a Evidence,
    pub placeholders: Placeholders,
    cache: std::cell::RefCell<BTreeMap<String, Resolved>>,
}

impl<'a> Resolver<'a> {
    pub fn new(signals: &'a BTreeMap<String, Signal>, evidence: &'a Evidence, placeholders: Placeholders) -> Self {
        Resolver { signals, evidence, placeholders, cache: Default::default() }
    }

    /// Resolves a declared signal; validation guarantees the name exists and derived
    /// signals have no cycles.
    pub fn get(&self, name: &str) -> Resolved {
        if let Some(r) = self.cache.borrow().get(name) {
            return r.clone();
        }
        let sig = &self.signals[name];
        let mut r = self.resolve(sig);
        if let Some(label) = &sig.label {
            r.source = format!("{label}: {}", r.source);
        }
        self.cache.borrow_mut().insert(name.to_string(), r.clone());
        r
    }

    /// Binds every known signal named in `idents`, for evaluating one expression, and
    /// returns the resolved inputs for display.
    pub fn bind(&self, idents: &[String]) -> (BTreeMap<String, SigValue>, Vec<Resolved>) {
        let mut vars = BTreeMap::new();
        let mut shown = Vec::new();
        for id in idents {
            if !self.signals.contains_key(id) {
                continue;
            }
            let r = self.get(id);
            if let Some(v) = &r.value {
                vars.insert(id.clone(), v.clone());
            }
            shown.push(r);
        }
        (vars, shown)
    }

    /// Evaluates an expression over the signals, turning failures into a reason that names
    /// what was missing.
    pub fn eval(&self, expr: &Expr) -> (Eval, Vec<Resolved>) {
        self.eval_with(expr, &BTreeMap::new())
    }

    /// Like [`Resolver::eval`], with more names bound (`start_<signal>` during a verification).
    pub fn eval_with(&self, expr: &Expr, extra: &BTreeMap<String, SigValue>) -> (Eval, Vec<Resolved>) {
        let idents = expr.identifiers();
        let (mut vars, shown) = self.bind(&idents);
        for id in &idents {
            if let Some(v) = extra.get(id) {
                vars.insert(id.clone(), v.clone());
            }
        }
        let out = match expr.eval(&vars) {
            Ok(v) => Eval::Value(v),
            Err(e) => {
                let missing: Vec<String> = shown.iter().flat_map(|r| r.missing.clone()).collect();
                if missing.is_empty() {
                    Eval::Unknown(format!("`{}` {e}", expr.source))
                } else {
                    Eval::Unknown(dedup(missing).join("; "))
                }
            }
        };
        (out, shown)
    }

    fn resolve(&self, sig: &Signal) -> Resolved {
        let r = Resolved {
            name: sig.name.clone(),
            kind: kind_of(&sig.source),
            source: String::new(),
            value: None,
            missing: vec![],
            parts: vec![],
            series: vec![],
            metric: None,
            points: vec![],
            threshold: false,
            logs: None,
        };
        match &sig.source {
            Source::Metric { namespace, name, dims, stat, over, divided_by } => {
                self.read_metric(r, namespace, name, dims, (stat, over), divided_by)
            }
            Source::Health => self.read_health(r),
            Source::NamedQuota { model, per_minute } => self.read_named_quota(r, model, per_minute),
            Source::First { of } => self.read_first(r, of),
            Source::Has { of } => self.read_has(r, of),
            Source::Config { path, default } => self.read_config(r, path, default),
            Source::Queue { role, attribute, default } => self.read_queue(r, role, attribute, default),
            Source::Ecs { role, field } => self.read_ecs(r, role, field),
            Source::Alarms => self.read_alarms(r),
            Source::Quota { model } => self.read_quota(r, model),
            Source::Autoscaling { role } => self.read_autoscaling(r, role),
            Source::Logs { role, filter, matches, minutes, capture } => {
                self.read_logs(r, role, filter, matches, *minutes, *capture)
            }
            Source::Threshold { value } => Resolved {
                source: "threshold of the runbook".into(),
                value: Some(SigValue::Num(*value)),
                threshold: true,
                ..r
            },
            Source::Dlq { field } => self.read_dlq(r, field),
            Source::Derived { expr } => self.read_derived(r, expr),
        }
    }

    /// A metric: the window's datapoints reduced by the signal's statistic.
    fn read_metric(
        &self,
        mut r: Resolved,
        namespace: &str,
        name: &str,
        dims: &BTreeMap<String, String>,
        (stat, over): (&Stat, &Option<usize>),
        divided_by: &[String],
    ) -> Resolved {
        let ev = self.evidence;
        let ph = &self.placeholders;
        let name = match expand(name, ph, ev) {
            Ok(n) => n,
            Err(e) => return fail(r, format!("{namespace}:{name}"), e),
        };
        let mut d = BTreeMap::new();
        for (k, v) in dims {
            match expand(v, ph, ev) {
                Ok(v) => d.insert(k.clone(), v),
                Err(e) => return fail(r, format!("{namespace}:{name}"), e),
            };
        }
        let key = metric_key(namespace, &name, &d);
        let (what, points) = if divided_by.is_empty() && !d.values().any(|v| v == "*") {
            (key.clone(), ev.metrics.get(&key).cloned().unwrap_or_default())
        } else {
            crate::engine::reads::combined(ev, namespace, &name, &d, divided_by)
        };
        r.source = format!("{what} · {}", stat.describe(*over));
        r.metric = Some(key.clone());
        let all: Vec<f64> = points.iter().map(|(_, v)| *v).collect();
        if all.is_empty() {
            r.missing.push(format!("metric {what} has no datapoints in the window"));
            return r;
        }
        r.points = points;
        let take = match stat {
            Stat::Value => Some(5),
            _ => *over,
        };
        let pts: &[f64] = match take {
            Some(n) if n < all.len() => &all[all.len() - n..],
            _ => &all,
        };
        r.value = Some(reduce(*stat, pts, &all));
        r.series = all.to_vec();
        r
    }

    /// A key of the deployed document, or its default.
    fn read_config(&self, mut r: Resolved, path: &str, default: &Option<SigValue>) -> Resolved {
        let ev = self.evidence;
        let ph = &self.placeholders;
        let path = match expand(path, ph, ev) {
            Ok(p) => p,
            Err(e) => return fail(r, format!("config {path}"), e),
        };
        r.source = format!("config {path}");
        let Some(doc) = &ev.config else {
            let why = "no configuration document was read".to_string();
            r.missing.push(format!("config {path}: {why}"));
            return r;
        };
        let pointer = format!("/{}", path.replace('.', "/"));
        match doc.pointer(&pointer) {
            Some(serde_json::Value::Number(n)) => r.value = n.as_f64().map(SigValue::Num),
            Some(serde_json::Value::Bool(b)) => r.value = Some(SigValue::Bool(*b)),
            Some(serde_json::Value::String(s)) => r.value = Some(SigValue::Text(s.clone())),
            _ => match default {
                Some(d) => {
                    r.value = Some(d.clone());
                    r.source.push_str(" (not set; default)");
                }
                None => r.missing.push(format!("config key {path} is not in the deployed document")),
            },
        }
        r
    }

    /// A queue attribute, or its default.
    fn read_queue(&self, mut r: Resolved, role: &str, attribute: &str, default: &Option<f64>) -> Resolved {
        let ev = self.evidence;
        r.source = format!("SQS {role} queue {attribute}");
        let Some(q) = ev.queues.get(role) else {
            let why = "not in the evidence";
            r.missing.push(format!("SQS {role} queue: {why}"));
            return r;
        };
        r.source = format!("SQS {} {attribute}", q.name);
        match (q.attribute(attribute).and_then(|v| v.parse::<f64>().ok()), default) {
            (Some(v), _) => r.value = Some(SigValue::Num(v)),
            (None, Some(d)) => {
                r.source = format!("SQS {} {attribute} (not set: {})", q.name, crate::text::fmt_num(*d));
                r.value = Some(SigValue::Num(*d));
            }
            (None, None) => r.missing.push(format!("SQS {} has no {attribute}", q.name)),
        }
        r
    }

    /// An ECS service count.
    fn read_ecs(&self, mut r: Resolved, role: &str, field: &str) -> Resolved {
        let ev = self.evidence;
        r.source = format!("ECS {role} {field}");
        let Some(s) = ev.services.get(role) else {
            let why = "not in the evidence";
            r.missing.push(format!("ECS service {role}: {why}"));
            return r;
        };
        r.source = format!("ECS {} {field}", s.name);
        let v = match field {
            "desired" => s.desired as f64,
            "running" => s.running as f64,
            "pending" => s.pending as f64,
            _ => s.stopped_events() as f64,
        };
        r.value = Some(SigValue::Num(v));
        r
    }

    /// How many of the alarms masst installs are absent.
    fn read_alarms(&self, mut r: Resolved) -> Resolved {
        let ev = self.evidence;
        r.source = "CloudWatch alarms masst installs".into();
        match &ev.alarms {
            Some(a) => {
                let missing: Vec<&String> = a.expected.iter().filter(|n| !a.present.contains(n)).collect();
                if !missing.is_empty() {
                    let names: Vec<&str> = missing.iter().take(4).map(|s| s.as_str()).collect();
                    let more =
                        if missing.len() > 4 { format!(" and {} more", missing.len() - 4) } else { String::new() };
                    r.source = format!("CloudWatch alarms masst installs; absent: {}{more}", names.join(", "));
                }
                r.value = Some(SigValue::Num(missing.len() as f64));
            }
            None => r.missing.push(
                "CloudWatch alarms were not read (offline evidence, or no runbook in force declares an alarm)".into(),
            ),
        }
        r
    }

    /// A model's applied Service Quotas value.
    fn read_quota(&self, mut r: Resolved, model: &str) -> Resolved {
        let ev = self.evidence;
        let ph = &self.placeholders;
        let model = match expand(model, ph, ev) {
            Ok(m) => m,
            Err(e) => return fail(r, format!("quota {model}"), e),
        };
        r.source = format!("Service Quotas value for {model}");
        match ev.quotas.get(&model) {
            Some(q) => {
                r.source = format!("Service Quotas {} {}", q.service, q.code);
                match q.value {
                    Some(v) => r.value = Some(SigValue::Num(v)),
                    None => r.missing.push(format!("Service Quotas {} {} has no applied value", q.service, q.code)),
                }
            }
            None => {
                r.missing.push(format!("{NOT_CONFIGURED} no quota code for {model} in [quotas.codes] of masst.toml"))
            }
        }
        r
    }

    /// Lines of a log group in the signal's window that its expression matches.
    fn read_logs(
        &self,
        mut r: Resolved,
        role: &str,
        filter: &str,
        matches: &str,
        minutes: u32,
        capture: Option<usize>,
    ) -> Resolved {
        let ev = self.evidence;
        let model = self.placeholders.model.clone().unwrap_or_default();
        let filter = filter.replace("{m}", &model).replace("{M}", &capitalise(&model));
        let what = match capture {
            Some(n) => format!("capture {n} of latest line,"),
            None => "lines in".into(),
        };
        let Some(st) = ev.logs.get(role) else {
            r.source = format!("{role} log · {what} last {minutes} min");
            r.logs =
                Some(LogsSeen { group: String::new(), count: None, at_least: false, lines: vec![], captures: vec![] });
            r.missing.push(format!("the {role} log was not read (this evidence has no log lines)"));
            return r;
        };
        r.source = format!("{} · {what} last {minutes} min", st.group);
        let mut seen =
            LogsSeen { group: st.group.clone(), count: None, at_least: false, lines: vec![], captures: vec![] };
        if let Some(why) = &st.missing {
            r.missing.push(format!("log group {}: {why}", st.group));
            r.logs = Some(seen);
            return r;
        }
        let id = if uses_model(matches) || matches.contains("{id}") {
            match ev.model_ids.get(&model) {
                Some(id) => id.clone(),
                None if matches.contains("{id}") => {
                    r.missing.push(format!("the Bedrock model id of {model} is not in the evidence"));
                    r.logs = Some(seen);
                    return r;
                }
                None => String::new(),
            }
        } else {
            String::new()
        };
        let re = match log_regex(matches, &model, &id) {
            Ok(re) => re,
            Err(e) => return fail(r, format!("{} /{matches}/", st.group), e.to_string()),
        };
        let since = ev.taken_at.as_second() - minutes as i64 * 60;
        let hits: Vec<&crate::evidence::LogLine> = st
            .lines
            .iter()
            .filter(|l| l.at.as_second() >= since && l.at <= ev.taken_at && re.is_match(&l.text))
            .collect();
        seen.count = Some(hits.len());
        seen.at_least = st.capped.contains_key(&filter);
        seen.lines = hits[hits.len().saturating_sub(LATEST_LINES)..]
            .iter()
            .map(|l| {
                let cut: String = l.text.chars().take(LINE_CHARS).collect();
                SeenLine { at: l.at, text: crate::text::escape(&cut).into_owned() }
            })
            .collect();
        if let Some(latest) = hits.last() {
            if let Some(c) = re.captures(&latest.text) {
                seen.captures = c.iter().skip(1).flatten().filter_map(|m| m.as_str().parse::<f64>().ok()).collect();
            }
        }
        if let Some(why) = st.capped.get(&filter) {
            r.source = format!("{} (read stopped at {why})", r.source);
        }
        match capture {
            None => r.value = Some(SigValue::Num(hits.len() as f64)),
            Some(n) => {
                let got = hits
                    .last()
                    .and_then(|l| re.captures(&l.text))
                    .and_then(|c| c.get(n))
                    .and_then(|m| m.as_str().parse::<f64>().ok());
                match got {
                    Some(v) => r.value = Some(SigValue::Num(v)),
                    None => {
                        r.missing.push(format!("no line of {} matches /{matches}/ in the last {minutes} min", st.group))
                    }
                }
            }
        }
        r.logs = Some(seen);
        r
    }

    /// How many scaling policies an ECS service has.
    fn read_autoscaling(&self, mut r: Resolved, role: &str) -> Resolved {
        let ev = self.evidence;
        r.source = format!("Application Auto Scaling policies of ECS {role}");
        match ev.scaling_policies.get(role) {
            Some(n) => r.value = Some(SigValue::Num(*n as f64)),
            None => r.missing.push(format!("the scaling policies of ECS {role} were not read")),
        }
        r
    }

    /// A count of the DLQ sample.
    fn read_dlq(&self, mut r: Resolved, field: &str) -> Resolved {
        let ev = self.evidence;
        r.source = format!("DLQ sample {field}");
        let sample = match &ev.dlq_sample {
            Some(s) if !s.messages.is_empty() => s,
            Some(_) => {
                r.missing.push("the DLQ sample is empty (its messages may be in flight)".into());
                return r;
            }
            None => {
                let why = "no DLQ sample was read";
                r.missing.push(format!("DLQ sample: {why}"));
                return r;
            }
        };
        // The evidence says how much of the queue the sample is.
        if let Some(c) = &sample.coverage {
            r.source = format!("DLQ sample {field} ({})", c.describe());
        }
        let v = match field {
            "retryable" => sample.count(Class::Retryable),
            "non_retryable" => sample.count(Class::NonRetryable),
            "unknown" => sample.count(Class::Unknown),
            _ => sample.messages.len(),
        };
        r.value = Some(SigValue::Num(v as f64));
        r
    }

    /// An expression over other signals, with them as its parts.
    fn read_derived(&self, mut r: Resolved, expr: &Expr) -> Resolved {
        r.source = expr.source.clone();
        let (out, inputs) = self.eval(expr);
        match out {
            Eval::Value(v) => r.value = Some(v),
            Eval::Unknown(why) => {
                let m: Vec<String> = inputs.iter().flat_map(|i| i.missing.clone()).collect();
                r.missing = if m.is_empty() { vec![why] } else { dedup(m) };
            }
        }
        if let Some(first) = inputs.iter().find(|i| !i.threshold) {
            r.kind = first.kind;
        }
        r.parts = inputs;
        r
    }
}

/// The kind of record a signal reads, for `--output json`'s `kind`.
fn kind_of(source: &Source) -> &'static str {
    match source {
        Source::Metric { .. } | Source::Alarms => "metric",
        Source::Config { .. } | Source::Threshold { .. } => "config",
        Source::Queue { .. } | Source::Dlq { .. } => "queue",
        Source::Ecs { .. } | Source::Autoscaling { .. } => "ecs",
        Source::Quota { .. } | Source::NamedQuota { .. } => "quota",
        Source::Health => "health",
        Source::Logs { .. } => "logs",
        // Filled from the inputs once they are read.
        Source::Derived { .. } | Source::First { .. } | Source::Has { .. } => "config",
    }
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

fn reduce(stat: Stat, pts: &[f64], all: &[f64]) -> SigValue {
    let n = pts.len() as f64;
    SigValue::Num(match stat {
        Stat::Value | Stat::Mean => pts.iter().sum::<f64>() / n,
        Stat::Last => *all.last().expect("non-empty"),
        Stat::First => all[0],
        Stat::Median => {
            let mut s = pts.to_vec();
            s.sort_by(|a, b| a.total_cmp(b));
            let mid = s.len() / 2;
            if s.len().is_multiple_of(2) {
                (s[mid - 1] + s[mid]) / 2.0
            } else {
                s[mid]
            }
        }
        Stat::Max => pts.iter().cloned().fold(f64::MIN, f64::max),
        Stat::Min => pts.iter().cloned().fold(f64::MAX, f64::min),
        Stat::Sum => pts.iter().sum(),
        Stat::Count => n,
        Stat::Series => return SigValue::List(pts.to_vec()),
    })
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
