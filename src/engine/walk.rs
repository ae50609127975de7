//! The walk: a runbook's decision tree followed over one piece of evidence.
//!
//! Every step keeps the expressions it tested, the inputs it read (with their sources) and what
//! each gave, so the printer can show the evidence and thresholds behind a verdict. A test
//! whose inputs are missing stops the walk as *unknown* at that node: the engine never guesses.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::engine::action::{ActionCall, Arg};
use crate::engine::expr::{Eval, SigValue};
use crate::engine::runbook::{ActionRef, ArgPart, Condition, ModelScope, Node, Outcome, Runbook, Severity};
use crate::engine::signal::{expand, uses_model, Placeholders, Resolved, Resolver, Source};
use crate::evidence::Evidence;

/// The engineer's answers to questions, by `node` or `runbook.node`.
#[derive(Debug, Clone, Default)]
pub struct Answers(pub BTreeMap<String, bool>);

impl Answers {
    fn get(&self, runbook: &str, node: &str) -> Option<bool> {
        self.0.get(&format!("{runbook}.{node}")).or_else(|| self.0.get(node)).copied()
    }
}

/// What a walk needs besides the runbook and evidence.
#[derive(Debug, Clone)]
pub struct WalkContext {
    /// Model keys, in the order results are given (`sonnet`, `haiku`).
    pub models: Vec<String>,
    pub answers: Answers,
}

/// One evaluated condition with the inputs it read.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Check {
    pub expr: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub says: Option<String>,
    /// `None` when it could not be decided.
    pub result: Option<bool>,
    pub inputs: Vec<Resolved>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub why_unknown: Option<String>,
    /// An optional test whose inputs were missing: passed over, the node went on.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub passed_over: bool,
}

/// One node visited.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Step {
    pub node: String,
    pub title: String,
    pub checks: Vec<Check>,
    /// The engineer's answer, when it decided this node.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answer: Option<bool>,
    /// Signals the node shows as evidence without deciding on them (`shows`: a log's lines).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub shown: Vec<Resolved>,
    /// Where the walk went next (a node or an outcome); `None` where it stopped unknown.
    pub next: Option<String>,
}

/// Where and why a walk could not decide.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Unknown {
    /// The node that could not be decided (`trigger` for the trigger itself).
    pub node: String,
    /// The metrics, keys or resources that were missing.
    pub missing: Vec<String>,
    /// The question the engineer can answer instead, with `--answer NODE=yes|no`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
}

/// A model's rank when a runbook picks one (throttling: share of quota in flight).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ModelScore {
    pub model: String,
    pub score: Option<f64>,
}

/// The result of walking one runbook (for one model).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Diagnosis {
    pub runbook: String,
    pub model: Option<String>,
    /// `None` when the trigger itself could not be evaluated.
    pub triggered: Option<bool>,
    pub outcome: Option<String>,
    pub severity: Option<Severity>,
    pub path: Vec<String>,
    pub actions: Vec<String>,
    /// The actions with their arguments, as data; the printer renders them as commands.
    pub calls: Vec<ActionCall>,
    pub title: String,
    pub trigger: Check,
    pub steps: Vec<Step>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unknown: Option<Unknown>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcome_title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cause: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub resolution: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub model_scores: Vec<ModelScore>,
    /// What the scores measure, in the runbook's words (`pick_says`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scores_say: Option<String>,
    /// The signals the outcome shows as its evidence (`shows`), read for this walk.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub shows: Vec<Resolved>,
    /// The runbook reads the DLQ sample, so a report shows the sample beside its verdict.
    #[serde(skip)]
    pub reads_dlq_sample: bool,
}

impl Diagnosis {
    /// True when this result is a finding at or above `level`. A walk that could not look
    /// counts as a finding of the worst outcome it might have reached.
    pub fn is_finding(&self, level: Severity) -> bool {
        self.triggered != Some(false) && self.severity.is_some_and(|s| s >= level)
    }
}

/// Walks `rb` over `ev`, giving one result, or one per model for per-model runbooks.
pub fn walk(rb: &Runbook, ev: &Evidence, cx: &WalkContext) -> Vec<Diagnosis> {
    match rb.scope {
        ModelScope::None => vec![walk_one(rb, ev, cx, None, vec![])],
        ModelScope::Each => {
            let with_data: Vec<&String> = cx.models.iter().filter(|m| model_has_data(rb, ev, m)).collect();
            let models = if with_data.is_empty() { cx.models.iter().collect() } else { with_data };
            models.into_iter().map(|m| walk_one(rb, ev, cx, Some(m), vec![])).collect()
        }
        ModelScope::Pick => {
            let pick = rb.pick_by.as_ref().expect("checked at load");
            let scores: Vec<ModelScore> = cx
                .models
                .iter()
                .map(|m| {
                    let r = Resolver::new(&rb.signals, ev, Placeholders { model: Some(m.clone()) });
                    let score = match r.eval(pick).0 {
                        Eval::Value(SigValue::Num(n)) if n.is_finite() => Some(n),
                        _ => None,
                    };
                    ModelScore { model: m.clone(), score }
                })
                .collect();
            let best = scores
                .iter()
                .filter_map(|s| s.score.map(|v| (v, &s.model)))
                .fold(None::<(f64, &String)>, |acc, (v, m)| match acc {
                    Some((bv, _)) if bv >= v => acc,
                    _ => Some((v, m)),
                })
                .map(|(_, m)| m.clone())
                .or_else(|| cx.models.first().cloned());
            let unscored: Vec<String> = scores
                .iter()
                .filter(|s| s.score.is_none())
                .flat_map(|s| {
                    let r = Resolver::new(&rb.signals, ev, Placeholders { model: Some(s.model.clone()) });
                    let (why, _) = r.eval(pick);
                    match why {
                        Eval::Unknown(w) => split_missing(Some(&w)),
                        Eval::Value(v) => vec![format!("{} scored {} for {}", pick.source, v.display(), s.model)],
                    }
                })
                .collect();
            let mut d = walk_one(rb, ev, cx, best.as_deref(), scores);
            if !unscored.is_empty() && d.triggered == Some(true) {
                // Which model is throttled cannot be told; walking the best-known one could
                // blame the wrong model, so say so instead.
                d = Diagnosis {
                    model: None,
                    outcome: None,
                    path: vec![],
                    steps: vec![],
                    actions: vec![],
                    calls: vec![],
                    outcome_title: None,
                    cause: None,
                    resolution: vec![],
                    severity: worst_reachable(rb, &rb.start),
                    unknown: Some(Unknown { node: "model-selection".into(), missing: unscored, question: None }),
                    ..d
                };
            }
            vec![d]
        }
    }
}

fn model_has_data(rb: &Runbook, ev: &Evidence, model: &str) -> bool {
    let r = Resolver::new(&rb.signals, ev, Placeholders { model: Some(model.to_string()) });
    rb.signals.values().any(|s| match &s.source {
        // The app's own series say which models it runs; AWS's (`AWS/Bedrock`) exist for every
        // model the account calls, so they alone do not make a model one to walk.
        Source::Metric { namespace, name, dims, .. }
            if !namespace.starts_with("AWS/") && (uses_model(name) || dims.values().any(|d| uses_model(d))) =>
        {
            r.get(&s.name).value.is_some()
        }
        _ => false,
    })
}

fn check(r: &Resolver<'_>, c: &Condition) -> Check {
    let (out, inputs) = r.eval(&c.expr);
    let (result, why_unknown) = match out {
        Eval::Value(SigValue::Bool(b)) => (Some(b), None),
        Eval::Value(v) => (None, Some(format!("`{}` gave {} instead of true/false", c.expr.source, v.display()))),
        Eval::Unknown(why) => (None, Some(why)),
    };
    Check { expr: c.expr.source.clone(), says: c.says.clone(), result, inputs, why_unknown, passed_over: false }
}

fn worst_reachable(rb: &Runbook, from: &str) -> Option<Severity> {
    rb.reachable(from).iter().filter_map(|id| rb.outcomes.get(id)).map(|o| o.severity).max()
}

fn walk_one(
    rb: &Runbook,
    ev: &Evidence,
    cx: &WalkContext,
    model: Option<&str>,
    model_scores: Vec<ModelScore>,
) -> Diagnosis {
    let r = Resolver::new(&rb.signals, ev, Placeholders { model: model.map(String::from) });
    let trigger = check(&r, &rb.trigger);
    let mut d = Diagnosis {
        runbook: rb.name.clone(),
        model: model.map(String::from),
        triggered: trigger.result,
        outcome: None,
        severity: None,
        path: vec![],
        actions: vec![],
        calls: vec![],
        title: rb.title.clone(),
        trigger,
        steps: vec![],
        unknown: None,
        outcome_title: None,
        cause: None,
        resolution: vec![],
        model_scores,
        scores_say: rb.pick_says.clone(),
        shows: vec![],
        reads_dlq_sample: rb.signals.values().any(|s| matches!(s.source, Source::Dlq { .. })),
    };
    match d.triggered {
        Some(false) => return d,
        None => {
            d.severity = rb.outcomes.values().map(|o| o.severity).max();
            d.unknown = Some(Unknown {
                node: "trigger".into(),
                missing: split_missing(d.trigger.why_unknown.as_deref()),
                question: None,
            });
            return d;
        }
        Some(true) => {}
    }

    let mut seen = BTreeSet::new();
    let mut at = rb.start.clone();
    while let Some(node) = rb.node(&at) {
        if !seen.insert(at.clone()) {
            break; // validation forbids cycles; this only guards against a bug
        }
        d.path.push(node.id.clone());
        let answer = node.ask.as_ref().and_then(|_| cx.answers.get(&rb.name, &node.id));
        let (step, next) = decide(&r, node, answer);
        d.steps.push(step);
        match next {
            Ok(next) => at = next,
            Err(why) => {
                d.unknown = Some(Unknown {
                    node: node.id.clone(),
                    missing: split_missing(why.as_deref()),
                    question: node.ask.as_ref().map(|a| a.prompt.clone()),
                });
                d.severity = worst_reachable(rb, &node.id);
                return d;
            }
        }
    }
    let o = rb.outcomes.get(&at).expect("validated: every target is a node or an outcome");
    conclude(&mut d, o, &r, ev);
    d
}

/// One node decided: the step with its checks (or the engineer's answer), and where the walk
/// goes next, or why it cannot go on (`Err`: the missing inputs, or that no answer was given).
fn decide(r: &Resolver<'_>, node: &Node, answer: Option<bool>) -> (Step, Result<String, Option<String>>) {
    let shown = node.shows.iter().map(|n| r.get(n)).collect();
    let mut step =
        Step { node: node.id.clone(), title: node.title.clone(), checks: vec![], answer: None, next: None, shown };
    if let (Some(ask), Some(a)) = (&node.ask, answer) {
        step.answer = Some(a);
        step.next = Some(if a { ask.yes.clone() } else { ask.no.clone() });
    } else {
        for t in &node.tests {
            let mut c = check(r, &t.when);
            let (result, why) = (c.result, c.why_unknown.clone());
            c.passed_over = result.is_none() && t.optional;
            step.checks.push(c);
            match result {
                Some(true) => {
                    step.next = Some(t.then.clone());
                    break;
                }
                Some(false) => {}
                None if t.optional => {}
                // Logs corroborate: a test only a missing log leaves undecided does not hold,
                // and the node goes on to the tests that read metrics.
                None if Resolved::missing_only_logs(&step.checks.last().expect("pushed").inputs) => {}
                None => return (step, Err(why)),
            }
        }
        if step.next.is_none() {
            if node.tests.is_empty() {
                return (step, Err(Some("no answer was given".into())));
            }
            step.next = node.otherwise.clone();
        }
    }
    let next = step.next.clone().expect("decided above");
    (step, Ok(next))
}

/// The outcome reached: its verdict, and its offers with their arguments worked out.
fn conclude(d: &mut Diagnosis, o: &Outcome, r: &Resolver<'_>, ev: &Evidence) {
    d.outcome = Some(o.id.clone());
    d.severity = Some(o.severity);
    d.outcome_title = Some(o.title.clone());
    d.cause = Some(o.cause.clone());
    d.resolution = o.resolution.clone();
    d.shows = o.shows.iter().map(|s| r.get(s)).collect();
    for a in &o.actions {
        d.actions.push(a.id.clone());
        d.calls.push(resolve_call(r, ev, a));
    }
}

fn split_missing(why: Option<&str>) -> Vec<String> {
    why.map(|w| w.split("; ").map(String::from).collect()).unwrap_or_default()
}

/// An offered action with its arguments worked out over the evidence: placeholders expanded,
/// computed numbers floored and never negative, and a number whose inputs are missing left
/// [`Arg::Unknown`] (never a guess).
pub(crate) fn resolve_call(r: &Resolver<'_>, ev: &Evidence, a: &ActionRef) -> ActionCall {
    let args = a
        .args
        .iter()
        .map(|part| match part {
            ArgPart::Text(t) => {
                let word = expand(t, &r.placeholders, ev).unwrap_or_else(|_| t.clone());
                match word.parse::<f64>() {
                    Ok(n) if n.is_finite() => Arg::Number(n),
                    _ => Arg::Word(word),
                }
            }
            ArgPart::Expr(e) => match r.eval(e).0 {
                Eval::Value(SigValue::Num(n)) if n.is_finite() => Arg::Number(n.floor().max(0.0)),
                _ => Arg::Unknown,
            },
        })
        .collect();
    ActionCall { id: a.id.clone(), command: a.command, args }
}

/// Walks several runbooks, in the order given.
pub fn walk_all<'a>(rbs: impl IntoIterator<Item = &'a Runbook>, ev: &Evidence, cx: &WalkContext) -> Vec<Diagnosis> {
    rbs.into_iter().flat_map(|rb| walk(rb, ev, cx)).collect()
}
