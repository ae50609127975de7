//! The report as one self-contained HTML page: inline CSS and SVG, no script, no fetch,
//! every string from AWS or a file escaped.

use super::*;

use super::charts::*;

pub(super) fn esc(s: &str) -> String {
    html_escape::encode_text(s).replace('"', "&quot;").replace('\'', "&#39;")
}

pub(super) const CSS: &str = "body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;max-width:980px;margin:2em auto;padding:0 1em;color:#1d1d1d}\
h1{font-size:1.6em;margin-bottom:.2em}h2{border-bottom:1px solid #ddd;padding-bottom:.2em;margin-top:1.6em}\
table{border-collapse:collapse;margin:.6em 0}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left;vertical-align:top}\
th{background:#f4f4f4}.meta{color:#555}.critical{color:#b00020;font-weight:600}.warning{color:#a15c00;font-weight:600}.info{color:#2a5db0}\
figure{margin:.8em 0;border:1px solid #e4e4e4;padding:.4em;page-break-inside:avoid}figcaption{color:#444;font-size:.92em}\
.missing{color:#b00020;font-style:italic}ol.walk{list-style:none;padding-left:0}ol.walk>li{border-left:3px solid #1f77b4;margin:.4em 0;padding:.2em .8em}\
ol.walk>li.outcome{border-left-color:#b00020;font-weight:600}code{background:#f4f4f4;padding:0 .2em}\
@media print{body{max-width:none;margin:0}h2{page-break-after:avoid}}";

/// The report as one self-contained HTML page.
pub fn html(input: &Input<'_>) -> String {
    let ev = input.ev;
    let mut h = String::new();
    let _ = write!(
        h,
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>masst incident report: {}</title><style>{CSS}</style></head><body>\n",
        esc(&ev.source)
    );
    let _ = write!(
        h,
        "<h1>Incident report</h1>\n<p class=\"meta\">Evidence from <b>{}</b>, taken {}; window {} minutes. Written by masst {}.</p>\n",
        esc(&ev.source),
        esc(&ev.taken_at.to_string()),
        ev.window_minutes,
        env!("CARGO_PKG_VERSION")
    );
    verdicts_html(input, &mut h);
    bedrock_html(ev, &mut h);
    let marks = markers(&input.entries);
    for d in input.results.iter().filter(|d| d.triggered != Some(false)) {
        section_html(ev, d, &marks, &mut h);
    }
    actions_html(input, &mut h);
    evidence_html(input, &mut h);
    h
}

/// Bedrock's own view beside the app's, when the evidence has it.
pub(super) fn bedrock_html(ev: &Evidence, h: &mut String) {
    let Some(v) = crate::ui::bedrock::view(ev, 5) else { return };
    let _ = write!(
        h,
        "<h2>Bedrock's view</h2>\n<p>What AWS/Bedrock counted over the last {} minutes, beside {}.</p>\n\
         <table><tr><th>model</th><th>throttled</th><th>calls</th><th>latency p99</th><th>tokens/min</th></tr>\n",
        v.minutes,
        esc(&crate::ui::bedrock::app_text(&v))
    );
    for r in crate::ui::bedrock::rows(&v) {
        let cells: String = r.iter().map(|c| format!("<td>{}</td>", esc(c))).collect();
        let _ = writeln!(h, "<tr>{cells}</tr>");
    }
    h.push_str("</table>\n");
}

/// The verdicts table: every result that is not clear.
pub(super) fn verdicts_html(input: &Input<'_>, h: &mut String) {
    h.push_str("<h2>Verdicts</h2>\n<table><tr><th>severity</th><th>runbook</th><th>outcome</th></tr>\n");
    for d in input.results.iter().filter(|d| d.triggered != Some(false)) {
        let sev = d.severity.map(|s| s.to_string()).unwrap_or_default();
        let outcome = outcome_text(d);
        let _ = writeln!(
            h,
            "<tr><td class=\"{}\">{}</td><td>{}</td><td>{}</td></tr>",
            esc(&sev),
            esc(&sev.to_uppercase()),
            esc(&label(d)),
            esc(&outcome)
        );
    }
    let clear = input.results.iter().filter(|d| d.triggered == Some(false)).count();
    let _ = writeln!(h, "</table>\n<p class=\"meta\">{clear} runbook result(s) clear (listed at the end).</p>");
}

/// One result: its trigger, charts of the metrics it read, the walk, the cause, the fix.
pub(super) fn section_html(ev: &Evidence, d: &Diagnosis, marks: &[(i64, String)], h: &mut String) {
    let _ = writeln!(
        h,
        "<section><h2>{} — {}</h2>",
        esc(&label(d)),
        esc(d.outcome_title.as_deref().unwrap_or("cause undecided"))
    );
    let _ = writeln!(
        h,
        "<p>Trigger: {} (<code>{}</code>)</p>",
        esc(d.trigger.says.as_deref().unwrap_or("")),
        esc(&d.trigger.expr)
    );
    h.push_str("<h3>Signals</h3>\n");
    let charted = charts(ev, d);
    if charted.is_empty() {
        h.push_str("<p class=\"meta\">No metric was walked: this runbook decided from queue attributes, ECS, the configuration or the DLQ sample (below).</p>\n");
    }
    for c in charted {
        match &c.missing {
            Some(why) => {
                let _ = writeln!(
                    h,
                    "<p class=\"missing\">{}: missing — {}. Nothing is drawn: no data is not zero.</p>",
                    esc(&c.name),
                    esc(why)
                );
            }
            None => {
                let th = c
                    .threshold
                    .as_ref()
                    .map(|(op, t)| {
                        format!(
                            "; threshold {op} {}, broken by {} of {} points",
                            fmt_num(*t),
                            c.broken(),
                            c.points.len()
                        )
                    })
                    .unwrap_or_default();
                let _ = writeln!(
                    h,
                    "<figure class=\"chart\" data-signal=\"{}\">{}<figcaption><b>{}</b> — {}{}</figcaption></figure>",
                    esc(&c.name),
                    svg(&c, marks),
                    esc(&c.name),
                    esc(&c.source),
                    esc(&th)
                );
            }
        }
    }
    h.push_str("<h3>The walk</h3>\n<ol class=\"walk\">\n");
    for s in &d.steps {
        let _ = write!(h, "<li><b>{}</b> — {}<ul>", esc(&s.node), esc(&s.title));
        for c in &s.checks {
            let mark = match c.result {
                Some(true) => "✔",
                Some(false) => "✘",
                None => "?",
            };
            let inputs = inputs_text(&c.inputs);
            let _ = write!(
                h,
                "<li>{mark} <code>{}</code> {} <span class=\"meta\">({})</span></li>",
                esc(&c.expr),
                esc(c.says.as_deref().unwrap_or("")),
                esc(&inputs)
            );
        }
        for (name, l) in crate::ui::logs::of_step(s) {
            let lines: Vec<String> = l.lines.iter().map(|x| esc(&crate::ui::logs::line_text(&x.at, &x.text))).collect();
            let _ = write!(
                h,
                "<li class=\"logs\"><code>{}</code> {} ({})<pre>{}</pre></li>",
                esc(name),
                esc(&l.group),
                esc(&crate::ui::logs::count_text(l)),
                lines.join("\n")
            );
        }
        if let Some(a) = s.answer {
            let _ = write!(h, "<li>answered by the engineer: {}</li>", if a { "yes" } else { "no" });
        }
        let _ = writeln!(h, "</ul>→ {}</li>", esc(s.next.as_deref().unwrap_or("(stopped: unknown)")));
    }
    if let Some(o) = &d.outcome {
        let _ = writeln!(h, "<li class=\"outcome\">{}</li>", esc(o));
    }
    h.push_str("</ol>\n");
    if let Some(u) = &d.unknown {
        let _ = writeln!(h, "<p class=\"missing\">Stopped at {}: {}</p>", esc(&u.node), esc(&u.missing.join("; ")));
    }
    if let Some(cause) = &d.cause {
        let _ = writeln!(h, "<h3>Root cause</h3><p>{}</p>", esc(cause));
    }
    if !d.resolution.is_empty() {
        h.push_str("<h3>Resolution</h3><ul>");
        for r in &d.resolution {
            let _ = write!(h, "<li>{}</li>", esc(r));
        }
        h.push_str("</ul>\n");
    }
    if !d.calls.is_empty() {
        // One command a line, each copyable on its own.
        let cmds: Vec<String> = d.calls.iter().map(|c| esc(&crate::ui::render::command_line(c))).collect();
        let _ = writeln!(h, "<p>Offered:</p><pre class=\"offered\"><code>{}</code></pre>", cmds.join("\n"));
    }
    if d.reads_dlq_sample {
        dlq_sample_html(ev, h);
    }
    h.push_str("</section>\n");
}

/// The journal's changes in the window.
pub(super) fn actions_html(input: &Input<'_>, h: &mut String) {
    h.push_str("<h2>Actions taken</h2>\n");
    if input.entries.is_empty() {
        h.push_str("<p class=\"meta\">No change was journaled in the window.</p>\n");
    } else {
        h.push_str("<table><tr><th>applied</th><th>who</th><th>action</th><th>target</th><th>change</th><th>state</th><th>verified</th></tr>\n");
        for e in &input.entries {
            let cells: Vec<String> = entry_cells(e).iter().map(|c| format!("<td>{}</td>", esc(c))).collect();
            let _ = writeln!(h, "<tr>{}</tr>", cells.concat());
        }
        h.push_str("</table>\n");
    }
}

/// The clear runbooks with the values they were judged on, and where the evidence came from.
pub(super) fn evidence_html(input: &Input<'_>, h: &mut String) {
    let ev = input.ev;
    h.push_str("<h2>Clear runbooks</h2>\n<table><tr><th>runbook</th><th>watches</th><th>values</th></tr>\n");
    for d in input.results.iter().filter(|d| d.triggered == Some(false)) {
        let values = inputs_text(&d.trigger.inputs);
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&label(d)),
            esc(d.trigger.says.as_deref().unwrap_or("")),
            esc(&values)
        );
    }
    h.push_str("</table>\n<h2>Where the evidence came from</h2>\n<ul>");
    for (role, q) in &ev.queues {
        let _ = write!(h, "<li>SQS {}: <code>{}</code></li>", esc(role), esc(&q.name));
    }
    for (role, s) in &ev.services {
        let _ = write!(
            h,
            "<li>ECS {}: <code>{}</code> (desired {}, running {})</li>",
            esc(role),
            esc(&s.name),
            s.desired,
            s.running
        );
    }
    if let Some(v) = ev.config_version {
        let _ = write!(h, "<li>AppConfig document version {v}</li>");
    }
    let _ = write!(h, "<li>{} metric series</li></ul>\n</body></html>\n", ev.metrics.len());
}

pub(super) fn dlq_sample_html(ev: &Evidence, h: &mut String) {
    let Some(sample) = &ev.dlq_sample else { return };
    let mut rows: BTreeMap<(String, &str), usize> = BTreeMap::new();
    for m in &sample.messages {
        *rows.entry((m.error_type.clone().unwrap_or_else(|| "(none)".into()), m.class.as_str())).or_default() += 1;
    }
    h.push_str("<h3>DLQ sample</h3><table><tr><th>error type</th><th>class</th><th>messages</th></tr>");
    for ((t, c), n) in rows {
        let _ = write!(h, "<tr><td>{}</td><td>{}</td><td>{n}</td></tr>", esc(&t), esc(c));
    }
    h.push_str("</table>");
    let jobs: Vec<String> = sample
        .messages
        .iter()
        .filter_map(|m| m.job_id.clone())
        .take(10)
        .map(|j| format!("<code>{}</code>", esc(&j)))
        .collect();
    if !jobs.is_empty() {
        let _ = writeln!(h, "<p>Jobs: {}</p>", jobs.join(" "));
    }
}
