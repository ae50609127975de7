//! `masst verify`: after the fix, watch the signals that matter until the incident is over,
//! or say why not. Each result of the first reading is judged at every later reading against
//! its outcome's recovery expectation (`recovered`, `not-yet`, `worse`); the loop ends when
//! every result has recovered, at the first `worse`, or at the timeout. Refreshes reuse what
//! the first reading resolved and read only the signals the conditions need.

use std::time::{Duration, Instant};

use comfy_table::{presets::UTF8_FULL_CONDENSED, ContentArrangement, Table};
use serde::Serialize;

use crate::cli::{Global, VerifyArgs};
use crate::engine::expr::fmt_num;
use crate::engine::verify::{self, sparkline, Judgement, Verdict, Watch};
use crate::engine::{Runbook, WalkContext};
use crate::error::{Error, Outcome, Result};
use crate::evidence::collect;
use crate::settings::Settings;
use crate::ui::Printer;

/// How long and how often to look.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// `None`: the longest recovery budget of the results that fired (6 minutes by default).
    pub timeout: Option<Duration>,
    pub every: Duration,
}

/// One watched signal over the readings.
#[derive(Debug, Serialize)]
pub struct SignalReadings {
    pub name: String,
    pub start: Option<f64>,
    pub now: Option<f64>,
    pub readings: Vec<Option<f64>>,
}

/// One result: what it was watched for, how it ended, and its signals' readings.
#[derive(Debug, Serialize)]
pub struct ResultReport {
    #[serde(flatten)]
    pub watch: Watch,
    pub verdict: Verdict,
    pub why: String,
    /// Seconds from the start to the first reading it recovered at.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recovered_after_s: Option<f64>,
    pub signals: Vec<SignalReadings>,
}

/// The verification, for the printer, the journal and `--output json`.
#[derive(Debug, Serialize)]
pub struct Report {
    pub verdict: Verdict,
    pub timeout_s: u64,
    pub every_s: u64,
    pub readings: Vec<jiff::Timestamp>,
    pub results: Vec<ResultReport>,
}

/// The results of `runbook` (`all` for every runbook), optionally one model's.
pub fn run(global: &Global, args: &VerifyArgs, printer: &Printer) -> Result<Outcome> {
    let set = super::runbooks(global)?;
    let selected = super::select(&set, &args.runbook)?;
    let settings = Settings::load(global.config.as_deref())?.settings;
    let opts = Options { timeout: args.timeout, every: args.every };
    let report = verify(global, &settings, &selected, None, opts, printer)?;
    print(printer, &report);
    Ok(if report.verdict == Verdict::Recovered { Outcome::Clear } else { Outcome::Findings })
}

/// Runs the loop against live AWS. `only` keeps the results of one runbook (and model), as
/// after an action offered by that result.
pub fn verify(
    global: &Global,
    settings: &Settings,
    runbooks: &[&Runbook],
    only: Option<(&str, Option<&str>)>,
    opts: Options,
    printer: &Printer,
) -> Result<Report> {
    super::block_on(async {
        let clients = super::clients(global, settings).await?;
        let models = settings.model_keys();
        let full = collect::plan(runbooks, &models);
        let refresh = collect::refresh_plan(runbooks, &models);
        let started = Instant::now();
        let first = collect::collect(&clients, settings, &full, 60, jiff::Timestamp::now()).await?;
        let cx = WalkContext { models: models.clone(), answers: Default::default() };
        let mut watches = verify::begin(runbooks, &first, &cx);
        if let Some((rb, model)) = only {
            watches.retain(|w| w.runbook == rb && (model.is_none() || w.model.as_deref() == model));
        }
        if watches.is_empty() {
            return Err(Error::Usage("no result to verify: the runbooks selected gave none".into()));
        }
        let timeout = opts.timeout.unwrap_or_else(|| {
            let budget = watches.iter().filter(|w| w.was_triggered != Some(false)).map(|w| w.within_s).max();
            Duration::from_secs(budget.unwrap_or(verify::DEFAULT_WITHIN_S))
        });
        let rb_of = |w: &Watch| runbooks.iter().find(|r| r.name == w.runbook).copied().expect("a watch's runbook");
        let judge_all = |ev: &crate::evidence::Evidence| -> Vec<Judgement> {
            watches.iter().map(|w| verify::judge(rb_of(w), ev, w)).collect()
        };
        let mut times = vec![first.taken_at];
        let mut readings = vec![judge_all(&first)];
        let mut recovered_at: Vec<Option<f64>> = vec![None; watches.len()];
        loop {
            let last = readings.last().expect("one reading");
            let elapsed = started.elapsed();
            for (i, j) in last.iter().enumerate() {
                if j.verdict == Verdict::Recovered && recovered_at[i].is_none() {
                    recovered_at[i] = Some(elapsed.as_secs_f64());
                }
            }
            progress(printer, &watches, last, elapsed);
            let all_recovered = recovered_at.iter().all(Option::is_some);
            let worse = last.iter().any(|j| j.verdict == Verdict::Worse);
            if all_recovered || worse || elapsed + opts.every > timeout {
                break;
            }
            tokio::time::sleep(opts.every).await;
            let ev = collect::collect(&clients, settings, &refresh, 60, jiff::Timestamp::now()).await?;
            times.push(ev.taken_at);
            readings.push(judge_all(&ev));
        }
        Ok(report(watches, times, readings, recovered_at, timeout, opts.every))
    })
}

fn report(
    watches: Vec<Watch>,
    times: Vec<jiff::Timestamp>,
    readings: Vec<Vec<Judgement>>,
    recovered_at: Vec<Option<f64>>,
    timeout: Duration,
    every: Duration,
) -> Report {
    let last = readings.last().expect("one reading");
    let results: Vec<ResultReport> = watches
        .into_iter()
        .enumerate()
        .map(|(i, w)| {
            let j = &last[i];
            // A result that recovered once stays recovered unless it then got worse.
            let verdict =
                if recovered_at[i].is_some() && j.verdict != Verdict::Worse { Verdict::Recovered } else { j.verdict };
            let signals = w
                .watched
                .iter()
                .map(|name| {
                    let series: Vec<Option<f64>> =
                        readings.iter().map(|r| r[i].values.get(name).copied().flatten()).collect();
                    SignalReadings {
                        name: name.clone(),
                        start: series.first().copied().flatten(),
                        now: series.last().copied().flatten(),
                        readings: series,
                    }
                })
                .collect();
            ResultReport { verdict, why: j.why.clone(), recovered_after_s: recovered_at[i], signals, watch: w }
        })
        .collect();
    let verdict = if results.iter().any(|r| r.verdict == Verdict::Worse) {
        Verdict::Worse
    } else if results.iter().all(|r| r.verdict == Verdict::Recovered) {
        Verdict::Recovered
    } else {
        Verdict::NotYet
    };
    Report { verdict, timeout_s: timeout.as_secs(), every_s: every.as_secs(), readings: times, results }
}

/// One line per result that is not quietly clear, at each reading (stderr: it is progress).
fn progress(printer: &Printer, watches: &[Watch], judged: &[Judgement], elapsed: Duration) {
    if printer.json() || printer.quiet {
        return;
    }
    for (w, j) in watches.iter().zip(judged) {
        if w.was_triggered == Some(false) && j.verdict == Verdict::Recovered {
            continue;
        }
        let values: Vec<String> = j
            .values
            .iter()
            .map(|(k, v)| format!("{k} {}", v.map(fmt_num).unwrap_or_else(|| "missing".into())))
            .collect();
        printer.note(format!(
            "[{:>4}s] {:<28} {:<9} {}",
            elapsed.as_secs(),
            w.label(),
            j.verdict.as_str(),
            values.join(", ")
        ));
    }
}

/// A result that was clear at the start and stayed clear reads `clear`, not `recovered`.
fn shown(res: &ResultReport) -> &'static str {
    if res.watch.was_triggered == Some(false) && res.verdict == Verdict::Recovered {
        "clear"
    } else {
        res.verdict.as_str()
    }
}

/// The verification as a table that fits the terminal, or one JSON document.
pub fn print(printer: &Printer, r: &Report) {
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
