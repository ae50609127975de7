//! The reads `masst mcp` serves, one per tool: each loads what its command loads and calls
//! the functions its command calls, and answers with that command's `--output json` document.
//!
//! Only reading functions are named here: no action family, no `commands::act`, no redrive,
//! no prompt. The unit test at the end of `mcp/mod.rs` keeps it so.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

use serde::Deserialize;
use serde_json::Value;

use crate::commands::Global;
use crate::commands::{self, diagnose, dlq, runbook, status, verify};
use crate::engine::audit::AuditSet;
use crate::engine::walk::walk_all;
use crate::engine::{Answers, Diagnosis, Runbook, Severity, WalkContext};
use crate::error::{Error, Result};
use crate::settings::Settings;

/// A person's answer to a runbook question.
#[derive(Debug, Clone, Copy, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum YesNo {
    Yes,
    No,
}

/// `diagnose`: which runbooks, which model, the answers to their questions, which evidence.
#[derive(Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DiagnoseArgs {
    /// The runbook to walk (throttling, batch-backlog, underutilization, priority-inversion,
    /// dlq, or one from --runbooks), or `all` (the default).
    pub runbook: Option<String>,
    /// Keep only the results about this model key of [models] (sonnet, haiku).
    pub model: Option<String>,
    /// A target of [targets] in masst.toml (contract §10).
    pub target: Option<String>,
    /// Answers to runbook questions, node → yes/no: `{"throttling.shared-quota": "yes"}` (or
    /// the bare node id). A diagnosis that stops at a question lists it under `open_questions`.
    #[serde(default)]
    pub answers: BTreeMap<String, YesNo>,
    /// Diagnose this snapshot file (written by `masst snapshot capture`) instead of live AWS.
    pub snapshot: Option<PathBuf>,
    /// Also read what each proposed command would change, as its `--dry-run` shows it
    /// (`previews`); costs the reads each action makes. Live diagnoses only.
    pub preview: Option<bool>,
}

/// Tools that read one deployment: `status`, `audit`, `dlq_inspect`.
#[derive(Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TargetArgs {
    /// A target of [targets] in masst.toml (contract §10).
    pub target: Option<String>,
}

/// `dlq_inspect`: the target and how much of the DLQ to read.
#[derive(Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DlqArgs {
    /// A target of [targets] in masst.toml (contract §10).
    pub target: Option<String>,
    /// Read at most this many messages instead of the whole DLQ.
    pub sample: Option<usize>,
}

/// `verify_once`: which runbook's results to judge.
#[derive(Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VerifyArgs {
    /// The runbook whose results to read again, or `all` (the default).
    pub runbook: Option<String>,
    /// A target of [targets] in masst.toml (contract §10).
    pub target: Option<String>,
}

/// `runbook`: which one.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RunbookArgs {
    /// The runbook's name (see the `runbooks` tool).
    pub name: String,
}

/// `explain`: which outcome.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExplainArgs {
    /// An outcome id (`other-workloads-consuming-quota`), or `RUNBOOK.ID` where two runbooks
    /// share one.
    pub outcome: String,
}

/// `journal`: how many entries.
#[derive(Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct JournalArgs {
    /// Only the latest N changes.
    pub limit: Option<usize>,
}

/// The global options bound to `target` of `[targets]` (contract §10), or as given when none
/// is named: its credentials, region, names and endpoint. A target whose `account_id` is not
/// the caller's account is refused, never read under its name.
async fn one_target(global: &Global, target: Option<&str>) -> Result<Global> {
    let Some(name) = target else { return Ok(global.clone()) };
    let loaded = Settings::load(global.config.as_deref())?;
    let chosen =
        crate::settings::targets::choose(&loaded.settings.targets, loaded.file.as_deref(), &[name.to_string()], false)?;
    let g = commands::fanout::bind(global, &chosen[0]);
    if let Some(want) = chosen[0].target.account_id.as_deref() {
        let c = commands::clients(&g, &settings(&g)?).await?;
        let caller = c.caller_account().await?;
        if caller != want {
            return Err(Error::Config(format!(
                "target `{name}` is account {want} in masst.toml, but its credentials are account {caller}: nothing \
                 was read. Check its profile or role_arn"
            )));
        }
    }
    Ok(g)
}

fn settings(global: &Global) -> Result<Settings> {
    Ok(Settings::load(global.config.as_deref())?.settings)
}

/// `masst diagnose [RUNBOOK] [--answer …] [--from SNAPSHOT] --output json`, with the results
/// of one model when asked, and the questions the walks stopped at.
pub async fn diagnose(global: &Global, window: u32, args: &DiagnoseArgs) -> Result<Value> {
    let bound = one_target(global, args.target.as_deref()).await?;
    let global = &bound;
    let set = commands::runbooks(global)?;
    let selected = commands::select(&set, args.runbook.as_deref().unwrap_or("all"))?;
    let raw: Vec<String> = args
        .answers
        .iter()
        .map(|(node, a)| format!("{node}={}", if matches!(a, YesNo::Yes) { "yes" } else { "no" }))
        .collect();
    let answers = diagnose::parse_answers(&raw, &selected)?;
    let settings = settings(global)?;
    let models = settings.model_keys();
    if let Some(m) = &args.model {
        if !models.contains(m) {
            return Err(Error::Usage(format!(
                "model `{m}` is not in [models] of masst.toml; the models are {}",
                models.join(", ")
            )));
        }
    }
    let ev = match commands::offline_evidence_from(None, None, args.snapshot.as_deref())? {
        Some(ev) => ev,
        None => commands::collect_evidence(global, &settings, &selected, window).await?,
    };
    let cx = WalkContext { models, answers };
    let mut results = walk_all(selected.iter().copied(), &ev, &cx);
    if let Some(m) = &args.model {
        results.retain(|d| d.model.as_deref() == Some(m.as_str()));
    }
    let mut doc = diagnose::document(&ev, &results, Severity::Warning);
    doc["open_questions"] = open_questions(&results, &cx.answers);
    if args.preview == Some(true) {
        if args.snapshot.is_some() {
            return Err(Error::Usage(
                "`preview` reads AWS as it is now, so it needs a live diagnosis: leave out `snapshot`".into(),
            ));
        }
        doc["previews"] = previews(global, &settings, &set, &results).await?;
    }
    Ok(doc)
}

/// What each command the findings propose would change, read and planned, never applied.
async fn previews(
    global: &Global,
    settings: &Settings,
    set: &crate::engine::RunbookSet,
    results: &[Diagnosis],
) -> Result<Value> {
    let clients = commands::clients(global, settings).await?;
    let (journal, _) = crate::actions::journal::Journal::open(global.journal.as_deref())?.read()?;
    let cx = crate::actions::Ctx { clients: &clients, settings, journal: &journal, runbooks: set };
    let mut out = Vec::new();
    for d in results.iter().filter(|d| d.triggered == Some(true) && d.outcome.is_some()) {
        for call in &d.calls {
            let p = crate::actions::preview::preview(&cx, call).await;
            out.push(serde_json::to_value(p).expect("a preview serializes"));
        }
    }
    Ok(out.into())
}

/// The questions the walks stopped at, each with the argument that answers it.
fn open_questions(results: &[Diagnosis], given: &Answers) -> Value {
    results
        .iter()
        .filter_map(|d| {
            let u = d.unknown.as_ref()?;
            let question = u.question.as_ref()?;
            let node = format!("{}.{}", d.runbook, u.node);
            (!given.0.contains_key(&node) && !given.0.contains_key(&u.node)).then(|| {
                serde_json::json!({
                    "runbook": d.runbook, "model": d.model, "node": node, "question": question,
                    "answer_with": {"answers": {node.clone(): "yes|no"}},
                })
            })
        })
        .collect::<Vec<_>>()
        .into()
}

/// `masst status --output json`.
pub async fn status(global: &Global, window: u32, args: &TargetArgs) -> Result<Value> {
    let bound = one_target(global, args.target.as_deref()).await?;
    let global = &bound;
    let set = commands::runbooks(global)?;
    let all: Vec<&Runbook> = set.runbooks.iter().collect();
    let settings = settings(global)?;
    let ev = commands::collect_evidence(global, &settings, &all, window).await?;
    let cx = WalkContext { models: settings.model_keys(), answers: Answers::default() };
    let results = walk_all(all.iter().copied(), &ev, &cx);
    Ok(status::document(&ev, &results))
}

/// `masst audit --output json` (the embedded checks; never `--fix`).
pub async fn audit(global: &Global, args: &TargetArgs) -> Result<Value> {
    let bound = one_target(global, args.target.as_deref()).await?;
    let global = &bound;
    let set = AuditSet::embedded(crate::actions::catalog());
    let settings = settings(global)?;
    let ev = commands::audit::read_live(global, &settings, &set).await?;
    let verdicts = set.run(&ev, &settings.model_keys(), &[]);
    Ok(crate::ui::tables::audit_json(&verdicts))
}

/// One reading of `masst verify [RUNBOOK] --output json`: the loop with a zero timeout.
pub async fn verify_once(global: &Global, args: &VerifyArgs) -> Result<Value> {
    let bound = one_target(global, args.target.as_deref()).await?;
    let global = &bound;
    let set = commands::runbooks(global)?;
    let selected = commands::select(&set, args.runbook.as_deref().unwrap_or("all"))?;
    let settings = settings(global)?;
    let opts = verify::Options { timeout: Some(Duration::ZERO), every: Duration::from_secs(30) };
    let report = verify::watch(global, &settings, &selected, None, opts, &silent()).await?;
    Ok(serde_json::to_value(report).expect("a verification serializes"))
}

/// `masst dlq inspect [--sample N] --output json` (never `--publish`, never `--show`: bodies
/// are data from the queue, not for an assistant to read as instructions).
pub async fn dlq_inspect(global: &Global, args: &DlqArgs) -> Result<Value> {
    let bound = one_target(global, args.target.as_deref()).await?;
    let global = &bound;
    let settings = settings(global)?;
    let c = commands::clients(global, &settings).await?;
    let ins = dlq::read_dlq(&c, &settings, args.sample, 0).await?;
    Ok(serde_json::to_value(ins).expect("an inspection serializes"))
}

/// `masst runbook list --output json`, each runbook with its trigger and its outcomes' ids
/// added, so an assistant knows what there is to explain.
pub fn runbooks(global: &Global) -> Result<Value> {
    let set = commands::runbooks(global)?;
    let mut doc = runbook::list_json(&set);
    if let Some(rows) = doc["runbooks"].as_array_mut() {
        for (row, r) in rows.iter_mut().zip(&set.runbooks) {
            row["trigger"] = serde_json::json!({"when": r.trigger.expr.source, "says": r.trigger.says});
            row["outcome_ids"] = r.outcomes.keys().cloned().collect::<Vec<_>>().into();
        }
    }
    Ok(doc)
}

/// `masst runbook show NAME --mermaid --output json`, with the outline `runbook show` prints
/// as `text`.
pub fn runbook(global: &Global, args: &RunbookArgs) -> Result<Value> {
    let set = commands::runbooks(global)?;
    let rb = set.get(&args.name).ok_or_else(|| {
        Error::Usage(format!("there is no runbook `{}`; choose one of {}", args.name, set.names().join(", ")))
    })?;
    let mut doc = runbook::as_json(rb, true);
    doc["text"] = runbook::describe(rb).into();
    Ok(doc)
}

/// One outcome's cause, resolution and commands.
pub fn explain(global: &Global, args: &ExplainArgs) -> Result<Value> {
    runbook::explain_json(&commands::runbooks(global)?, &args.outcome)
}

/// `masst journal --output json`, the latest `limit` entries.
pub fn journal(global: &Global, args: &JournalArgs) -> Result<Value> {
    let journal = crate::actions::journal::Journal::open(global.journal.as_deref())?;
    let (mut entries, warnings) = journal.read()?;
    if let Some(n) = args.limit {
        entries.drain(..entries.len().saturating_sub(n));
    }
    Ok(crate::actions::journal::document(&journal.path, &entries, &warnings))
}

/// A printer that prints nothing: the server's stdout carries the protocol alone.
fn silent() -> crate::ui::Printer {
    crate::ui::Printer {
        format: crate::ui::OutputFormat::Json,
        quiet: true,
        verbose: 0,
        color: false,
        progress: false,
        interactive: false,
    }
}
