//! The report as Markdown for tickets and chat: Mermaid for the walk, a table of values per
//! chart, every cell escaped.

use super::*;

use super::charts::*;

/// Text safe inside a Markdown table cell or a line: no `|`, no raw HTML, no backticks.
pub(super) fn md(s: &str) -> String {
    html_escape::encode_text(&crate::text::escape(s)).replace('|', "\\|").replace('`', "'").replace('\n', " ")
}

/// Text safe inside a quoted Mermaid label.
pub(super) fn mermaid(s: &str) -> String {
    md(s).replace('"', "#quot;")
}

/// The report as Markdown: Mermaid for the walk, a table of values per chart.
pub fn markdown(input: &Input<'_>) -> String {
    let ev = input.ev;
    let mut m = String::new();
    let _ = writeln!(m, "# Incident report\n");
    let _ = writeln!(
        m,
        "Evidence from **{}**, taken {}; window {} minutes. Written by masst {}.\n",
        md(&ev.source),
        ev.taken_at,
        ev.window_minutes,
        env!("CARGO_PKG_VERSION")
    );
    m.push_str("## Verdicts\n\n| severity | runbook | outcome |\n|---|---|---|\n");
    for d in input.results.iter().filter(|d| d.triggered != Some(false)) {
        let outcome = outcome_text(d);
        let _ = writeln!(
            m,
            "| {} | {} | {} |",
            d.severity.map(|s| s.to_string().to_uppercase()).unwrap_or_default(),
            md(&label(d)),
            md(&outcome)
        );
    }
    if let Some(v) = crate::ui::bedrock::view(ev, 5) {
        let _ = writeln!(
            m,
            "\n## Bedrock's view\n\nWhat AWS/Bedrock counted over the last {} minutes, beside {}.\n\n\
             | model | throttled | calls | latency p99 | tokens/min |\n|---|---|---|---|---|",
            v.minutes,
            md(&crate::ui::bedrock::app_text(&v))
        );
        for r in crate::ui::bedrock::rows(&v) {
            let _ = writeln!(m, "| {} |", r.iter().map(|c| md(c)).collect::<Vec<_>>().join(" | "));
        }
    }
    let marks = markers(&input.entries);
    for d in input.results.iter().filter(|d| d.triggered != Some(false)) {
        section_md(ev, d, &marks, &mut m);
    }
    m.push_str("\n## Actions taken\n\n");
    if input.entries.is_empty() {
        m.push_str("No change was journaled in the window.\n");
    } else {
        m.push_str("| applied (UTC) | who | action | change | state | verified |\n|---|---|---|---|---|---|\n");
        for e in &input.entries {
            let [time, who, action, _, change, state, verified] = entry_cells(e);
            let time = time.trim_end_matches(" UTC");
            let _ = writeln!(
                m,
                "| {time} | {} | {} | {} | {state} | {} |",
                md(&who),
                md(&action),
                md(&change),
                md(&verified)
            );
        }
    }
    m.push_str("\n## Clear runbooks\n\n| runbook | watches | values |\n|---|---|---|\n");
    for d in input.results.iter().filter(|d| d.triggered == Some(false)) {
        let values = inputs_text(&d.trigger.inputs);
        let _ =
            writeln!(m, "| {} | {} | {} |", md(&label(d)), md(d.trigger.says.as_deref().unwrap_or("")), md(&values));
    }
    m
}

/// One result: its trigger, each metric's values with the threshold marked, the walk as a
/// Mermaid flowchart, the cause and the fix.
pub(super) fn section_md(ev: &Evidence, d: &Diagnosis, marks: &[(i64, String)], m: &mut String) {
    let _ = writeln!(m, "\n## {} — {}\n", md(&label(d)), md(d.outcome_title.as_deref().unwrap_or("cause undecided")));
    let _ = writeln!(
        m,
        "Trigger: {} (`{}`)\n",
        md(d.trigger.says.as_deref().unwrap_or("")),
        d.trigger.expr.replace('`', "'")
    );
    m.push_str("### Signals\n");
    let charted = charts(ev, d);
    if charted.is_empty() {
        m.push_str("\nNo metric was walked: this runbook decided from queue attributes, ECS, the configuration or the DLQ sample.\n");
    }
    for c in charted {
        let _ = writeln!(m, "\n#### {} — {}\n", md(&c.name), md(&c.source));
        if let Some(why) = &c.missing {
            let _ = writeln!(m, "*Missing: {}.* No data is not zero, so nothing is shown.", md(why));
            continue;
        }
        if let Some((op, t)) = &c.threshold {
            let _ = writeln!(
                m,
                "Threshold {op} {}: broken by {} of {} points (marked ⚠).\n",
                fmt_num(*t),
                c.broken(),
                c.points.len()
            );
        }
        values_md(&c, marks, m);
    }
    m.push_str("\n### The walk\n\n```mermaid\nflowchart TD\n");
    for (i, s) in d.steps.iter().enumerate() {
        let inputs: Vec<Resolved> = s.checks.iter().flat_map(|c| c.inputs.iter().cloned()).collect();
        let values = inputs_text(&inputs);
        let _ = writeln!(m, "  n{i}[\"{}: {}<br/>{}\"]", mermaid(&s.node), mermaid(&s.title), mermaid(&values));
        let decided =
            s.checks.iter().find(|c| c.result == Some(true)).map(|c| c.says.clone().unwrap_or_else(|| c.expr.clone()));
        let edge = decided
            .or_else(|| s.answer.map(|a| format!("answered {}", if a { "yes" } else { "no" })))
            .unwrap_or_else(|| "else".into());
        let next = if i + 1 < d.steps.len() { format!("n{}", i + 1) } else { "out".into() };
        let _ = writeln!(m, "  n{i} -->|\"{}\"| {next}", mermaid(&edge));
    }
    let end = d.outcome.clone().unwrap_or_else(|| "unknown".into());
    let _ = writeln!(m, "  out((\"{}\"))\n```", mermaid(&end));
    for s in &d.steps {
        for (name, l) in crate::ui::logs::of_step(s) {
            let _ = writeln!(
                m,
                "\nLog lines at `{}`: `{name}`, {} ({}):\n",
                s.node,
                md(&l.group),
                crate::ui::logs::count_text(l)
            );
            let lines: Vec<String> =
                l.lines.iter().map(|x| crate::ui::logs::line_text(&x.at, &x.text).replace("```", "` ` `")).collect();
            if !lines.is_empty() {
                let _ = writeln!(m, "```text\n{}\n```", lines.join("\n"));
            }
        }
    }
    if let Some(cause) = &d.cause {
        let _ = writeln!(m, "\n**Root cause.** {}", md(cause));
    }
    if !d.resolution.is_empty() {
        m.push_str("\n**Resolution.**\n\n");
        for r in &d.resolution {
            let _ = writeln!(m, "- {}", md(r));
        }
    }
    if !d.calls.is_empty() {
        let cmds: Vec<String> = d.calls.iter().map(crate::ui::render::command_line).collect();
        let _ = writeln!(m, "\nOffered:\n\n```sh\n{}\n```", cmds.join("\n"));
    }
}

/// A metric's values as a table: runs of one value make one row; a gap, a marker or a new
/// value starts the next.
pub(super) fn values_md(c: &Chart, marks: &[(i64, String)], m: &mut String) {
    m.push_str("<details><summary>values</summary>\n\n| time (UTC) | value | |\n|---|---|---|\n");
    let mut rows: Vec<(i64, i64, f64, String)> = Vec::new();
    let mut prev: Option<i64> = None;
    for &(t, v) in &c.points {
        let mut note = if c.breaks(v) { "⚠".to_string() } else { String::new() };
        for (at, action) in marks {
            if *at >= t && *at < t + 60 {
                note.push_str(&format!(" ← {} applied", md(action)));
            }
        }
        let gap = prev.is_some_and(|p| t - p > 90);
        if gap {
            rows.push((prev.unwrap_or(t) + 60, t - 60, f64::NAN, String::new()));
        }
        match rows.last_mut() {
            Some(last) if !gap && last.2 == v && last.3 == note && !note.contains('←') => last.1 = t,
            _ => rows.push((t, t, v, note)),
        }
        prev = Some(t);
    }
    for (a, b, v, note) in rows {
        let span = if a == b { when(a) } else { format!("{}–{}", when(a), when(b)) };
        let value = if v.is_nan() { "*missing*".to_string() } else { fmt_num(v) };
        let _ = writeln!(m, "| {span} | {value} | {} |", note.trim());
    }
    m.push_str("\n</details>\n");
}
