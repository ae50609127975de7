//! `masst diagnose`: evidence in, runbooks walked, verdicts out, exit code by severity.

use super::ChangeFlags;
use super::FailOn;
use super::Global;
use super::{duration, window_minutes};
use crate::engine::walk::{walk_all, Answers, Diagnosis, WalkContext};
use crate::engine::{ActionCall, Runbook, Severity};
use crate::error::{Error, Outcome, Result};
use crate::evidence::Evidence;
use crate::settings::Settings;
use crate::ui::{render, Printer};
use clap::Args;
use std::path::PathBuf;

/// Which evidence to diagnose.
#[derive(Debug, Clone, Args)]
pub struct DiagnoseArgs {
    /// The runbook to walk, or `all`.
    /// The seed's: throttling, batch-backlog, underutilization, priority-inversion, dlq.
    #[arg(default_value = "all")]
    pub runbook: String,
    /// Use an embedded scenario instead of live AWS (no account needed).
    #[arg(long, value_name = "NAME", conflicts_with = "from", value_parser = crate::evidence::scenario::names())]
    pub scenario: Option<String>,
    /// Use a snapshot file written by `masst snapshot capture`; repeated (`--from a.json --from
    /// b.json`), the snapshots are diagnosed side by side, a section each, as targets are.
    #[arg(long, value_name = "FILE", conflicts_with = "scenario_file")]
    pub from: Vec<PathBuf>,
    /// Use a scenario file (TOML, as in scenarios/; `extends` may name an embedded one).
    #[arg(long, value_name = "FILE", conflicts_with = "scenario")]
    pub scenario_file: Option<PathBuf>,
    /// Answer a runbook question up front: NODE=yes|no (or RUNBOOK.NODE=yes|no). Repeatable.
    #[arg(long, value_name = "NODE=yes|no")]
    pub answer: Vec<String>,
    /// Exit 1 when a finding is at least this severe.
    #[arg(long, value_enum, default_value_t = FailOn::Warning)]
    pub fail_on: FailOn,
    /// How much metric history to read live, e.g. `60m`, `2h`.
    #[arg(long, value_name = "DURATION", default_value = "60m", value_parser = window_minutes)]
    pub window: u32,
    /// After the diagnosis, run this offered action (an id such as analytics.pause).
    #[arg(long, value_name = "ACTION")]
    pub apply: Vec<String>,
    /// With --apply: do not ask.
    #[arg(long, short = 'y')]
    pub yes: bool,
    /// With --apply: show the plan and change nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// With --apply: skip the verification that follows the change by default.
    #[arg(long)]
    pub no_verify: bool,
    /// With --apply: give up verifying after this long (default: the outcome's budget).
    #[arg(long, value_name = "DURATION", value_parser = duration)]
    pub verify_timeout: Option<std::time::Duration>,
    /// With --apply: read the evidence again this often while verifying.
    #[arg(long, value_name = "DURATION", value_parser = duration, default_value = "30s")]
    pub verify_every: std::time::Duration,
}

impl From<FailOn> for Severity {
    fn from(f: FailOn) -> Self {
        match f {
            FailOn::Info => Severity::Info,
            FailOn::Warning => Severity::Warning,
            FailOn::Critical => Severity::Critical,
        }
    }
}

/// Parses `--answer NODE=yes|no`, checking that the node exists and asks a question.
pub fn parse_answers(raw: &[String], runbooks: &[&Runbook]) -> Result<Answers> {
    let mut answers = Answers::default();
    let mut given: std::collections::BTreeMap<String, (bool, &String)> = Default::default();
    for a in raw {
        let (key, val) =
            a.split_once('=').ok_or_else(|| Error::Usage(format!("--answer `{a}` must be NODE=yes or NODE=no")))?;
        let yes = match val.to_ascii_lowercase().as_str() {
            "yes" | "y" | "true" => true,
            "no" | "n" | "false" => false,
            _ => return Err(Error::Usage(format!("--answer `{a}`: `{val}` is not yes or no"))),
        };
        let (rb_name, node) = match key.split_once('.') {
            Some((r, n)) => (Some(r), n),
            None => (None, key),
        };
        let askable: Vec<String> = runbooks
            .iter()
            .flat_map(|r| r.nodes.iter().filter(|n| n.ask.is_some()).map(move |n| format!("{}.{}", r.name, n.id)))
            .collect();
        let found =
            runbooks.iter().filter(|r| rb_name.is_none_or(|n| n == r.name)).find_map(|r| r.node(node).map(|n| (r, n)));
        match found {
            None => {
                return Err(Error::Usage(format!(
                    "--answer `{a}`: no selected runbook has a node `{key}`; questions that can be answered: {}",
                    if askable.is_empty() { "none".to_string() } else { askable.join(", ") }
                )))
            }
            Some((r, n)) if n.ask.is_none() => {
                return Err(Error::Usage(format!(
                    "--answer `{a}`: node `{}.{}` decides from metrics and asks nothing; questions that can be answered: {}",
                    r.name,
                    n.id,
                    askable.join(", ")
                )))
            }
            Some((r, n)) => {
                let node = format!("{}.{}", r.name, n.id);
                if let Some((earlier, said)) = given.get(&node).filter(|(v, _)| *v != yes) {
                    return Err(Error::Usage(format!(
                        "--answer `{said}` and --answer `{a}` answer {node} both {} and {}; give one answer per question",
                        if *earlier { "yes" } else { "no" },
                        if yes { "yes" } else { "no" }
                    )));
                }
                given.insert(node, (yes, a));
                answers.0.insert(key.to_string(), yes);
            }
        }
    }
    Ok(answers)
}

/// Walks, asking the engineer the runbooks' questions on a terminal until none is left
/// that could be answered.
pub fn walk_interactive(
    runbooks: &[&Runbook],
    ev: &Evidence,
    cx: &mut WalkContext,
    printer: &Printer,
) -> Vec<Diagnosis> {
    let mut results = walk_all(runbooks.iter().copied(), ev, cx);
    if !printer.interactive || printer.json() {
        return results;
    }
    loop {
        let pending = results.iter().find_map(|d| {
            let u = d.unknown.as_ref()?;
            let q = u.question.as_ref()?;
            let key = format!("{}.{}", d.runbook, u.node);
            (!cx.answers.0.contains_key(&key)).then(|| (key, q.clone()))
        });
        let Some((key, question)) = pending else {
            break;
        };
        match printer.ask(&format!("{question} [{key}]")) {
            Some(a) => {
                cx.answers.0.insert(key, a);
                results = walk_all(runbooks.iter().copied(), ev, cx);
            }
            _ => break,
        }
    }
    results
}

/// Prints results and decides the outcome by `--fail-on`.
/// A runbook result as the CI formats carry it: the outcome id as the rule (the runbook's
/// name when it is clear or undecided), failing when it fired.
fn ci_item(d: &Diagnosis) -> crate::ui::ci::Item {
    let who = d.model.as_deref().map(|m| format!(" ({m})")).unwrap_or_default();
    let (state, message) = match (d.triggered, &d.outcome, &d.unknown) {
        (Some(false), _, _) => ("pass", format!("{}{who}: clear", d.runbook)),
        (_, Some(o), _) => ("fail", format!("{}{who}: {}", d.runbook, d.outcome_title.as_deref().unwrap_or(o))),
        (_, _, Some(u)) => {
            ("unknown", format!("{}{who}: undecided at {}: {}", d.runbook, u.node, u.missing.join("; ")))
        }
        _ => ("unknown", format!("{}{who}: undecided", d.runbook)),
    };
    let evidence = d
        .trigger
        .inputs
        .iter()
        .chain(d.steps.iter().flat_map(|s| s.checks.iter().flat_map(|c| c.inputs.iter())))
        .map(|i| {
            format!(
                "{} = {} ({})",
                i.name,
                i.value.as_ref().map(|v| v.display()).unwrap_or_else(|| "missing".into()),
                i.source
            )
        })
        .collect();
    crate::ui::ci::Item {
        rule_id: d.outcome.clone().unwrap_or_else(|| d.runbook.clone()),
        title: d.outcome_title.clone().unwrap_or_else(|| d.title.clone()),
        severity: d.severity.unwrap_or(Severity::Info),
        state,
        message,
        evidence,
        help: (!d.calls.is_empty())
            .then(|| d.calls.iter().map(crate::ui::render::command_line).collect::<Vec<_>>().join("; ")),
    }
}

/// Prints the diagnoses in the format asked for (tree, JSON, SARIF, JUnit) and says whether
/// any finding reaches `fail_on`.
pub fn report(printer: &Printer, ev: &Evidence, results: &[Diagnosis], fail_on: Severity) -> Outcome {
    report_with(printer, ev, results, fail_on, &[])
}

/// The `--output json` document of a diagnosis (contract §6): what `masst mcp`'s `diagnose`
/// tool returns too.
pub fn document(ev: &Evidence, results: &[Diagnosis], fail_on: Severity) -> serde_json::Value {
    serde_json::json!({
        "source": ev.source,
        "taken_at": ev.taken_at,
        "fail_on": fail_on,
        "results": crate::ui::render::results_json(results),
        "config_version": ev.config_version,
        "config": ev.config,
    })
}

/// [`report`], with the documents of the actions `--apply` ran (JSON: `applied`).
fn report_with(
    printer: &Printer,
    ev: &Evidence,
    results: &[Diagnosis],
    fail_on: Severity,
    applied: &[serde_json::Value],
) -> Outcome {
    if matches!(printer.format, crate::ui::OutputFormat::Sarif | crate::ui::OutputFormat::Junit) {
        let items: Vec<_> = results.iter().map(ci_item).collect();
        if printer.format == crate::ui::OutputFormat::Sarif {
            printer.json_value(&crate::ui::ci::sarif("diagnose", &items));
        } else {
            printer.out(&crate::ui::ci::junit("masst diagnose", &items));
        }
    } else if printer.json() {
        let mut doc = document(ev, results, fail_on);
        if !applied.is_empty() {
            doc["applied"] = applied.to_vec().into();
        }
        printer.json_value(&doc);
    } else {
        if !printer.quiet {
            let version = ev.config_version.map(|v| format!(", configuration version {v}")).unwrap_or_default();
            printer.line(format!("Evidence: {} (taken {}{version})", ev.source, ev.taken_at));
            printer.line("");
        }
        for d in results {
            if printer.quiet && d.triggered == Some(false) {
                continue;
            }
            printer.out(&crate::ui::wrap_lines(&render::diagnosis(d)));
            printer.line("");
        }
        printer.line(render::summary(results, fail_on));
    }
    crate::ui::tap(|| document(ev, results, fail_on));
    if results.iter().any(|d| d.is_finding(fail_on)) {
        Outcome::Findings
    } else {
        Outcome::Clear
    }
}

/// `masst diagnose`.
pub fn run(global: &Global, args: &DiagnoseArgs, printer: &Printer) -> Result<Outcome> {
    if let (Some(first), Some(source)) = (args.apply.first(), offline_source(args)) {
        // Refused before any output: an action changes a deployment, and this is not one.
        return Err(Error::Usage(format!(
            "--apply {first} needs a live deployment, and {source} is not one: nothing would change. \
             Drop --apply to read the diagnosis, or run `masst diagnose --apply {first}` against AWS \
             (or an emulator with --endpoint-url)"
        )));
    }
    let set = super::runbooks(global)?;
    let selected = super::select(&set, &args.runbook)?;
    let answers = parse_answers(&args.answer, &selected)?;
    let settings = Settings::load(global.config.as_deref())?.settings;
    let ev = match super::offline_evidence_from(
        args.scenario.as_deref(),
        args.scenario_file.as_deref(),
        args.from.first().map(PathBuf::as_path),
    )? {
        Some(ev) => ev,
        None => super::collect_live(global, &settings, &selected, args.window, printer)?,
    };
    let mut cx = WalkContext { models: settings.model_keys(), answers };
    let results = walk_interactive(&selected, &ev, &mut cx, printer);
    let live = args.scenario.is_none() && args.from.is_empty() && args.scenario_file.is_none();
    if printer.json() && !args.apply.is_empty() {
        // One document: the diagnosis, with what each action it ran did (`applied`).
        crate::ui::capture_json(true);
        let ran = offer_actions(global, args, printer, &results, live);
        let applied = crate::ui::capture_json(false);
        let outcome = report_with(printer, &ev, &results, args.fail_on.into(), &applied);
        return ran.map(|()| outcome);
    }
    let outcome = report(printer, &ev, &results, args.fail_on.into());
    offer_actions(global, args, printer, &results, live)?;
    Ok(outcome)
}

/// The offline evidence asked for, in words (`--scenario flash-sale`), or `None` when live.
fn offline_source(args: &DiagnoseArgs) -> Option<String> {
    match (&args.scenario, &args.scenario_file, args.from.first()) {
        (Some(s), _, _) => Some(format!("--scenario {s}")),
        (_, Some(f), _) => Some(format!("--scenario-file {}", f.display())),
        (_, _, Some(f)) => Some(format!("the snapshot --from {}", f.display())),
        _ => None,
    }
}

/// The actions the findings offer, in order, each with the diagnosis that offered it
/// (`runbook/model/outcome`, for the journal).
fn offered(results: &[Diagnosis]) -> Vec<(String, &ActionCall)> {
    results
        .iter()
        .filter(|d| d.triggered == Some(true) && d.outcome.is_some())
        .flat_map(|d| {
            let diag =
                format!("{}/{}/{}", d.runbook, d.model.as_deref().unwrap_or("-"), d.outcome.as_deref().unwrap_or("-"));
            d.calls.iter().map(move |c| (diag.clone(), c))
        })
        .collect()
}

/// Runs the actions asked for with `--apply`, or offers each one on a terminal. Only after
/// a live diagnosis: a snapshot or a scenario says nothing about AWS as it is now.
fn offer_actions(
    global: &Global,
    args: &DiagnoseArgs,
    printer: &Printer,
    results: &[Diagnosis],
    live: bool,
) -> Result<()> {
    let offers = offered(results);
    if !args.apply.is_empty() {
        if !live {
            return Err(Error::Usage(
                "--apply changes live AWS, so it needs a live diagnosis: drop --scenario/--from".into(),
            ));
        }
        for want in &args.apply {
            let Some((diag, call)) = offers.iter().find(|(_, c)| &c.id == want) else {
                let ids: Vec<&str> = offers.iter().map(|(_, c)| c.id.as_str()).collect();
                return Err(Error::Usage(format!(
                    "--apply {want}: this diagnosis did not offer it; it offered: {}",
                    if ids.is_empty() { "nothing".to_string() } else { ids.join(", ") }
                )));
            };
            run_offered(global, printer, call, offer_flags(args, args.yes, diag))?;
        }
        return Ok(());
    }
    if !live || !printer.interactive || printer.json() {
        return Ok(());
    }
    for (diag, call) in &offers {
        let cmd = crate::ui::render::command_line(call);
        if !call.runnable() {
            printer.line(format!("(not offered: `{cmd}` needs a value masst could not compute)"));
            continue;
        }
        // One question per offer: the action shows its change and asks to apply it.
        printer.line(format!("offered: `{cmd}`"));
        if let Err(e) = run_offered(global, printer, call, offer_flags(args, false, diag)) {
            printer.line(format!("masst: {e}"));
        }
    }
    Ok(())
}

/// The flags an offered action runs with: verification on by default (`--no-verify` to skip),
/// tagged with the diagnosis that offered it.
fn offer_flags(args: &DiagnoseArgs, yes: bool, diag: &str) -> ChangeFlags {
    ChangeFlags {
        verify: !(args.no_verify || args.dry_run),
        verify_every: args.verify_every,
        verify_timeout: args.verify_timeout,
        ..ChangeFlags::offered(yes, args.dry_run, diag.to_string())
    }
}

/// Hands an offered action to the action runner (no command line in between), every global
/// option as given. With one document on stdout (the diagnosis), the action's own output goes to stderr.
fn run_offered(global: &Global, printer: &Printer, call: &ActionCall, flags: ChangeFlags) -> Result<()> {
    if !printer.json() {
        printer.line(format!("→ {}", crate::ui::render::command_line(call)));
    }
    crate::ui::divert_stdout(printer.format != crate::ui::OutputFormat::Human);
    let ran = super::desk(global).and_then(|desk| {
        let watcher = super::watcher(global, printer);
        crate::actions::runner::call(&desk, printer, &watcher, &flags.options(String::new()), call)
    });
    crate::ui::divert_stdout(false);
    ran.map(|_| ())
}
