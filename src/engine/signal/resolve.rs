//! Resolving signals for one walk: each declared signal read off the evidence once (metrics
//! reduced by their statistic, configuration keys, queues, ECS, the DLQ sample, quotas,
//! Health, log lines, and CEL expressions over other signals), cached so a derived signal
//! reads its inputs once. The signal language itself (what a runbook may declare) is the
//! parent module's; this file is how a declaration meets the evidence.

use super::*;

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

pub(super) fn reduce(stat: Stat, pts: &[f64], all: &[f64]) -> SigValue {
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
