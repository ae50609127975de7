//! `masst snapshot capture|upgrade`: evidence written as the versioned snapshot file, and older
//! files rewritten in the compact format.

use super::window_minutes;
use super::Global;
use crate::error::{Error, Outcome, Result};
use crate::evidence::{snapshot, Evidence};
use crate::ui::Printer;
use clap::{Args, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub enum SnapshotCommand {
    /// Collect the evidence the runbooks need and write it as a snapshot (stdout by default).
    Capture(CaptureArgs),
    /// Rewrite a snapshot file (format 1 or 2) as the compact format 2, in place.
    Upgrade {
        /// The snapshot file.
        file: PathBuf,
    },
}

/// Where to capture from and to.
#[derive(Debug, Clone, Args)]
pub struct CaptureArgs {
    /// Write to FILE instead of stdout.
    #[arg(short = 'o', long = "out", value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// How much metric history to read, e.g. `60m`, `2h` (one datapoint a minute).
    #[arg(long, value_name = "DURATION", default_value = "60m", value_parser = window_minutes)]
    pub window: u32,
    /// Capture an embedded scenario's evidence instead of live AWS.
    #[arg(long, value_name = "NAME", value_parser = crate::evidence::scenario::names())]
    pub scenario: Option<String>,
}

/// Writes evidence to `out` or stdout.
pub fn write(printer: &Printer, ev: &Evidence, out: Option<&std::path::Path>) -> Result<()> {
    let json = snapshot::to_json(ev);
    match out {
        Some(path) => {
            std::fs::write(path, &json)
                .map_err(|e| Error::Usage(format!("cannot write snapshot {}: {e}", path.display())))?;
            if printer.json() {
                // The one document: where it went, what it holds, how big it is.
                printer.json_value(&serde_json::json!({
                    "file": path,
                    "format": ev.format,
                    "bytes": json.len(),
                    "source": ev.source,
                    "taken_at": ev.taken_at,
                    "window_minutes": ev.window_minutes,
                    "captured": {
                        "metric_series": ev.metrics.len(),
                        "queues": ev.queues.keys().collect::<Vec<_>>(),
                        "services": ev.services.keys().collect::<Vec<_>>(),
                        "config": ev.config.is_some(),
                        "dlq_sample": ev.dlq_sample.as_ref().map(|s| s.messages.len()),
                    },
                }));
            } else {
                printer.note(format!("wrote {} ({} metric series)", path.display(), ev.metrics.len()));
            }
        }
        None => printer.out_checked(&json).map_err(|e| {
            Error::Usage(format!("cannot write the snapshot to stdout: {e}; pass --out FILE to write it to a file"))
        })?,
    }
    Ok(())
}

/// `masst snapshot capture`.
pub fn capture(global: &Global, args: &CaptureArgs, printer: &Printer) -> Result<Outcome> {
    let minutes = args.window;
    let ev = match super::offline_evidence(args.scenario.as_deref(), None)? {
        Some(ev) => ev,
        None => {
            let settings = crate::settings::Settings::load(global.config.as_deref())?.settings;
            let set = super::runbooks(global)?;
            let all: Vec<&crate::engine::Runbook> = set.runbooks.iter().collect();
            super::collect_live(global, &settings, &all, minutes, printer)?
        }
    };
    write(printer, &ev, args.out.as_deref())?;
    Ok(Outcome::Clear)
}

/// `masst snapshot upgrade FILE`.
pub fn upgrade(file: &std::path::Path, printer: &Printer) -> Result<Outcome> {
    let (before, after) = snapshot::upgrade(file).map_err(Error::Usage)?;
    if printer.json() {
        printer
            .json_value(&serde_json::json!({"file": file, "format": 2, "bytes_before": before, "bytes_after": after}));
    } else {
        printer.line(format!("{}: now snapshot format 2 ({before} bytes → {after} bytes)", file.display()));
    }
    Ok(Outcome::Clear)
}
