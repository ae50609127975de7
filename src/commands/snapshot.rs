//! `masst snapshot capture|upgrade`: evidence written as the versioned snapshot file, and older
//! files rewritten in the compact format.

use crate::cli::{CaptureArgs, Global};
use crate::error::{Error, Outcome, Result};
use crate::evidence::{snapshot, Evidence};
use crate::ui::Printer;

/// Parses a window such as `60m`, `2h` or `90 minutes` into whole minutes (1 to 1440).
pub fn window_minutes(text: &str) -> Result<u32> {
    let d: jiff::SignedDuration = text
        .parse()
        .or_else(|_| text.parse::<jiff::Span>().and_then(|s| s.to_duration(jiff::SpanRelativeTo::days_are_24_hours())))
        .map_err(|e| Error::Usage(format!("--window `{text}` is not a duration such as 60m or 2h ({e})")))?;
    let minutes = d.as_secs() / 60;
    if !(5..=1440).contains(&minutes) {
        return Err(Error::Usage(format!("--window `{text}` must be between 5m and 24h")));
    }
    Ok(minutes as u32)
}

/// Writes evidence to `out` or stdout.
pub fn write(printer: &Printer, ev: &Evidence, out: Option<&std::path::Path>) -> Result<()> {
    let json = snapshot::to_json(ev);
    match out {
        Some(path) => {
            std::fs::write(path, json)
                .map_err(|e| Error::Usage(format!("cannot write snapshot {}: {e}", path.display())))?;
            printer.note(format!("wrote {} ({} metric series)", path.display(), ev.metrics.len()));
        }
        None => printer.out_checked(&json).map_err(|e| {
            Error::Usage(format!("cannot write the snapshot to stdout: {e}; pass --out FILE to write it to a file"))
        })?,
    }
    Ok(())
}

/// `masst snapshot capture`.
pub fn capture(global: &Global, args: &CaptureArgs, printer: &Printer) -> Result<Outcome> {
    let minutes = window_minutes(&args.window)?;
    let ev = match super::diagnose::offline_evidence(args.scenario.as_deref(), None)? {
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
