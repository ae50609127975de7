//! The incident report: one self-contained page an engineer attaches to the postmortem. HTML
//! (inline SVG charts drawn with plotters, inline CSS, no script, no network fetch of any
//! kind, every string from AWS or a file escaped, readable when printed) or Markdown (Mermaid
//! for the walk, a table of values per chart) for tickets and chat.
//!
//! Built from plain data: the evidence, the walk's results and the journal entries in the
//! window. A metric with no data is said to be missing, never drawn as a flat zero line.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::actions::journal::Entry;
use crate::engine::expr::{Expr, SigValue};
use crate::engine::signal::Resolved;
use crate::engine::walk::{Check, Diagnosis};
use crate::evidence::Evidence;
use crate::text::fmt_num;

/// What a report is made of.
pub struct Input<'a> {
    pub ev: &'a Evidence,
    pub results: &'a [Diagnosis],
    /// Journal entries applied in the window, oldest first.
    pub entries: Vec<&'a Entry>,
}

/// One chart: a metric signal a walk read, its threshold and what broke it.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub name: String,
    pub source: String,
    /// The metric's logical key (`Namespace:Name`), which names its unit.
    pub metric: String,
    pub points: Vec<(i64, f64)>,
    /// The comparison and the value it was made against (`> 0.05`).
    pub threshold: Option<(String, f64)>,
    /// Why there is nothing to draw.
    pub missing: Option<String>,
}

impl Chart {
    fn breaks(&self, v: f64) -> bool {
        match &self.threshold {
            Some((op, t)) => match op.as_str() {
                ">" => v > *t,
                ">=" => v >= *t,
                "<" => v < *t,
                "<=" => v <= *t,
                _ => v == *t,
            },
            None => false,
        }
    }

    fn broken(&self) -> usize {
        self.points.iter().filter(|(_, v)| self.breaks(*v)).count()
    }
}

/// Every metric input a result's walk read (its trigger and every step), once each.
fn metric_inputs(d: &Diagnosis) -> Vec<(&Resolved, Vec<&Check>)> {
    fn visit<'a>(r: &'a Resolved, c: &'a Check, out: &mut Vec<(&'a Resolved, Vec<&'a Check>)>) {
        if r.metric.is_some() {
            match out.iter_mut().find(|(x, _)| x.name == r.name) {
                Some((_, checks)) => checks.push(c),
                None => out.push((r, vec![c])),
            }
        }
        for p in &r.parts {
            visit(p, c, out);
        }
    }
    let mut out = Vec::new();
    for c in std::iter::once(&d.trigger).chain(d.steps.iter().flat_map(|s| s.checks.iter())) {
        for r in &c.inputs {
            visit(r, c, &mut out);
        }
    }
    out
}

/// The value a signal was compared against in `check`: `name OP rhs`, or `x OP rhs` inside
/// `name.filter(x, ...)`/`name.exists(x, ...)`, with `rhs` evaluated over the check's inputs.
fn threshold(name: &str, check: &Check) -> Option<(String, f64)> {
    let src = &check.expr;
    let lambda = [".filter(x,", ".exists(x,", ".all(x,"].iter().any(|m| src.contains(&format!("{name}{m}")));
    let subject = if lambda { format!(r"(?:\b{name}\b|\bx\b)") } else { format!(r"\b{}\b", regex::escape(name)) };
    let re = regex::Regex::new(&format!(r"{subject}\s*(>=|<=|==|>|<)\s*([^&|),?]+)")).ok()?;
    let caps = re.captures(src)?;
    let (op, rhs) = (caps.get(1)?.as_str().to_string(), caps.get(2)?.as_str().trim());
    let mut vars = BTreeMap::new();
    fn bind(r: &Resolved, vars: &mut BTreeMap<String, SigValue>) {
        if let Some(v) = &r.value {
            vars.insert(r.name.clone(), v.clone());
        }
        r.parts.iter().for_each(|p| bind(p, vars));
    }
    check.inputs.iter().for_each(|r| bind(r, &mut vars));
    match Expr::compile(rhs).ok()?.eval(&vars).ok()? {
        SigValue::Num(n) if n.is_finite() => Some((op, n)),
        _ => None,
    }
}

/// The charts of one result.
pub fn charts(ev: &Evidence, d: &Diagnosis) -> Vec<Chart> {
    metric_inputs(d)
        .into_iter()
        .map(|(r, checks)| {
            let key = r.metric.clone().unwrap_or_default();
            // A series summed over models or divided by others is the signal's, not one key's.
            let points =
                if r.points.is_empty() { ev.metrics.get(&key).cloned().unwrap_or_default() } else { r.points.clone() };
            Chart {
                name: r.name.clone(),
                source: r.source.clone(),
                metric: key.clone(),
                threshold: checks.iter().find_map(|c| threshold(&r.name, c)),
                missing: points.is_empty().then(|| {
                    r.missing
                        .first()
                        .cloned()
                        .unwrap_or_else(|| format!("metric {key} has no datapoints in the window"))
                }),
                points,
            }
        })
        .collect()
}

/// A chart as inline SVG: the series (broken where a minute is missing), the threshold as a
/// dashed red line, the points that broke it as red dots, and the journal's changes as
/// labelled vertical markers.
pub fn svg(chart: &Chart, markers: &[(i64, String)]) -> String {
    use plotters::prelude::*;
    let (unit, scale) = unit(&chart.metric);
    let (t0, t1) = (chart.points.first().map(|p| p.0).unwrap_or(0), chart.points.last().map(|p| p.0).unwrap_or(60));
    let x = |t: i64| (t - t0) as f64 / 60.0;
    let x_max = x(t1).max(1.0);
    let values = chart.points.iter().map(|p| p.1).chain(chart.threshold.iter().map(|t| t.1));
    let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), v| (l.min(v), h.max(v)));
    let (lo, hi) = if lo.is_finite() { (lo.min(0.0), if hi > lo { hi * 1.1 } else { lo + 1.0 }) } else { (0.0, 1.0) };
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (W, H)).into_drawing_area();
        let _ = root.fill(&WHITE);
        let chart_built = ChartBuilder::on(&root)
            .margin(10)
            // Room for the tick labels and, below them, the axis's words: they never overlap.
            .x_label_area_size(44)
            .y_label_area_size(68)
            .build_cartesian_2d(0f64..x_max, lo..hi);
        let Ok(mut c) = chart_built else { return String::new() };
        let _ = c
            .configure_mesh()
            .x_desc("minutes into the window (min)")
            .y_desc(unit)
            .y_label_formatter(&|v| fmt_num(*v * scale))
            .x_label_formatter(&|v| format!("{v:.0}"))
            .light_line_style(RGBColor(235, 235, 235))
            .draw();
        // One line per run of consecutive minutes: a gap is a gap, not a slope.
        let mut runs: Vec<Vec<(f64, f64)>> = Vec::new();
        let mut prev: Option<i64> = None;
        for &(t, v) in &chart.points {
            if prev.is_none_or(|p| t - p > 90) {
                runs.push(Vec::new());
            }
            runs.last_mut().expect("pushed").push((x(t), v));
            prev = Some(t);
        }
        for run in runs {
            let _ = c.draw_series(LineSeries::new(run, RGBColor(31, 119, 180).stroke_width(2)));
        }
        if let Some((_, t)) = &chart.threshold {
            let dashes = (0..40).map(|i| {
                let a = x_max * i as f64 / 40.0;
                PathElement::new(vec![(a, *t), (a + x_max / 80.0, *t)], RED.stroke_width(1))
            });
            let _ = c.draw_series(dashes);
        }
        let broke = chart
            .points
            .iter()
            .filter(|(_, v)| chart.breaks(*v))
            .map(|(t, v)| Circle::new((x(*t), *v), 3, RED.filled()));
        let _ = c.draw_series(broke);
        for (t, label) in markers.iter().filter(|(t, _)| *t >= t0 && *t <= t1) {
            let at = x(*t);
            let _ = c.draw_series(std::iter::once(PathElement::new(
                vec![(at, lo), (at, hi)],
                RGBColor(44, 160, 44).stroke_width(2),
            )));
            let _ = c.draw_series(std::iter::once(Text::new(
                label.clone(),
                (at, hi),
                ("sans-serif", 12).into_font().color(&RGBColor(44, 160, 44)),
            )));
        }
        let _ = root.present();
    }
    // Scale with the page: the drawing keeps its proportions (viewBox) at the page's width.
    out.replacen(
        &format!("width=\"{W}\" height=\"{H}\" viewBox"),
        "width=\"100%\" preserveAspectRatio=\"xMidYMid meet\" viewBox",
        1,
    )
}

/// The drawing size of a chart (its viewBox); the page scales it to its width.
const W: u32 = 720;
const H: u32 = 240;

/// The unit of a metric's values as its chart's y axis says it, and the factor its tick
/// labels are multiplied by (a rate is a fraction, shown in %), from the metric's name.
pub fn unit(metric: &str) -> (&'static str, f64) {
    let name = metric.split('{').next().unwrap_or(metric);
    let name = name.rsplit(':').next().unwrap_or(name).split('_').next().unwrap_or(name);
    match name {
        n if n.ends_with("Rate") => ("%", 100.0),
        n if n.contains("Latency") || n.starts_with("P99") => ("ms", 1.0),
        "QueueAge" => ("seconds", 1.0),
        "QueueDepth" | "Depth" | "Retryable" | "NonRetryable" | "Unknown" => ("messages", 1.0),
        n if n.ends_with("PerMinute") && (n.starts_with("Enqueued") || n.starts_with("Processed")) => {
            ("messages / min", 1.0)
        }
        n if n.ends_with("PerMinute") => ("calls / min", 1.0),
        n if n.contains("Concurrency") => ("calls in flight", 1.0),
        "CircuitState" => ("state (0 closed, 2 open)", 1.0),
        _ => ("count", 1.0),
    }
}

/// Inputs as `name = value, ...` (`missing` where there is none).
fn inputs_text(inputs: &[Resolved]) -> String {
    inputs
        .iter()
        .map(|i| format!("{} = {}", i.name, i.value.as_ref().map(|v| v.display()).unwrap_or_else(|| "missing".into())))
        .collect::<Vec<_>>()
        .join(", ")
}

fn esc(s: &str) -> String {
    html_escape::encode_text(s).replace('"', "&quot;").replace('\'', "&#39;")
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

const CSS: &str = "body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;max-width:980px;margin:2em auto;padding:0 1em;color:#1d1d1d}\
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
    let marks = markers(&input.entries);
    for d in input.results.iter().filter(|d| d.triggered != Some(false)) {
        section_html(ev, d, &marks, &mut h);
    }
    actions_html(input, &mut h);
    evidence_html(input, &mut h);
    h
}

/// A result's outcome in a verdicts table: its title, or where it stopped unknown.
fn outcome_text(d: &Diagnosis) -> String {
    d.outcome_title.clone().or_else(|| d.unknown.as_ref().map(|u| format!("unknown at {}", u.node))).unwrap_or_default()
}

/// The verdicts table: every result that is not clear.
fn verdicts_html(input: &Input<'_>, h: &mut String) {
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
fn section_html(ev: &Evidence, d: &Diagnosis, marks: &[(i64, String)], h: &mut String) {
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

/// The journal's changes in the window.
fn actions_html(input: &Input<'_>, h: &mut String) {
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
fn evidence_html(input: &Input<'_>, h: &mut String) {
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

fn dlq_sample_html(ev: &Evidence, h: &mut String) {
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

/// Text safe inside a Markdown table cell or a line: no `|`, no raw HTML, no backticks.
fn md(s: &str) -> String {
    html_escape::encode_text(&crate::text::escape(s)).replace('|', "\\|").replace('`', "'").replace('\n', " ")
}

/// Text safe inside a quoted Mermaid label.
fn mermaid(s: &str) -> String {
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
fn section_md(ev: &Evidence, d: &Diagnosis, marks: &[(i64, String)], m: &mut String) {
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
fn values_md(c: &Chart, marks: &[(i64, String)], m: &mut String) {
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
