//! Runbook files: a raw serde type that only parses, and a checked [`Runbook`] built from it.
//!
//! As ast-grep does for its rules, every check happens once at load time, and each failure
//! names the file, the node and the fix, so a broken runbook is caught by `masst runbook
//! validate` in review rather than at 3 a.m. in the middle of a walk.
//!
//! This file holds the checked form and the set; `raw` the file format, `check` the validation.

mod check;
mod raw;
mod signals;

pub(crate) use check::{check_derived_cycles, check_signal, parse_action, signal_is_per_model, type_check};
use raw::RawRunbook;
pub(crate) use raw::RawSignal;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::engine::action::ActionInfo;
use crate::engine::alarm::AlarmDef;
use crate::engine::expr::Expr;
use crate::engine::signal::Signal;
use crate::engine::LoadError;

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
    /// Signals shown at the node as evidence (`shows`), read but never deciding.
    pub shows: Vec<String>,
    pub otherwise: Option<String>,
    pub ask: Option<Ask>,
}

/// One ordered test of a node: the first that holds decides.
#[derive(Debug)]
pub struct Test {
    pub when: Condition,
    pub then: String,
    /// Passed over, not stopped at, when its inputs are missing.
    pub optional: bool,
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
    /// Signals shown with the verdict as its evidence.
    pub shows: Vec<String>,
}

/// What a fixed incident looks like, and how long the seed gives it.
#[derive(Debug)]
pub struct Recovery {
    pub when: Condition,
    pub within: std::time::Duration,
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
            todo.extend(sig.source.deps());
        }
        out
    }

    /// Parses and checks one runbook file's text. `file` is used in messages only; `actions`
    /// is the catalogue its outcomes may offer from.
    pub fn parse(file: &str, text: &str, actions: &[ActionInfo]) -> Result<Runbook, LoadError> {
        let raw: RawRunbook = toml::from_str(text)
            .map_err(|e| LoadError::new(file, crate::text::toml::syntax_error("not a valid runbook file", text, &e)))?;
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
