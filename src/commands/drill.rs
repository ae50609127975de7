//! `masst lab drill`: a practice incident in the local emulator. Builds the scenario as `lab up`
//! does, then each simulated minute reads the live world, steps the model (src/lab/drill),
//! moves the minute's jobs on SQS, rewrites the last hour of metrics, and prints one line;
//! it ends with the score when the runbook's recovery has held for 5 steps, at `--minutes`, or
//! on Ctrl-C. The endpoint was checked to be loopback before this runs (commands::lab).

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use clap::Args;

use crate::actions::journal::{self, Journal};
use crate::commands::Global;
use crate::engine::verify::{self, Verdict, Watch};
use crate::engine::{Runbook, WalkContext};
use crate::error::{Error, Outcome, Result};
use crate::evidence::scenario::Scenario;
use crate::lab::drill::model::{self, Minute, State, World};
use crate::lab::drill::score::{self, ByMasst, Change, Ended, Score, Worst};
use crate::lab::drill::{self as drill, Step};
use crate::settings::Settings;
use crate::ui::Printer;

/// `masst lab drill` options.
#[derive(Debug, Args, Clone)]
pub struct DrillArgs {
    /// The scenario to run.
    #[arg(long, value_name = "NAME", value_parser = crate::evidence::scenario::names())]
    pub scenario: String,
    /// Simulated minutes per real minute (60: one simulated minute each second).
    #[arg(long, value_name = "N", default_value = "1", value_parser = speed)]
    pub speed: f64,
    /// Stop after this many simulated minutes (sooner once recovery has held for 5).
    #[arg(long, value_name = "M", default_value_t = 60, value_parser = clap::value_parser!(u32).range(1..=1440))]
    pub minutes: u32,
    /// The seed of the demand's noise: the same seed gives the same drill.
    #[arg(long, value_name = "S", default_value_t = 1)]
    pub seed: u64,
}

fn speed(text: &str) -> std::result::Result<f64, String> {
    let v: f64 = text.parse().map_err(|_| format!("`{text}` is not a number"))?;
    if !(0.1..=600.0).contains(&v) {
        return Err(format!("`{text}` must be between 0.1 and 600 simulated minutes per real minute"));
    }
    Ok(v)
}

/// The watched runbook result and how long its recovery has held: judged against the incident
/// as first diagnosed, and against the state at the latest change (as a `masst verify` started
/// then would: "the primary queue's depth falls" means since the redrive); either recovering
/// counts.
struct Recovery<'a> {
    rb: &'a Runbook,
    model: Option<String>,
    watch: Option<Watch>,
    since_change: Option<Watch>,
    streak: u32,
}

impl Recovery<'_> {
    fn first(&self, ev: &crate::evidence::Evidence, models: &[String]) -> Option<Watch> {
        let cx = WalkContext { models: models.to_vec(), answers: Default::default() };
        verify::begin(&[self.rb], ev, &cx)
            .into_iter()
            .find(|w| self.model.is_none() || w.model.is_none() || w.model == self.model)
    }

    fn begin(&mut self, ev: &crate::evidence::Evidence, models: &[String]) {
        self.watch = self.first(ev, models);
    }

    fn changed(&mut self, ev: &crate::evidence::Evidence, models: &[String]) {
        self.since_change = self.first(ev, models);
        self.streak = 0;
    }

    fn judge(&mut self, ev: &crate::evidence::Evidence) -> Option<Verdict> {
        let verdicts: Vec<Verdict> = [&self.watch, &self.since_change]
            .into_iter()
            .flatten()
            .map(|w| verify::judge(self.rb, ev, w).verdict)
            .collect();
        let v = if verdicts.contains(&Verdict::Recovered) { Verdict::Recovered } else { *verdicts.iter().max()? };
        self.streak = if v == Verdict::Recovered { self.streak + 1 } else { 0 };
        Some(v)
    }
}

/// Which live change a journal entry made.
fn kind_of(e: &journal::Entry, settings: &Settings) -> String {
    if e.action == "dlq.redrive" {
        return "dlq".into();
    }
    if e.target.starts_with("AppConfig") {
        return "config".into();
    }
    if let Some(rest) = e.target.strip_prefix("ECS ") {
        let name = rest.rsplit('/').next().unwrap_or(rest);
        let role = settings.resources.services.iter().find(|(_, n)| n.as_str() == name).map(|(r, _)| r.as_str());
        return format!("ecs:{}", role.unwrap_or(name));
    }
    if e.target.starts_with("SQS") {
        return "queue".into();
    }
    e.target.clone()
}

/// Runs the drill (the endpoint is loopback: `global.endpoint_url` is set).
pub fn run(global: &Global, settings: &Settings, args: &DrillArgs, printer: &Printer) -> Result<Outcome> {
    let base = Scenario::embedded(&args.scenario).map_err(Error::Usage)?;
    let (scenario, params) = drill::prepare(&base).map_err(Error::Usage)?;
    let set = super::runbooks(global)?;
    let rb = match &params.runbook {
        Some(name) => Some(set.runbooks.iter().find(|r| &r.name == name).ok_or_else(|| {
            Error::Usage(format!("scenario {}'s drill watches runbook `{name}`, which is not loaded", scenario.name))
        })?),
        None => None,
    };
    let journal = Journal::open(global.journal.as_deref())?;
    let models = settings.model_keys();
    let ids: BTreeMap<String, String> = settings.models.iter().map(|(k, v)| (k.clone(), v.id().to_string())).collect();
    let endpoint = global.endpoint_url.clone().unwrap_or_default();
    // Before anything is built: the metric rewrite needs the bridge.
    crate::aws::drill::keep_latest(&endpoint, "{\"namespaces\": {}}")?;
    let period = Duration::from_secs_f64(60.0 / args.speed);
    let dlq_sample = scenario.evidence(None).dlq_sample;

    let score = super::block_on(async {
        let clients = super::clients(global, settings).await?;
        let started = jiff::Timestamp::now();
        let spinner = printer.spinner(&format!("building scenario {} at {endpoint}…", scenario.name));
        let built = crate::lab::world::up(&clients, settings, &scenario, started).await;
        if let Some(sp) = spinner {
            sp.finish_and_clear();
        }
        built?;
        let h = crate::aws::drill::handles(&clients, settings).await?;
        crate::ui::drill::header(
            printer,
            &scenario.name,
            &scenario.title,
            &endpoint,
            (args.minutes, args.speed, args.seed),
            &models,
        );
        let first = crate::lab::drill::live::read(&clients, settings, &h).await?;
        let clock = scenario.at.unwrap_or(started).as_second();
        let mut state = State::start(&params, &first.world, &models, clock, args.seed);
        let mut hour: Vec<BTreeMap<String, f64>> = vec![BTreeMap::new(); 60];
        for (key, pts) in scenario.series(started, 60) {
            let end = started.as_second() - started.as_second().rem_euclid(60);
            for (t, v) in pts {
                let i = 60 - ((end - t) / 60) as usize;
                if let Some(m) = hour.get_mut(i) {
                    m.insert(key.clone(), v);
                }
            }
        }
        let seen_before: BTreeSet<String> = journal.read()?.0.into_iter().map(|e| e.id).collect();
        let mut attributed: BTreeSet<String> = seen_before.clone();
        let mut pending: Vec<(String, ByMasst)> = vec![];
        let queue_names = |live: &crate::lab::drill::live::Live, after: Option<&World>| {
            let mut q = BTreeMap::new();
            for (role, name) in [("primary", &settings.resources.queue), ("dlq", &settings.resources.dlq)] {
                let mut attrs = live.queues.get(role).cloned().unwrap_or_default();
                if let Some(w) = after {
                    let d = if role == "primary" { w.primary_depth } else { w.dlq_depth };
                    attrs.insert("ApproximateNumberOfMessages".into(), format!("{}", d.max(0.0) as u64));
                    attrs.insert("ApproximateNumberOfMessagesNotVisible".into(), "0".into());
                }
                q.insert(role.to_string(), (name.clone(), attrs));
            }
            q
        };
        let mut recovery =
            rb.map(|rb| Recovery { rb, model: params.model.clone(), watch: None, since_change: None, streak: 0 });
        if let Some(r) = recovery.as_mut() {
            let refs: Vec<&BTreeMap<String, f64>> = hour.iter().collect();
            let ev = drill::evidence(
                &refs,
                jiff::Timestamp::now(),
                &first.world.config,
                &queue_names(&first, None),
                &first.services,
                dlq_sample.clone(),
            );
            r.begin(&ev, &models);
        }
        let mut expected = first.world.clone();
        let mut changes: Vec<Change> = vec![];
        let mut steps: Vec<Step> = vec![];
        let mut worst = Worst::default();
        let mut recovered_at = None;
        let mut ended = Ended::Minutes;
        let ctrl_c = tokio::signal::ctrl_c();
        tokio::pin!(ctrl_c);
        let mut tick = tokio::time::Instant::now();
        for i in 0..args.minutes {
            let live =
                if i == 0 { first.clone() } else { crate::lab::drill::live::read(&clients, settings, &h).await? };
            // What changed since the last step, and what it did.
            let mut fresh = vec![];
            for d in score::detect(&expected, &live.world, expected.dlq_depth) {
                let (effect, signals) = score::judge(&params, &models, &ids, &state, &d.without, &live.world);
                let seen_at = state.minute + 1;
                let recent = changes.iter_mut().rev().find(|c| c.kind == d.kind && c.minute + 3 >= seen_at);
                match recent {
                    Some(c) if d.kind == "dlq" => c.what = d.what,
                    _ => {
                        let c = Change { minute: seen_at, kind: d.kind, what: d.what, by: vec![], effect, signals };
                        fresh.push(changes.len());
                        changes.push(c);
                    }
                }
            }
            let (entries, _) = journal.read()?;
            for e in entries {
                if e.state != journal::State::Applied || attributed.contains(&e.id) || e.time < started {
                    continue;
                }
                attributed.insert(e.id.clone());
                pending
                    .push((kind_of(&e, settings), ByMasst { journal_id: e.id, action: e.action, command: e.command }));
            }
            pending.retain(|(kind, by)| {
                match changes.iter_mut().rev().find(|c| &c.kind == kind && c.minute + 10 >= state.minute) {
                    Some(c) => {
                        c.by.push(by.clone());
                        false
                    }
                    None => true,
                }
            });
            if !fresh.is_empty() {
                if let Some(r) = recovery.as_mut() {
                    let refs: Vec<&BTreeMap<String, f64>> = hour.iter().collect();
                    let ev = drill::evidence(
                        &refs,
                        jiff::Timestamp::now(),
                        &live.world.config,
                        &queue_names(&live, None),
                        &live.services,
                        dlq_sample.clone(),
                    );
                    r.changed(&ev, &models);
                }
            }
            // The minute.
            let (next, minute) = model::step(&params, &state, &live.world, &models, &ids);
            let done = crate::lab::drill::live::apply(&clients, &h, &minute.moves, state.minute).await?;
            let mut minute = Minute { moves: done, ..minute };
            let after = live.world.after(&done);
            minute.metrics.insert("MangaAssist/Batch:QueueDepth".into(), after.primary_depth);
            minute.metrics.insert("MangaAssist/DLQ:Depth".into(), after.dlq_depth);
            worst.see(&minute.metrics, &models);
            hour.remove(0);
            hour.push(minute.metrics.clone());
            let now = jiff::Timestamp::now();
            let refs: Vec<&BTreeMap<String, f64>> = hour.iter().collect();
            crate::aws::drill::write_hour(&clients, settings, &refs, now).await?;
            // The minute's log lines, where MangaAssist's services would write them (§9).
            let mut by_group: BTreeMap<String, Vec<(i64, String)>> = BTreeMap::new();
            for line in &minute.logs {
                by_group
                    .entry(settings.log_group(&line.role))
                    .or_default()
                    .push((now.as_millisecond(), line.text.clone()));
            }
            for (group, lines) in &by_group {
                crate::aws::logs::put_lines(&clients, group, lines).await?;
            }
            let verdict = recovery.as_mut().and_then(|r| {
                let ev = drill::evidence(
                    &refs,
                    now,
                    &after.config,
                    &queue_names(&live, Some(&after)),
                    &live.services,
                    dlq_sample.clone(),
                );
                r.judge(&ev)
            });
            let mut step = Step::of(next.minute, state.clock, &minute, &models);
            step.verdict = verdict.map(|v| v.as_str().to_string());
            step.changes = fresh
                .iter()
                .map(|i| format!("{} [{}]", changes[*i].what.join("; "), changes[*i].effect.as_str()))
                .collect();
            crate::ui::drill::step(printer, &step, global.verbose > 0);
            steps.push(step);
            expected = after;
            state = next;
            if let Some(r) = &recovery {
                if r.streak >= score::HOLD {
                    recovered_at = Some(state.minute + 1 - r.streak);
                    ended = Ended::Recovered;
                    break;
                }
            }
            tick += period;
            tokio::select! {
                _ = tokio::time::sleep_until(tick) => {}
                _ = &mut ctrl_c => { ended = Ended::Interrupted; break; }
            }
            if tick < tokio::time::Instant::now() {
                tick = tokio::time::Instant::now();
            }
        }
        let label = |c: &Change| c.label();
        Ok::<Score, Error>(Score {
            scenario: scenario.name.clone(),
            seed: args.seed,
            speed: args.speed,
            minutes: state.minute,
            ended,
            recovered: recovered_at.is_some(),
            watching: recovery.as_ref().and_then(|r| r.watch.as_ref()).map(|w| w.label()),
            expectation: recovery.as_ref().and_then(|r| r.watch.as_ref()).map(|w| w.expectation.clone()),
            minutes_to_recovery: recovered_at,
            helpful: changes.iter().filter(|c| c.effect == score::Effect::Helpful).map(label).collect(),
            harmful: changes.iter().filter(|c| c.effect == score::Effect::Harmful).map(label).collect(),
            changes,
            worst,
            unmatched_journal: pending.into_iter().map(|(_, b)| b).collect(),
            steps,
        })
    })?;
    crate::ui::drill::score(printer, &score);
    Ok(if score.recovered || params.runbook.is_none() { Outcome::Clear } else { Outcome::Findings })
}
