//! `masst lab up|down`: a scenario's world in a local emulator, never anywhere else.

use super::Global;
use crate::aws::is_loopback;
use crate::error::{Error, Outcome, Result};
use crate::evidence::scenario::Scenario;
use crate::settings::Settings;
use crate::ui::Printer;
use clap::Subcommand;
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub enum LabCommand {
    /// Create the scenario's queues, messages, AppConfig document, ECS services and an hour
    /// of metric history. Refuses any endpoint that is not on this machine.
    Up {
        /// The scenario to build.
        #[arg(long, value_name = "NAME", value_parser = crate::evidence::scenario::names(), required_unless_present = "scenario_file")]
        scenario: Option<String>,
        /// Build the world of a scenario file instead (TOML, as in scenarios/).
        #[arg(long, value_name = "FILE", conflicts_with = "scenario")]
        scenario_file: Option<PathBuf>,
    },
    /// Remove what `lab up` created (metric history stays: CloudWatch cannot delete it).
    Down,
    /// Run a practice incident: build the scenario, then step it minute by minute against
    /// what you change (with masst or anything else), and score how it went.
    Drill(super::drill::DrillArgs),
}

/// Refuses any endpoint that is not on this machine: the lab writes fake incidents.
fn local_endpoint(global: &Global, settings: &Settings) -> Result<String> {
    let url = global
        .endpoint_url
        .clone()
        .or_else(|| std::env::var("AWS_ENDPOINT_URL").ok().filter(|v| !v.is_empty()))
        .or_else(|| settings.aws.endpoint_url.clone())
        .ok_or_else(|| {
            Error::Usage("masst lab writes a fake incident and only talks to a local emulator: pass --endpoint-url http://127.0.0.1:PORT".into())
        })?;
    if !is_loopback(&url) {
        return Err(Error::Usage(format!(
            "masst lab refuses {url}: it is not a loopback address. The lab only writes into a local emulator (127.0.0.1, localhost, ::1)"
        )));
    }
    Ok(url)
}

/// `masst lab ...`.
pub fn run(global: &Global, cmd: &LabCommand, printer: &Printer) -> Result<Outcome> {
    let settings = Settings::load(global.config.as_deref())?.settings;
    let url = local_endpoint(global, &settings)?;
    let mut global_local = global.clone();
    global_local.endpoint_url = Some(url.clone());
    match cmd {
        LabCommand::Up { scenario, scenario_file } => {
            let s = match (scenario, scenario_file) {
                (Some(name), _) => Scenario::embedded(name).map_err(Error::Usage)?,
                (None, Some(path)) => Scenario::from_file(path)?,
                (None, None) => {
                    return Err(Error::Usage("name a scenario: --scenario NAME or --scenario-file FILE".into()))
                }
            };
            let scenario = &s.name;
            let spinner = printer.spinner(&format!("building scenario {scenario} at {url}…"));
            let report = super::block_on(async {
                let c = super::clients(&global_local, &settings).await?;
                crate::lab::world::up(&c, &settings, &s, jiff::Timestamp::now()).await
            });
            if let Some(sp) = spinner {
                sp.finish_and_clear();
            }
            let report = report?;
            if printer.json() {
                printer.json_value(&report);
            } else {
                printer.line(format!("lab: scenario {} is up at {url}", report.scenario));
                printer.line(format!(
                    "  queues: {} (primary {} messages, DLQ {})",
                    settings.resources.queue,
                    report.queues.get("primary").unwrap_or(&0),
                    report.queues.get("dlq").unwrap_or(&0)
                ));
                printer.line(format!(
                    "  AppConfig: {} / {} / {} version {} deployed",
                    settings.appconfig.application,
                    settings.appconfig.environment,
                    settings.appconfig.profile,
                    report.config_version
                ));
                printer.line(format!("  ECS: {} services in {}", report.services.len(), settings.resources.cluster));
                printer.line(format!(
                    "  metrics: {} series, {} datapoints over the last hour",
                    report.metric_series, report.datapoints
                ));
                printer.line(format!(
                    "  logs: {} lines in {}",
                    report.log_lines,
                    crate::evidence::scenario::LOG_ROLES
                        .iter()
                        .map(|r| settings.log_group(r))
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
                printer.line(format!("Next: masst --endpoint-url {url} diagnose all"));
            }
        }
        LabCommand::Drill(args) => return super::drill::run(&global_local, &settings, args, printer),
        LabCommand::Down => {
            let removed = super::block_on(async {
                let c = super::clients(&global_local, &settings).await?;
                crate::aws::lab::down(&c, &settings).await
            })?;
            if printer.json() {
                printer.json_value(&serde_json::json!({ "removed": removed }));
            } else if removed.is_empty() {
                printer.line("lab: nothing to remove");
            } else {
                for r in removed {
                    printer.line(format!("removed {r}"));
                }
                printer.line("(metric history stays in CloudWatch until it ages out)");
            }
        }
    }
    Ok(Outcome::Clear)
}
