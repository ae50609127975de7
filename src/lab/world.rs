//! `masst lab up`: turns a scenario into the writes that build its world in an emulator.
//!
//! The same scenario description that gives the offline evidence is written through the real
//! APIs (queues with their redrive policy and messages, the AppConfig application, environment,
//! profile and a deployed document, the ECS cluster and services, an hour of one-minute metric
//! history), so a live diagnosis of the lab must reach the same verdict as the offline one.
//! This file decides *what* to write from the scenario; `aws::lab` holds the SDK writers that
//! take plain data. It only ever talks to a loopback endpoint (the command refuses anything
//! else) and starts from an empty emulator (`aws::lab_reset`).

use std::collections::BTreeMap;

use crate::aws::lab as write;
use crate::aws::sqs::{Attr, Outgoing};
use crate::aws::Clients;
use crate::error::Error;
use crate::evidence::scenario::{Scenario, SeedMessage};
use crate::settings::Settings;

/// What `lab up` made, read back where it can be, for the report and for tests.
#[derive(Debug, Default, serde::Serialize)]
pub struct Report {
    pub scenario: String,
    pub queues: BTreeMap<String, usize>,
    pub services: BTreeMap<String, i64>,
    pub config_version: i32,
    pub metric_series: usize,
    pub datapoints: usize,
    /// Log lines written, over every group of contract §9 (each group is created).
    pub log_lines: usize,
}

/// Creates the scenario's world at `now`: an empty emulator first, then every service's part
/// concurrently.
pub async fn up(
    clients: &Clients,
    settings: &Settings,
    scenario: &Scenario,
    now: jiff::Timestamp,
) -> Result<Report, Error> {
    crate::aws::lab_reset::start_empty(clients, settings).await?;
    let (queues, config_version, services, (metric_series, datapoints), log_lines) = tokio::try_join!(
        queues_up(clients, settings, scenario),
        appconfig_up(clients, settings, scenario),
        ecs_up(clients, settings, scenario),
        metrics_up(clients, settings, scenario, now),
        logs_up(clients, settings, scenario, now),
    )?;
    aws_view_up(clients, scenario, now).await;
    let name = scenario.name.clone();
    Ok(Report { scenario: name, queues, services, config_version, metric_series, datapoints, log_lines })
}

/// What AWS Health and Service Quotas say in the world: neither can be written through their
/// APIs (both are AWS's own records), so masst's emulator takes them on its settings route
/// (each model's quotas under the names Service Quotas gives them, the open Health events and
/// whether the account may ask). An emulator without that route has no Health API and no
/// Bedrock quotas, and the world is built without them.
async fn aws_view_up(clients: &Clients, s: &Scenario, now: jiff::Timestamp) {
    use crate::evidence::scenario::QuotaSpec;
    use crate::evidence::source::named_quotas::quota_name;
    let Some(endpoint) = clients.endpoint.clone() else { return };
    let (mut values, mut names) = (serde_json::Map::new(), serde_json::Map::new());
    for (m, q) in &s.service_quotas {
        for (per, v) in [("tokens", q.tokens), ("requests", q.requests)] {
            if let Some(v) = v {
                values.insert(QuotaSpec::code(m, per), v.into());
                names.insert(QuotaSpec::code(m, per), quota_name(per, &q.name).into());
            }
        }
    }
    let health = s.health.clone().unwrap_or_default();
    let events: Vec<serde_json::Value> = health
        .events
        .iter()
        .map(|e| {
            serde_json::json!({"eventTypeCode": e.event_type, "region": clients.region,
                               "startTime": now.as_second() - e.minutes_ago * 60, "statusCode": "open"})
        })
        .collect();
    let body = serde_json::json!({
        "quotas": {"bedrock": values}, "quota_names": {"bedrock": names},
        "health_events": events, "health_subscription": health.unavailable.is_none(),
    })
    .to_string();
    let posted = tokio::task::spawn_blocking(move || crate::aws::lab_reset::post(&endpoint, "/_masst/settings", &body));
    if !matches!(posted.await, Ok(Ok(200))) {
        tracing::info!(target: "masst::lab", "the emulator takes no Health events or Bedrock quotas; built without them");
    }
}

/// A seeded message as SQS carries it: its `error_type` (when the scenario gives one) as a
/// string message attribute, the way MangaAssist's workers tag a failed job.
pub fn outgoing(messages: &[SeedMessage]) -> Vec<Outgoing> {
    messages
        .iter()
        .map(|m| Outgoing {
            body: String::from_utf8_lossy(&m.body).into_owned(),
            attributes: m
                .error_type
                .iter()
                .map(|t| {
                    let attr = Attr { data_type: "String".into(), string: Some(t.clone()), binary: None };
                    ("error_type".to_string(), attr)
                })
                .collect(),
            ..Default::default()
        })
        .collect()
}

async fn queues_up(clients: &Clients, settings: &Settings, s: &Scenario) -> Result<BTreeMap<String, usize>, Error> {
    let spec = |role: &str| s.queues.get(role).cloned().unwrap_or_default();
    let attrs = |role: &str| -> Vec<(String, String)> {
        spec(role).attributes.iter().map(|(k, v)| (k.clone(), v.clone())).collect()
    };
    let dlq_name = &settings.resources.dlq;
    let dlq_url = write::create_queue(clients, dlq_name, &attrs("dlq")).await?;
    let arn = crate::aws::sqs::attributes(clients, &dlq_url, &["QueueArn"], dlq_name)
        .await?
        .remove("QueueArn")
        .unwrap_or_default();
    let mut primary = attrs("primary");
    let max_receive = spec("primary").max_receive_count.unwrap_or(5);
    primary.push((
        "RedrivePolicy".to_string(),
        serde_json::json!({"deadLetterTargetArn": arn, "maxReceiveCount": max_receive}).to_string(),
    ));
    let primary_url = write::create_queue(clients, &settings.resources.queue, &primary).await?;
    let (dlq_msgs, jobs) = (outgoing(&s.dlq_seed()), outgoing(&s.primary_seed()));
    tokio::try_join!(write::send_all(clients, &dlq_url, &dlq_msgs), write::send_all(clients, &primary_url, &jobs))?;
    // Report what the queues hold, read back, not what was meant to be written.
    let (primary, dlq) = tokio::try_join!(
        write::depth(clients, &primary_url, &settings.resources.queue),
        write::depth(clients, &dlq_url, dlq_name)
    )?;
    Ok([("primary".to_string(), primary), ("dlq".to_string(), dlq)].into_iter().collect())
}

async fn appconfig_up(clients: &Clients, settings: &Settings, s: &Scenario) -> Result<i32, Error> {
    let content = serde_json::to_vec_pretty(&s.config).expect("config serializes");
    let description = format!("masst lab up --scenario {}", s.name);
    write::deploy_config(clients, &settings.appconfig, content, &description).await
}

async fn ecs_up(clients: &Clients, settings: &Settings, s: &Scenario) -> Result<BTreeMap<String, i64>, Error> {
    let cluster = &settings.resources.cluster;
    write::create_cluster(clients, cluster).await?;
    let mut out = BTreeMap::new();
    for (role, spec) in &s.services {
        let name = settings.resources.services.get(role).cloned().unwrap_or_else(|| role.clone());
        let service = write::Service { cluster, role, name: &name, desired: spec.desired, running: spec.running };
        write::ecs_service(clients, &service).await?;
        out.insert(role.clone(), spec.desired);
    }
    Ok(out)
}

/// Every log group of contract §9 (by `[logs]`' names), with the scenario's lines in the hour
/// ending `now`.
async fn logs_up(clients: &Clients, settings: &Settings, s: &Scenario, now: jiff::Timestamp) -> Result<usize, Error> {
    let mut lines = s.log_lines(now, 60);
    let writes = crate::evidence::scenario::LOG_ROLES.iter().map(|role| {
        let group = settings.log_group(role);
        let lines = lines.remove(*role).unwrap_or_default();
        async move {
            crate::aws::logs::create_group(clients, &group).await?;
            crate::aws::logs::put_lines(clients, &group, &lines).await?;
            Ok::<_, Error>(lines.len())
        }
    });
    Ok(futures::future::try_join_all(writes).await?.into_iter().sum())
}

async fn metrics_up(
    clients: &Clients,
    settings: &Settings,
    s: &Scenario,
    now: jiff::Timestamp,
) -> Result<(usize, usize), Error> {
    let series = s.series(now, 60);
    let points: Vec<(&str, i64, f64)> =
        series.iter().flat_map(|(key, pts)| pts.iter().map(move |(t, v)| (key.as_str(), *t, *v))).collect();
    let written =
        crate::aws::cloudwatch::put_logical(clients, settings, &points, 500, "the lab's metric history").await?;
    Ok((series.len(), written.values().sum()))
}
