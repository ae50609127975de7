//! The board: one row per runbook result with what its trigger watches, the values now, a
//! sparkline of each metric's window, the threshold in words and the state. `masst status`
//! prints it once; `masst watch` redraws it every refresh and marks what changed. Where the
//! table cannot fit the terminal without breaking a word, each result is a block instead.

use comfy_table::{presets::UTF8_FULL_CONDENSED, ContentArrangement, Table};
use serde::Serialize;

use crate::engine::expr::SigValue;
use crate::engine::signal::Resolved;
use crate::engine::verify::sparkline;
use crate::engine::walk::Diagnosis;
use crate::text::fmt_num;

/// The widest sparkline a row shows: the last points of the window.
const SPARK: usize = 12;

/// One signal of a row.
#[derive(Debug, Clone, Serialize, serde::Deserialize, PartialEq)]
pub struct Cell {
    pub name: String,
    pub now: String,
    /// The metric's window as a sparkline; empty for a signal that is not a metric.
    pub spark: String,
}

/// One runbook result.
#[derive(Debug, Clone, Serialize, serde::Deserialize, PartialEq)]
pub struct Row {
    pub result: String,
    pub state: String,
    /// The trigger in words (the runbook's `says`).
    pub watches: String,
    /// The trigger as CEL, shown with `-v`.
    pub condition: String,
    pub signals: Vec<Cell>,
    /// Something changed since the previous frame (state or a value).
    pub changed: bool,
}

fn now(r: &Resolved) -> String {
    match &r.value {
        Some(SigValue::List(xs)) => xs.last().map(|x| fmt_num(*x)).unwrap_or_else(|| "[]".into()),
        Some(v) => v.display(),
        None => "missing".into(),
    }
}

/// A window of points as a sparkline of at most [`SPARK`] characters (the latest points).
pub fn window_spark(series: &[f64]) -> String {
    let tail = &series[series.len().saturating_sub(SPARK)..];
    sparkline(&tail.iter().map(|v| Some(*v)).collect::<Vec<_>>())
}

/// The rows for `results`, marking those that differ from `prev`.
pub fn rows(results: &[Diagnosis], prev: Option<&[Row]>) -> Vec<Row> {
    results
        .iter()
        .map(|d| {
            let result = match &d.model {
                Some(m) => format!("{} ({m})", d.runbook),
                None => d.runbook.clone(),
            };
            let state = match (d.triggered, &d.outcome, d.severity) {
                (Some(false), _, _) => "ok".to_string(),
                (None, _, _) => "UNKNOWN (missing data)".to_string(),
                (Some(true), Some(o), Some(s)) => format!("{} {o}", s.to_string().to_uppercase()),
                (Some(true), _, _) => "FIRING, cause unknown".to_string(),
            };
            let signals: Vec<Cell> = d
                .trigger
                .inputs
                .iter()
                // A threshold does not move: the condition column shows it.
                .filter(|i| !i.threshold)
                .map(|i| Cell { name: i.name.clone(), now: now(i), spark: window_spark(&i.series) })
                .collect();
            let changed = prev.is_some_and(|p| {
                p.iter().find(|r| r.result == result).is_none_or(|r| r.state != state || r.signals != signals)
            });
            Row {
                result,
                state,
                watches: d.trigger.says.clone().unwrap_or_else(|| d.trigger.expr.clone()),
                condition: d.trigger.expr.clone(),
                signals,
                changed,
            }
        })
        .collect()
}

/// The board as a table that fits `width` columns; `verbose` adds the CEL condition.
pub fn table(rows: &[Row], width: u16, verbose: bool) -> String {
    let mut t = Table::new();
    let mut header = vec!["runbook", "state", "signal", "now", "window", "threshold"];
    if verbose {
        header.push("condition");
    }
    t.load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width)
        .set_header(header);
    for r in rows {
        let mark = if r.changed { "Δ " } else { "" };
        let names: Vec<&str> = r.signals.iter().map(|c| c.name.as_str()).collect();
        let nows: Vec<&str> = r.signals.iter().map(|c| c.now.as_str()).collect();
        let sparks: Vec<&str> =
            r.signals.iter().map(|c| if c.spark.is_empty() { "·" } else { c.spark.as_str() }).collect();
        let mut row = vec![
            r.result.clone(),
            format!("{mark}{}", r.state),
            names.join("\n"),
            nows.join("\n"),
            sparks.join("\n"),
            r.watches.clone(),
        ];
        if verbose {
            row.push(r.condition.clone());
        }
        t.add_row(row);
    }
    if crate::ui::fit::keep_words(&mut t, &[], width) {
        t.to_string()
    } else {
        blocks(rows, width, verbose)
    }
}

/// The board where its table cannot fit `width` without breaking a word (an outcome id, a
/// config key): one block per result, its heading, the trigger in words wrapped, then a line
/// per signal (name, value now, sparkline).
fn blocks(rows: &[Row], width: u16, verbose: bool) -> String {
    let w = usize::from(width);
    let wrap = |text: &str, indent: &str| {
        textwrap::fill(
            text,
            textwrap::Options::new(w)
                .initial_indent(indent)
                .subsequent_indent(indent)
                .break_words(false)
                .word_splitter(textwrap::WordSplitter::NoHyphenation),
        )
    };
    let mut out = String::new();
    for r in rows {
        let mark = if r.changed { "Δ " } else { "" };
        out.push_str(&wrap(&format!("{mark}{}  {}", r.result, r.state), ""));
        out.push('\n');
        out.push_str(&wrap(&format!("when {}", r.watches), "    "));
        out.push('\n');
        if verbose {
            out.push_str(&wrap(&format!("condition {}", r.condition), "    "));
            out.push('\n');
        }
        let name_w = r.signals.iter().map(|c| console::measure_text_width(&c.name)).max().unwrap_or(0);
        let now_w = r.signals.iter().map(|c| console::measure_text_width(&c.now)).max().unwrap_or(0);
        for c in &r.signals {
            let spark = if c.spark.is_empty() { "·" } else { c.spark.as_str() };
            let line = format!("{:name_w$}  {:>now_w$}  {spark}", c.name, c.now);
            out.push_str(&wrap(&line, "    "));
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::walk::{walk_all, WalkContext};
    use crate::evidence::scenario::Scenario;

    #[test]
    fn the_board_fits_100_columns_and_draws_a_sparkline_per_metric() {
        let set = crate::engine::load_embedded(crate::actions::catalog());
        let ev = Scenario::embedded("flash-sale").unwrap().evidence(None);
        let cx = WalkContext { models: vec!["sonnet".into(), "haiku".into()], answers: Default::default() };
        let results = walk_all(set.runbooks.iter(), &ev, &cx);
        let rows = rows(&results, None);
        let text = table(&rows, 100, false);
        for line in text.lines() {
            assert!(console::measure_text_width(line) <= 100, "{} columns: {line}", console::measure_text_width(line));
        }
        assert!(text.contains("THROTTL") || text.contains("CRITICAL"), "{text}");
        assert!(!text.contains("filter(x"), "the CEL condition only with -v");
        let throttling = rows.iter().find(|r| r.result.starts_with("throttling")).unwrap();
        assert!(throttling.signals.iter().all(|c| !c.spark.is_empty()), "{throttling:?}");
        let again = super::rows(&results, Some(&rows));
        assert!(again.iter().all(|r| !r.changed));
    }
}

/// One target of `watch --all-targets`: its frame's rows, or why it could not be read.
#[derive(Debug, Clone)]
pub struct TargetRow {
    pub target: String,
    pub account: String,
    pub region: String,
    pub rows: Result<Vec<Row>, String>,
}

/// One row per target: who it is, and a line per trigger (result, state, its first metric
/// now with a sparkline), fitted to `width`.
pub fn targets_table(targets: &[TargetRow], width: u16) -> String {
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width)
        .set_header(["target", "triggers"]);
    let room = (width as usize).saturating_sub(24).max(20);
    for tr in targets {
        let who = format!("{}\n{}\n{}", tr.target, tr.account, tr.region);
        let lines: Vec<String> = match &tr.rows {
            Ok(rows) => rows
                .iter()
                .map(|r| {
                    let signal = r
                        .signals
                        .iter()
                        .find(|c| !c.spark.is_empty())
                        .or(r.signals.first())
                        .map(|c| format!("  {} {} {}", c.name, c.now, c.spark))
                        .unwrap_or_default();
                    let line = format!("{}: {}{signal}", r.result, r.state);
                    if line.chars().count() > room {
                        line.chars().take(room - 1).collect::<String>() + "…"
                    } else {
                        line
                    }
                })
                .collect(),
            Err(e) => vec![e.chars().take(room).collect()],
        };
        t.add_row([who, lines.join("\n")]);
    }
    t.to_string()
}
