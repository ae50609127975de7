//! `masst status`: the dashboard an engineer opens first. One row per runbook (per model):
//! what it watches, the current values, the threshold, and whether it fires.

use comfy_table::{presets::UTF8_FULL_CONDENSED, ContentArrangement, Table};

use crate::cli::{Global, StatusArgs};
use crate::engine::expr::SigValue;
use crate::engine::walk::{walk_all, Answers, WalkContext};
use crate::engine::Runbook;
use crate::error::{Outcome, Result};
use crate::settings::Settings;
use crate::ui::Printer;

fn value(v: &Option<SigValue>) -> String {
    match v {
        Some(SigValue::List(xs)) => {
            let last: Vec<String> = xs.iter().rev().take(5).rev().map(|x| crate::engine::expr::fmt_num(*x)).collect();
            format!("[{}]", last.join(", "))
        }
        Some(v) => v.display(),
        None => "missing".into(),
    }
}

/// `masst status`.
pub fn run(global: &Global, args: &StatusArgs, printer: &Printer) -> Result<Outcome> {
    let set = super::runbooks(global)?;
    let all: Vec<&Runbook> = set.runbooks.iter().collect();
    let settings = Settings::load(global.config.as_deref())?.settings;
    let ev = match super::diagnose::offline_evidence(args.scenario.as_deref(), args.from.as_deref())? {
        Some(ev) => ev,
        None => {
            let window = super::snapshot::window_minutes(&args.window)?;
            super::collect_live(global, &settings, &all, window, printer)?
        }
    };
    let cx = WalkContext { models: settings.model_keys(), answers: Answers::default() };
    let results = walk_all(all.iter().copied(), &ev, &cx);
    if printer.json() {
        let rows: Vec<_> = results
            .iter()
            .map(|d| {
                serde_json::json!({
                    "runbook": d.runbook, "model": d.model, "watch": d.trigger.says, "condition": d.trigger.expr,
                    "inputs": d.trigger.inputs, "triggered": d.triggered, "outcome": d.outcome, "severity": d.severity,
                })
            })
            .collect();
        printer.json_value(&serde_json::json!({ "source": ev.source, "taken_at": ev.taken_at, "rows": rows }));
        return Ok(Outcome::Clear);
    }
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED).set_content_arrangement(ContentArrangement::Dynamic).set_header([
        "runbook",
        "watches",
        "now",
        "threshold",
        "state",
    ]);
    for d in &results {
        let who = match &d.model {
            Some(m) => format!("{} ({m})", d.runbook),
            None => d.runbook.clone(),
        };
        let now: Vec<String> = d.trigger.inputs.iter().map(|i| format!("{} = {}", i.name, value(&i.value))).collect();
        let state = match (d.triggered, &d.outcome, d.severity) {
            (Some(false), _, _) => "ok".to_string(),
            (None, _, _) => "UNKNOWN (missing data)".to_string(),
            (Some(true), Some(o), Some(s)) => format!("{} {o}", s.to_string().to_uppercase()),
            (Some(true), _, _) => "FIRING, cause unknown".to_string(),
        };
        t.add_row([who, d.trigger.says.clone().unwrap_or_default(), now.join("\n"), d.trigger.expr.clone(), state]);
    }
    printer.line(format!("{} (taken {})", ev.source, ev.taken_at));
    printer.line(t.to_string());
    if results.iter().any(|d| d.triggered != Some(false)) {
        printer.line("Run `masst diagnose all` for the walk, the evidence and the fix.");
    }
    Ok(Outcome::Clear)
}
