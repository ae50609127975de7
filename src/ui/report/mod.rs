//! The incident report: one self-contained page an engineer attaches to the postmortem. HTML
//! (inline SVG charts drawn with plotters, inline CSS, no script, no network fetch of any
//! kind, every string from AWS or a file escaped, readable when printed) or Markdown (Mermaid
//! for the walk, a table of values per chart) for tickets and chat.
//!
//! Built from plain data: the evidence, the walk's results and the journal entries in the
//! window. A metric with no data is said to be missing, never drawn as a flat zero line.
//!
//! Files: `charts` (the metric charts as SVG), `html` (the page), `markdown` (the ticket text);
//! this file holds what both formats share.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::actions::journal::Entry;
use crate::engine::expr::{Expr, SigValue};
use crate::engine::signal::Resolved;
use crate::engine::walk::{Check, Diagnosis};
use crate::evidence::Evidence;
use crate::text::fmt_num;

mod charts;
mod html;
mod markdown;

pub use charts::{charts, svg, unit, Chart};
pub use html::html;
pub use markdown::markdown;

/// What a report is made of.
pub struct Input<'a> {
    pub ev: &'a Evidence,
    pub results: &'a [Diagnosis],
    /// Journal entries applied in the window, oldest first.
    pub entries: Vec<&'a Entry>,
}

/// Inputs as `name = value, ...` (`missing` where there is none).
fn inputs_text(inputs: &[Resolved]) -> String {
    inputs
        .iter()
        .map(|i| format!("{} = {}", i.name, i.value.as_ref().map(|v| v.display()).unwrap_or_else(|| "missing".into())))
        .collect::<Vec<_>>()
        .join(", ")
}

fn when(t: i64) -> String {
    jiff::Timestamp::from_second(t).map(|t| t.strftime("%H:%M").to_string()).unwrap_or_default()
}

/// A journal entry's change in a line: the keys it set, or its target.
fn change(e: &Entry) -> String {
    match (e.before.get("document"), e.after.get("document")) {
        (Some(b), Some(a)) => crate::actions::doc::leaf_diff(b, a)
            .iter()
            .map(|(p, v)| {
                let was =
                    crate::actions::doc::value_at(b, p).map(|v| v.to_string()).unwrap_or_else(|| "(unset)".into());
                let now = v.as_ref().map(|v| v.to_string()).unwrap_or_else(|| "(removed)".into());
                format!("{}: {was} → {now}", crate::actions::doc::path_str(p))
            })
            .collect::<Vec<_>>()
            .join("; "),
        _ => format!("{} → {}", compact(&e.before), compact(&e.after)),
    }
}

fn compact(v: &serde_json::Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 120 {
        format!("{}…", s.chars().take(120).collect::<String>())
    } else {
        s
    }
}

fn markers(entries: &[&Entry]) -> Vec<(i64, String)> {
    entries.iter().map(|e| (e.time.as_second(), e.action.clone())).collect()
}

fn label(d: &Diagnosis) -> String {
    match &d.model {
        Some(m) => format!("{} ({m})", d.runbook),
        None => d.runbook.clone(),
    }
}

/// A result's outcome in a verdicts table: its title, or where it stopped unknown.
fn outcome_text(d: &Diagnosis) -> String {
    d.outcome_title.clone().or_else(|| d.unknown.as_ref().map(|u| format!("unknown at {}", u.node))).unwrap_or_default()
}

/// A journal entry as the report's tables show it: when, who, action, target, change, state,
/// verification.
fn entry_cells(e: &Entry) -> [String; 7] {
    [
        e.time.strftime("%Y-%m-%d %H:%M:%S UTC").to_string(),
        e.user.clone(),
        e.action.clone(),
        e.target.clone(),
        change(e),
        e.state.as_str().to_string(),
        e.verified.clone().unwrap_or_else(|| "—".into()),
    ]
}
