//! `masst undo` and `masst journal`: the way back, through the runner like any change, and
//! the record of every change.

use super::ChangeFlags;
use crate::actions::journal::{self, Journal};
use crate::actions::runner;
use crate::commands::Global;
use crate::error::{Outcome, Result};
use crate::ui::Printer;

/// `masst undo [ID]`: the entry's own family plans the way back from what it journaled (see
/// `actions::runner::undo`).
pub fn undo(global: &Global, id: &Option<String>, flags: &ChangeFlags, printer: &Printer) -> Result<Outcome> {
    let desk = crate::commands::desk(global)?;
    let watcher = crate::commands::watcher(global, printer);
    runner::undo(&desk, printer, &watcher, &flags.options(runner::typed()), id.as_deref())
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
