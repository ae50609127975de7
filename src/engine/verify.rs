//! Verification: is the incident over? The seed ends every resolution with a check ("monitor
//! P99 recovering within 1-2 minutes", "verify ThrottleRate stays at 0 %"); here each result of
//! the first reading becomes a [`Watch`] that later readings are judged against: `recovered`
//! (the outcome's recovery expectation, or else "the trigger no longer fires"), `worse` (the
//! runbook's `worse` condition against the start values, or a clear runbook that now fires),
//! or `not-yet`. Pure: evidence in, verdicts out.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::engine::expr::{Eval, SigValue};
use crate::engine::runbook::{Condition, Runbook};
use crate::engine::signal::{Kind, Placeholders, Resolver};
use crate::engine::walk::{walk, WalkContext};
use crate::evidence::Evidence;

/// How long a result may take to recover when its outcome states no budget.
pub const DEFAULT_WITHIN_S: u64 = 360;

/// What recovery means for one result, fixed at the first reading.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Watch {
    pub runbook: String,
    pub model: Option<String>,
    /// The outcome at the first reading (`None`: clear, or undecided).
    pub outcome: Option<String>,
    pub was_triggered: Option<bool>,
    /// What "recovered" means here, in words.
    pub expectation: String,
    /// The seed's time budget for it, in seconds.
    pub within_s: u64,
    /// Every signal's value at the first reading, bound as `start_<signal>`.
    #[serde(skip)]
    pub start: BTreeMap<String, SigValue>,
    /// The numeric signals shown for this result: the trigger's and the expectation's.
    pub watched: Vec<String>,
}

impl Watch {
    /// `runbook/model` as the engineer reads it.
    pub fn label(&self) -> String {
        match &self.model {
            Some(m) => format!("{}/{m}", self.runbook),
            None => self.runbook.clone(),
        }
    }
}

/// How a result stands at one reading.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Recovered,
    NotYet,
    Worse,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Recovered => "recovered",
            Verdict::NotYet => "not-yet",
            Verdict::Worse => "worse",
        }
    }
}

/// One result judged at one reading, with the watched values that decided it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Judgement {
    pub verdict: Verdict,
    pub why: String,
    pub values: BTreeMap<String, Option<f64>>,
}

fn recovery_of<'a>(rb: &'a Runbook, outcome: Option<&str>) -> Option<&'a crate::engine::runbook::Recovery> {
    outcome.and_then(|o| rb.outcomes.get(o)).and_then(|o| o.recovery.as_ref())
}

/// The watches for every result of `runbooks` over the first reading.
pub fn begin(runbooks: &[&Runbook], ev: &Evidence, cx: &WalkContext) -> Vec<Watch> {
    let mut out = Vec::new();
    for rb in runbooks {
        for d in walk(rb, ev, cx) {
            let r = Resolver::new(&rb.signals, ev, Placeholders { model: d.model.clone() });
            let start: BTreeMap<String, SigValue> =
                rb.signals.keys().filter_map(|k| Some((format!("start_{k}"), r.get(k).value?))).collect();
            let recovery = if d.triggered == Some(true) { recovery_of(rb, d.outcome.as_deref()) } else { None };
            let trigger_says = rb.trigger.says.clone().unwrap_or_else(|| rb.trigger.expr.source.clone());
            let expectation = match (d.triggered, recovery) {
                (Some(false), _) => format!("stays clear (never: {trigger_says})"),
                (_, Some(rec)) => rec.when.says.clone().unwrap_or_else(|| rec.when.expr.source.clone()),
                _ => format!("the trigger no longer fires ({trigger_says})"),
            };
            let mut watched = Vec::new();
            let conds: Vec<&Condition> =
                [Some(&rb.trigger), recovery.map(|r| &r.when), rb.worse.as_ref()].into_iter().flatten().collect();
            for c in conds {
                for id in c.expr.identifiers() {
                    let id = id.strip_prefix("start_").unwrap_or(&id).to_string();
                    // Readings worth watching move: configuration values and the runbook's
                    // own [thresholds] are constants, not signals.
                    let numeric = rb.signals.get(&id).is_some_and(|s| {
                        matches!(s.kind, Kind::Number | Kind::List)
                            && !matches!(
                                s.source,
                                crate::engine::signal::Source::Config { .. }
                                    | crate::engine::signal::Source::Threshold { .. }
                            )
                    });
                    if numeric && !watched.contains(&id) {
                        watched.push(id);
                    }
                }
            }
            out.push(Watch {
                runbook: rb.name.clone(),
                model: d.model.clone(),
                outcome: d.outcome.clone(),
                was_triggered: d.triggered,
                expectation,
                within_s: recovery.map(|r| r.within.as_secs()).unwrap_or(DEFAULT_WITHIN_S),
                start,
                watched,
            });
        }
    }
    out
}

/// A watched signal's value as one number: a series shows its last point.
fn number(v: &SigValue) -> Option<f64> {
    match v {
        SigValue::Num(n) => Some(*n),
        SigValue::List(xs) => xs.last().copied(),
        _ => None,
    }
}

fn holds(r: &Resolver<'_>, c: &Condition, start: &BTreeMap<String, SigValue>) -> Result<bool, String> {
    match r.eval_with(&c.expr, start).0 {
        Eval::Value(SigValue::Bool(b)) => Ok(b),
        Eval::Value(v) => Err(format!("`{}` gave {}", c.expr.source, v.display())),
        Eval::Unknown(why) => Err(why),
    }
}

/// Judges one result at a later reading.
pub fn judge(rb: &Runbook, ev: &Evidence, w: &Watch) -> Judgement {
    let r = Resolver::new(&rb.signals, ev, Placeholders { model: w.model.clone() });
    let values = w.watched.iter().map(|k| (k.clone(), r.get(k).value.as_ref().and_then(number))).collect();
    let fires = holds(&r, &rb.trigger, &w.start);
    let says = |c: &Condition| c.says.clone().unwrap_or_else(|| c.expr.source.clone());
    let (verdict, why) = if w.was_triggered == Some(false) {
        match fires {
            Ok(true) => (Verdict::Worse, format!("was clear and now fires: {}", says(&rb.trigger))),
            Ok(false) => (Verdict::Recovered, "still clear".to_string()),
            Err(why) => (Verdict::NotYet, format!("cannot tell: {why}")),
        }
    } else if let Some(true) = rb.worse.as_ref().and_then(|c| holds(&r, c, &w.start).ok()) {
        (Verdict::Worse, format!("worse than at the start: {}", says(rb.worse.as_ref().expect("checked"))))
    } else {
        let expected = match recovery_of(rb, w.outcome.as_deref()).filter(|_| w.was_triggered == Some(true)) {
            Some(rec) => holds(&r, &rec.when, &w.start),
            None => fires.as_ref().map(|f| !f).map_err(Clone::clone),
        };
        match (expected, fires) {
            (Ok(true), _) => (Verdict::Recovered, w.expectation.clone()),
            (Ok(false), Ok(true)) => (Verdict::NotYet, format!("still fires: {}", says(&rb.trigger))),
            (Ok(false), _) => (Verdict::NotYet, format!("not yet: {}", w.expectation)),
            (Err(why), _) => (Verdict::NotYet, format!("cannot tell yet: {why}")),
        }
    };
    Judgement { verdict, why, values }
}

/// A series of readings as a one-line chart (`▁▃▅▇`); a missing reading is a space.
pub fn sparkline(values: &[Option<f64>]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let known: Vec<f64> = values.iter().flatten().copied().filter(|v| v.is_finite()).collect();
    let (lo, hi) = known.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), v| (l.min(*v), h.max(*v)));
    values
        .iter()
        .map(|v| match v {
            Some(v) if v.is_finite() => {
                let i = if hi > lo { ((v - lo) / (hi - lo) * 7.0).round() as usize } else { 3 };
                BARS[i.min(7)]
            }
            _ => ' ',
        })
        .collect()
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

/// The verification assembled from its readings: a verdict per result (one that recovered
/// once stays recovered unless it then got worse), each watched signal's readings, and the
/// overall verdict.
pub fn report(
    watches: Vec<Watch>,
    times: Vec<jiff::Timestamp>,
    readings: Vec<Vec<Judgement>>,
    recovered_at: Vec<Option<f64>>,
    timeout: std::time::Duration,
    every: std::time::Duration,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::scenario::Scenario;

    fn cx() -> WalkContext {
        WalkContext { models: vec!["sonnet".into(), "haiku".into()], answers: Default::default() }
    }

    fn rb(name: &str) -> &'static Runbook {
        let set = Box::leak(Box::new(crate::engine::load_embedded(crate::actions::catalog())));
        set.get(name).unwrap()
    }

    #[test]
    fn a_world_that_is_still_broken_is_not_yet_and_a_healthy_one_recovered() {
        let sale = Scenario::embedded("flash-sale").unwrap().evidence(None);
        let mut healthy = Scenario::embedded("healthy").unwrap().evidence(None);
        let t = rb("throttling");
        let w = begin(&[t], &sale, &cx()).remove(0);
        assert_eq!(w.outcome.as_deref(), Some("other-workloads-consuming-quota"));
        assert_eq!(judge(t, &sale, &w).verdict, Verdict::NotYet);
        // Throttling has stopped, but analytics still has calls in flight: not yet.
        let j = judge(t, &healthy, &w);
        assert_eq!(j.verdict, Verdict::NotYet, "{}", j.why);
        for (key, points) in healthy.metrics.iter_mut() {
            if key.starts_with("MangaAssist/Analytics:") {
                points.iter_mut().for_each(|p| p.1 = 0.0);
            }
        }
        let j = judge(t, &healthy, &w);
        assert_eq!(j.verdict, Verdict::Recovered, "{}", j.why);
        assert!(w.watched.contains(&"throttle_recent".to_string()), "{:?}", w.watched);
    }

    #[test]
    fn a_threshold_is_a_constant_of_the_condition_not_a_watched_signal() {
        let sale = Scenario::embedded("flash-sale").unwrap().evidence(None);
        let w = begin(&[rb("throttling")], &sale, &cx()).remove(0);
        assert!(!w.watched.contains(&"throttle_rate".to_string()), "{:?}", w.watched);
        assert!(w.watched.contains(&"throttle_recent".to_string()), "{:?}", w.watched);
    }

    #[test]
    fn a_clear_runbook_that_starts_firing_is_worse() {
        let healthy = Scenario::embedded("healthy").unwrap().evidence(None);
        let sale = Scenario::embedded("flash-sale").unwrap().evidence(None);
        let t = rb("throttling");
        let w = begin(&[t], &healthy, &cx()).remove(0);
        assert_eq!(w.was_triggered, Some(false));
        let j = judge(t, &sale, &w);
        assert_eq!(j.verdict, Verdict::Worse, "{}", j.why);
    }

    #[test]
    fn every_seed_monitor_step_is_an_outcome_recovery_expectation() {
        for (runbook, outcome) in [
            ("throttling", "other-workloads-consuming-quota"),
            ("throttling", "circuit-breaker-working"),
            ("underutilization", "ceiling-too-low"),
            ("priority-inversion", "pause-batch"),
            ("dlq", "retry-count-is-receive-count"),
        ] {
            let o = &rb(runbook).outcomes[outcome];
            assert!(o.recovery.is_some(), "{runbook}/{outcome} has no recovery expectation");
        }
    }

    #[test]
    fn sparklines_scale_to_the_readings_and_show_gaps() {
        assert_eq!(sparkline(&[Some(0.0), Some(0.5), Some(1.0)]), "▁▅█");
        assert_eq!(sparkline(&[Some(2.0), None, Some(2.0)]), "▄ ▄");
    }
}
