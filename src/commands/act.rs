//! The remediation verbs, all through one flow: plan against the current state, show the
//! change, ask (or refuse to ask without a terminal), apply, journal.

use super::ChangeFlags;
use super::Global;
use crate::actions::alarms::{Alarms, Install};
use crate::actions::appconfig::{Doc, DocRequest};
use crate::actions::doc::{self, DocChange};
use crate::actions::ecs::{Ecs, EcsRequest};
use crate::actions::journal::{self, Entry, Journal, State};
use crate::actions::queue::{Queue, QueueFix};
use crate::actions::redrive::Redrive;
use crate::actions::{family_of, ActionCall, Applied, Ctx, Family, Plan, Run};
use crate::error::{Error, Outcome, Result};
use crate::settings::Settings;
use crate::ui::Printer;
use clap::{Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub enum PauseResume {
    /// Pause (journaled; `masst undo` reverses it).
    Pause(ChangeFlags),
    /// Resume.
    Resume(ChangeFlags),
}

#[derive(Debug, Subcommand)]
pub enum ConcurrencyCommand {
    /// Set a pool's max_concurrency for a model; refused if the model's pools would exceed its quota.
    Set {
        /// The model key (sonnet, haiku).
        model: String,
        /// The new max_concurrency (1 to 1000).
        #[arg(value_parser = clap::value_parser!(u32).range(1..=1000))]
        value: u32,
        /// The pool: realtime, batch or analytics.
        #[arg(long, default_value = "realtime", value_parser = ["realtime", "batch", "analytics"])]
        pool: String,
        #[command(flatten)]
        flags: ChangeFlags,
    },
}

#[derive(Debug, Subcommand)]
pub enum RoutingCommand {
    /// Route simple queries (FAQ, store hours) to Haiku, or stop.
    Haiku {
        #[arg(value_enum)]
        state: OnOff,
        #[command(flatten)]
        flags: ChangeFlags,
    },
}

/// on or off.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum OnOff {
    On,
    Off,
}

#[derive(Debug, Subcommand)]
pub enum BatchCommand {
    /// Pause batch processing.
    Pause(ChangeFlags),
    /// Resume batch processing.
    Resume(ChangeFlags),
    /// Give batch a dedicated pool of N slots of its model (no longer shared with real-time).
    Concurrency {
        /// Slots of the dedicated batch pool (0 to 1000).
        #[arg(value_parser = clap::value_parser!(u32).range(0..=1000))]
        value: u32,
        #[command(flatten)]
        flags: ChangeFlags,
    },
    /// The time-of-day batch concurrency table (JST).
    #[command(subcommand)]
    Schedule(ScheduleCommand),
    /// Switch the batch model (its dedicated pool follows).
    Model {
        model: String,
        #[command(flatten)]
        flags: ChangeFlags,
    },
    /// Set the batch-worker ECS desired count.
    Scale {
        /// The desired count (0 to 200).
        #[arg(value_parser = clap::value_parser!(i32).range(0..=200))]
        count: i32,
        #[command(flatten)]
        flags: ChangeFlags,
    },
}

#[derive(Debug, Subcommand)]
pub enum ScheduleCommand {
    /// Show the table (the seed's, or --file) with the current JST hour marked.
    Show {
        /// A JSON or TOML table of hour = slots, or a list of 24 numbers.
        #[arg(long, value_name = "FILE")]
        file: Option<PathBuf>,
    },
    /// Deploy the table (the seed's, or --file) as batch.schedule_jst.
    Apply {
        #[arg(long, value_name = "FILE")]
        file: Option<PathBuf>,
        #[command(flatten)]
        flags: ChangeFlags,
    },
}

#[derive(Debug, Subcommand)]
pub enum ProducerCommand {
    /// Stop the batch producer (ECS desired count 0); the count is saved in the journal.
    Pause(ChangeFlags),
    /// Restore the count saved by the last `producer pause` (or --count N).
    Resume {
        #[arg(long, value_name = "N")]
        count: Option<i32>,
        #[command(flatten)]
        flags: ChangeFlags,
    },
}

#[derive(Debug, Subcommand)]
pub enum AlarmsCommand {
    /// Create (or bring back in line) the seed's alarms: ThrottleRate, DegradationRate, circuit
    /// OPEN per model, batch QueueDepth and QueueAge, DLQ depth.
    Install {
        /// Notify this SNS topic when an alarm fires.
        #[arg(long, value_name = "ARN")]
        sns_topic: Option<String>,
        #[command(flatten)]
        flags: ChangeFlags,
    },
}

#[derive(Debug, Subcommand)]
pub enum QueueCommand {
    /// Set VisibilityTimeout and maxReceiveCount on the primary queue, keeping its DLQ.
    Fix {
        /// Seconds (0 to 43200, SQS's range).
        #[arg(long, default_value_t = 300, value_parser = clap::value_parser!(u32).range(0..=43_200))]
        visibility_timeout: u32,
        /// Receives before the DLQ (1 to 1000, SQS's range).
        #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u32).range(1..=1000))]
        max_receive_count: u32,
        #[command(flatten)]
        flags: ChangeFlags,
    },
}

#[derive(Debug, Subcommand)]
pub enum QuotaCommand {
    /// Copy each model's applied Service Quotas value (quota codes in `[quotas]` of masst.toml)
    /// into `account_quota` (journaled; `masst undo` reverses it).
    Sync(ChangeFlags),
}

/// What a change asks for: a family's request, or the undo of one of its journal entries.
pub enum Ask<R> {
    Do(R),
    Undo(Box<Entry>),
}

/// What every change starts from: the settings and the journal as it stands.
struct Desk {
    settings: Settings,
    journal: Journal,
    entries: Vec<Entry>,
    runbooks: crate::engine::RunbookSet,
}

impl Desk {
    fn open(global: &Global, printer: &Printer) -> Result<Desk> {
        let settings = Settings::load(global.config.as_deref())?.settings;
        let journal = Journal::open(global.journal.as_deref())?;
        let (entries, warnings) = journal.read()?;
        for w in &warnings {
            printer.note(format!("warning: {w}"));
        }
        Ok(Desk { settings, journal, entries, runbooks: super::runbooks(global)? })
    }
}

/// The command line as typed, for the journal.
fn typed() -> String {
    std::env::args().collect::<Vec<_>>().join(" ")
}

/// Runs one change of family `F` end to end: read, plan, preview, confirm, write the journal
/// entry ahead, apply, record the outcome, and verify when asked. With `--output json` the
/// command prints one document at the end.
fn change<F: Family>(
    global: &Global,
    printer: &Printer,
    flags: &ChangeFlags,
    ask: Ask<F::Request>,
    command: String,
) -> Result<Outcome> {
    let desk = Desk::open(global, printer)?;
    change_at::<F>(global, printer, flags, desk, ask, command)
}

/// [`change`] with the journal already read (undo reads it first, to find its entry).
fn change_at<F: Family>(
    global: &Global,
    printer: &Printer,
    flags: &ChangeFlags,
    desk: Desk,
    ask: Ask<F::Request>,
    command: String,
) -> Result<Outcome> {
    if let Ask::Do(req) = &ask {
        F::check(req, &desk.settings)?;
    }
    let applied = super::block_on(apply::<F>(global, printer, flags, &desk, ask, command))?;
    let Some((entry, mut doc)) = applied else { return Ok(Outcome::Clear) };
    if !flags.verify {
        if printer.json() {
            printer.json_value(&doc);
        }
        return Ok(Outcome::Clear);
    }
    let (outcome, report) = match verify_after(global, printer, flags, &desk.settings, &desk.journal, &entry) {
        Ok(done) => done,
        Err(e) => return Err(unverified(printer, &desk.journal, &entry, doc, e)),
    };
    if printer.json() {
        doc["verification"] = serde_json::to_value(&report).expect("reports serialize");
        printer.json_value(&doc);
    }
    Ok(outcome)
}

/// The verdict when the change is live but its verification failed: a look that could not
/// read is `could-not-read` (journaled, exit 5), beside the applied change, never in its place.
/// Whatever went wrong, the document that says what changed is printed.
fn unverified(printer: &Printer, journal: &Journal, entry: &Entry, mut doc: serde_json::Value, e: Error) -> Error {
    let could_not_read = e.exit_code() == 3;
    if could_not_read {
        // The journal is the record of what is live: it says the verdict could not be read.
        if let Err(j) = journal.append(&Entry { verified: Some(VERIFY_COULD_NOT_READ.into()), ..entry.clone() }) {
            printer.note(format!("warning: {j}"));
        }
    }
    if printer.json() {
        let verdict = if could_not_read { VERIFY_COULD_NOT_READ } else { "failed" };
        doc["verification"] = serde_json::json!({
            "verdict": verdict,
            "error": {"message": e.to_string(), "kind": e.kind(), "exit_code": e.exit_code()},
        });
        printer.json_value(&doc);
    }
    if !could_not_read {
        return e;
    }
    Error::Unverified(format!(
        "{} is applied (journal entry {}; `masst undo {}` reverses it), but its verification could not read the \
         evidence: {e} Re-check with `masst verify` once AWS answers",
        entry.action, entry.id, entry.id
    ))
}

/// The verification verdict of a change whose evidence could not be read.
pub const VERIFY_COULD_NOT_READ: &str = "could-not-read";

/// The part of [`change`] that talks to AWS. `None` when nothing was changed (a no-op, a dry
/// run); else the final journal entry and the JSON document to print.
async fn apply<F: Family>(
    global: &Global,
    printer: &Printer,
    flags: &ChangeFlags,
    desk: &Desk,
    ask: Ask<F::Request>,
    command: String,
) -> Result<Option<(Entry, serde_json::Value)>> {
    let settings = &desk.settings;
    let clients = super::clients(global, settings).await.map_err(Error::during_change)?;
    let cx = Ctx { clients: &clients, settings, journal: &desk.entries, runbooks: &desk.runbooks };
    let (label, undoes, plan) = plan_ask::<F>(&cx, flags, ask).await?;
    let mut doc = serde_json::json!({
        "action": plan.action, "label": label, "target": plan.target, "before": plan.before,
        "after": plan.after, "dry_run": flags.dry_run, "changed": false,
    });
    if !preview(printer, flags, &plan, &label, &mut doc)? {
        return Ok(None);
    }
    printer.confirm(flags.yes, &format!("Apply {label} to {}?", plan.target))?;
    let pending = Entry {
        diagnosis: flags.diagnosis.clone(),
        undoes,
        ..Entry::record(&clients, F::NAME, &plan.action, command, &plan.target, plan.before.clone(), plan.after.clone())
    };
    let entry = apply_journaled::<F>(&cx, printer, flags, &desk.journal, &plan, pending).await?;
    if printer.json() {
        doc["changed"] = true.into();
        doc["entry"] = serde_json::to_value(&entry).expect("entries serialize");
        // The document comes at the end; whatever happens before it, stderr has said so.
        printer.note(format!("applied {label} to {}; journal entry {}", plan.target, entry.id));
    } else {
        printer.must(format!(
            "applied {label} to {}; journal entry {} (undo: masst undo {})",
            plan.target, entry.id, entry.id
        ));
    }
    Ok(Some((entry, doc)))
}

/// Reads and plans what is asked: the label the engineer sees, the entry an undo reverses,
/// and the plan. A read that fails while planning a change is a failed action (exit 4).
async fn plan_ask<F: Family>(
    cx: &Ctx<'_>,
    flags: &ChangeFlags,
    ask: Ask<F::Request>,
) -> Result<(String, Option<String>, Plan<F::Change>)> {
    Ok(match ask {
        Ask::Do(req) => {
            let state = F::read(cx, &req).await.map_err(Error::during_change)?;
            let plan = F::plan(&req, state, cx.settings, flags.force)?;
            (plan.action.clone(), None, plan)
        }
        Ask::Undo(entry) => {
            let state = F::read_undo(cx, &entry).await.map_err(Error::during_change)?;
            let plan = F::plan_undo(&entry, state, cx.settings, flags.force)?;
            (format!("undo {} ({})", entry.id, entry.action), Some(entry.id.clone()), plan)
        }
    })
}

/// Shows the plan. False when there is nothing more to do: a no-op, or a dry run (each says
/// so, and prints its document with `--output json`).
fn preview<C>(
    printer: &Printer,
    flags: &ChangeFlags,
    plan: &Plan<C>,
    label: &str,
    doc: &mut serde_json::Value,
) -> Result<bool> {
    if plan.noop {
        let msg = format!("nothing to change: {} is already as `{label}` would leave it", plan.target);
        if printer.json() {
            doc["note"] = msg.into();
            printer.json_value(doc);
        } else {
            printer.line(msg);
        }
        return Ok(false);
    }
    let preview = format!("{label}: {}", plan.preview);
    if printer.json() {
        printer.note(&preview);
    } else {
        printer.line(&preview);
    }
    if flags.dry_run {
        if printer.json() {
            printer.json_value(doc);
        }
        printer.note("dry run: nothing was changed");
        return Ok(false);
    }
    if !printer.stdout_open() {
        return Err(Error::Action(
            "stdout was closed before the change could be shown (is masst piped into a command that exits?); \
             nothing was changed. Run it without the pipe, or with --dry-run to preview"
                .into(),
        ));
    }
    Ok(true)
}

/// Writes `pending` to the journal ahead, applies the plan with progress on the printer's bar,
/// and records how it ended: applied, failed (nothing live), or unknown (may be live).
async fn apply_journaled<F: Family>(
    cx: &Ctx<'_>,
    printer: &Printer,
    flags: &ChangeFlags,
    journal: &Journal,
    plan: &Plan<F::Change>,
    pending: Entry,
) -> Result<Entry> {
    journal.begin(&pending)?;
    let who = format!("masst {} by {} (journal {})", plan.action, pending.user, pending.id);
    let mut out = Applied { before: plan.before.clone(), after: plan.after.clone(), ..Applied::default() };
    let bar = printer.deploy_bar();
    let progress = |s: crate::actions::Step<'_>| crate::ui::show_step(bar.as_ref(), s);
    let run = Run { who: &who, wait: !flags.no_wait, progress: &progress, stop: Default::default() };
    let (result, account) = tokio::join!(F::apply(cx, plan, &run, &mut out), cx.clients.account());
    let result = result.map_err(Error::during_change);
    let mut notes = out.notes;
    let state = match &result {
        Ok(_) => State::Applied,
        Err(e) => {
            notes.push(e.to_string());
            if out.sent {
                State::Unknown
            } else {
                State::Failed
            }
        }
    };
    let entry = Entry { account, state, notes, before: out.before, after: out.after, ..pending };
    let journaled = journal.append(&entry);
    for n in entry.notes.iter().take(entry.notes.len() - usize::from(result.is_err())) {
        printer.note(format!("note: {n}"));
    }
    if let Err(e) = result {
        return Err(match journaled {
            Ok(()) if entry.state == State::Unknown => Error::Action(format!(
                "{e}\nThe change may be live: journal entry {} is marked unknown; `masst undo {}` reverses it after reading the live state",
                entry.id, entry.id
            )),
            Ok(()) => e,
            Err(j) => Error::Action(format!("{e}\n{j}")),
        });
    }
    journaled?;
    Ok(entry)
}

/// Runs an action a diagnosis or an audit offered, as data: the family builds its request
/// from the offer's arguments, and the change runs with every global option as given.
pub fn run_call(global: &Global, printer: &Printer, flags: &ChangeFlags, call: &ActionCall) -> Result<Outcome> {
    if !call.runnable() {
        return Err(Error::Action(format!(
            "`{}` needs a value masst could not compute from the evidence; run it by hand with the value you choose",
            crate::ui::render::command_line(call)
        )));
    }
    let command = crate::ui::render::command_line(call);
    let Some(family) = family_of(&call.id) else {
        return Err(Error::Usage(format!("`{}` is not an action this masst has", call.id)));
    };
    if family == Redrive::NAME {
        // The redrive streams and reports message by message: its own flow.
        return super::dlq::run(global, printer, flags, Redrive::request(&call.id, &call.args)?, command);
    }
    by_family(global, printer, flags, family, Job::Do(call), command)
}

/// What a family is asked to do: an offered action, or the undo of one of its entries.
enum Job<'a> {
    Do(&'a ActionCall),
    Undo(Box<(Desk, Entry)>),
}

/// The one place a family's name picks its implementation.
fn by_family(
    global: &Global,
    printer: &Printer,
    flags: &ChangeFlags,
    family: &str,
    job: Job<'_>,
    command: String,
) -> Result<Outcome> {
    fn go<F: Family>(
        global: &Global,
        printer: &Printer,
        flags: &ChangeFlags,
        job: Job<'_>,
        command: String,
    ) -> Result<Outcome> {
        match job {
            Job::Do(call) => {
                let req = F::request(&call.id, &call.args)?;
                change::<F>(global, printer, flags, Ask::Do(req), command)
            }
            Job::Undo(undo) => {
                let (desk, entry) = *undo;
                change_at::<F>(global, printer, flags, desk, Ask::Undo(Box::new(entry)), command)
            }
        }
    }
    match family {
        Doc::NAME => go::<Doc>(global, printer, flags, job, command),
        Ecs::NAME => go::<Ecs>(global, printer, flags, job, command),
        Queue::NAME => go::<Queue>(global, printer, flags, job, command),
        Alarms::NAME => go::<Alarms>(global, printer, flags, job, command),
        Redrive::NAME => go::<Redrive>(global, printer, flags, job, command),
        other => Err(Error::Action(format!("`{other}` is not an action family this masst has"))),
    }
}

/// The runbooks that speak for a change: the one whose result offered it (`--diagnosis`), else
/// every runbook with an outcome that lists the action.
fn verifying<'a>(
    set: &'a crate::engine::RunbookSet,
    entry: &Entry,
) -> (Vec<&'a crate::engine::Runbook>, Option<(String, Option<String>)>) {
    if let Some(diag) = &entry.diagnosis {
        let mut parts = diag.split('/');
        let (rb, model) = (parts.next().unwrap_or_default(), parts.next().filter(|m| *m != "-"));
        if let Some(r) = set.get(rb) {
            return (vec![r], Some((rb.to_string(), model.map(String::from))));
        }
    }
    let listing = set
        .runbooks
        .iter()
        .filter(|rb| rb.outcomes.values().any(|o| o.actions.iter().any(|a| a.id == entry.action)))
        .collect();
    (listing, None)
}

/// `--verify`: watches the runbooks that speak for the change until the incident recovers,
/// records the verdict in the journal, and offers the way back when it got worse.
fn verify_after(
    global: &Global,
    printer: &Printer,
    flags: &ChangeFlags,
    settings: &Settings,
    journal: &Journal,
    entry: &Entry,
) -> Result<(Outcome, Option<crate::engine::verify::Report>)> {
    use crate::engine::verify::Verdict;
    let set = super::runbooks(global)?;
    let (runbooks, only) = verifying(&set, entry);
    if runbooks.is_empty() {
        printer.note(format!("no runbook lists {}, so there is nothing to verify it against", entry.action));
        return Ok((Outcome::Clear, None));
    }
    let names: Vec<&str> = runbooks.iter().map(|r| r.name.as_str()).collect();
    printer.note(format!("verifying {} against {}…", entry.action, names.join(", ")));
    let opts = super::verify::Options { timeout: flags.verify_timeout, every: flags.verify_every };
    let only_ref = only.as_ref().map(|(r, m)| (r.as_str(), m.as_deref()));
    let report = super::verify::verify(global, settings, &runbooks, only_ref, opts, printer)?;
    if !printer.json() {
        crate::ui::tables::verification(printer, &report);
    }
    let verdict = report.verdict;
    journal.append(&Entry { verified: Some(verdict.as_str().to_string()), ..entry.clone() })?;
    match verdict {
        Verdict::Recovered => Ok((Outcome::Clear, Some(report))),
        Verdict::Worse if printer.interactive && !printer.json() => {
            printer.line(format!("the incident got worse after {}; masst offers to undo it:", entry.action));
            let back = ChangeFlags { yes: false, dry_run: false, force: false, verify: false, ..flags.clone() };
            if let Err(e) = undo(global, &Some(entry.id.clone()), &back, printer) {
                printer.line(format!("masst: {e}"));
            }
            Ok((Outcome::Findings, Some(report)))
        }
        Verdict::Worse => {
            printer
                .note(format!("the incident got worse after {}: `masst undo {}` reverses it", entry.action, entry.id));
            Ok((Outcome::Findings, Some(report)))
        }
        Verdict::NotYet => Ok((Outcome::Findings, Some(report))),
    }
}

fn load_schedule(file: Option<&std::path::Path>) -> Result<Vec<u32>> {
    match file {
        None => Ok(doc::SEED_SCHEDULE.to_vec()),
        Some(p) => {
            let text = std::fs::read_to_string(p)
                .map_err(|e| Error::Usage(format!("cannot read schedule {}: {e}", p.display())))?;
            doc::parse_schedule(&text).map_err(|e| Error::Usage(format!("{}: {e}", p.display())))
        }
    }
}

/// A verb's change as typed on the command line.
fn verb<F: Family>(global: &Global, printer: &Printer, flags: &ChangeFlags, req: F::Request) -> Result<Outcome> {
    change::<F>(global, printer, flags, Ask::Do(req), typed())
}

/// A document change as typed.
fn doc_verb(global: &Global, printer: &Printer, flags: &ChangeFlags, c: DocChange) -> Result<Outcome> {
    verb::<Doc>(global, printer, flags, DocRequest::Change(c))
}

/// `masst analytics pause|resume`.
pub fn analytics(global: &Global, cmd: &PauseResume, printer: &Printer) -> Result<Outcome> {
    match cmd {
        PauseResume::Pause(f) => doc_verb(global, printer, f, DocChange::AnalyticsPaused(true)),
        PauseResume::Resume(f) => doc_verb(global, printer, f, DocChange::AnalyticsPaused(false)),
    }
}

/// `masst concurrency set`.
pub fn concurrency(global: &Global, cmd: &ConcurrencyCommand, printer: &Printer) -> Result<Outcome> {
    let ConcurrencyCommand::Set { model, value, pool, flags } = cmd;
    let c = DocChange::Concurrency { model: model.clone(), pool: pool.clone(), value: *value };
    doc_verb(global, printer, flags, c)
}

/// `masst routing haiku on|off`.
pub fn routing(global: &Global, cmd: &RoutingCommand, printer: &Printer) -> Result<Outcome> {
    let RoutingCommand::Haiku { state, flags } = cmd;
    doc_verb(global, printer, flags, DocChange::RoutingHaiku(matches!(state, OnOff::On)))
}

/// `masst batch ...`.
pub fn batch(global: &Global, cmd: &BatchCommand, printer: &Printer) -> Result<Outcome> {
    match cmd {
        BatchCommand::Pause(f) => doc_verb(global, printer, f, DocChange::BatchPaused(true)),
        BatchCommand::Resume(f) => doc_verb(global, printer, f, DocChange::BatchPaused(false)),
        BatchCommand::Concurrency { value, flags } => {
            doc_verb(global, printer, flags, DocChange::BatchConcurrency(*value))
        }
        BatchCommand::Model { model, flags } => doc_verb(global, printer, flags, DocChange::BatchModel(model.clone())),
        BatchCommand::Scale { count, flags } => verb::<Ecs>(global, printer, flags, EcsRequest::scale(*count)),
        BatchCommand::Schedule(ScheduleCommand::Show { file }) => {
            let table = load_schedule(file.as_deref())?;
            if printer.json() {
                printer.json_value(&serde_json::json!({ "schedule_jst": table }));
            } else {
                printer.line(crate::ui::tables::schedule(&table, jiff::Timestamp::now()));
            }
            Ok(Outcome::Clear)
        }
        BatchCommand::Schedule(ScheduleCommand::Apply { file, flags }) => {
            let table = load_schedule(file.as_deref())?;
            if !printer.json() {
                printer.line(crate::ui::tables::schedule(&table, jiff::Timestamp::now()));
            }
            doc_verb(global, printer, flags, DocChange::BatchSchedule(table))
        }
    }
}

/// `masst producer pause|resume`.
pub fn producer(global: &Global, cmd: &ProducerCommand, printer: &Printer) -> Result<Outcome> {
    match cmd {
        ProducerCommand::Pause(f) => verb::<Ecs>(global, printer, f, EcsRequest::pause()),
        ProducerCommand::Resume { count, flags } => verb::<Ecs>(global, printer, flags, EcsRequest::resume(*count)),
    }
}

/// `masst queue fix`.
pub fn queue(global: &Global, cmd: &QueueCommand, printer: &Printer) -> Result<Outcome> {
    let QueueCommand::Fix { visibility_timeout, max_receive_count, flags } = cmd;
    let fix = QueueFix { visibility: *visibility_timeout, max_receive: *max_receive_count };
    verb::<Queue>(global, printer, flags, fix)
}

/// `masst alarms install`.
pub fn alarms(global: &Global, topic: Option<&str>, flags: &ChangeFlags, printer: &Printer) -> Result<Outcome> {
    verb::<Alarms>(global, printer, flags, Install { topic: topic.map(String::from) })
}

/// `masst quota sync`.
pub fn quota_sync(global: &Global, flags: &ChangeFlags, printer: &Printer) -> Result<Outcome> {
    verb::<Doc>(global, printer, flags, DocRequest::QuotaSync)
}

/// `masst undo [ID]`: the entry's own family plans the way back from what it journaled; an
/// entry no family of this masst wrote is refused, never guessed at.
pub fn undo(global: &Global, id: &Option<String>, flags: &ChangeFlags, printer: &Printer) -> Result<Outcome> {
    let desk = Desk::open(global, printer)?;
    let entries = &desk.entries;
    let entry = match id {
        Some(id) => entries
            .iter()
            .find(|e| &e.id == id)
            .ok_or_else(|| Error::Action(format!("there is no journal entry `{id}`; `masst journal` lists them")))?,
        None => journal::latest_undoable(entries)
            .ok_or_else(|| Error::Action("the journal has no change left to undo".into()))?,
    };
    if entry.state == State::Failed {
        return Err(Error::Action(format!(
            "entry {} failed, so nothing of it is live to undo (`masst journal` shows why)",
            entry.id
        )));
    }
    if entries.iter().any(|u| u.undoes.as_deref() == Some(&entry.id) && u.state == State::Applied) && !flags.force {
        return Err(Error::Action(format!("entry {} was already undone; pass --force to reverse it again", entry.id)));
    }
    let entry = entry.clone();
    let family = entry.family.clone().or_else(|| family_of(&entry.action).map(String::from));
    match family.as_deref().and_then(|f| crate::actions::FAMILIES.iter().find(|(n, _)| *n == f)) {
        Some((name, _)) => by_family(global, printer, flags, name, Job::Undo(Box::new((desk, entry))), typed()),
        None => Err(Error::Action(format!(
            "journal entry {} has the action `{}`{}, which this masst does not know how to undo; undo it by hand",
            entry.id,
            entry.action,
            entry.family.as_deref().map(|f| format!(" of family `{f}`")).unwrap_or_default()
        ))),
    }
}

/// `masst journal`.
pub fn list_journal(global: &Global, printer: &Printer) -> Result<Outcome> {
    let journal = Journal::open(global.journal.as_deref())?;
    let (entries, warnings) = journal.read()?;
    for w in &warnings {
        printer.note(format!("warning: {w}"));
    }
    if printer.json() {
        printer.json_value(&journal::document(&journal.path, &entries, &warnings));
        return Ok(Outcome::Clear);
    }
    if entries.is_empty() {
        printer.line(format!("no changes journaled yet ({})", journal.path.display()));
        return Ok(Outcome::Clear);
    }
    printer.line(crate::ui::tables::journal(&entries));
    printer.line(format!("journal: {}", journal.path.display()));
    Ok(Outcome::Clear)
}
