//! One file per verb; each is thin: arguments in, library calls, the printer out.

pub mod act;
pub mod audit;
pub mod completions;
pub mod config;
pub mod diagnose;
pub mod dlq;
pub mod drill;
pub mod lab;
pub mod report;
pub mod runbook;
pub mod snapshot;
pub mod status;
pub mod verify;
pub mod watch;

use crate::aws::{AwsOptions, Clients};
use crate::cli::Global;
use crate::engine::{self, Runbook, RunbookSet};
use crate::error::{Error, Result};
use crate::evidence::{collect, Evidence};
use crate::settings::Settings;
use crate::ui::Printer;

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
    AwsOptions {
        profile: global.profile.clone(),
        region: global.region.clone(),
        endpoint_url: global.endpoint_url.clone(),
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
    let plan = collect::plan(runbooks, &settings.model_keys());
    let spinner = printer.spinner("collecting evidence from AWS…");
    let result = block_on(async {
        let c = clients(global, settings).await?;
        collect::collect(&c, settings, &plan, window, jiff::Timestamp::now()).await
    });
    if let Some(s) = spinner {
        s.finish_and_clear();
    }
    result
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
