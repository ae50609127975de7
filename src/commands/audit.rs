//! `masst audit`: the seed's Prevention controls checked against the deployment (contract §8),
//! for CI smoke checks and the morning after. The checks are data (`audits/*.toml`); the
//! evidence is read the way diagnosis reads it, one call per service, all concurrent; the
//! verdicts print as a table, JSON, SARIF or JUnit; `--fix` offers each failing check's
//! action through the normal preview / confirm / journal flow, then checks again.

use super::Global;
use crate::engine::audit::{AuditSet, State, Verdict};
use crate::engine::ActionCall;
use crate::engine::Severity;
use crate::error::{Error, Outcome, Result};
use crate::evidence::{collect, Evidence};
use crate::settings::Settings;

use super::FailOn;
use crate::ui::render::command_line;
use crate::ui::{OutputFormat, Printer};
use clap::Args;
use std::path::PathBuf;

/// `masst audit` options.
#[derive(Debug, Args)]
pub struct AuditArgs {
    /// Run only these checks (contract §8 ids). Repeatable.
    #[arg(long = "check", value_name = "ID")]
    pub checks: Vec<String>,
    /// Exit 1 when a failing or unknown check is at least this severe.
    #[arg(long, value_enum, default_value_t = FailOn::Warning)]
    pub fail_on: FailOn,
    /// Offer each failing check's fix in turn (preview, confirmation, journal), then check again.
    #[arg(long)]
    pub fix: bool,
    /// With --fix: do not ask.
    #[arg(long, short = 'y')]
    pub yes: bool,
    /// With --fix: show each fix's change and apply none (contract §7).
    #[arg(long, requires = "fix")]
    pub dry_run: bool,
    /// More audit files: every *.toml of this folder, added to the embedded checks.
    #[arg(long, value_name = "DIR")]
    pub audits: Option<PathBuf>,
    /// Use an embedded scenario instead of live AWS.
    #[arg(long, value_name = "NAME", conflicts_with = "from", value_parser = crate::evidence::scenario::names())]
    pub scenario: Option<String>,
    /// Use a snapshot file.
    #[arg(long, value_name = "FILE")]
    pub from: Option<PathBuf>,
}

fn evidence(
    global: &Global,
    args: &AuditArgs,
    settings: &Settings,
    set: &AuditSet,
    printer: &Printer,
) -> Result<Evidence> {
    if let Some(ev) = super::offline_evidence(args.scenario.as_deref(), args.from.as_deref())? {
        return Ok(ev);
    }
    let spinner = printer.spinner("reading the deployment…");
    let ev = super::block_on(read_live(global, settings, set));
    if let Some(s) = spinner {
        s.finish_and_clear();
    }
    ev
}

/// Reads what the checks of `set` need from live AWS, one call per service, all concurrent.
/// Async, so `masst mcp`'s `audit` tool awaits the same reading under its deadline.
pub async fn read_live(global: &Global, settings: &Settings, set: &AuditSet) -> Result<Evidence> {
    let mut plan = crate::engine::needs::plan_signals(set.signals.values(), &settings.model_keys());
    // A key the document lacks is a check's missing input (unknown), not a failed collection.
    plan.config_keys.clear();
    if plan.alarms {
        let defs = crate::actions::alarms::declared(&super::runbooks(global)?);
        plan.alarm_names = crate::actions::alarms::names(settings, &defs);
    }
    let c = super::clients(global, settings).await?;
    collect::collect(&c, settings, &plan, 15, jiff::Timestamp::now()).await
}

fn failing(verdicts: &[Verdict], level: Severity) -> bool {
    verdicts.iter().any(|v| matches!(v.state, State::Fail | State::Unknown) && v.severity >= level)
}

/// `masst audit`.
pub fn run(global: &Global, args: &AuditArgs, printer: &Printer) -> Result<Outcome> {
    let set = match &args.audits {
        Some(dir) => AuditSet::with_dir(dir, crate::actions::catalog())?,
        None => AuditSet::embedded(crate::actions::catalog()),
    };
    for id in &args.checks {
        if !set.checks.iter().any(|c| &c.id == id) {
            let ids: Vec<&str> = set.checks.iter().map(|c| c.id.as_str()).collect();
            return Err(Error::Usage(format!("--check {id}: no such check; the checks are {}", ids.join(", "))));
        }
    }
    let settings = Settings::load(global.config.as_deref())?.settings;
    let models = settings.model_keys();
    let ev = evidence(global, args, &settings, &set, printer)?;
    let mut verdicts = set.run(&ev, &models, &args.checks);
    let mut not_applied: Vec<String> = Vec::new();
    if args.fix {
        if args.scenario.is_some() || args.from.is_some() {
            return Err(Error::Usage(
                "--fix changes live AWS, so it needs a live audit: drop --scenario/--from".into(),
            ));
        }
        let fixes: Vec<(String, ActionCall)> = verdicts
            .iter()
            .filter(|v| v.state == State::Fail)
            .filter_map(|v| Some((v.id.clone(), v.fix.clone()?)))
            .collect();
        let mut done: Vec<&ActionCall> = Vec::new();
        // Fixes refused, declined or failed are named, and the run exits 4 (contract §7).
        // The fixes print their previews; with one document on stdout, they go to stderr.
        crate::ui::divert_stdout(printer.format != OutputFormat::Human);
        let watcher = super::watcher(global, printer);
        for (id, call) in &fixes {
            if done.contains(&call) {
                continue; // queue.fix mends two checks at once
            }
            printer.note(format!("{id}: {}", command_line(call)));
            let flags = super::ChangeFlags::offered(args.yes, args.dry_run, format!("audit/{id}"));
            // The fix is handed to the action runner as data: its id and arguments.
            let ran = super::desk(global).and_then(|desk| {
                crate::actions::runner::call(&desk, printer, &watcher, &flags.options(String::new()), call)
            });
            match ran {
                Ok(_) => done.push(call),
                Err(e) => {
                    printer.note(format!("masst: {e}"));
                    not_applied.push(id.clone());
                }
            }
        }
        crate::ui::divert_stdout(false);
        if !done.is_empty() && !args.dry_run {
            let fixed: Vec<String> =
                fixes.iter().filter(|(_, c)| done.contains(&c)).map(|(id, _)| id.clone()).collect();
            let ev = evidence(global, args, &settings, &set, printer)?;
            let again = set.run(&ev, &models, &fixed);
            for v in again {
                if let Some(old) = verdicts.iter_mut().find(|x| x.id == v.id) {
                    *old = v;
                }
            }
        }
    }
    crate::ui::tables::audit(printer, &verdicts);
    if !not_applied.is_empty() {
        return Err(Error::Action(format!(
            "{} fix(es) were not applied ({}): each one's reason is above. Mend the cause and run `masst audit --fix` \
             again (on a terminal to confirm each fix, or with --yes)",
            not_applied.len(),
            not_applied.join(", ")
        )));
    }
    Ok(if failing(&verdicts, args.fail_on.into()) { Outcome::Findings } else { Outcome::Clear })
}
