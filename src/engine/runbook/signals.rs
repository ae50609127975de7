//! Checking a runbook's signal declarations: each raw signal turned into its checked form
//! (one source, its statistic, window and placeholders; a log signal's filter and expression
//! compiled), derived signals free of cycles, and CEL conditions type-checked against the
//! kinds the signals give. Split from `check.rs`, which checks the graph of nodes, outcomes
//! and actions that use them.

use std::collections::{BTreeMap, BTreeSet};

use super::raw::*;
use crate::engine::expr::{Expr, SigValue};
use crate::engine::signal::{uses_model, Kind, Signal, Source, Stat};
use crate::text::parse_duration;

pub(crate) fn signal_is_per_model(sig: &Signal) -> bool {
    match &sig.source {
        Source::Metric { name, dims, .. } => uses_model(name) || dims.values().any(|v| uses_model(v)),
        Source::Config { path, .. } => uses_model(path),
        Source::Quota { model } | Source::NamedQuota { model, .. } => uses_model(model),
        Source::Logs { filter, matches, .. } => uses_model(filter) || uses_model(matches) || matches.contains("{id}"),
        _ => false,
    }
}

pub(crate) fn check_signal(name: &str, s: RawSignal) -> Result<Signal, String> {
    if let Some(p) = s.unknown_placeholder() {
        return Err(format!(
            "`{p}` is not a placeholder masst knows: use {{m}}/{{M}} (the walked model), or declare it under \
             [placeholders] (`bm = {{ model_at = \"batch.model\" }}`)"
        ));
    }
    let given = [
        s.metric.is_some(),
        s.config.is_some(),
        s.queue.is_some(),
        s.ecs.is_some(),
        s.dlq.is_some(),
        s.expr.is_some(),
        s.alarms.is_some(),
        s.quota.is_some(),
        s.autoscaling.is_some(),
        s.health.is_some(),
        s.first.is_some(),
        s.has.is_some(),
        s.logs.is_some(),
    ]
    .iter()
    .filter(|b| **b)
    .count();
    if given != 1 {
        return Err(
            "give exactly one of `metric`, `config`, `queue`, `ecs`, `dlq`, `expr`, `alarms`, `quota`, `autoscaling`, \
             `logs`, `health`, `first` or `has`"
                .into(),
        );
    }
    if s.metric.is_none() && (s.stat.is_some() || s.over.is_some() || !s.dims.is_empty() || !s.divided_by.is_empty()) {
        return Err("`stat`, `over`, `dims` and `divided_by` only apply to a `metric` signal".into());
    }
    if s.quota.is_none() && s.per_minute.is_some() {
        return Err("`per_minute` only applies to a `quota` signal".into());
    }
    let log_fields = s.filter.is_some() || s.matches.is_some() || s.window.is_some() || s.capture.is_some();
    if s.logs.is_none() && log_fields {
        return Err("`filter`, `matches`, `window` and `capture` only apply to a `logs` signal".into());
    }
    if s.config.is_none() && s.queue.is_none() && s.default.is_some() {
        return Err("`default` only applies to a `config` or `queue` signal".into());
    }
    let (source, kind) = if let Some(m) = s.metric {
        let (ns, metric) = m.split_once(':').ok_or_else(|| {
            format!("metric `{m}` must be written `Namespace:MetricName`, e.g. `MangaAssist/Throughput:ThrottleRate`")
        })?;
        let stat = s
            .stat
            .ok_or("a metric signal needs `stat` (value, last, first, mean, median, max, min, sum, count or series)")?;
        if s.over == Some(0) {
            return Err("`over = 0` reads no datapoints; use 1 or more, or leave it out for the whole window".into());
        }
        let kind = if stat == Stat::Series { Kind::List } else { Kind::Number };
        if let Some(d) = s.divided_by.iter().find(|d| d.is_empty() || d.contains(':')) {
            return Err(format!(
                "divided_by `{d}`: name a metric of the same namespace ({ns}) by its name alone, e.g. `Invocations`"
            ));
        }
        let divided_by = s.divided_by;
        (
            Source::Metric { namespace: ns.into(), name: metric.into(), dims: s.dims, stat, over: s.over, divided_by },
            kind,
        )
    } else if let Some(path) = s.config {
        let default = match s.default {
            None => None,
            Some(toml::Value::Integer(i)) => Some(SigValue::Num(i as f64)),
            Some(toml::Value::Float(f)) => Some(SigValue::Num(f)),
            Some(toml::Value::Boolean(b)) => Some(SigValue::Bool(b)),
            Some(toml::Value::String(t)) => Some(SigValue::Text(t)),
            Some(_) => return Err("`default` must be a number, a boolean or a string".into()),
        };
        let kind = s.kind.unwrap_or(match &default {
            Some(SigValue::Bool(_)) => Kind::Bool,
            Some(SigValue::Text(_)) => Kind::Text,
            _ => Kind::Number,
        });
        (Source::Config { path, default }, kind)
    } else if let Some(q) = s.queue {
        let (role, attribute) = q
            .split_once('.')
            .ok_or_else(|| format!("queue `{q}` must be `primary.<Attribute>` or `dlq.<Attribute>`"))?;
        if role != "primary" && role != "dlq" {
            return Err(format!("queue role `{role}` is unknown; use `primary` or `dlq`"));
        }
        let default = match s.default {
            None => None,
            Some(toml::Value::Integer(i)) => Some(i as f64),
            Some(toml::Value::Float(f)) => Some(f),
            Some(_) => return Err("a queue signal's `default` must be a number".into()),
        };
        (Source::Queue { role: role.into(), attribute: attribute.into(), default }, Kind::Number)
    } else if let Some(e) = s.ecs {
        let (role, field) = e
            .rsplit_once('.')
            .ok_or_else(|| format!("ecs `{e}` must be `<service>.<desired|running|pending|stopped_events>`"))?;
        if !["desired", "running", "pending", "stopped_events"].contains(&field) {
            return Err(format!("ecs field `{field}` is unknown; use desired, running, pending or stopped_events"));
        }
        (Source::Ecs { role: role.into(), field: field.into() }, Kind::Number)
    } else if let Some(a) = s.alarms {
        if a != "missing" {
            return Err(format!("alarms `{a}` is unknown; use `missing` (alarms masst installs that do not exist)"));
        }
        (Source::Alarms, Kind::Number)
    } else if let Some(model) = s.quota {
        match s.per_minute.as_deref() {
            None => (Source::Quota { model }, Kind::Number),
            Some(p @ ("tokens" | "requests")) => (Source::NamedQuota { model, per_minute: p.into() }, Kind::Number),
            Some(p) => return Err(format!("per_minute `{p}` is unknown; use `tokens` or `requests`")),
        }
    } else if let Some(h) = s.health {
        if h != "open-events" {
            return Err(format!("health `{h}` is unknown; use `open-events` (open Bedrock events in the region)"));
        }
        (Source::Health, Kind::Number)
    } else if let Some(of) = s.first {
        if of.len() < 2 {
            return Err("`first` lists two signals or more: the view to read, then the ones to fall back on".into());
        }
        // The kind is checked against the listed signals once all are known.
        (Source::First { of }, s.kind.unwrap_or(Kind::Number))
    } else if let Some(of) = s.has {
        (Source::Has { of }, Kind::Bool)
    } else if let Some(role) = s.autoscaling {
        (Source::Autoscaling { role }, Kind::Number)
    } else if let Some(role) = s.logs {
        (log_signal(role, s.filter, s.matches, s.window, s.capture)?, Kind::Number)
    } else if let Some(f) = s.dlq {
        if !["retryable", "non_retryable", "unknown", "sampled"].contains(&f.as_str()) {
            return Err(format!("dlq field `{f}` is unknown; use retryable, non_retryable, unknown or sampled"));
        }
        (Source::Dlq { field: f }, Kind::Number)
    } else {
        let src = s.expr.expect("counted above");
        let expr = Expr::compile(&src).map_err(|m| format!("`{src}` does not parse: {m}"))?;
        (Source::Derived { expr }, s.kind.unwrap_or(Kind::Number))
    };
    Ok(Signal { name: name.to_string(), source, kind, label: s.label })
}

/// A `logs` signal: a known role, a filter pattern of literal words, an expression that
/// compiles (with `{id}` and `{m}` standing in for the model), a window, a capture it has.
fn log_signal(
    role: String,
    filter: Option<String>,
    matches: Option<String>,
    window: Option<String>,
    capture: Option<usize>,
) -> Result<Source, String> {
    const ROLES: &[&str] = &["chat-api", "batch-worker", "controller"];
    if !ROLES.contains(&role.as_str()) {
        return Err(format!("log role `{role}` is unknown; use {}", ROLES.join(", ")));
    }
    let filter = filter.ok_or("a logs signal needs `filter`, the line's literal words (CloudWatch Logs filters)")?;
    if filter.contains("{id}") {
        return Err("`{id}` belongs in `matches`, not in `filter`: the filter is sent before the model is known".into());
    }
    let matches = matches.ok_or("a logs signal needs `matches`, the regular expression masst applies to each line")?;
    let sample = crate::engine::signal::log_regex(&matches, "sonnet", "anthropic.claude-3-sonnet-20240229-v1:0")
        .map_err(|e| format!("`matches` is not a regular expression: {e}"))?;
    if let Some(n) = capture {
        if n == 0 || n >= sample.captures_len() {
            return Err(format!("`capture = {n}`: the expression has {} capture group(s)", sample.captures_len() - 1));
        }
    }
    let minutes = match window {
        None => 15,
        Some(w) => {
            let d = parse_duration(&w).map_err(|e| format!("window `{w}`: {e}"))?;
            let m = d.as_secs() / 60;
            if m == 0 || m > 24 * 60 || d.as_secs() % 60 != 0 {
                return Err(format!("window `{w}` must be whole minutes, 1m to 24h"));
            }
            m as u32
        }
    };
    Ok(Source::Logs { role, filter, matches, minutes, capture })
}

pub(crate) fn check_derived_cycles(signals: &BTreeMap<String, Signal>) -> Result<(), String> {
    fn visit<'a>(
        name: &'a str,
        signals: &'a BTreeMap<String, Signal>,
        stack: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
    ) -> Result<(), String> {
        if done.contains(name) {
            return Ok(());
        }
        if let Some(pos) = stack.iter().position(|s| *s == name) {
            let mut cycle: Vec<&str> = stack[pos..].to_vec();
            cycle.push(name);
            return Err(format!("signals {} depend on each other in a loop; break the loop", cycle.join(" → ")));
        }
        if let Some(sig) = signals.get(name) {
            stack.push(name);
            for dep in sig.source.deps() {
                if let Some((k, _)) = signals.get_key_value(&dep) {
                    visit(k, signals, stack, done)?;
                }
            }
            stack.pop();
        }
        done.insert(name);
        Ok(())
    }
    let mut done = BTreeSet::new();
    for name in signals.keys() {
        visit(name, signals, &mut Vec::new(), &mut done)?;
    }
    // Derived signals must also name only declared signals and give their declared type.
    for sig in signals.values() {
        if let Source::Derived { expr } = &sig.source {
            type_check(expr, signals, sig.kind).map_err(|m| format!("signal `{}`: {m}", sig.name))?;
        }
        if let Source::Has { of } = &sig.source {
            if !signals.contains_key(of) {
                return Err(format!("signal `{}`: `has` names unknown signal `{of}`", sig.name));
            }
        }
        if let Source::First { of } = &sig.source {
            for name in of {
                match signals.get(name) {
                    None => return Err(format!("signal `{}`: `first` names unknown signal `{name}`", sig.name)),
                    Some(o) if o.kind != sig.kind => {
                        return Err(format!(
                            "signal `{}`: `{name}` is a {:?}, the others a {:?}: `first` takes signals of one kind \
                             (give `type`)",
                            sig.name, o.kind, sig.kind
                        )
                        .to_lowercase())
                    }
                    Some(_) => {}
                }
            }
        }
    }
    Ok(())
}

/// Runs `expr` with every declared signal bound to a stand-in of its kind: an unbound name is
/// an unknown signal, an error is a type mistake, and the result must be of kind `want`.
pub(crate) fn type_check(expr: &Expr, signals: &BTreeMap<String, Signal>, want: Kind) -> Result<(), String> {
    let kinds: BTreeMap<String, Kind> = signals.iter().map(|(k, s)| (k.clone(), s.kind)).collect();
    type_check_kinds(expr, &kinds, want)
}

pub(super) fn type_check_kinds(expr: &Expr, kinds: &BTreeMap<String, Kind>, want: Kind) -> Result<(), String> {
    let vars: BTreeMap<String, SigValue> = kinds.iter().map(|(k, kind)| (k.clone(), kind.sample())).collect();
    match expr.eval(&vars) {
        Ok(v) => {
            let ok = matches!(
                (&v, want),
                (SigValue::Bool(_), Kind::Bool)
                    | (SigValue::Num(_), Kind::Number)
                    | (SigValue::Text(_), Kind::Text)
                    | (SigValue::List(_), Kind::List)
            );
            if ok {
                Ok(())
            } else {
                Err(format!("`{}` must give a {want:?} but gives {}", expr.source, v.display()).to_lowercase())
            }
        }
        Err(crate::engine::expr::ExecError::Undeclared(n)) => {
            Err(format!("`{}` uses unknown signal `{n}`; declare it under [signals] or fix the name", expr.source))
        }
        Err(e) => Err(format!(
            "`{}` fails on sample values: {e} (CEL does no implicit int/double arithmetic: write 2.0, not 2)",
            expr.source
        )),
    }
}
