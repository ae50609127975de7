//! `masst lab`: writes a scenario's world into an AWS emulator, and removes it again.
//!
//! The same scenario description that gives the offline evidence is written through the real
//! APIs (queues with their redrive policy and messages, the AppConfig application, environment,
//! profile and a deployed document, the ECS cluster and services, an hour of one-minute metric
//! history), so a live diagnosis of the lab must reach the same verdict as the offline one.
//! It only ever talks to a loopback endpoint: the command refuses anything else, and it
//! starts from an empty emulator (`lab_reset.rs`).

use std::collections::BTreeMap;

use aws_sdk_ecs::types::ContainerDefinition;
use aws_sdk_sqs::types::QueueAttributeName;
use futures::stream::{self, StreamExt, TryStreamExt};

use crate::aws::Clients;
use crate::error::Error;
use crate::evidence::scenario::{Scenario, SeedMessage};
use crate::settings::Settings;

/// What `lab up` made, for the report and for tests.
#[derive(Debug, Default, serde::Serialize)]
pub struct Report {
    pub scenario: String,
    pub queues: BTreeMap<String, usize>,
    pub services: BTreeMap<String, i64>,
    pub config_version: i32,
    pub metric_series: usize,
    pub datapoints: usize,
}

fn ev<'a, E, R>(action: &'static str, what: &'a str) -> impl Fn(aws_sdk_sqs::error::SdkError<E, R>) -> Error + 'a
where
    E: aws_sdk_sqs::error::ProvideErrorMetadata + std::error::Error + 'static,
    R: std::fmt::Debug + 'static,
{
    move |e| crate::aws::read_error(&e, action, what)
}

/// Creates the scenario's world at `now`.
pub async fn up(
    clients: &Clients,
    settings: &Settings,
    scenario: &Scenario,
    now: jiff::Timestamp,
) -> Result<Report, Error> {
    let mut report = Report { scenario: scenario.name.clone(), ..Default::default() };
    super::lab_reset::start_empty(clients, settings).await?;
    let (queues, config_version, services, (series, points)) = tokio::try_join!(
        queues_up(clients, settings, scenario),
        appconfig_up(clients, settings, scenario),
        ecs_up(clients, settings, scenario),
        metrics_up(clients, settings, scenario, now),
    )?;
    report.queues = queues;
    report.config_version = config_version;
    report.services = services;
    report.metric_series = series;
    report.datapoints = points;
    Ok(report)
}

async fn create_queue(clients: &Clients, name: &str, attrs: &[(QueueAttributeName, String)]) -> Result<String, Error> {
    let mut req = clients.sqs.create_queue().queue_name(name);
    for (k, v) in attrs {
        req = req.attributes(k.clone(), v);
    }
    match req.send().await {
        Ok(out) => Ok(out.queue_url().unwrap_or_default().to_string()),
        Err(_) => {
            // It exists with other attributes: take it over and empty it.
            let url = super::sqs::queue_url(clients, name, "lab").await?;
            let mut set = clients.sqs.set_queue_attributes().queue_url(&url);
            for (k, v) in attrs {
                set = set.attributes(k.clone(), v);
            }
            set.send().await.map_err(ev("sqs:SetQueueAttributes", name))?;
            clients.sqs.purge_queue().queue_url(&url).send().await.map_err(ev("sqs:PurgeQueue", name))?;
            Ok(url)
        }
    }
}

/// Sends messages in batches of ten, eight batches in flight.
pub async fn send_all(clients: &Clients, url: &str, messages: &[SeedMessage]) -> Result<(), Error> {
    stream::iter(messages.chunks(10))
        .map(|chunk| async move {
            let messages: Vec<super::sqs::Outgoing> = chunk
                .iter()
                .map(|m| super::sqs::Outgoing {
                    body: String::from_utf8_lossy(&m.body).into_owned(),
                    attributes: m
                        .error_type
                        .iter()
                        .map(|t| {
                            let attr =
                                super::sqs::Attr { data_type: "String".into(), string: Some(t.clone()), binary: None };
                            ("error_type".to_string(), attr)
                        })
                        .collect(),
                    ..Default::default()
                })
                .collect();
            let out = super::sqs::send_batch(clients, url, &messages, url).await?;
            if let Some((_, why, _)) = out.failed.first() {
                return Err(Error::Evidence(format!("SQS refused a lab message: {why}")));
            }
            Ok(())
        })
        .buffer_unordered(8)
        .try_collect::<Vec<()>>()
        .await?;
    Ok(())
}

async fn queues_up(clients: &Clients, settings: &Settings, s: &Scenario) -> Result<BTreeMap<String, usize>, Error> {
    let spec = |role: &str| s.queues.get(role).cloned().unwrap_or_default();
    let attrs = |role: &str| -> Vec<(QueueAttributeName, String)> {
        spec(role).attributes.iter().map(|(k, v)| (QueueAttributeName::from(k.as_str()), v.clone())).collect()
    };
    let dlq_name = &settings.resources.dlq;
    let dlq_url = create_queue(clients, dlq_name, &attrs("dlq")).await?;
    let arn = super::sqs::attributes(clients, &dlq_url, &["QueueArn"], dlq_name)
        .await?
        .remove("QueueArn")
        .unwrap_or_default();
    let mut primary = attrs("primary");
    let max_receive = spec("primary").max_receive_count.unwrap_or(5);
    primary.push((
        QueueAttributeName::RedrivePolicy,
        serde_json::json!({"deadLetterTargetArn": arn, "maxReceiveCount": max_receive}).to_string(),
    ));
    let primary_url = create_queue(clients, &settings.resources.queue, &primary).await?;
    let dlq_msgs = s.dlq_seed();
    let jobs = s.primary_seed();
    tokio::try_join!(send_all(clients, &dlq_url, &dlq_msgs), send_all(clients, &primary_url, &jobs))?;
    // Report what the queues hold, read back, not what was meant to be written.
    let (primary, dlq) =
        tokio::try_join!(depth(clients, &primary_url, &settings.resources.queue), depth(clients, &dlq_url, dlq_name))?;
    Ok([("primary".to_string(), primary), ("dlq".to_string(), dlq)].into_iter().collect())
}

/// Messages in a queue, visible and in flight.
async fn depth(clients: &Clients, url: &str, name: &str) -> Result<usize, Error> {
    let names =
        ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible", "ApproximateNumberOfMessagesDelayed"];
    let attrs = super::sqs::attributes(clients, url, &names, name).await?;
    Ok(attrs.values().filter_map(|v| v.parse::<usize>().ok()).sum())
}

async fn appconfig_up(clients: &Clients, settings: &Settings, s: &Scenario) -> Result<i32, Error> {
    let ac = &clients.appconfig;
    let n = &settings.appconfig;
    let apps = ac.list_applications().send().await.map_err(ev("appconfig:ListApplications", "the lab"))?;
    let app = match apps.items().iter().find(|a| a.name() == Some(n.application.as_str())) {
        Some(a) => a.id().unwrap_or_default().to_string(),
        None => ac
            .create_application()
            .name(&n.application)
            .send()
            .await
            .map_err(ev("appconfig:CreateApplication", "the lab"))?
            .id()
            .unwrap_or_default()
            .to_string(),
    };
    let profiles = ac
        .list_configuration_profiles()
        .application_id(&app)
        .send()
        .await
        .map_err(ev("appconfig:ListConfigurationProfiles", "the lab"))?;
    let profile = match profiles.items().iter().find(|p| p.name() == Some(n.profile.as_str())) {
        Some(p) => p.id().unwrap_or_default().to_string(),
        None => ac
            .create_configuration_profile()
            .application_id(&app)
            .name(&n.profile)
            .location_uri("hosted")
            .r#type("AWS.Freeform")
            .send()
            .await
            .map_err(ev("appconfig:CreateConfigurationProfile", "the lab"))?
            .id()
            .unwrap_or_default()
            .to_string(),
    };
    let envs = ac
        .list_environments()
        .application_id(&app)
        .send()
        .await
        .map_err(ev("appconfig:ListEnvironments", "the lab"))?;
    let env = match envs.items().iter().find(|x| x.name() == Some(n.environment.as_str())) {
        Some(x) => x.id().unwrap_or_default().to_string(),
        None => ac
            .create_environment()
            .application_id(&app)
            .name(&n.environment)
            .send()
            .await
            .map_err(ev("appconfig:CreateEnvironment", "the lab"))?
            .id()
            .unwrap_or_default()
            .to_string(),
    };
    let content = serde_json::to_vec_pretty(&s.config).expect("config serializes");
    let version = ac
        .create_hosted_configuration_version()
        .application_id(&app)
        .configuration_profile_id(&profile)
        .content(aws_sdk_appconfig::primitives::Blob::new(content))
        .content_type("application/json")
        .send()
        .await
        .map_err(ev("appconfig:CreateHostedConfigurationVersion", "the lab"))?
        .version_number();
    let strategy = super::appconfig::ensure_strategy(clients, &n.strategy).await?;
    ac.start_deployment()
        .application_id(&app)
        .environment_id(&env)
        .deployment_strategy_id(&strategy)
        .configuration_profile_id(&profile)
        .configuration_version(version.to_string())
        .description(format!("masst lab up --scenario {}", s.name))
        .send()
        .await
        .map_err(ev("appconfig:StartDeployment", "the lab"))?;
    Ok(version)
}

async fn ecs_up(clients: &Clients, settings: &Settings, s: &Scenario) -> Result<BTreeMap<String, i64>, Error> {
    let ecs = &clients.ecs;
    let cluster = &settings.resources.cluster;
    ecs.create_cluster().cluster_name(cluster).send().await.map_err(ev("ecs:CreateCluster", "the lab"))?;
    let mut out = BTreeMap::new();
    for (role, spec) in &s.services {
        let name = settings.resources.services.get(role).cloned().unwrap_or_else(|| role.clone());
        ecs.register_task_definition()
            .family(format!("mangaassist-{role}"))
            .container_definitions(
                ContainerDefinition::builder().name(role).image(format!("mangaassist/{role}:lab")).memory(512).build(),
            )
            .send()
            .await
            .map_err(ev("ecs:RegisterTaskDefinition", "the lab"))?;
        let existing = ecs
            .describe_services()
            .cluster(cluster)
            .services(&name)
            .send()
            .await
            .map_err(ev("ecs:DescribeServices", "the lab"))?;
        let active = existing.services().iter().any(|x| x.status() == Some("ACTIVE"));
        if !active {
            ecs.create_service()
                .cluster(cluster)
                .service_name(&name)
                .task_definition(format!("mangaassist-{role}"))
                .desired_count(spec.desired as i32)
                .send()
                .await
                .map_err(ev("ecs:CreateService", "the lab"))?;
        }
        // The emulator starts tasks on update: set the running count the scenario describes.
        ecs.update_service()
            .cluster(cluster)
            .service(&name)
            .desired_count(spec.running as i32)
            .send()
            .await
            .map_err(ev("ecs:UpdateService", "the lab"))?;
        if spec.running != spec.desired {
            ecs.update_service()
                .cluster(cluster)
                .service(&name)
                .desired_count(spec.desired as i32)
                .send()
                .await
                .map_err(ev("ecs:UpdateService", "the lab"))?;
        }
        out.insert(role.clone(), spec.desired);
    }
    Ok(out)
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
    let written = super::cloudwatch::put_logical(clients, settings, &points, 500, "the lab's metric history").await?;
    let points: usize = written.values().sum();
    Ok((series.len(), points))
}

/// Removes what `up` made (metric history cannot be deleted from CloudWatch; it ages out).
pub async fn down(clients: &Clients, settings: &Settings) -> Result<Vec<String>, Error> {
    // Below, a missing resource is simply skipped; so first make sure the endpoint answers,
    // or "nothing to remove" would be said of an emulator that is not there.
    clients
        .sqs
        .list_queues()
        .max_results(1)
        .send()
        .await
        .map_err(|e| crate::aws::read_error(&e, "sqs:ListQueues", "the lab"))?;
    let mut removed = Vec::new();
    for (role, name) in [("primary", &settings.resources.queue), ("dlq", &settings.resources.dlq)] {
        if let Ok(url) = super::sqs::queue_url(clients, name, role).await {
            clients.sqs.delete_queue().queue_url(&url).send().await.map_err(ev("sqs:DeleteQueue", name))?;
            removed.push(format!("SQS queue {name}"));
        }
    }
    let cluster = &settings.resources.cluster;
    if let Ok(found) = clients.ecs.describe_clusters().clusters(cluster).send().await {
        if found.clusters().iter().any(|c| c.status() == Some("ACTIVE")) {
            for name in settings.resources.services.values() {
                if clients.ecs.delete_service().cluster(cluster).service(name).force(true).send().await.is_ok() {
                    removed.push(format!("ECS service {name}"));
                }
            }
            clients.ecs.delete_cluster().cluster(cluster).send().await.map_err(ev("ecs:DeleteCluster", "the lab"))?;
            removed.push(format!("ECS cluster {cluster}"));
        }
    }
    if let Ok(ids) = super::appconfig::ids(clients, settings).await {
        let ac = &clients.appconfig;
        ac.delete_environment()
            .application_id(&ids.application)
            .environment_id(&ids.environment)
            .send()
            .await
            .map_err(ev("appconfig:DeleteEnvironment", "the lab"))?;
        let versions = ac
            .list_hosted_configuration_versions()
            .application_id(&ids.application)
            .configuration_profile_id(&ids.profile)
            .send()
            .await
            .map_err(ev("appconfig:ListHostedConfigurationVersions", "the lab"))?;
        for v in versions.items() {
            ac.delete_hosted_configuration_version()
                .application_id(&ids.application)
                .configuration_profile_id(&ids.profile)
                .version_number(v.version_number())
                .send()
                .await
                .map_err(ev("appconfig:DeleteHostedConfigurationVersion", "the lab"))?;
        }
        ac.delete_configuration_profile()
            .application_id(&ids.application)
            .configuration_profile_id(&ids.profile)
            .send()
            .await
            .map_err(ev("appconfig:DeleteConfigurationProfile", "the lab"))?;
        ac.delete_application()
            .application_id(&ids.application)
            .send()
            .await
            .map_err(ev("appconfig:DeleteApplication", "the lab"))?;
        removed.push(format!("AppConfig application {}", settings.appconfig.application));
    }
    Ok(removed)
}
