//! The one path every change masst makes goes through: plan (the family's read, then its pure
//! plan) → preview → confirm (or `--yes`; refused without a terminal; `--dry-run` stops after
//! the preview) → [`before_first_change`] → journal (write-ahead) → apply → read back (the
//! journal's record of what is live) → verify (`--verify`). A typed verb, an offer of
//! `diagnose --apply`, a fix of `audit --fix`, `dlq redrive`, `alarms install`, `quota sync`
//! and `undo` differ only in how they name the change: a family's typed request, an
//! [`ActionCall`] (an id and arguments, dispatched through [`FAMILIES`](super::FAMILIES)), or a
//! journal entry to reverse.
//!
//! The runner sits below the printer, so everything it shows or asks goes through the
//! [`Console`] it is given (the printer implements it), and the verification watch, which reads
//! evidence with the command's AWS options, through a [`Verifier`]. It holds no terminal type.
//!
//! Files: `registry` (a family behind `dyn`, so one line registers it), `after` (verification
//! and undo); this file is the flow.

mod after;
mod registry;

pub use after::{undo, VERIFY_COULD_NOT_READ};
pub use registry::{Of, Registered};

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use serde_json::Value;

use super::journal::{Entry, Journal, State};
use super::{ActionCall, Applied, Ctx, Family, Plan, Run, Step};
use crate::aws::AwsOptions;
use crate::engine::RunbookSet;
use crate::error::{Error, Outcome};
use crate::settings::Settings;

/// What the runner shows and asks through: the printer implements it (ui sits above actions).
pub trait Console {
    /// `--output json`: one document on stdout, the rest on stderr.
    fn json(&self) -> bool;
    /// Stdin is a terminal to ask on.
    fn interactive(&self) -> bool;
    /// A line on stdout.
    fn line(&self, text: &str);
    /// A status note on stderr (hidden by `--quiet`).
    fn note(&self, text: &str);
    /// A line that must reach the engineer: stdout, or stderr when stdout is gone.
    fn must(&self, text: &str);
    /// The one JSON document.
    fn document(&self, doc: &Value);
    /// Stdout can still be written (not a pipe whose reader has gone).
    fn stdout_open(&self) -> bool;
    /// Asks before a change, unless `yes`; refuses to ask without a terminal.
    fn confirm(&self, yes: bool, question: &str) -> Result<(), Error>;
    /// Where an apply's [`Step`]s go: a deployment's percent (`None`), or items moved of about `n`.
    fn progress(&self, moving: Option<u64>) -> Box<dyn Fn(Step<'_>) + Sync + '_>;
    /// A family's own report, which the printer lays out.
    fn show(&self, shown: Shown<'_>);
}

/// The reports the runner hands the printer to lay out (tables on a terminal, JSON otherwise).
pub enum Shown<'a> {
    /// The verdict of `--verify`, for the human output (the JSON one is in the change document).
    Verification(&'a crate::engine::verify::Report),
    /// A redrive's dry run: what it read and would move, and where to.
    Rehearsal { inspection: &'a super::redrive::Inspection, dest: &'a str },
    /// A redrive's run: what moved and what was left, how long it took, its journal entry.
    Moved { report: &'a super::redrive::Report, secs: f64, entry: &'a str },
}

/// The watch `--verify` runs after a change: it reads evidence with the command's options,
/// so the command layer gives it (`masst verify`'s loop).
pub trait Verifier {
    /// Watches `runbooks` (only `only`'s result, when given) until recovered, worse or `timeout`.
    fn watch(
        &self,
        settings: &Settings,
        runbooks: &[&crate::engine::Runbook],
        only: Option<(&str, Option<&str>)>,
        timeout: Option<Duration>,
        every: Duration,
    ) -> Result<crate::engine::verify::Report, Error>;
}

/// How a change runs: the change flags, and the command line the journal records.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub yes: bool,
    pub dry_run: bool,
    /// Override a family's guard (for undo: a state that changed since).
    pub force: bool,
    /// Follow a deployment to its end.
    pub wait: bool,
    /// What offered the change (`throttling/sonnet`, `audit/ID`), for the journal and `--verify`.
    pub diagnosis: Option<String>,
    /// `--verify`: how long to watch (`None`: the outcome's budget) and how often to look.
    pub verify: Option<(Option<Duration>, Duration)>,
    /// The command line, for the journal.
    pub command: String,
}

/// What every change starts from: the settings, the journal, the runbooks in force, and where
/// AWS is.
pub struct Desk {
    pub settings: Settings,
    pub journal: Journal,
    pub runbooks: RunbookSet,
    pub aws: AwsOptions,
}

impl Desk {
    /// The journal's entries as they stand, its warnings (an unreadable line) said once.
    pub fn entries(&self, console: &dyn Console) -> Result<Vec<Entry>, Error> {
        let (entries, warnings) = self.journal.read()?;
        for w in &warnings {
            console.note(&format!("warning: {w}"));
        }
        Ok(entries)
    }
}

/// What a change asks for: a family's request, or the undo of one of its journal entries.
pub enum Ask<R> {
    Do(R),
    Undo(Box<Entry>),
}

/// How the runner carries a family's change between the journal's write-ahead and its record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Applied in one go (a deployment, a count, a queue's attributes, alarms): the runner
    /// prints the change document, follows it with `--verify`, and journals a failure as failed
    /// (nothing live) or unknown (may be live).
    Change,
    /// Moves items until done (the redrive): its preview goes to stderr, Ctrl-C stops it
    /// between batches, the bar counts items, it is journaled as applied once anything moved,
    /// and the family's own report ([`Family::report`]) is its document and its exit.
    Stream,
}

/// The command line as typed, for the journal.
pub fn typed() -> String {
    std::env::args().collect::<Vec<_>>().join(" ")
}

/// Runs AWS work on a small single-threaded runtime, as the commands do.
fn block_on<T>(fut: impl std::future::Future<Output = T>) -> T {
    tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a tokio runtime starts").block_on(fut)
}

/// Runs an action offered as data (`diagnose --apply`, an offer on a terminal, `audit --fix`):
/// its family, found in the registry, builds the request from the offer's arguments.
pub fn call(
    desk: &Desk,
    console: &dyn Console,
    verifier: &dyn Verifier,
    opts: &Options,
    call: &ActionCall,
) -> Result<Outcome, Error> {
    let command = call.command_line();
    if !call.runnable() {
        return Err(Error::Action(format!(
            "`{command}` needs a value masst could not compute from the evidence; run it by hand with the value you choose"
        )));
    }
    let Some(family) = super::family(&call.id) else {
        return Err(Error::Usage(format!("`{}` is not an action this masst has", call.id)));
    };
    family.call(desk, console, verifier, &Options { command, ..opts.clone() }, call)
}

/// Runs one change of family `F` end to end (see the module comment). With `--output json`
/// the change prints one document, at the end.
pub fn change<F: Family>(
    desk: &Desk,
    console: &dyn Console,
    verifier: &dyn Verifier,
    opts: &Options,
    ask: Ask<F::Request>,
) -> Result<Outcome, Error> {
    let entries = desk.entries(console)?;
    change_with::<F>(desk, &entries, console, verifier, opts, ask)
}

/// [`change`] with the journal already read (undo reads it first, to find its entry).
fn change_with<F: Family>(
    desk: &Desk,
    entries: &[Entry],
    console: &dyn Console,
    verifier: &dyn Verifier,
    opts: &Options,
    ask: Ask<F::Request>,
) -> Result<Outcome, Error> {
    if let Ask::Do(req) = &ask {
        F::check(req, &desk.settings)?;
    }
    match block_on(apply::<F>(desk, entries, console, opts, ask))? {
        Ended::Nothing => Ok(Outcome::Clear),
        Ended::Streamed(outcome) => Ok(outcome),
        Ended::Changed(entry, doc) => after::verified(desk, console, verifier, opts, &entry, doc),
    }
}

/// How the part of a change that talks to AWS ended.
enum Ended {
    /// Nothing was changed: a no-op, or a dry run (each has said so).
    Nothing,
    /// A stream ran: its report is shown, this is its exit.
    Streamed(Outcome),
    /// A change is live: its final journal entry, and its JSON document (not printed yet).
    Changed(Box<Entry>, Value),
}

/// The part of [`change`] that talks to AWS, up to the journal's record of what is live.
async fn apply<F: Family>(
    desk: &Desk,
    entries: &[Entry],
    console: &dyn Console,
    opts: &Options,
    ask: Ask<F::Request>,
) -> Result<Ended, Error> {
    let settings = &desk.settings;
    let clients = crate::aws::load(&desk.aws, settings).await.map_err(Error::during_change)?;
    let cx = Ctx { clients: &clients, settings, journal: entries, runbooks: &desk.runbooks };
    let (label, undoes, plan) = plan::<F>(&cx, opts, ask).await?;
    let mut doc = serde_json::json!({
        "action": plan.action, "label": label, "target": plan.target, "before": plan.before,
        "after": plan.after, "dry_run": opts.dry_run, "changed": false,
    });
    if !preview::<F>(&cx, console, opts, &plan, &label, &mut doc).await? {
        return Ok(Ended::Nothing);
    }
    before_first_change(&cx, &plan.target).await?;
    console.confirm(opts.yes, &F::question(&label, &plan))?;
    let pending = Entry {
        diagnosis: opts.diagnosis.clone(),
        undoes,
        ..Entry::record(
            &clients,
            F::NAME,
            &plan.action,
            opts.command.clone(),
            &plan.target,
            plan.before.clone(),
            plan.after.clone(),
        )
    };
    let started = std::time::Instant::now();
    let (entry, result, journaled) = journaled::<F>(&cx, console, opts, &desk.journal, &plan, pending).await?;
    if F::SHAPE == Shape::Stream {
        let ended = result.and_then(|done| F::report(done, &plan, &entry, started.elapsed().as_secs_f64(), console));
        return match (ended, journaled) {
            (Ok(outcome), Ok(())) => Ok(Ended::Streamed(outcome)),
            (Err(e), Ok(())) => Err(e),
            (Ok(_), Err(j)) => Err(j),
            (Err(e), Err(j)) => Err(Error::Action(format!("{e}\n{j}"))),
        };
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
    if console.json() {
        doc["changed"] = true.into();
        doc["entry"] = serde_json::to_value(&entry).expect("entries serialize");
        // The document comes at the end; whatever happens before it, stderr has said so.
        console.note(&format!("applied {label} to {}; journal entry {}", plan.target, entry.id));
    } else {
        console.must(&format!(
            "applied {label} to {}; journal entry {} (undo: masst undo {})",
            plan.target, entry.id, entry.id
        ));
    }
    Ok(Ended::Changed(Box::new(entry), doc))
}

/// The one place that runs before the first change of any action: after the plan and its
/// preview (a dry run never reaches it), before the engineer is asked and before the
/// journal's write-ahead entry, so a refusal here asks nothing, journals nothing and leaves
/// nothing to undo. Every change of every family passes here exactly once. It checks nothing
/// yet; issue 23's account guard (`sts:GetCallerIdentity` against the target's `account_id`,
/// refused with exit 2) belongs here.
pub async fn before_first_change(cx: &Ctx<'_>, target: &str) -> Result<(), Error> {
    let _ = (cx, target);
    Ok(())
}

/// Reads and plans what is asked: the label the engineer sees, the entry an undo reverses,
/// and the plan. A read that fails while planning a change is a failed action (exit 4).
async fn plan<F: Family>(
    cx: &Ctx<'_>,
    opts: &Options,
    ask: Ask<F::Request>,
) -> Result<(String, Option<String>, Plan<F::Change>), Error> {
    Ok(match ask {
        Ask::Do(req) => {
            let state = F::read(cx, &req).await.map_err(Error::during_change)?;
            let plan = F::plan(&req, state, cx.settings, opts.force)?;
            (plan.action.clone(), None, plan)
        }
        Ask::Undo(entry) => {
            let state = F::read_undo(cx, &entry).await.map_err(Error::during_change)?;
            let plan = F::plan_undo(&entry, state, cx.settings, opts.force)?;
            (format!("undo {} ({})", entry.id, entry.action), Some(entry.id.clone()), plan)
        }
    })
}

/// Shows the plan. False when there is nothing more to do: a no-op, or a dry run (each says
/// so, and prints its document with `--output json`; a family may rehearse its dry run).
async fn preview<F: Family>(
    cx: &Ctx<'_>,
    console: &dyn Console,
    opts: &Options,
    plan: &Plan<F::Change>,
    label: &str,
    doc: &mut Value,
) -> Result<bool, Error> {
    if plan.noop {
        let msg = format!("nothing to change: {} is already as `{label}` would leave it", plan.target);
        if console.json() {
            doc["note"] = msg.into();
            console.document(doc);
        } else {
            console.line(&msg);
        }
        return Ok(false);
    }
    let preview = format!("{label}: {}", plan.preview);
    if console.json() || F::SHAPE == Shape::Stream {
        console.note(&preview);
    } else {
        console.line(&preview);
    }
    if opts.dry_run {
        if F::rehearse(cx, plan, console).await?.is_none() {
            if console.json() {
                console.document(doc);
            }
            console.note("dry run: nothing was changed");
        }
        return Ok(false);
    }
    if !console.stdout_open() {
        return Err(Error::Action(
            "stdout was closed before the change could be shown (is masst piped into a command that exits?); \
             nothing was changed. Run it without the pipe, or with --dry-run to preview"
                .into(),
        ));
    }
    Ok(true)
}

/// Writes `pending` to the journal ahead, applies the plan with progress on the console's bar,
/// and records how it ended: applied, failed (nothing live), or unknown (may be live). Returns
/// the final entry, the apply's result, and whether the record reached the journal.
async fn journaled<F: Family>(
    cx: &Ctx<'_>,
    console: &dyn Console,
    opts: &Options,
    journal: &Journal,
    plan: &Plan<F::Change>,
    pending: Entry,
) -> Result<(Entry, Result<F::Done, Error>, Result<(), Error>), Error> {
    journal.begin(&pending)?;
    let who = format!("masst {} by {} (journal {})", plan.action, pending.user, pending.id);
    let mut out = Applied { before: plan.before.clone(), after: plan.after.clone(), ..Applied::default() };
    let progress = console.progress(F::expected(plan));
    let stop = Arc::new(AtomicBool::new(false));
    // A stream stops cleanly on Ctrl-C (the batches in flight finish); a change in one go is
    // left to the default, which ends masst.
    let ctrl_c = (F::SHAPE == Shape::Stream).then(|| {
        let flag = stop.clone();
        tokio::spawn(async move {
            if tokio::signal::ctrl_c().await.is_ok() {
                flag.store(true, Ordering::SeqCst);
            }
        })
    });
    let run = Run { who: &who, wait: opts.wait, progress: &*progress, stop };
    let (result, account) = tokio::join!(F::apply(cx, plan, &run, &mut out), cx.clients.account());
    if let Some(c) = ctrl_c {
        c.abort();
    }
    let result = result.map_err(Error::during_change);
    let mut notes = out.notes;
    let state = match (&result, F::SHAPE) {
        // A stream is applied as far as it moved anything.
        (_, Shape::Stream) if out.sent => State::Applied,
        (_, Shape::Stream) => State::Failed,
        (Ok(_), Shape::Change) => State::Applied,
        (Err(e), Shape::Change) => {
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
    if F::SHAPE == Shape::Change {
        for n in entry.notes.iter().take(entry.notes.len() - usize::from(result.is_err())) {
            console.note(&format!("note: {n}"));
        }
    }
    Ok((entry, result, journaled))
}
