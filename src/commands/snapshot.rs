//! `masst snapshot capture|upgrade`: evidence written as the versioned snapshot file, and older
//! files rewritten in the compact format.

use crate::cli::{CaptureArgs, Global};
use crate::error::{Error, Outcome, Result};
use crate::evidence::{snapshot, Evidence};
use crate::ui::Printer;

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
