//! What `masst lab drill` shows: one line per simulated minute, then the score.

use super::Printer;
use crate::lab::drill::score::{Effect, Score};
use crate::lab::drill::Step;
use crate::text::fmt_num;

/// What runs, and how to take part (before the first step).
pub fn header(
    printer: &Printer,
    name: &str,
    title: &str,
    endpoint: &str,
    (minutes, speed, seed): (u32, f64, u64),
    models: &[String],
) {
    let lines = [
        format!("lab drill: {title}"),
        format!(
            "  {} simulated minutes at {} a real minute (seed {}); p99 is {} in ms",
            minutes,
            fmt_num(speed),
            seed,
            models.join("/")
        ),
        format!("  in another terminal: masst --endpoint-url {endpoint} diagnose all   ({name})"),
    ];
    for l in lines {
        let l = fit(&l, 100);
        if printer.json() {
            printer.note(l);
        } else {
            printer.line(l);
        }
    }
}

/// One step: on stdout, or on stderr when stdout carries the JSON score.
pub fn step(printer: &Printer, s: &Step, verbose: bool) {
    let p99: Vec<String> = s.p99_ms.values().map(|v| fmt_num(v.round())).collect();
    let mut line = format!(
        "m{:<4} {} JST  throttle {:<5} p99 {:<11} ipm {:<6} batch {:<5} dlq {:<4}",
        s.minute,
        s.jst,
        format!("{:.3}", s.throttle_rate),
        format!("{} ms", p99.join("/")),
        fmt_num(s.invocations_per_minute),
        fmt_num(s.batch_depth),
        fmt_num(s.dlq_depth),
    );
    if let Some(v) = &s.verdict {
        line.push(' ');
        line.push_str(v);
    }
    let mut lines = vec![line.trim_end().to_string()];
    for c in &s.changes {
        lines.push(format!("      changed: {c}"));
    }
    if verbose {
        lines.extend(s.logs.iter().map(|l| format!("      log {l}")));
    }
    for l in lines {
        let l = fit(&l, 100);
        if printer.json() {
            printer.note(l);
        } else {
            printer.line(l);
        }
    }
}

/// The score, as a short report (or the JSON document).
pub fn score(printer: &Printer, s: &Score) {
    if printer.json() {
        printer.json_value(s);
        return;
    }
    printer.line("");
    printer.line(format!(
        "Score: {} after {} simulated minutes ({})",
        s.scenario,
        s.minutes,
        match s.ended {
            crate::lab::drill::score::Ended::Recovered => "recovered",
            crate::lab::drill::score::Ended::Minutes => "out of minutes",
            crate::lab::drill::score::Ended::Interrupted => "interrupted",
        }
    ));
    if let (Some(w), Some(e)) = (&s.watching, &s.expectation) {
        let opts = textwrap::Options::new(100).initial_indent("  watching   ").subsequent_indent("             ");
        for l in textwrap::wrap(&format!("{w}: {e}"), opts) {
            printer.line(l);
        }
    }
    printer.line(match s.minutes_to_recovery {
        Some(m) => format!("  recovered  at minute {m} (held {} minutes)", crate::lab::drill::score::HOLD),
        None if s.watching.is_some() => "  recovered  no".to_string(),
        None => "  recovered  nothing to recover from".to_string(),
    });
    let p99: Vec<String> = s.worst.p99_ms.iter().map(|(m, v)| format!("{m} {} ms", fmt_num(v.round()))).collect();
    printer.line(format!("  worst      p99 {}; throttle rate {:.3}", p99.join(", "), s.worst.throttle_rate));
    if s.changes.is_empty() {
        printer.line("  changes    none");
    }
    for c in &s.changes {
        let mark = match c.effect {
            Effect::Helpful => "helped",
            Effect::Harmful => "HURT",
            Effect::Neutral => "no effect",
        };
        printer.line(fit(&format!("  m{:<4} {:<9} {}", c.minute, mark, c.label()), 100));
        for sig in c.signals.iter().filter(|x| c.effect != Effect::Helpful || x.verdict == "better") {
            let name = sig.metric.rsplit(':').next().unwrap_or(&sig.metric);
            printer.line(format!(
                "               {name} {} → {} ({})",
                fmt_num((sig.without * 1000.0).round() / 1000.0),
                fmt_num((sig.with * 1000.0).round() / 1000.0),
                sig.verdict
            ));
        }
    }
    for j in &s.unmatched_journal {
        printer.line(format!("  journal    {} `{}`: no live change seen", j.journal_id, j.command));
    }
}

/// A line cut to `width` columns.
fn fit(text: &str, width: usize) -> String {
    console::truncate_str(text, width, "…").into_owned()
}
