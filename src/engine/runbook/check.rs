//! Validation: the raw file turned into the checked runbook, once, at load time. Every
//! failure names the file, the node and the fix: dangling or unreachable ids, cycles, unknown
//! signals, expressions of the wrong type, actions that are not in the catalogue.

use std::collections::{BTreeMap, BTreeSet};

use super::raw::*;
use super::*;
use crate::engine::action::{check_offer, ActionInfo};
use crate::engine::expr::Expr;
use crate::engine::signal::{Kind, Signal, Source};
use crate::engine::LoadError;
use crate::text::parse_duration;

use super::signals::type_check_kinds;
pub(crate) use super::signals::{check_derived_cycles, check_signal, signal_is_per_model, type_check};

impl TryFrom<(&str, RawRunbook, &[ActionInfo])> for Runbook {
    type Error = LoadError;

    fn try_from((file, raw, actions): (&str, RawRunbook, &[ActionInfo])) -> Result<Self, LoadError> {
        // Signals first: everything else is checked against them.
        let declared = placeholder_forms(file, &raw.placeholders)?;
        let raw_signals = raw.signals.into_iter().map(|(n, s)| (n, s.with_placeholders(&declared))).collect();
        let mut signals = check_signals(file, raw_signals, raw.scope.models)?;
        add_thresholds(file, &raw.thresholds, &mut signals)?;
        let alarms = raw
            .alarms
            .into_iter()
            .map(|a| a.checked(&raw.name, &raw.thresholds).map_err(|m| LoadError::new(file, m)))
            .collect::<Result<Vec<_>, _>>()?;
        if let Some(d) = alarms.iter().enumerate().find(|(i, a)| alarms[..*i].iter().any(|b| b.name == a.name)) {
            return Err(LoadError::new(file, format!("alarm `{}` is defined twice", d.1.name)));
        }
        let ck = Checker::new(file, &signals, actions);
        let trigger =
            Condition { expr: ck.compile("trigger", &raw.trigger.when, Kind::Bool)?, says: Some(raw.trigger.says) };
        let worse = match raw.trigger.worse {
            Some(src) => {
                Some(Condition { expr: ck.compile_verify("trigger.worse", &src)?, says: raw.trigger.worse_says })
            }
            None if raw.trigger.worse_says.is_some() => {
                return Err(ck.err("`worse_says` explains a `worse` condition; add `worse` or remove it".into()))
            }
            None => None,
        };
        let pick_by = match (raw.scope.models, raw.scope.pick_by) {
            (ModelScope::Pick, Some(src)) => Some(ck.compile("scope.pick_by", &src, Kind::Number)?),
            (ModelScope::Pick, None) => {
                return Err(ck.err("`[scope] models = \"pick\"` needs `pick_by`, a number to rank models by".into()))
            }
            (_, Some(_)) => return Err(ck.err("`pick_by` is only used with `models = \"pick\"`; remove it".into())),
            _ => None,
        };
        const STATISTICS: &[&str] = &["Average", "Sum", "Minimum", "Maximum", "SampleCount"];
        // A percentile (`p99`, `p99.9`) is a CloudWatch statistic too.
        let percentile =
            |st: &str| st.strip_prefix('p').and_then(|n| n.parse::<f64>().ok()).is_some_and(|n| n > 0.0 && n < 100.0);
        if let Some((ns, st)) =
            raw.statistics.iter().find(|(_, st)| !STATISTICS.contains(&st.as_str()) && !percentile(st))
        {
            return Err(ck.err(format!(
                "statistics: `{ns}` = `{st}` is not one of {} or a percentile such as p99",
                STATISTICS.join(", ")
            )));
        }
        let ids = ck.unique_ids(&raw.nodes, &raw.outcomes)?;
        let nodes = raw.nodes.into_iter().map(|n| ck.node(n, &ids)).collect::<Result<Vec<_>, _>>()?;
        let outcomes =
            raw.outcomes.into_iter().map(|(id, o)| Ok((id.clone(), ck.outcome(id, o)?))).collect::<Result<_, _>>()?;
        let rb = Runbook {
            name: raw.name,
            order: raw.order,
            title: raw.title,
            summary: raw.summary,
            file: file.to_string(),
            scope: raw.scope.models,
            pick_by,
            pick_says: raw.scope.pick_says,
            trigger,
            worse,
            start: raw.start,
            statistics: raw.statistics,
            alarms,
            signals,
            nodes,
            outcomes,
        };
        check_graph(&rb)?;
        Ok(rb)
    }
}

/// The runbook's declared placeholders as the text each stands for in a signal: `{bm}` for
/// `bm = { model_at = "batch.model" }` becomes `{model@batch.model}` (and `{BM}`
/// `{Model@batch.model}`), which [`expand`](crate::engine::signal::expand) fills from the
/// deployed document. Nothing about a particular placeholder lives in Rust.
fn placeholder_forms(file: &str, raw: &BTreeMap<String, RawPlaceholder>) -> Result<Vec<(String, String)>, LoadError> {
    let mut forms = Vec::new();
    for (name, p) in raw {
        let ok = !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !ok || name == "m" {
            return Err(LoadError::new(
                file,
                format!("placeholder `{name}`: use a lower-case name other than `m` (`m` is the walked model)"),
            ));
        }
        if p.model_at.is_empty() || p.model_at.contains(['{', '}']) {
            return Err(LoadError::new(
                file,
                format!("placeholder `{name}`: `model_at` must be a config key such as batch.model"),
            ));
        }
        forms.push((format!("{{{name}}}"), format!("{{model@{}}}", p.model_at)));
        forms.push((format!("{{{}}}", name.to_uppercase()), format!("{{Model@{}}}", p.model_at)));
    }
    Ok(forms)
}

/// Adds the runbook's thresholds as number signals its conditions read by name.
fn add_thresholds(
    file: &str,
    thresholds: &BTreeMap<String, f64>,
    signals: &mut BTreeMap<String, Signal>,
) -> Result<(), LoadError> {
    for (name, value) in thresholds {
        if signals.contains_key(name) {
            return Err(LoadError::new(file, format!("threshold `{name}` has the name of a signal; rename one")));
        }
        if !value.is_finite() {
            return Err(LoadError::new(file, format!("threshold `{name}` = {value} is not a number")));
        }
        let source = Source::Threshold { value: *value };
        signals.insert(name.clone(), Signal { name: name.clone(), source, kind: Kind::Number, label: None });
    }
    Ok(())
}

/// Checks each raw signal, and that a runbook not per model reads no per-model one.
fn check_signals(
    file: &str,
    raw: BTreeMap<String, RawSignal>,
    scope: ModelScope,
) -> Result<BTreeMap<String, Signal>, LoadError> {
    let err = |what: String| LoadError::new(file, what);
    let mut signals = BTreeMap::new();
    for (name, s) in raw {
        let sig = check_signal(&name, s).map_err(|e| err(format!("signal `{name}`: {e}")))?;
        if scope == ModelScope::None && signal_is_per_model(&sig) {
            return Err(err(format!(
                "signal `{name}` uses {{m}}/{{M}}, but the runbook is not per model; \
                 set `[scope] models = \"each\"` or `\"pick\"`, or name the model"
            )));
        }
        signals.insert(name, sig);
    }
    // A fallback is of the kind of the view it reads first.
    let firsts: Vec<(String, String)> = signals
        .iter()
        .filter_map(|(n, s)| match &s.source {
            Source::First { of } => Some((n.clone(), of[0].clone())),
            _ => None,
        })
        .collect();
    for (name, first) in firsts {
        if let Some(kind) = signals.get(&first).map(|s| s.kind) {
            signals.get_mut(&name).expect("listed above").kind = kind;
        }
    }
    check_derived_cycles(&signals).map_err(err)?;
    Ok(signals)
}

/// What a runbook's conditions, nodes and outcomes are checked against: its file (named in
/// every message), its signals, and the actions its outcomes may offer.
struct Checker<'a> {
    file: &'a str,
    signals: &'a BTreeMap<String, Signal>,
    /// The signals, and `start_<signal>` (the value at the first reading) that verification
    /// conditions may also read.
    with_start: BTreeMap<String, Kind>,
    actions: &'a [ActionInfo],
}

impl<'a> Checker<'a> {
    fn new(file: &'a str, signals: &'a BTreeMap<String, Signal>, actions: &'a [ActionInfo]) -> Self {
        let with_start =
            signals.iter().flat_map(|(k, s)| [(k.clone(), s.kind), (format!("start_{k}"), s.kind)]).collect();
        Checker { file, signals, with_start, actions }
    }

    fn err(&self, what: String) -> LoadError {
        LoadError::new(self.file, what)
    }

    fn compile(&self, what: &str, src: &str, want: Kind) -> Result<Expr, LoadError> {
        let e = Expr::compile(src).map_err(|m| self.err(format!("{what}: `{src}` does not parse: {m}")))?;
        type_check(&e, self.signals, want).map_err(|m| self.err(format!("{what}: {m}")))?;
        Ok(e)
    }

    fn compile_verify(&self, what: &str, src: &str) -> Result<Expr, LoadError> {
        let e = Expr::compile(src).map_err(|m| self.err(format!("{what}: `{src}` does not parse: {m}")))?;
        type_check_kinds(&e, &self.with_start, Kind::Bool).map_err(|m| self.err(format!("{what}: {m}")))?;
        Ok(e)
    }

    /// Every id once: nodes and outcomes share one namespace.
    fn unique_ids(
        &self,
        nodes: &[RawNode],
        outcomes: &BTreeMap<String, RawOutcome>,
    ) -> Result<BTreeSet<String>, LoadError> {
        let mut ids = BTreeSet::new();
        for n in nodes {
            if !ids.insert(n.id.clone()) {
                return Err(self.err(format!("node `{}` is defined twice; give one of them another id", n.id)));
            }
        }
        for o in outcomes.keys() {
            if !ids.insert(o.clone()) {
                return Err(self.err(format!("`{o}` is both a node and an outcome; rename one of them")));
            }
        }
        Ok(ids)
    }

    /// A node: its tests compiled, a way out of it, and every target an id of the runbook.
    fn node(&self, n: RawNode, ids: &BTreeSet<String>) -> Result<Node, LoadError> {
        let here = format!("node `{}`", n.id);
        let mut tests = Vec::new();
        for (i, t) in n.tests.into_iter().enumerate() {
            let what = format!("{here}, test {}", i + 1);
            tests.push(Test {
                when: Condition { expr: self.compile(&what, &t.when, Kind::Bool)?, says: t.says },
                then: t.then,
                optional: t.optional,
            });
        }
        if !tests.is_empty() && n.otherwise.is_none() {
            return Err(self.err(format!(
                "{here} has tests but no `else`: add `else = \"<node or outcome>\"` for when none holds"
            )));
        }
        if tests.is_empty() && n.ask.is_none() {
            return Err(self.err(format!("{here} has neither `tests` nor `ask`, so the walk cannot leave it; add one")));
        }
        if tests.is_empty() && n.otherwise.is_some() {
            return Err(
                self.err(format!("{here} has `else` but no tests; use `ask` with `yes` and `no`, or add tests"))
            );
        }
        if let Some(u) = n.shows.iter().find(|s| !self.signals.contains_key(*s)) {
            return Err(self.err(format!("{here} shows `{u}`, which is not a signal of this runbook; declare it")));
        }
        let node = Node {
            id: n.id,
            title: n.title,
            tests,
            shows: n.shows,
            otherwise: n.otherwise,
            ask: n.ask.map(|a| Ask { prompt: a.prompt, yes: a.yes, no: a.no }),
        };
        if let Some(t) = node.targets().find(|t| !ids.contains(*t)) {
            return Err(self.err(format!(
                "{here} leads to `{t}`, which is neither a node nor an outcome of this runbook; fix the id or add it"
            )));
        }
        Ok(node)
    }

    /// An outcome: its offers checked against the catalogue, its recovery compiled.
    fn outcome(&self, id: String, o: RawOutcome) -> Result<Outcome, LoadError> {
        let mut acts = Vec::new();
        for a in &o.actions {
            let what = format!("outcome `{id}`, action `{a}`");
            acts.push(parse_action(a, self.signals, self.actions).map_err(|m| self.err(format!("{what}: {m}")))?);
        }
        let recovery = match o.recovery {
            Some(r) => {
                let what = format!("outcome `{id}`, recovery");
                Some(Recovery {
                    when: Condition { expr: self.compile_verify(&what, &r.when)?, says: Some(r.says) },
                    within: parse_duration(&r.within).map_err(|m| self.err(format!("{what}: within: {m}")))?,
                })
            }
            None => None,
        };
        if let Some(s) = o.shows.iter().find(|s| !self.signals.contains_key(*s)) {
            return Err(
                self.err(format!("outcome `{id}` shows `{s}`, which is not a signal; declare it or fix the name"))
            );
        }
        Ok(Outcome {
            shows: o.shows,
            id,
            title: o.title,
            severity: o.severity,
            cause: o.cause,
            resolution: o.resolution,
            actions: acts,
            recovery,
        })
    }
}

/// The shape of the tree: a start node, no cycle, nothing unreachable.
fn check_graph(rb: &Runbook) -> Result<(), LoadError> {
    let err = |what: String| LoadError::new(&rb.file, what);
    if rb.node(&rb.start).is_none() {
        return Err(err(format!("`start = \"{}\"` names no node; point it at the first decision node", rb.start)));
    }
    check_cycles(rb).map_err(err)?;
    let reach = rb.reachable(&rb.start);
    let node_ids = rb.nodes.iter().map(|n| &n.id);
    for id in node_ids.chain(rb.outcomes.keys()) {
        if !reach.contains(id) {
            let kind = if rb.node(id).is_some() { "node" } else { "outcome" };
            return Err(err(format!(
                "{kind} `{id}` is unreachable from `{}`: no test, else or answer leads to it; link it or delete it",
                rb.start
            )));
        }
    }
    Ok(())
}

/// Splits an action line into words, keeping each `${...}` expression whole even when it has
/// spaces inside.
fn action_words(text: &str) -> Result<Vec<String>, String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut depth = 0usize;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '$' if depth == 0 && chars.peek() == Some(&'{') => {
                chars.next();
                cur.push_str("${");
                depth = 1;
            }
            '{' if depth > 0 => {
                depth += 1;
                cur.push(c);
            }
            '}' if depth > 0 => {
                depth -= 1;
                cur.push(c);
            }
            c if c.is_whitespace() && depth == 0 => {
                if !cur.is_empty() {
                    words.push(std::mem::take(&mut cur));
                }
            }
            c => cur.push(c),
        }
    }
    if depth > 0 {
        return Err("a `${` is never closed; end the expression with `}`".into());
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    Ok(words)
}

pub(crate) fn parse_action(
    text: &str,
    signals: &BTreeMap<String, Signal>,
    actions: &[ActionInfo],
) -> Result<ActionRef, String> {
    let words = action_words(text)?;
    let mut words = words.iter().map(String::as_str);
    let id = words.next().ok_or("an action needs an id")?;
    let shape: Vec<Option<&str>> = words.clone().map(|w| (!w.starts_with("${")).then_some(w)).collect();
    let info = check_offer(actions, id, &shape)?;
    let mut args = Vec::new();
    for w in words {
        if let Some(src) = w.strip_prefix("${").and_then(|w| w.strip_suffix('}')) {
            let e = Expr::compile(src).map_err(|m| format!("`{src}` does not parse: {m}"))?;
            type_check(&e, signals, Kind::Number)?;
            args.push(ArgPart::Expr(e));
        } else {
            args.push(ArgPart::Text(w.to_string()));
        }
    }
    Ok(ActionRef { id: id.to_string(), command: info.command, args })
}

fn check_cycles(rb: &Runbook) -> Result<(), String> {
    fn visit<'a>(
        rb: &'a Runbook,
        id: &'a str,
        stack: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
    ) -> Result<(), String> {
        if done.contains(id) {
            return Ok(());
        }
        if let Some(pos) = stack.iter().position(|s| *s == id) {
            let mut cycle: Vec<&str> = stack[pos..].to_vec();
            cycle.push(id);
            return Err(format!(
                "node `{}` loops back: {}; a decision tree must not revisit a node",
                stack[pos],
                cycle.join(" → ")
            ));
        }
        if let Some(n) = rb.node(id) {
            stack.push(id);
            for t in n.targets() {
                visit(rb, t, stack, done)?;
            }
            stack.pop();
        }
        done.insert(id);
        Ok(())
    }
    let mut done = BTreeSet::new();
    for n in &rb.nodes {
        visit(rb, &n.id, &mut Vec::new(), &mut done)?;
    }
    Ok(())
}
