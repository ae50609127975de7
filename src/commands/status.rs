//! `masst status`: the dashboard an engineer opens first. One row per runbook (per model):
//! what it watches, the current values with a sparkline of each metric's window, the threshold
//! in words (the CEL condition with `-v` and in JSON), and whether it fires. Fits the terminal.

use super::window_minutes;
use super::Global;
use crate::error::{Outcome, Result};
use crate::ui::Printer;
use clap::Args;
use std::path::PathBuf;

/// `masst status` options.
#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Use an embedded scenario instead of live AWS.
    #[arg(long, value_name = "NAME", conflicts_with = "from", value_parser = crate::evidence::scenario::names())]
    pub scenario: Option<String>,
    /// Use a snapshot file.
    #[arg(long, value_name = "FILE")]
    pub from: Option<PathBuf>,
    /// How much metric history to read live.
    #[arg(long, value_name = "DURATION", default_value = "60m", value_parser = window_minutes)]
    pub window: u32,
}

/// `masst status`.
pub fn run(global: &Global, args: &StatusArgs, printer: &Printer) -> Result<Outcome> {
    let (_, ev, results) =
        super::walk_everything(global, args.scenario.as_deref(), args.from.as_deref(), args.window, printer)?;
    if printer.json() {
        printer.json_value(&document(&ev, &results));
        return Ok(Outcome::Clear);
    }
    crate::ui::tap(|| document(&ev, &results));
    let rows = crate::ui::board::rows(&results, None);
    let table = crate::ui::board::table(&rows, crate::ui::width(), printer.verbose > 0);
    printer.line(crate::ui::wrap(&format!("{} (taken {})", ev.source, ev.taken_at)));
    printer.line(table);
    if results.iter().any(|d| d.triggered != Some(false)) {
        printer.line(crate::ui::wrap("Run `masst diagnose all` for the walk, the evidence and the fix."));
    }
    Ok(Outcome::Clear)
}

/// The `--output json` document: one row per result with its trigger's inputs (what `masst
/// mcp`'s `status` tool returns too).
pub fn document(ev: &crate::evidence::Evidence, results: &[crate::engine::Diagnosis]) -> serde_json::Value {
    let rows: Vec<_> = results
        .iter()
        .map(|d| {
            serde_json::json!({
                "runbook": d.runbook, "model": d.model, "watch": d.trigger.says, "condition": d.trigger.expr,
                "inputs": d.trigger.inputs, "triggered": d.triggered, "outcome": d.outcome, "severity": d.severity,
            })
        })
        .collect();
    serde_json::json!({ "source": ev.source, "taken_at": ev.taken_at, "rows": rows })
}
