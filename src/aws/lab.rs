//! The lab's writes to an emulator, on plain data: create or take over a queue, send
//! messages, deploy a configuration document, create the cluster and a service, and `down`,
//! which removes them again. What to write is decided from the scenario in `lab::world`; this
//! file knows only the SDK. Only ever used against a loopback endpoint (the command refuses
//! anything else first).

use aws_sdk_ecs::types::ContainerDefinition;
use aws_sdk_sqs::types::QueueAttributeName;
use futures::stream::{self, StreamExt, TryStreamExt};

use crate::aws::Clients;
use crate::error::Error;
use crate::settings::{AppConfigNames, Settings};

fn ev<'a, E, R>(action: &'static str, what: &'a str) -> impl Fn(aws_sdk_sqs::error::SdkError<E, R>) -> Error + 'a
where
    E: aws_sdk_sqs::error::ProvideErrorMetadata + std::error::Error + 'static,
    R: std::fmt::Debug + 'static,
{
    move |e| crate::aws::read_error(&e, action, what)
}

/// Creates the queue `name` with `attrs` (SQS attribute names and values), or takes over and
/// empties the one that exists; returns its URL.
pub async fn create_queue(clients: &Clients, name: &str, attrs: &[(String, String)]) -> Result<String, Error> {
    let attrs: Vec<(QueueAttributeName, &String)> =
        attrs.iter().map(|(k, v)| (QueueAttributeName::from(k.as_str()), v)).collect();
    let mut req = clients.sqs.create_queue().queue_name(name);
    for (k, v) in &attrs {
        req = req.attributes(k.clone(), *v);
    }
    match req.send().await {
        Ok(out) => Ok(out.queue_url().unwrap_or_default().to_string()),
        Err(_) => {
            // It exists with other attributes: take it over and empty it.
            let url = super::sqs::queue_url(clients, name, "lab").await?;
            let mut set = clients.sqs.set_queue_attributes().queue_url(&url);
            for (k, v) in &attrs {
                set = set.attributes(k.clone(), *v);
            }
            set.send().await.map_err(ev("sqs:SetQueueAttributes", name))?;
            clients.sqs.purge_queue().queue_url(&url).send().await.map_err(ev("sqs:PurgeQueue", name))?;
            Ok(url)
        }
    }
}

/// Sends messages in batches of ten, eight batches in flight; any refused entry fails the lab.
pub async fn send_all(clients: &Clients, url: &str, messages: &[super::sqs::Outgoing]) -> Result<(), Error> {
    stream::iter(messages.chunks(10))
        .map(|chunk| async move {
            let out = super::sqs::send_batch(clients, url, chunk, url).await?;
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

/// Messages in a queue, visible and in flight.
pub async fn depth(clients: &Clients, url: &str, name: &str) -> Result<usize, Error> {
    let names =
        ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible", "ApproximateNumberOfMessagesDelayed"];
    let attrs = super::sqs::attributes(clients, url, &names, name).await?;
    Ok(attrs.values().filter_map(|v| v.parse::<usize>().ok()).sum())
}

/// Creates (or finds) the application, profile and environment `n` names, stores `content` as a
/// new hosted version and deploys it; returns the version number.
pub async fn deploy_config(
    clients: &Clients,
    n: &AppConfigNames,
    content: Vec<u8>,
    description: &str,
) -> Result<i32, Error> {
    let ac = &clients.appconfig;
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
        .description(description)
        .send()
        .await
        .map_err(ev("appconfig:StartDeployment", "the lab"))?;
    Ok(version)
}

/// Creates the ECS cluster (creating one that exists is a no-op in ECS).
pub async fn create_cluster(clients: &Clients, cluster: &str) -> Result<(), Error> {
    clients.ecs.create_cluster().cluster_name(cluster).send().await.map_err(ev("ecs:CreateCluster", "the lab"))?;
    Ok(())
}

/// One ECS service as a scenario describes it.
pub struct Service<'a> {
    pub cluster: &'a str,
    /// The service's role (`chat-api`, `batch-worker`): its task family and container name.
    pub role: &'a str,
    /// The deployed service name.
    pub name: &'a str,
    pub desired: i64,
    pub running: i64,
}

/// Registers the role's task definition and creates the service (or takes over an active one)
/// so that it runs `running` tasks and wants `desired`.
pub async fn ecs_service(clients: &Clients, s: &Service<'_>) -> Result<(), Error> {
    let ecs = &clients.ecs;
    let (cluster, role, name) = (s.cluster, s.role, s.name);
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
        .services(name)
        .send()
        .await
        .map_err(ev("ecs:DescribeServices", "the lab"))?;
    let active = existing.services().iter().any(|x| x.status() == Some("ACTIVE"));
    if !active {
        ecs.create_service()
            .cluster(cluster)
            .service_name(name)
            .task_definition(format!("mangaassist-{role}"))
            .desired_count(s.desired as i32)
            .send()
            .await
            .map_err(ev("ecs:CreateService", "the lab"))?;
    }
    // The emulator starts tasks on update: set the running count the scenario describes.
    ecs.update_service()
        .cluster(cluster)
        .service(name)
        .desired_count(s.running as i32)
        .send()
        .await
        .map_err(ev("ecs:UpdateService", "the lab"))?;
    if s.running != s.desired {
        ecs.update_service()
            .cluster(cluster)
            .service(name)
            .desired_count(s.desired as i32)
            .send()
            .await
            .map_err(ev("ecs:UpdateService", "the lab"))?;
    }
    Ok(())
}

/// Removes what `lab up` made (metric history cannot be deleted from CloudWatch; it ages out).
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
