//! The tables masst prints, each fitting the terminal: the audit's verdicts, the DLQ's
//! composition and a redrive's outcome, the journal, the batch schedule, the runbooks. Commands
//! hand their results here; no command builds a table of its own.

use comfy_table::{presets::UTF8_FULL_CONDENSED, ContentArrangement, Table};

use crate::actions::journal::{Entry, State};
use crate::actions::redrive::{self, Inspection};
use crate::engine::audit::{State as Check, Verdict};
use crate::engine::runbook::ModelScope;
use crate::engine::verify::{self, sparkline, Report, ResultReport, SignalReadings};
use crate::engine::RunbookSet;
use crate::text::fmt_num;
use crate::ui::ci::{self, Item};
use crate::ui::render::command_line;
use crate::ui::{OutputFormat, Printer};

/// A verdict as the CI formats carry it.
pub fn audit_item(v: &Verdict) -> Item {
    Item {
        rule_id: v.id.clone(),
        title: v.title.clone(),
        severity: v.severity,
        state: v.state.as_str(),
        message: v.message.clone(),
        evidence: v
            .evidence
            .iter()
            .map(|e| {
                let val = e.value.as_ref().map(|x| x.display()).unwrap_or_else(|| "missing".into());
                format!("{} = {val} ({})", e.name, e.source)
            })
            .collect(),
        help: v.fix.as_ref().map(command_line).or_else(|| v.advice.clone()),
    }
}

/// The verdicts as `masst audit --output json` prints them (and `masst mcp`'s `audit` tool
/// returns them): each check with its fix as the command line a person would run.
pub fn audit_json(verdicts: &[Verdict]) -> serde_json::Value {
    let checks: Vec<serde_json::Value> = verdicts
        .iter()
        .map(|v| {
            let mut j = serde_json::to_value(v).expect("verdicts serialize");
            j["fix"] = v.fix.as_ref().map(command_line).into();
            j
        })
        .collect();
    serde_json::json!({ "checks": checks })
}

/// The verdicts in the output format asked for: a table that fits the terminal (evidence
/// sources with -v), one JSON document, SARIF or JUnit.
pub fn audit(printer: &Printer, verdicts: &[Verdict]) {
    audit_formats(printer, verdicts);
    crate::ui::tap(|| audit_json(verdicts));
}

fn audit_formats(printer: &Printer, verdicts: &[Verdict]) {
    match printer.format {
        OutputFormat::Json => printer.json_value(&audit_json(verdicts)),
        OutputFormat::Sarif => {
            let items: Vec<Item> = verdicts.iter().map(audit_item).collect();
            printer.json_value(&ci::sarif("audit", &items));
        }
        OutputFormat::Junit => {
            let items: Vec<Item> = verdicts.iter().map(audit_item).collect();
            printer.out(&ci::junit("masst audit", &items));
        }
        OutputFormat::Human => {
            let width = crate::ui::width();
            let mut rows: Vec<[String; 3]> = Vec::new();
            // (check id, the fix, whether it is a command that must stay on one line)
            let mut fixes: Vec<(String, String, bool)> = Vec::new();
            for v in verdicts {
                let state = match v.state {
                    Check::Pass | Check::Skipped => v.state.as_str().to_string(),
                    s => format!("{} {}", s.as_str().to_uppercase(), v.severity),
                };
                // The numbers here; their sources with -v and in JSON.
                let evidence: Vec<String> = if printer.verbose > 0 {
                    audit_item(v).evidence
                } else {
                    v.evidence
                        .iter()
                        .map(|e| {
                            format!(
                                "{} = {}",
                                e.name,
                                e.value.as_ref().map(|x| x.display()).unwrap_or_else(|| "missing".into())
                            )
                        })
                        .collect()
                };
                let fix = match v.state {
                    Check::Fail | Check::Unknown => match (&v.fix, &v.advice) {
                        (Some(f), _) => (command_line(f), true),
                        // A command inside advice starts its own line, so it stays whole.
                        (None, Some(a)) => (a.replace(": masst ", ":\nmasst "), false),
                        _ => (String::new(), false),
                    },
                    _ => (String::new(), false),
                };
                rows.push([format!("{}\n{}", v.id, v.message), state, evidence.join("\n")]);
                fixes.push((v.id.clone(), fix.0, fix.1));
            }
            let table = |with_fix: bool| {
                let mut t = Table::new();
                t.load_preset(UTF8_FULL_CONDENSED)
                    .set_content_arrangement(ContentArrangement::Dynamic)
                    .set_width(width);
                if with_fix {
                    t.set_header(["check", "state", "evidence", "fix"]);
                    for (r, (_, fix, _)) in rows.iter().zip(&fixes) {
                        t.add_row([r[0].clone(), r[1].clone(), r[2].clone(), fix.clone()]);
                    }
                } else {
                    t.set_header(["check", "state", "evidence"]);
                    t.add_rows(rows.iter().cloned());
                }
                let commands: Vec<usize> = if with_fix { vec![3] } else { vec![] };
                let fits = crate::ui::fit::keep_words(&mut t, &commands, width);
                (t.to_string(), fits)
            };
            match table(true) {
                (text, true) => printer.line(text),
                _ => {
                    // The commands do not fit a column: each fix on its own lines under the
                    // table, a command whole on one line so it can be copied.
                    printer.line(table(false).0);
                    for (id, fix, command) in fixes.iter().filter(|f| !f.1.is_empty()) {
                        let one = format!("fix {id}: {}", fix.replace('\n', " "));
                        if crate::ui::fit::fits(&one, width) {
                            printer.line(one);
                            continue;
                        }
                        printer.line(format!("fix {id}:"));
                        for part in fix.lines() {
                            if *command || part.starts_with("masst ") {
                                printer.line(format!("    {part}"));
                            } else {
                                let opts = textwrap::Options::new(width as usize)
                                    .initial_indent("    ")
                                    .subsequent_indent("    ");
                                printer.line(textwrap::fill(part, opts));
                            }
                        }
                    }
                }
            }
            let count = |s: Check| verdicts.iter().filter(|v| v.state == s).count();
            printer.line(format!(
                "{} pass, {} fail, {} unknown, {} skipped",
                count(Check::Pass),
                count(Check::Fail),
                count(Check::Unknown),
                count(Check::Skipped)
            ));
        }
    }
}

/// The DLQ's composition: per error type and class, formats, ages, receive counts, examples.
pub fn dlq_inspection(printer: &Printer, ins: &Inspection) {
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED).set_header(["error type", "class", "messages"]);
    for row in &ins.by_error_type {
        t.add_row([
            crate::text::escape(&row.error_type).into_owned(),
            row.class.as_str().to_string(),
            row.messages.to_string(),
        ]);
    }
    printer.line(format!("{}: {} message(s) read; {}", ins.queue, ins.messages, ins.coverage.describe()));
    printer.line(t.to_string());
    let join = |m: &std::collections::BTreeMap<String, usize>| {
        m.iter().map(|(k, v)| format!("{k} {v}")).collect::<Vec<_>>().join(", ")
    };
    printer.line(format!("classes: {} (unknown counts as non-retryable)", join(&ins.by_class)));
    printer.line(format!("formats: {}", join(&ins.by_format)));
    if let (Some(o), Some(n)) = (ins.oldest, ins.newest) {
        printer.line(format!("oldest sent {o}, newest sent {n}"));
    }
    if !ins.receive_counts.is_empty() {
        let rc: Vec<String> = ins.receive_counts.iter().map(|(k, v)| format!("{k}×{v}")).collect();
        printer.line(format!("receive counts: {}", rc.join(", ")));
    }
    for e in &ins.examples {
        printer.line(format!(
            "\n{} [{}, {}]\n  {}",
            crate::text::escape(&e.id),
            crate::text::escape(e.error_type.as_deref().unwrap_or("no error_type")),
            e.class.as_str(),
            e.body
        ));
    }
}

/// The end of a redrive, in numbers: selected, moved, and what was left and why.
pub fn redrive_report(printer: &Printer, report: &redrive::Report, secs: f64, entry: &str) {
    if printer.json() {
        let mut doc = serde_json::to_value(report).expect("report serializes");
        doc["seconds"] = secs.into();
        doc["complete"] = report.complete().into();
        doc["journal_entry"] = entry.into();
        if let Some(o) = doc.as_object_mut() {
            o.remove("moved_ids");
        }
        printer.json_value(&doc);
        return;
    }
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED).set_header(["result", "messages"]);
    t.add_row(["selected (seen by this run)".to_string(), report.selected.to_string()]);
    t.add_row(["moved".to_string(), report.moved.to_string()]);
    for (why, n) in &report.skipped {
        t.add_row([format!("left: not selected ({why})"), n.to_string()]);
    }
    t.add_row(["left: failed (named below)".to_string(), report.failed.len().to_string()]);
    if !report.copied_not_deleted.is_empty() {
        t.add_row(["copied but not deleted (duplicates)".to_string(), report.copied_not_deleted.len().to_string()]);
    }
    if report.in_flight_elsewhere > 0 {
        t.add_row(["left: in flight elsewhere (not seen)".to_string(), report.in_flight_elsewhere.to_string()]);
    }
    if report.unreached > 0 {
        let why = if report.max_reached { "--max reached" } else { "not reached" };
        t.add_row([format!("left: {why}"), report.unreached.to_string()]);
    }
    printer.must(t.to_string());
    printer.must(format!(
        "{:.1} s, {:.0} messages/s, {} AWS calls; journal entry {entry}",
        secs,
        report.moved as f64 / secs.max(0.001),
        report.aws_calls
    ));
    for (id, why) in report.failed.iter().take(10) {
        printer.must(format!("  failed {id}: {}", crate::text::escape(why)));
    }
    if report.failed.len() > 10 {
        printer
            .must(format!("  … and {} more (`masst journal --output json` lists them all)", report.failed.len() - 10));
    }
}

/// The schedule as a table, the current JST hour marked.
pub fn schedule(table: &[u32], now: jiff::Timestamp) -> String {
    let jst = now.to_zoned(jiff::tz::offset(9).to_time_zone());
    let hour = jst.hour() as usize;
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED).set_header(["hour (JST)", "max batch concurrency", ""]);
    for (h, v) in table.iter().enumerate() {
        t.add_row([format!("{h:02}:00"), v.to_string(), if h == hour { "◀ now".into() } else { String::new() }]);
    }
    format!("{t}\nnow: {} JST", jst.strftime("%Y-%m-%d %H:%M"))
}

/// The journal, an entry a row, each with where it stands (in effect, undone, may be live).
pub fn journal(entries: &[Entry]) -> String {
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED).set_header(["id", "time", "user", "action", "target", "state"]);
    for e in entries {
        let state = if e.state != State::Applied {
            match e.state {
                State::Pending => "pending: masst stopped mid-change; it may be live".to_string(),
                State::Unknown => "unknown: may be live".to_string(),
                _ => "failed: not live".to_string(),
            }
        } else if let Some(u) = &e.undoes {
            format!("undoes {u}")
        } else if let Some(u) = entries.iter().find(|u| u.undoes.as_deref() == Some(&e.id) && u.state == State::Applied)
        {
            format!("undone by {}", u.id)
        } else {
            "in effect".into()
        };
        t.add_row([
            e.id.clone(),
            e.time.strftime("%Y-%m-%d %H:%M:%S").to_string(),
            e.user.clone(),
            e.action.clone(),
            e.target.clone(),
            state,
        ]);
    }
    t.to_string()
}

/// The runbooks in force: name, title, which models, size.
pub fn runbooks(set: &RunbookSet) -> String {
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(crate::ui::width())
        .set_header(["runbook", "title", "per model", "nodes", "outcomes"]);
    for r in &set.runbooks {
        let scope = match r.scope {
            ModelScope::None => "no",
            ModelScope::Each => "each",
            ModelScope::Pick => "the top one",
        };
        t.add_row([
            r.name.clone(),
            r.title.clone(),
            scope.into(),
            r.nodes.len().to_string(),
            r.outcomes.len().to_string(),
        ]);
    }
    crate::ui::fit::keep_words(&mut t, &[], crate::ui::width());
    t.to_string()
}

/// A result that was clear at the start and stayed clear reads `clear`, not `recovered`.
fn shown(res: &ResultReport) -> &'static str {
    if res.watch.was_triggered == Some(false) && res.verdict == verify::Verdict::Recovered {
        "clear"
    } else {
        res.verdict.as_str()
    }
}

/// The verification as a table that fits the terminal, or one JSON document.
pub fn verification(printer: &Printer, r: &Report) {
    if printer.json() {
        printer.json_value(r);
        return;
    }
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(crate::ui::width())
        .set_header(["result", "verdict", "signal", "start", "now", "readings"]);
    for res in &r.results {
        let first = res.signals.first();
        let row = |s: Option<&SignalReadings>| {
            let n = |v: Option<f64>| v.map(fmt_num).unwrap_or_else(|| "missing".into());
            match s {
                Some(s) => [s.name.clone(), n(s.start), n(s.now), sparkline(&s.readings)],
                None => [String::new(), String::new(), String::new(), String::new()],
            }
        };
        let [a, b, c, d] = row(first);
        t.add_row([res.watch.label(), shown(res).to_string(), a, b, c, d]);
        for s in res.signals.iter().skip(1) {
            let [a, b, c, d] = row(Some(s));
            t.add_row([String::new(), String::new(), a, b, c, d]);
        }
    }
    crate::ui::fit::keep_words(&mut t, &[], crate::ui::width());
    printer.line(t.to_string());
    for res in r.results.iter().filter(|res| res.watch.was_triggered != Some(false)) {
        printer.line(crate::ui::wrap(&format!(
            "{}: expects {} (within {} s); {}",
            res.watch.label(),
            res.watch.expectation,
            res.watch.within_s,
            res.why
        )));
    }
    printer.line(format!(
        "verdict: {} after {} reading(s) every {} s (timeout {} s)",
        r.verdict.as_str(),
        r.readings.len(),
        r.every_s,
        r.timeout_s
    ));
}

/// The summary over targets (contract §10): target, account, region, the worst severity and
/// the findings, or the error in one line; fitted to `width` columns (the error is cut with
/// an ellipsis, its full paragraph is in the target's section above).
pub fn targets(rows: &[[String; 5]], width: u16) -> String {
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width)
        .set_header(["target", "account", "region", "worst", "findings / error"]);
    // Borders and padding take 16 columns; the first four keep their widths.
    let fixed: usize = (0..4).map(|i| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0).max(8)).sum();
    let room = (width as usize).saturating_sub(fixed + 16).max(12);
    for r in rows {
        let last: String = if r[4].chars().count() > room {
            r[4].chars().take(room - 1).collect::<String>() + "…"
        } else {
            r[4].clone()
        };
        t.add_row([r[0].clone(), r[1].clone(), r[2].clone(), r[3].clone(), last]);
    }
    t.to_string()
}
