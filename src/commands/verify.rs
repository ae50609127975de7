//! `masst verify`: after the fix, watch the signals that matter until the incident is over,
//! or say why not. Each result of the first reading is judged at every later reading against
//! its outcome's recovery expectation (`recovered`, `not-yet`, `worse`); the loop ends when
//! every result has recovered, at the first `worse`, or at the timeout. Refreshes reuse what
//! the first reading resolved and read only the signals the conditions need.

use std::time::{Duration, Instant};

use super::duration;
use super::Global;
use crate::engine::verify::{self, Judgement, Report, Verdict, Watch};
use crate::engine::{Runbook, WalkContext};
use crate::error::{Error, Outcome, Result};
use crate::evidence::collect;
use crate::settings::Settings;
use crate::text::fmt_num;
use crate::ui::Printer;
use clap::Args;

/// `masst verify` options.
#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The runbook to verify, or `all`.
    #[arg(default_value = "all")]
    pub runbook: String,
    /// Give up after this long, e.g. `6m` (default: the longest recovery budget of the results
    /// that fired, from the runbook files).
    #[arg(long, value_name = "DURATION", value_parser = duration)]
    pub timeout: Option<std::time::Duration>,
    /// Read the evidence again this often, e.g. `30s`.
    #[arg(long, value_name = "DURATION", default_value = "30s", value_parser = duration)]
    pub every: std::time::Duration,
}

/// How long and how often to look.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// `None`: the longest recovery budget of the results that fired (6 minutes by default).
    pub timeout: Option<Duration>,
    pub every: Duration,
}

/// The results of `runbook` (`all` for every runbook), optionally one model's.
pub fn run(global: &Global, args: &VerifyArgs, printer: &Printer) -> Result<Outcome> {
    let set = super::runbooks(global)?;
    let selected = super::select(&set, &args.runbook)?;
    let settings = Settings::load(global.config.as_deref())?.settings;
    let opts = Options { timeout: args.timeout, every: args.every };
    let report = verify(global, &settings, &selected, None, opts, printer)?;
    crate::ui::tables::verification(printer, &report);
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
    super::block_on(watch(global, settings, runbooks, only, opts, printer))
}

/// `masst verify`'s loop as the action runner's `--verify` step: the options it reads AWS
/// with, and the printer its progress goes to.
pub struct Watcher<'a> {
    pub global: &'a Global,
    pub printer: &'a Printer,
}

impl crate::actions::runner::Verifier for Watcher<'_> {
    fn watch(
        &self,
        settings: &Settings,
        runbooks: &[&Runbook],
        only: Option<(&str, Option<&str>)>,
        timeout: Option<Duration>,
        every: Duration,
    ) -> Result<Report> {
        verify(self.global, settings, runbooks, only, Options { timeout, every }, self.printer)
    }
}

/// The loop of [`verify`], async: with a zero timeout it is one reading (`masst mcp`'s
/// `verify_once`), awaited under the server's deadline.
pub async fn watch(
    global: &Global,
    settings: &Settings,
    runbooks: &[&Runbook],
    only: Option<(&str, Option<&str>)>,
    opts: Options,
    printer: &Printer,
) -> Result<Report> {
    {
        let clients = super::clients(global, settings).await?;
        let models = settings.model_keys();
        let full = crate::engine::needs::plan(runbooks, &models);
        let refresh = crate::engine::needs::refresh_plan(runbooks, &models);
        let started = Instant::now();
        // With --timeout, even the first reading must finish by the deadline (a zero timeout is
        // one reading, `masst mcp`'s verify_once, bounded by the server's own deadline).
        let first = collect::collect(&clients, settings, &full, 60, jiff::Timestamp::now());
        let first = match opts.timeout.filter(|t| !t.is_zero()) {
            Some(t) => tokio::time::timeout(t, first).await.map_err(|_| {
                Error::Evidence(format!(
                    "the first reading did not finish within --timeout {} s: AWS (or the endpoint) did not answer in \
                     time. Check the endpoint and retry, or give verify more time",
                    t.as_secs()
                ))
            })??,
            None => first.await?,
        };
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
            // A reading is bounded by the time that remains: the timeout is a deadline.
            let remaining = timeout.saturating_sub(started.elapsed());
            let reading = collect::collect(&clients, settings, &refresh, 60, jiff::Timestamp::now());
            let Ok(ev) = tokio::time::timeout(remaining, reading).await else {
                printer.note(format!(
                    "[{:>4}s] the reading did not finish by the {} s deadline (AWS did not answer in time); the verdict \
                     stands on the readings before it",
                    started.elapsed().as_secs(),
                    timeout.as_secs()
                ));
                break;
            };
            let ev = ev?;
            times.push(ev.taken_at);
            readings.push(judge_all(&ev));
        }
        Ok(verify::report(watches, times, readings, recovered_at, timeout, opts.every))
    }
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
