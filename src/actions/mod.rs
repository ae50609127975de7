//! Remediation actions (contract §7): one file per family behind the [`Family`] trait, the
//! journal, and the catalogue derived from the families.
//!
//! A family (AppConfig document keys, ECS desired counts, queue attributes, alarms, the DLQ
//! redrive) reads the state it changes, plans a change from it without I/O (so every guard is
//! unit-tested), applies the plan, and plans its own undo from the journal entry it wrote.
//! Nothing here draws on a terminal: progress goes out through [`Run::progress`], and every
//! change goes through the one [`runner`] (plan, preview, confirm, journal, apply, read back,
//! verify), which shows and asks through the [`runner::Console`] it is given. Adding a family
//! is one file implementing [`Family`] and one line in [`FAMILIES`].

pub mod alarms;
pub mod appconfig;
pub mod doc;
pub mod ecs;
pub mod journal;
pub mod preview;
pub mod queue;
pub mod redrive;
pub mod runner;

use std::sync::atomic::AtomicBool;
use std::sync::{Arc, LazyLock};

use serde_json::Value;

use crate::aws::Clients;
pub use crate::engine::action::{ActionCall, ActionInfo, Arg, Param};
use crate::error::{Error, Outcome};
use crate::settings::Settings;
use journal::Entry;

/// What a family needs to read and apply: the clients, the settings, and the journal (a
/// producer resume restores the count its pause saved).
pub struct Ctx<'a> {
    pub clients: &'a Clients,
    pub settings: &'a Settings,
    pub journal: &'a [Entry],
    /// The runbooks in force (embedded and `--runbooks`): the alarms they declare.
    pub runbooks: &'a crate::engine::RunbookSet,
}

/// How an apply runs: who it is (the description AWS records), whether to follow a
/// deployment to its end, where progress goes, and the flag Ctrl-C sets.
pub struct Run<'a> {
    pub who: &'a str,
    pub wait: bool,
    pub progress: Progress<'a>,
    pub stop: Arc<AtomicBool>,
}

/// A change as planned: what the engineer is shown, what the journal records, and the
/// family's own data to apply it.
#[derive(Debug, Clone)]
pub struct Plan<C> {
    /// The contract §7 id.
    pub action: String,
    /// What is changed (`AppConfig MangaAssist/prod/throughput`, `ECS mangaassist/batch-worker`).
    pub target: String,
    /// The change as the engineer reads it before saying yes (a diff for AppConfig).
    pub preview: String,
    /// The journal's `before` and planned `after`: what the family's undo reads back.
    pub before: Value,
    pub after: Value,
    /// Applying would change nothing.
    pub noop: bool,
    pub change: C,
}

/// A family of actions: one trait, one file each (see the module comment).
///
/// On masst's single-threaded runtime, so the futures need no `Send`; [`runner::Of`] puts a
/// family behind `dyn` for the registry. The last four items have defaults that fit a change
/// applied in one go; a family that streams (the redrive) overrides them.
#[allow(async_fn_in_trait)]
pub trait Family {
    /// The family's name in the journal (`family`), which picks the undo of an entry.
    const NAME: &'static str;
    /// The contract ids this family implements.
    const ACTIONS: &'static [ActionInfo];
    /// How the runner carries the change: in one go, or as a stream of items.
    const SHAPE: runner::Shape = runner::Shape::Change;
    /// What a verb asks for, typed.
    type Request;
    /// What `read` finds in AWS, for a plan.
    type State;
    /// The family's data in a plan, for `apply`.
    type Change;
    /// What an apply returns beyond the journal's record (the redrive's report).
    type Done;

    /// The request an offered action (`id` + resolved arguments) makes.
    fn request(id: &str, args: &[Arg]) -> Result<Self::Request, Error>;
    /// Checks what can be checked before AWS is asked (an unknown model is a usage error).
    fn check(_req: &Self::Request, _settings: &Settings) -> Result<(), Error> {
        Ok(())
    }
    /// Reads the state the request changes.
    async fn read(cx: &Ctx<'_>, req: &Self::Request) -> Result<Self::State, Error>;
    /// Plans the change: pure, state in, change out, with its preview and its guards.
    fn plan(
        req: &Self::Request,
        state: Self::State,
        settings: &Settings,
        force: bool,
    ) -> Result<Plan<Self::Change>, Error>;
    /// Applies a plan, recording in `out` what was sent so a failure part-way still leaves
    /// an honest journal entry.
    async fn apply(
        cx: &Ctx<'_>,
        plan: &Plan<Self::Change>,
        run: &Run<'_>,
        out: &mut Applied,
    ) -> Result<Self::Done, Error>;
    /// Reads the state an entry of this family would be undone against.
    async fn read_undo(cx: &Ctx<'_>, entry: &Entry) -> Result<Self::State, Error>;
    /// Plans the reversal of `entry` against `state`: pure. Refuses when the state is no
    /// longer what the entry left (unless `force`), or when the entry cannot say what to restore.
    fn plan_undo(
        entry: &Entry,
        state: Self::State,
        settings: &Settings,
        force: bool,
    ) -> Result<Plan<Self::Change>, Error>;
    /// The question the engineer answers before the change.
    fn question(label: &str, plan: &Plan<Self::Change>) -> String {
        format!("Apply {label} to {}?", plan.target)
    }
    /// A dry run that reads more than the plan did (the redrive counts what would move), shown
    /// through `console`; `None` when the preview is the whole dry run.
    async fn rehearse(
        _cx: &Ctx<'_>,
        _plan: &Plan<Self::Change>,
        _console: &dyn runner::Console,
    ) -> Result<Option<Outcome>, Error> {
        Ok(None)
    }
    /// How many items the apply will report moving, for the bar; `None`: a deployment's percent.
    fn expected(_plan: &Plan<Self::Change>) -> Option<u64> {
        None
    }
    /// A stream's end, once journaled: shows its report and says its exit. Unused for a
    /// [`runner::Shape::Change`], whose document the runner prints.
    fn report(
        _done: Self::Done,
        _plan: &Plan<Self::Change>,
        _entry: &Entry,
        _secs: f64,
        _console: &dyn runner::Console,
    ) -> Result<Outcome, Error> {
        Ok(Outcome::Clear)
    }
}

/// Every family, once: the registry. The catalogue, `family_of`, the runner's dispatch of an
/// offered action or an undo, and the read-only preview all derive from this list.
pub static FAMILIES: &[&dyn runner::Registered] = &[
    &runner::Of::<appconfig::Doc>::FAMILY,
    &runner::Of::<ecs::Ecs>::FAMILY,
    &runner::Of::<queue::Queue>::FAMILY,
    &runner::Of::<redrive::Redrive>::FAMILY,
    &runner::Of::<alarms::Alarms>::FAMILY,
];

/// Every action id, from the families, in contract §7 order.
pub fn catalog() -> &'static [ActionInfo] {
    static CATALOG: LazyLock<Vec<ActionInfo>> = LazyLock::new(|| {
        let mut all: Vec<ActionInfo> = FAMILIES.iter().flat_map(|f| f.actions().iter().copied()).collect();
        // The contract lists the document actions, the ECS ones, then queue, DLQ and alarms;
        // quota.sync (added since) goes last.
        let rank = |id: &str| CONTRACT_ORDER.iter().position(|c| *c == id).unwrap_or(usize::MAX);
        all.sort_by_key(|a| rank(a.id));
        all
    });
    &CATALOG
}

/// The order contract §7 lists its ids in, for listings.
const CONTRACT_ORDER: &[&str] = &[
    "analytics.pause",
    "analytics.resume",
    "concurrency.set",
    "routing.haiku",
    "batch.pause",
    "batch.resume",
    "batch.concurrency",
    "batch.schedule",
    "batch.model",
    "batch.scale",
    "producer.pause",
    "producer.resume",
    "queue.fix",
    "dlq.redrive",
    "alarms.install",
    "quota.sync",
];

/// Looks an action id up.
pub fn info(id: &str) -> Option<&'static ActionInfo> {
    catalog().iter().find(|a| a.id == id)
}

/// The name of the family that implements `id`.
pub fn family_of(id: &str) -> Option<&'static str> {
    family(id).map(|f| f.name())
}

/// The family that implements `id`.
pub fn family(id: &str) -> Option<&'static dyn runner::Registered> {
    FAMILIES.iter().copied().find(|f| f.actions().iter().any(|a| a.id == id))
}

/// The family of this journal name.
pub fn family_named(name: &str) -> Option<&'static dyn runner::Registered> {
    FAMILIES.iter().copied().find(|f| f.name() == name)
}

/// What applying a change did, filled in as it goes.
#[derive(Debug, Default)]
pub struct Applied {
    /// The journal's `before`: the state the change was finally based on.
    pub before: Value,
    /// The journal's `after`: what was deployed or set.
    pub after: Value,
    /// A request that changes AWS was sent and AWS did not refuse it: the change may be live.
    pub sent: bool,
    /// What happened on the way (rebases, a change put back), for the engineer and the journal.
    pub notes: Vec<String>,
}

impl Applied {
    /// Records a failed mutating call: a refusal by AWS changed nothing; any other failure
    /// (time-out, a lost connection) may have.
    pub fn refused(&mut self, e: Error) -> Error {
        if let Error::Aws(a) = &e {
            if a.failure.aws_refused() {
                self.sent = false;
            }
        }
        e
    }
}

/// How an apply is going, for whoever shows progress: the actions layer holds no terminal
/// type, the printer owns any bar.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Step<'a> {
    /// A deployment's percent complete and AppConfig's state word.
    Deploying(f64, &'a str),
    /// Messages moved so far, and how many were skipped or failed (the redrive).
    Moving { moved: u64, skipped: u64, failed: u64 },
    /// Completed.
    Done,
    /// Rolled back, or no longer followed.
    Stopped,
}

/// Receives [`Step`] reports.
pub type Progress<'a> = &'a (dyn Fn(Step<'_>) + Sync);

/// Reports nothing (deployments followed in passing).
pub fn silent(_: Step<'_>) {}

/// A whole number argument of an offer, in range.
pub fn number_arg(id: &str, args: &[Arg], at: usize, range: std::ops::RangeInclusive<u32>) -> Result<u32, Error> {
    match args.get(at) {
        Some(Arg::Number(n)) if n.fract() == 0.0 && range.contains(&(*n as u32)) && *n >= 0.0 => Ok(*n as u32),
        Some(Arg::Number(n)) => Err(Error::Usage(format!(
            "{id}: {} is out of range; use {} to {}",
            crate::text::fmt_num(*n),
            range.start(),
            range.end()
        ))),
        Some(Arg::Unknown) => Err(Error::Action(format!(
            "{id} needs a value masst could not compute from the evidence; run it by hand with the value you choose"
        ))),
        _ => Err(Error::Usage(format!("{id}: argument {} must be a number", at + 1))),
    }
}

/// A word argument of an offer.
pub fn word_arg<'a>(id: &str, args: &'a [Arg], at: usize) -> Result<&'a str, Error> {
    match args.get(at) {
        Some(Arg::Word(w)) => Ok(w),
        _ => Err(Error::Usage(format!("{id}: argument {} must be a word", at + 1))),
    }
}

/// The refusal of an undo whose state was changed by someone since the entry.
pub fn moved_since(e: &Entry, what: &str) -> Error {
    Error::Action(format!(
        "{what} since {} ({}); undoing it would overwrite that change. Check with `masst journal`, or pass --force",
        e.id, e.command
    ))
}

/// The error for an id a family was asked for but does not implement (a wiring bug).
pub fn not_mine(family: &str, id: &str) -> Error {
    Error::Usage(format!("`{id}` is not an action of the {family} family"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalogue_is_every_contract_id_once_each_from_one_family() {
        let ids: Vec<&str> = catalog().iter().map(|a| a.id).collect();
        assert_eq!(ids, CONTRACT_ORDER);
        for id in ids {
            assert!(family_of(id).is_some(), "{id} has no family");
        }
    }
}
