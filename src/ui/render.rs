//! Human rendering of diagnoses: the walked path as a tree, each node with the values it read
//! against the thresholds it tested, then the root cause, the resolution and the commands.

use console::style;

use crate::engine::expr::SigValue;
use crate::engine::signal::{Resolved, SeenLine};
use crate::engine::walk::{Check, Diagnosis};
use crate::engine::ActionCall;
use crate::engine::Severity;
use crate::engine::Severity as Sev;

/// An offered action as the command that runs it (`masst concurrency set sonnet 32`); an
/// argument masst could not compute shows as `<N>`, so the line is never mistaken for one to
/// paste as it is.
pub fn command_line(call: &ActionCall) -> String {
    call.command_line()
}

/// Diagnoses as JSON (contract §6), each with its offers rendered as `commands` beside the
/// typed `calls`.
pub fn results_json(results: &[Diagnosis]) -> serde_json::Value {
    results
        .iter()
        .map(|d| {
            let mut v = serde_json::to_value(d).expect("diagnoses serialize");
            v["commands"] = d.calls.iter().map(command_line).collect::<Vec<_>>().into();
            v
        })
        .collect()
}

fn sev_label(s: Severity) -> String {
    let t = s.to_string().to_uppercase();
    match s {
        Sev::Critical => style(t).red().bold().to_string(),
        Sev::Warning => style(t).yellow().bold().to_string(),
        Sev::Info => style(t).cyan().to_string(),
    }
}

fn value_text(r: &Resolved) -> String {
    if let (Some(l), Some(v)) = (&r.logs, &r.value) {
        if l.at_least {
            return style(format!("at least {}", v.display())).bold().to_string();
        }
    }
    match &r.value {
        Some(SigValue::List(v)) if v.len() > 8 => format!("[{} datapoints]", v.len()),
        Some(v) => style(v.display()).bold().to_string(),
        None => style("missing").red().bold().to_string(),
    }
}

fn mark(result: Option<bool>) -> String {
    match result {
        Some(true) => style("✔").green().to_string(),
        Some(false) => style("✘").dim().to_string(),
        None => style("?").red().bold().to_string(),
    }
}

fn input_lines(r: &Resolved, indent: &str, out: &mut String) {
    input_lines_once(r, indent, out, &mut Vec::new());
}

/// Like [`input_lines`], printing a log's lines only once per check (two captures of one
/// expression read the same lines).
fn input_lines_once<'a>(r: &'a Resolved, indent: &str, out: &mut String, printed: &mut Vec<&'a [SeenLine]>) {
    // A metric input shows its window as a sparkline beside the value it was judged on.
    let spark =
        if r.series.len() > 1 { format!(" {}", crate::ui::board::window_spark(&r.series)) } else { String::new() };
    out.push_str(&format!("{indent}{} = {}{spark}  {}\n", r.name, value_text(r), style(&r.source).dim()));
    if r.parts.is_empty() {
        for m in &r.missing {
            out.push_str(&format!("{indent}  {} {m}\n", style("missing:").red()));
        }
    }
    if let Some(l) = &r.logs {
        if !printed.contains(&l.lines.as_slice()) {
            log_lines(l, &format!("{indent}  "), out);
            printed.push(&l.lines);
        }
    }
    for p in &r.parts {
        input_lines_once(p, &format!("{indent}  "), out, printed);
    }
}

/// The latest matching lines of a log, one per line with its time (UTC), already escaped by the
/// engine and cut here to fit the 100 columns.
pub fn log_lines(l: &crate::engine::signal::LogsSeen, indent: &str, out: &mut String) {
    for line in &l.lines {
        let at = line.at.strftime("%H:%M:%SZ").to_string();
        let room = (crate::ui::width() as usize).saturating_sub(indent.chars().count() + at.len() + 2).max(10);
        out.push_str(&format!("{indent}{}  {}\n", style(at).dim(), console::truncate_str(&line.text, room, "…")));
    }
}

fn check_lines(c: &Check, indent: &str, out: &mut String) {
    let says = c.says.as_deref().map(|s| format!("  {}", style(format!("({s})")).dim())).unwrap_or_default();
    // An optional test without its inputs was passed over: the node went on without it.
    let (mark, over) = if c.passed_over {
        (style("–").dim().to_string(), format!("  {}", style("passed over").yellow()))
    } else {
        (mark(c.result), String::new())
    };
    out.push_str(&format!("{indent}{mark} {}{says}{over}\n", c.expr));
    let mut printed = Vec::new();
    for i in &c.inputs {
        input_lines_once(i, &format!("{indent}    "), out, &mut printed);
    }
    if c.result.is_none() && c.inputs.iter().all(|i| i.missing.is_empty()) {
        if let Some(w) = &c.why_unknown {
            out.push_str(&format!("{indent}    {} {w}\n", style("could not decide:").red()));
        }
    }
}

/// Renders one diagnosis.
pub fn diagnosis(d: &Diagnosis) -> String {
    let mut out = String::new();
    let who = match &d.model {
        Some(m) => format!("{} ({m})", d.runbook),
        None => d.runbook.clone(),
    };
    match d.triggered {
        Some(false) => {
            out.push_str(&format!("{} {}  {}\n", style("○").green(), style(&who).bold(), style("clear").green()));
            check_lines(&d.trigger, "    ", &mut out);
            return out;
        }
        None => {
            out.push_str(&format!(
                "{} {}  {} could not evaluate the trigger\n",
                style("?").red().bold(),
                style(&who).bold(),
                style("UNKNOWN").red().bold()
            ));
            check_lines(&d.trigger, "    ", &mut out);
            return out;
        }
        Some(true) => {}
    }
    head_lines(d, &who, &mut out);
    path_lines(d, &mut out);
    verdict_lines(d, &mut out);
    out
}

/// The headline (outcome and severity, or where the walk stopped), the trigger's evidence, and
/// the model a `pick` runbook chose, with every model's score.
fn head_lines(d: &Diagnosis, who: &str, out: &mut String) {
    let head = match (&d.outcome_title, d.severity) {
        (Some(t), Some(s)) => format!("{}  {}", sev_label(s), style(t).bold()),
        (_, s) => format!(
            "{} stopped at `{}`{}",
            style("UNKNOWN").red().bold(),
            d.unknown.as_ref().map(|u| u.node.as_str()).unwrap_or("?"),
            s.map(|s| format!(" (could be {s})")).unwrap_or_default()
        ),
    };
    out.push_str(&format!("{} {}  {head}\n", style("●").red().bold(), style(who).bold()));
    out.push_str(&format!("  {} {}\n", style("trigger").dim(), d.trigger.says.as_deref().unwrap_or("")));
    check_lines(&d.trigger, "    ", out);
    if !d.model_scores.is_empty() {
        let scores: Vec<String> = d
            .model_scores
            .iter()
            .map(|s| format!("{} {}", s.model, s.score.map(crate::text::fmt_num).unwrap_or_else(|| "unknown".into())))
            .collect();
        out.push_str(&format!(
            "  {} {} ({}: {})\n",
            style("model").dim(),
            d.model.as_deref().unwrap_or("?"),
            d.scores_say.as_deref().unwrap_or("score"),
            scores.join(", ")
        ));
    }
}

/// The walked path as a tree: each node, its checks with their inputs, and where it led.
fn path_lines(d: &Diagnosis, out: &mut String) {
    let n = d.steps.len();
    for (i, s) in d.steps.iter().enumerate() {
        let last = i + 1 == n;
        let (branch, pipe) = if last { ("└─", "   ") } else { ("├─", "│  ") };
        out.push_str(&format!("  {branch} {}  {}\n", style(&s.node).bold(), s.title));
        let indent = format!("  {pipe}  ");
        if let Some(a) = s.answer {
            out.push_str(&format!("{indent}answered by the engineer: {}\n", if a { "yes" } else { "no" }));
        }
        for c in &s.checks {
            check_lines(c, &indent, out);
        }
        if !s.shown.is_empty() {
            out.push_str(&format!("{indent}{}\n", style("shows:").dim()));
        }
        for r in &s.shown {
            input_lines(r, &format!("{indent}    "), out);
        }
        match &s.next {
            Some(next) => out.push_str(&format!("{indent}→ {}\n", style(next).bold())),
            None => out.push_str(&format!("{indent}→ {}\n", style("unknown").red().bold())),
        }
    }
}

/// What the walk concluded: what is missing (and the question to answer), or the root cause,
/// the resolution and the commands offered.
fn verdict_lines(d: &Diagnosis, out: &mut String) {
    if let Some(u) = &d.unknown {
        out.push_str(&format!(
            "  {} the walk stopped at `{}`: an input it needs is missing.\n",
            style("Unknown:").red().bold(),
            u.node
        ));
        for m in &u.missing {
            out.push_str(&format!("    - {m}\n"));
        }
        if let Some(q) = &u.question {
            out.push_str(&format!("  {q}\n  Answer with `--answer {}.{}=yes|no`.\n", d.runbook, u.node));
        }
    }
    if let Some(c) = &d.cause {
        out.push_str(&format!("  {} {c}\n", style("Root cause:").bold()));
    }
    if !d.shows.is_empty() {
        out.push_str(&format!("  {}\n", style("Evidence:").bold()));
        for r in &d.shows {
            input_lines(r, "    ", out);
        }
    }
    if !d.resolution.is_empty() {
        out.push_str(&format!("  {}\n", style("Resolution:").bold()));
        for (i, r) in d.resolution.iter().enumerate() {
            out.push_str(&format!("    {}. {r}\n", i + 1));
        }
    }
    if !d.calls.is_empty() {
        out.push_str(&format!("  {}\n", style("Run:").bold()));
        for c in &d.calls {
            out.push_str(&format!("    {}\n", style(command_line(c)).cyan()));
        }
    }
}

/// The closing summary line.
pub fn summary(results: &[Diagnosis], fail_on: Severity) -> String {
    let findings = results.iter().filter(|d| d.triggered == Some(true) && d.outcome.is_some()).count();
    let unknown = results.iter().filter(|d| d.unknown.is_some()).count();
    let clear = results.iter().filter(|d| d.triggered == Some(false)).count();
    let failing = results.iter().filter(|d| d.is_finding(fail_on)).count();
    format!("{findings} finding(s), {unknown} unknown, {clear} clear; {failing} at or above {fail_on} (--fail-on)")
}
