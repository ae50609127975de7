//! The report's charts: each metric a walk read, its threshold and the points that broke it,
//! drawn as inline SVG with plotters; a metric with no data is a named gap, never a flat line.

use super::*;

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
    pub(super) fn breaks(&self, v: f64) -> bool {
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

    pub(super) fn broken(&self) -> usize {
        self.points.iter().filter(|(_, v)| self.breaks(*v)).count()
    }
}

/// Every metric input a result's walk read (its trigger and every step), once each.
pub(super) fn metric_inputs(d: &Diagnosis) -> Vec<(&Resolved, Vec<&Check>)> {
    pub(super) fn visit<'a>(r: &'a Resolved, c: &'a Check, out: &mut Vec<(&'a Resolved, Vec<&'a Check>)>) {
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
pub(super) fn threshold(name: &str, check: &Check) -> Option<(String, f64)> {
    let src = &check.expr;
    let lambda = [".filter(x,", ".exists(x,", ".all(x,"].iter().any(|m| src.contains(&format!("{name}{m}")));
    let subject = if lambda { format!(r"(?:\b{name}\b|\bx\b)") } else { format!(r"\b{}\b", regex::escape(name)) };
    let re = regex::Regex::new(&format!(r"{subject}\s*(>=|<=|==|>|<)\s*([^&|),?]+)")).ok()?;
    let caps = re.captures(src)?;
    let (op, rhs) = (caps.get(1)?.as_str().to_string(), caps.get(2)?.as_str().trim());
    let mut vars = BTreeMap::new();
    pub(super) fn bind(r: &Resolved, vars: &mut BTreeMap<String, SigValue>) {
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
pub(super) const W: u32 = 720;

pub(super) const H: u32 = 240;

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
