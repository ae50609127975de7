//! Runbook files: a raw serde type that only parses, and a checked [`Runbook`] built from it.
//!
//! As ast-grep does for its rules, every check happens once at load time, and each failure
//! names the file, the node and the fix, so a broken runbook is caught by `masst runbook
//! validate` in review rather than at 3 a.m. in the middle of a walk.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::engine::action::{check_offer, ActionInfo};
use crate::engine::alarm::{AlarmDef, RawAlarm};
use crate::engine::expr::{Expr, SigValue};
use crate::engine::signal::{uses_model, Kind, Signal, Source, Stat};
use crate::engine::LoadError;

/// The runbooks compiled into the binary: every file of `runbooks/` (see `build.rs`).
pub const EMBEDDED: &[(&str, &str)] = crate::embedded::RUNBOOKS;

/// How bad an outcome is (the seed: real-time degradation is not acceptable, batch is).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Critical,
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Critical => "critical",
        })
    }
}

// ---------------------------------------------------------------- raw (parse only)

fn default_order() -> u32 {
    100
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRunbook {
    name: String,
    /// Where the runbook's results come in a report (lower first; then by name).
    #[serde(default = "default_order")]
    order: u32,
    title: String,
    #[serde(default)]
    summary: String,
    #[serde(default)]
    scope: RawScope,
    trigger: RawTrigger,
    start: String,
    /// Placeholders this runbook's signals may use besides `{m}`/`{M}`: a name and the config
    /// key whose value (a model key) fills it, `{name}` as is and `{NAME}` capitalised.
    #[serde(default)]
    placeholders: BTreeMap<String, RawPlaceholder>,
    /// The CloudWatch statistic of each one-minute datapoint, by namespace, where it is not
    /// `Average` (AWS's own counters are summed: `"AWS/Bedrock" = "Sum"`).
    #[serde(default)]
    statistics: BTreeMap<String, String>,
    /// Numbers stated once: the conditions read them by name, and so do the alarms.
    #[serde(default)]
    thresholds: BTreeMap<String, f64>,
    /// The CloudWatch alarms that stand for this runbook's trigger (`masst alarms install`).
    #[serde(default)]
    alarms: Vec<RawAlarm>,
    #[serde(default)]
    signals: BTreeMap<String, RawSignal>,
    nodes: Vec<RawNode>,
    outcomes: BTreeMap<String, RawOutcome>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlaceholder {
    /// The config key (dotted) of the deployed document that names the model.
    model_at: String,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawScope {
    #[serde(default)]
    models: ModelScope,
    pick_by: Option<String>,
    /// What `pick_by` measures, in words, for the printer (`share of quota in flight`).
    pick_says: Option<String>,
}

/// Which models a runbook is walked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum ModelScope {
    /// Once, about no model in particular.
    #[default]
    None,
    /// Once per model that has data.
    Each,
    /// Once, for the model that scores highest on `pick_by`.
    Pick,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTrigger {
    when: String,
    says: String,
    /// When the incident is getting worse than it was when `masst verify` started (it may
    /// use `start_<signal>`, the signal's value at the first reading).
    worse: Option<String>,
    worse_says: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRecovery {
    when: String,
    says: String,
    /// The seed's time budget for it (`3m`, `6m`).
    within: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSignal {
    metric: Option<String>,
    #[serde(default)]
    dims: BTreeMap<String, String>,
    stat: Option<Stat>,
    over: Option<usize>,
    config: Option<String>,
    default: Option<toml::Value>,
    queue: Option<String>,
    ecs: Option<String>,
    dlq: Option<String>,
    expr: Option<String>,
    /// `missing`: how many of the alarms `masst alarms install` creates do not exist.
    alarms: Option<String>,
    /// A model key (or `{m}`): the applied Service Quotas value of its quota code.
    quota: Option<String>,
    /// An ECS service role: how many Application Auto Scaling policies it has.
    autoscaling: Option<String>,
    #[serde(rename = "type")]
    kind: Option<Kind>,
    label: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNode {
    id: String,
    title: String,
    #[serde(default)]
    tests: Vec<RawTest>,
    #[serde(rename = "else")]
    otherwise: Option<String>,
    ask: Option<RawAsk>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTest {
    when: String,
    then: String,
    says: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAsk {
    prompt: String,
    yes: String,
    no: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOutcome {
    title: String,
    severity: Severity,
    cause: String,
    #[serde(default)]
    resolution: Vec<String>,
    #[serde(default)]
    actions: Vec<String>,
    recovery: Option<RawRecovery>,
}

// ---------------------------------------------------------------- checked

/// A checked runbook: every id resolves, every node is reachable, nothing loops, every
/// expression compiles, names only declared signals and gives the type it must.
#[derive(Debug)]
pub struct Runbook {
    pub name: String,
    /// Results are given in this order (then by name): the seed's scenario number.
    pub order: u32,
    pub title: String,
    pub summary: String,
    pub file: String,
    pub scope: ModelScope,
    pub pick_by: Option<Expr>,
    /// What `pick_by` measures, in words.
    pub pick_says: Option<String>,
    pub trigger: Condition,
    /// When a verification calls the incident worse than at its start.
    pub worse: Option<Condition>,
    pub start: String,
    /// The CloudWatch statistic by namespace, where not `Average`.
    pub statistics: BTreeMap<String, String>,
    /// The alarms that stand for this runbook's trigger, thresholds resolved.
    pub alarms: Vec<AlarmDef>,
    pub signals: BTreeMap<String, Signal>,
    /// Nodes in file order.
    pub nodes: Vec<Node>,
    pub outcomes: BTreeMap<String, Outcome>,
}

/// A boolean expression with the sentence that explains it.
#[derive(Debug)]
pub struct Condition {
    pub expr: Expr,
    pub says: Option<String>,
}

/// A decision node.
#[derive(Debug)]
pub struct Node {
    pub id: String,
    pub title: String,
    pub tests: Vec<Test>,
    pub otherwise: Option<String>,
    pub ask: Option<Ask>,
}

/// One ordered test of a node: the first that holds decides.
#[derive(Debug)]
pub struct Test {
    pub when: Condition,
    pub then: String,
}

/// A question for the engineer, asked when the node's inputs are missing (or answered
/// up front with `--answer NODE=yes|no`, which always wins).
#[derive(Debug)]
pub struct Ask {
    pub prompt: String,
    pub yes: String,
    pub no: String,
}

/// A leaf of the tree: the root cause and what to do about it.
#[derive(Debug)]
pub struct Outcome {
    pub id: String,
    pub title: String,
    pub severity: Severity,
    pub cause: String,
    pub resolution: Vec<String>,
    pub actions: Vec<ActionRef>,
    /// What recovery from this outcome looks like; `None`: the trigger no longer fires.
    pub recovery: Option<Recovery>,
}

/// What a fixed incident looks like, and how long the seed gives it.
#[derive(Debug)]
pub struct Recovery {
    pub when: Condition,
    pub within: std::time::Duration,
}

/// Parses a duration such as `90s`, `6m` or `1h` (jiff's friendly format).
pub fn parse_duration(text: &str) -> Result<std::time::Duration, String> {
    let d: jiff::SignedDuration = text
        .parse()
        .or_else(|_| text.parse::<jiff::Span>().and_then(|s| s.to_duration(jiff::SpanRelativeTo::days_are_24_hours())))
        .map_err(|e| format!("`{text}` is not a duration such as 90s, 6m or 1h ({e})"))?;
    std::time::Duration::try_from(d)
        .ok()
        .filter(|d| d.as_secs() >= 1 && d.as_secs() <= 24 * 3600)
        .ok_or_else(|| format!("`{text}` must be between 1s and 24h"))
}

/// An action an outcome offers, with arguments that may be computed from signals
/// (`concurrency.set {m} ${quota - pool_analytics}`).
#[derive(Debug)]
pub struct ActionRef {
    pub id: String,
    /// The id's command words, from the catalogue the runbook was checked against.
    pub command: &'static str,
    pub args: Vec<ArgPart>,
}

/// One argument word: literal text (with `{m}` placeholders) or a CEL expression.
#[derive(Debug)]
pub enum ArgPart {
    Text(String),
    Expr(Expr),
}

impl Runbook {
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.nodes.iter().find(|n| n.id == id)
    }

    /// Every node and outcome id reachable from `from`, itself included.
    pub fn reachable(&self, from: &str) -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from.to_string()];
        while let Some(id) = stack.pop() {
            if !seen.insert(id.clone()) {
                continue;
            }
            if let Some(n) = self.node(&id) {
                stack.extend(n.targets().map(String::from));
            }
        }
        seen
    }

    /// The signals a verification reads: those of the trigger, the `worse` condition and every
    /// recovery expectation, with the signals derived ones are computed from.
    pub fn verify_signals(&self) -> BTreeSet<String> {
        let conds = std::iter::once(&self.trigger)
            .chain(self.worse.as_ref())
            .chain(self.outcomes.values().filter_map(|o| o.recovery.as_ref().map(|r| &r.when)));
        // The model a `pick` runbook is walked for is chosen by `pick_by`: read it too.
        let mut todo: Vec<String> = conds
            .map(|c| &c.expr)
            .chain(self.pick_by.as_ref())
            .flat_map(|e| e.identifiers())
            .map(|id| id.strip_prefix("start_").map(String::from).unwrap_or(id))
            .collect();
        let mut out = BTreeSet::new();
        while let Some(id) = todo.pop() {
            let Some(sig) = self.signals.get(&id) else { continue };
            if !out.insert(id) {
                continue;
            }
            if let crate::engine::signal::Source::Derived { expr } = &sig.source {
                todo.extend(expr.identifiers());
            }
        }
        out
    }

    /// Parses and checks one runbook file's text. `file` is used in messages only; `actions`
    /// is the catalogue its outcomes may offer from.
    pub fn parse(file: &str, text: &str, actions: &[ActionInfo]) -> Result<Runbook, LoadError> {
        let raw: RawRunbook = toml::from_str(text)
            .map_err(|e| LoadError::new(file, super::toml_text::syntax_error("not a valid runbook file", text, &e)))?;
        Runbook::try_from((file, raw, actions))
    }
}

impl Node {
    /// Every id this node can lead to.
    pub fn targets(&self) -> impl Iterator<Item = &str> {
        self.tests
            .iter()
            .map(|t| t.then.as_str())
            .chain(self.otherwise.as_deref())
            .chain(self.ask.iter().flat_map(|a| [a.yes.as_str(), a.no.as_str()]))
    }
}

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
        if let Some((ns, st)) = raw.statistics.iter().find(|(_, st)| !STATISTICS.contains(&st.as_str())) {
            return Err(ck.err(format!("statistics: `{ns}` = `{st}` is not one of {}", STATISTICS.join(", "))));
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
        let node = Node {
            id: n.id,
            title: n.title,
            tests,
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
        Ok(Outcome {
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

pub(crate) fn signal_is_per_model(sig: &Signal) -> bool {
    match &sig.source {
        Source::Metric { name, dims, .. } => uses_model(name) || dims.values().any(|v| uses_model(v)),
        Source::Config { path, .. } => uses_model(path),
        Source::Quota { model } => uses_model(model),
        _ => false,
    }
}

impl RawSignal {
    /// The signal with each declared placeholder (`from`) written in its internal form (`to`).
    fn with_placeholders(mut self, forms: &[(String, String)]) -> Self {
        let fill = |t: &mut String| {
            for (from, to) in forms {
                *t = t.replace(from.as_str(), to);
            }
        };
        for t in [&mut self.metric, &mut self.config, &mut self.quota].into_iter().flatten() {
            fill(t);
        }
        self.dims.values_mut().for_each(fill);
        self
    }

    /// The placeholders left in the signal that nothing fills: `{m}`/`{M}` and the declared
    /// ones (already in their internal form) are known.
    fn unknown_placeholder(&self) -> Option<String> {
        let texts = [&self.metric, &self.config, &self.quota].into_iter().flatten().chain(self.dims.values());
        for t in texts {
            let mut rest = t.as_str();
            while let Some(i) = rest.find('{') {
                let Some(j) = rest[i..].find('}') else { break };
                let token = &rest[i..i + j + 1];
                let known =
                    matches!(token, "{m}" | "{M}") || token.starts_with("{model@") || token.starts_with("{Model@");
                if !known {
                    return Some(token.to_string());
                }
                rest = &rest[i + j + 1..];
            }
        }
        None
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
    ]
    .iter()
    .filter(|b| **b)
    .count();
    if given != 1 {
        return Err(
            "give exactly one of `metric`, `config`, `queue`, `ecs`, `dlq`, `expr`, `alarms`, `quota` or `autoscaling`"
                .into(),
        );
    }
    if s.metric.is_none() && (s.stat.is_some() || s.over.is_some() || !s.dims.is_empty()) {
        return Err("`stat`, `over` and `dims` only apply to a `metric` signal".into());
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
        (Source::Metric { namespace: ns.into(), name: metric.into(), dims: s.dims, stat, over: s.over }, kind)
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
        (Source::Quota { model }, Kind::Number)
    } else if let Some(role) = s.autoscaling {
        (Source::Autoscaling { role }, Kind::Number)
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
        if let Some(Signal { source: Source::Derived { expr }, .. }) = signals.get(name) {
            stack.push(name);
            for dep in expr.identifiers() {
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
    }
    Ok(())
}

/// Runs `expr` with every declared signal bound to a stand-in of its kind: an unbound name is
/// an unknown signal, an error is a type mistake, and the result must be of kind `want`.
pub(crate) fn type_check(expr: &Expr, signals: &BTreeMap<String, Signal>, want: Kind) -> Result<(), String> {
    let kinds: BTreeMap<String, Kind> = signals.iter().map(|(k, s)| (k.clone(), s.kind)).collect();
    type_check_kinds(expr, &kinds, want)
}

fn type_check_kinds(expr: &Expr, kinds: &BTreeMap<String, Kind>, want: Kind) -> Result<(), String> {
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

// ---------------------------------------------------------------- sets

/// The loaded runbooks, in a stable order.
#[derive(Debug)]
pub struct RunbookSet {
    pub runbooks: Vec<Runbook>,
}

impl RunbookSet {
    pub fn get(&self, name: &str) -> Option<&Runbook> {
        self.runbooks.iter().find(|r| r.name == name)
    }

    pub fn names(&self) -> Vec<&str> {
        self.runbooks.iter().map(|r| r.name.as_str()).collect()
    }

    /// These runbooks with `more` added; one of `more` with the name (or file name) of one of
    /// these replaces it.
    pub fn overlaid(self, more: RunbookSet) -> RunbookSet {
        let file_name = |f: &str| f.rsplit('/').next().unwrap_or(f).to_string();
        let mut runbooks: Vec<Runbook> = self
            .runbooks
            .into_iter()
            .filter(|r| !more.runbooks.iter().any(|m| m.name == r.name || file_name(&m.file) == file_name(&r.file)))
            .collect();
        runbooks.extend(more.runbooks);
        runbooks.sort_by(|a, b| (a.order, &a.name).cmp(&(b.order, &b.name)));
        RunbookSet { runbooks }
    }

    fn from_files(files: Vec<(String, String)>, actions: &[ActionInfo]) -> Result<Self, LoadError> {
        let mut runbooks: Vec<Runbook> = Vec::new();
        for (file, text) in files {
            let rb = Runbook::parse(&file, &text, actions)?;
            if let Some(other) = runbooks.iter().find(|r| r.name == rb.name) {
                return Err(LoadError::new(
                    &file,
                    format!("runbook name `{}` is already used by {}; names must be unique", rb.name, other.file),
                ));
            }
            runbooks.push(rb);
        }
        runbooks.sort_by(|a, b| (a.order, &a.name).cmp(&(b.order, &b.name)));
        Ok(RunbookSet { runbooks })
    }
}

/// The runbooks compiled into the binary, offering actions of `actions`.
pub fn load_embedded(actions: &[ActionInfo]) -> RunbookSet {
    let files = EMBEDDED.iter().map(|(f, t)| (format!("runbooks/{f}"), t.to_string())).collect();
    RunbookSet::from_files(files, actions).expect("embedded runbooks are validated by the test suite")
}

/// Every `*.toml` of a folder, in name order (or one file), offering actions of `actions`.
pub fn load_dir(path: &Path, actions: &[ActionInfo]) -> Result<RunbookSet, LoadError> {
    let mut files = Vec::new();
    if path.is_file() {
        let text = std::fs::read_to_string(path)
            .map_err(|e| LoadError::new(path.display().to_string(), format!("cannot read: {e}")))?;
        files.push((path.display().to_string(), text));
    } else {
        let rd = std::fs::read_dir(path).map_err(|e| {
            LoadError::new(
                path.display().to_string(),
                format!("cannot read the runbook folder: {e}; pass a folder of *.toml runbooks"),
            )
        })?;
        let mut paths: Vec<_> = rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        paths.sort();
        for p in paths {
            let text = std::fs::read_to_string(&p)
                .map_err(|e| LoadError::new(p.display().to_string(), format!("cannot read: {e}")))?;
            files.push((p.display().to_string(), text));
        }
        if files.is_empty() {
            return Err(LoadError::new(path.display().to_string(), "holds no *.toml runbook files"));
        }
    }
    RunbookSet::from_files(files, actions)
}
