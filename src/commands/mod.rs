//! One file per verb; each is thin: arguments in, library calls, the printer out.

pub mod act;
pub mod audit;
pub mod completions;
pub mod config;
pub mod diagnose;
pub mod dlq;
pub mod drill;
pub mod fanout;
pub mod iam_policy;
pub mod lab;
pub mod report;
pub mod runbook;
pub mod snapshot;
pub mod status;
pub mod verify;
pub mod watch;

use crate::actions::runner;
use crate::aws::{AwsOptions, Clients};

use crate::engine::{self, Runbook, RunbookSet};
use crate::error::{Error, Result};
use crate::evidence::{collect, Evidence};
use crate::settings::Settings;
use crate::ui::OutputFormat;
use crate::ui::Printer;
use clap::{Args, ValueEnum};
use std::path::PathBuf;

/// Options every command takes.
#[derive(Debug, Args, Clone)]
pub struct Global {
    /// Output format: human text, or one JSON document on stdout; `audit` and `diagnose` also
    /// write SARIF 2.1.0 or JUnit XML for CI.
    #[arg(long, global = true, value_enum, default_value_t = OutputFormat::Human)]
    pub output: OutputFormat,
    /// Print only results and errors.
    #[arg(long, short, global = true)]
    pub quiet: bool,
    /// Log more (-v: each AWS call with its duration; -vv: debug).
    #[arg(long, short, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    /// Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml).
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Add the runbooks of this folder (or file) to the embedded ones; one with the name of an
    /// embedded runbook replaces it.
    #[arg(long, global = true, value_name = "DIR", conflicts_with = "only_runbooks")]
    pub runbooks: Option<PathBuf>,
    /// Use exactly the runbooks of this folder (or file), none of the embedded ones.
    #[arg(long, global = true, value_name = "DIR")]
    pub only_runbooks: Option<PathBuf>,
    /// AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml).
    #[arg(long, global = true, value_name = "NAME")]
    pub profile: Option<String>,
    /// AWS region (default: AWS_REGION, then the profile, then [aws] region).
    #[arg(long, global = true, value_name = "REGION")]
    pub region: Option<String>,
    /// Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url).
    #[arg(long, global = true, value_name = "URL")]
    pub endpoint_url: Option<String>,
    /// The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl).
    #[arg(long, global = true, value_name = "PATH")]
    pub journal: Option<PathBuf>,
    /// Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET,
    /// comma-separated). Read-only commands read every target given; changes take one.
    #[arg(long = "target", global = true, value_name = "NAME", conflicts_with = "all_targets")]
    pub targets: Vec<String>,
    /// Run against every target of [targets] (read-only commands only).
    #[arg(long, global = true)]
    pub all_targets: bool,
    /// The one target this run is bound to, once chosen (set by the fan-out, not a flag): its
    /// role, account and name reach the edge and the journal through here.
    #[arg(skip)]
    pub bound: Option<crate::settings::targets::Chosen>,
}

/// Flags every change to AWS takes.
#[derive(Debug, Args, Clone, Default)]
pub struct ChangeFlags {
    /// Apply without asking (needed when stdin is not a terminal).
    #[arg(long, short = 'y')]
    pub yes: bool,
    /// Show the plan and change nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Override the quota guard (for undo: a state that changed since).
    #[arg(long)]
    pub force: bool,
    /// Return once an AppConfig deployment has started instead of following it.
    #[arg(long)]
    pub no_wait: bool,
    /// The diagnosis that offered this action (set by `diagnose --apply`).
    #[arg(long, hide = true)]
    pub diagnosis: Option<String>,
    /// After the change, watch the runbook that offered it (or those whose outcomes list the
    /// action) until the incident recovers; on `worse`, offer `masst undo` on a terminal.
    #[arg(long)]
    pub verify: bool,
    /// With --verify: give up after this long (default: the outcome's recovery budget).
    #[arg(long, value_name = "DURATION", value_parser = duration, requires = "verify")]
    pub verify_timeout: Option<std::time::Duration>,
    /// With --verify: read the evidence again this often.
    #[arg(long, value_name = "DURATION", value_parser = duration, default_value = "30s")]
    pub verify_every: std::time::Duration,
}

impl ChangeFlags {
    /// The flags an offered action runs with (`diagnose --apply`, an offer on a terminal,
    /// `audit --fix`): tagged with what offered it, no verification unless asked.
    pub fn offered(yes: bool, dry_run: bool, origin: String) -> Self {
        ChangeFlags {
            yes,
            dry_run,
            force: false,
            no_wait: false,
            diagnosis: Some(origin),
            verify: false,
            verify_timeout: None,
            verify_every: std::time::Duration::from_secs(30),
        }
    }

    /// The runner's options for a change run with these flags, journaled as `command`.
    pub fn options(&self, command: String) -> runner::Options {
        runner::Options {
            yes: self.yes,
            dry_run: self.dry_run,
            force: self.force,
            wait: !self.no_wait,
            diagnosis: self.diagnosis.clone(),
            verify: self.verify.then_some((self.verify_timeout, self.verify_every)),
            command,
        }
    }
}

/// What the action runner starts every change from: the settings, the journal and the
/// runbooks the global options name, and where AWS is.
pub fn desk(global: &Global) -> Result<runner::Desk> {
    Ok(runner::Desk {
        settings: Settings::load(global.config.as_deref())?.settings,
        journal: crate::actions::journal::Journal::open(global.journal.as_deref())?,
        runbooks: runbooks(global)?,
        aws: aws_options(global),
    })
}

/// The watch the runner's `--verify` runs: `masst verify`'s loop, with the global options.
pub fn watcher<'a>(global: &'a Global, printer: &'a Printer) -> verify::Watcher<'a> {
    verify::Watcher { global, printer }
}

/// A duration such as `30s`, `6m` or `1h` (1 s to 24 h), checked by clap.
pub fn duration(text: &str) -> std::result::Result<std::time::Duration, String> {
    crate::text::parse_duration(text)
}

/// Parses a metric window such as `60m`, `2h` or `90 minutes` into whole minutes (5 to 1440).
pub fn window_minutes(text: &str) -> std::result::Result<u32, String> {
    let d: jiff::SignedDuration = text
        .parse()
        .or_else(|_| text.parse::<jiff::Span>().and_then(|s| s.to_duration(jiff::SpanRelativeTo::days_are_24_hours())))
        .map_err(|e| format!("`{text}` is not a duration such as 60m or 2h ({e})"))?;
    let minutes = d.as_secs() / 60;
    if !(5..=1440).contains(&minutes) {
        return Err(format!("`{text}` must be between 5m and 24h"));
    }
    Ok(minutes as u32)
}

/// The severities `--fail-on` accepts.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FailOn {
    Info,
    Warning,
    Critical,
}

/// The runbooks to use: the embedded ones plus `--runbooks DIR` (replacing any of the same
/// name), or exactly `--only-runbooks DIR`.
pub fn runbooks(global: &Global) -> Result<RunbookSet> {
    if let Some(dir) = &global.only_runbooks {
        return engine::load_dir(dir, crate::actions::catalog()).map_err(Error::from);
    }
    let embedded = engine::load_embedded(crate::actions::catalog());
    match &global.runbooks {
        Some(dir) => Ok(embedded.overlaid(engine::load_dir(dir, crate::actions::catalog()).map_err(Error::from)?)),
        None => Ok(embedded),
    }
}

/// Runs async AWS work on a small single-threaded runtime: the work is network-bound and
/// concurrent within one thread, and a single thread starts fastest.
pub fn block_on<T>(fut: impl std::future::Future<Output = T>) -> T {
    tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a tokio runtime starts").block_on(fut)
}

/// The AWS options from the global flags.
pub fn aws_options(global: &Global) -> AwsOptions {
    let target = global.bound.as_ref().map(|c| &c.target);
    AwsOptions {
        profile: global.profile.clone(),
        region: global.region.clone(),
        endpoint_url: global.endpoint_url.clone(),
        assume: target.and_then(|t| {
            Some(crate::aws::Assume {
                role_arn: t.role_arn.clone()?,
                external_id: t.external_id.clone(),
                session_name: t.session_name.clone().unwrap_or_else(|| "masst".into()),
            })
        }),
        target: global.bound.as_ref().map(|c| c.name.clone()),
    }
}

/// Builds the AWS clients.
pub async fn clients(global: &Global, settings: &Settings) -> Result<Clients> {
    crate::aws::load(&aws_options(global), settings).await
}

/// Collects live evidence for `runbooks` over `window` minutes, with a spinner on a terminal.
pub fn collect_live(
    global: &Global,
    settings: &Settings,
    runbooks: &[&Runbook],
    window: u32,
    printer: &Printer,
) -> Result<Evidence> {
    let spinner = printer.spinner("collecting evidence from AWS…");
    let result = block_on(collect_evidence(global, settings, runbooks, window));
    if let Some(s) = spinner {
        s.finish_and_clear();
    }
    result
}

/// The reading [`collect_live`] shows a spinner for: the calls `runbooks` need over `window`
/// minutes. Async, so `masst mcp` can await it under a deadline and drop it when cancelled.
pub async fn collect_evidence(
    global: &Global,
    settings: &Settings,
    runbooks: &[&Runbook],
    window: u32,
) -> Result<Evidence> {
    let plan = crate::engine::needs::plan(runbooks, &settings.model_keys());
    let c = clients(global, settings).await?;
    collect::collect(&c, settings, &plan, window, jiff::Timestamp::now()).await
}

/// Every runbook walked over the evidence the flags name (an embedded scenario, a snapshot, or
/// live AWS over `window`): what `status` and `report` show.
pub fn walk_everything(
    global: &Global,
    scenario: Option<&str>,
    from: Option<&std::path::Path>,
    window: u32,
    printer: &Printer,
) -> Result<(Settings, Evidence, Vec<engine::Diagnosis>)> {
    let set = runbooks(global)?;
    let all: Vec<&Runbook> = set.runbooks.iter().collect();
    let settings = Settings::load(global.config.as_deref())?.settings;
    let ev = match offline_evidence(scenario, from)? {
        Some(ev) => ev,
        None => collect_live(global, &settings, &all, window, printer)?,
    };
    let cx = engine::WalkContext { models: settings.model_keys(), answers: engine::Answers::default() };
    let results = engine::walk::walk_all(all.iter().copied(), &ev, &cx);
    Ok((settings, ev, results))
}

/// Picks the runbooks named on the command line.
pub fn select<'a>(set: &'a RunbookSet, name: &str) -> Result<Vec<&'a Runbook>> {
    if name == "all" {
        return Ok(set.runbooks.iter().collect());
    }
    set.get(name).map(|r| vec![r]).ok_or_else(|| {
        Error::Usage(format!("there is no runbook `{name}`; choose all or one of {}", set.names().join(", ")))
    })
}

/// Loads offline evidence (`--scenario` or `--from`), or `None` when live AWS is wanted.
pub fn offline_evidence(scenario: Option<&str>, from: Option<&std::path::Path>) -> Result<Option<Evidence>> {
    offline_evidence_from(scenario, None, from)
}

/// Offline evidence from an embedded scenario, a scenario file or a snapshot, if one is named.
pub fn offline_evidence_from(
    scenario: Option<&str>,
    scenario_file: Option<&std::path::Path>,
    from: Option<&std::path::Path>,
) -> Result<Option<Evidence>> {
    if let Some(name) = scenario {
        return crate::evidence::scenario::Scenario::embedded(name)
            .map(|s| Some(s.evidence(None)))
            .map_err(Error::Usage);
    }
    if let Some(path) = scenario_file {
        return Ok(Some(crate::evidence::scenario::Scenario::from_file(path)?.evidence(None)));
    }
    if let Some(path) = from {
        return crate::evidence::snapshot::load(path).map(Some).map_err(Error::Usage);
    }
    Ok(None)
}
