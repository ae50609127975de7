//! `masst report`: the postmortem page. Walks every runbook over the evidence (live, a
//! snapshot or a scenario), takes the journal's changes in the window, and writes one
//! self-contained HTML file (or Markdown, by the file's extension).

use std::path::Path;

use super::window_minutes;
use super::Global;
use crate::actions::journal::Journal;
use crate::error::{Error, Outcome, Result};
use crate::ui::report::{self, Input};
use crate::ui::Printer;
use clap::Args;
use std::path::PathBuf;

/// `masst report` options.
#[derive(Debug, Clone, Args)]
pub struct ReportArgs {
    /// The file to write: `.html` (self-contained, the default) or `.md` (Markdown + Mermaid).
    #[arg(short = 'o', long = "out", value_name = "FILE")]
    pub out: PathBuf,
    /// Use an embedded scenario instead of live AWS.
    #[arg(long, value_name = "NAME", conflicts_with = "from", value_parser = crate::evidence::scenario::names())]
    pub scenario: Option<String>,
    /// Use a snapshot file.
    #[arg(long, value_name = "FILE")]
    pub from: Option<PathBuf>,
    /// Journal entries from this time (a timestamp, or a duration before the evidence such as
    /// `2h`); default: the evidence's window.
    #[arg(long, value_name = "TIME")]
    pub since: Option<String>,
    /// How much metric history to read live, e.g. `60m`, `2h`.
    #[arg(long, value_name = "DURATION", default_value = "60m", value_parser = window_minutes)]
    pub window: u32,
}

/// `--since`: a timestamp (`2026-12-01T10:00:00Z`) or a duration before the evidence (`2h`).
fn since(text: &str, taken: jiff::Timestamp) -> Result<jiff::Timestamp> {
    if let Ok(t) = text.parse::<jiff::Timestamp>() {
        return Ok(t);
    }
    let d = crate::text::parse_duration(text).map_err(|e| {
        Error::Usage(format!(
            "--since `{text}` is neither a timestamp such as 2026-12-01T10:00:00Z nor a duration: {e}"
        ))
    })?;
    Ok(taken - jiff::SignedDuration::try_from(d).unwrap_or_default())
}

/// `masst report`.
pub fn run(global: &Global, args: &ReportArgs, printer: &Printer) -> Result<Outcome> {
    let markdown = markdown_by_extension(&args.out)?;
    let (_, ev, results) =
        super::walk_everything(global, args.scenario.as_deref(), args.from.as_deref(), args.window, printer)?;
    let journal = Journal::open(global.journal.as_deref())?;
    let (entries, warnings) = journal.read()?;
    for w in &warnings {
        printer.note(format!("warning: {w}"));
    }
    let from = match &args.since {
        Some(s) => since(s, ev.taken_at)?,
        None => ev.taken_at - jiff::SignedDuration::from_mins(ev.window_minutes as i64),
    };
    let in_window: Vec<_> = entries.iter().filter(|e| e.time >= from && e.time <= ev.taken_at).collect();
    let input = Input { ev: &ev, results: &results, entries: in_window };
    let text = if markdown { report::markdown(&input) } else { report::html(&input) };
    write(&args.out, &text)?;
    let kind = if markdown { "markdown" } else { "html" };
    if printer.json() {
        printer.json_value(
            &serde_json::json!({"file": args.out, "format": kind, "bytes": text.len(), "actions": input.entries.len()}),
        );
    } else {
        printer.line(format!(
            "wrote {} ({kind}, {} bytes, {} change(s) from the journal)",
            args.out.display(),
            text.len(),
            input.entries.len()
        ));
    }
    Ok(Outcome::Clear)
}

/// The format the file's extension names: `.html`/`.htm` (HTML) or `.md`/`.markdown`; any
/// other is refused before anything is read, with the list, so `-o incident.txt` never silently
/// writes HTML.
fn markdown_by_extension(path: &Path) -> Result<bool> {
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("html" | "htm") => Ok(false),
        Some("md" | "markdown") => Ok(true),
        other => Err(Error::Usage(format!(
            "-o {}: {} is not a report format masst writes; name the file .html (one self-contained page) or .md \
             (Markdown with Mermaid), e.g. -o incident.html",
            path.display(),
            match other {
                Some(e) => format!("`.{e}`"),
                None => "a file without an extension".to_string(),
            }
        ))),
    }
}

fn write(path: &Path, text: &str) -> Result<()> {
    std::fs::write(path, text).map_err(|e| Error::Usage(format!("cannot write the report {}: {e}", path.display())))
}
