//! The verbs' runs: each turns its arguments into its family's typed request and hands it to
//! the runner with the command line as typed.

use super::{BatchCommand, ConcurrencyCommand, OnOff, PauseResume, ProducerCommand, QueueCommand, RoutingCommand};
use super::{ChangeFlags, ScheduleCommand};
use crate::actions::alarms::{Alarms, Install};
use crate::actions::appconfig::{Doc, DocRequest};
use crate::actions::doc::{self, DocChange};
use crate::actions::ecs::{Ecs, EcsRequest};
use crate::actions::queue::{Queue, QueueFix};
use crate::actions::runner::{self, Ask};
use crate::actions::Family;
use crate::commands::Global;
use crate::error::{Error, Outcome, Result};
use crate::ui::Printer;

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

/// A verb's change as typed on the command line, through the runner.
fn verb<F: Family>(global: &Global, printer: &Printer, flags: &ChangeFlags, req: F::Request) -> Result<Outcome> {
    let desk = crate::commands::desk(global)?;
    let watcher = crate::commands::watcher(global, printer);
    runner::change::<F>(&desk, printer, &watcher, &flags.options(runner::typed()), Ask::Do(req))
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
