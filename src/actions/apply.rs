//! Changes to AWS as plan → preview → apply, and the reverse plan `undo` uses.
//!
//! A [`Planned`] change holds the state it was planned against, so apply can check nothing moved
//! in between (a concurrent AppConfig deployment stops the change: no lost updates), and the
//! journal can record before and after.

use std::collections::BTreeMap;
use std::time::Duration;

use aws_sdk_sqs::types::QueueAttributeName;
use serde_json::{json, Value};

use crate::actions::alarms::{self, AlarmSpec};
use crate::actions::doc::{self, DocChange};
use crate::actions::journal::Entry;
use crate::aws::{explain, Clients};
use crate::error::Error;
use crate::evidence::collect::{self, AppConfigIds};
use crate::settings::Settings;
use crate::ui::Printer;

/// A change ready to show and apply.
#[derive(Debug, Clone)]
pub enum Planned {
    /// Deploy `new` in place of the deployed version `from_version`.
    Doc { ids: AppConfigIds, from_version: i32, old: Value, new: Value },
    /// Set an ECS service's desired count.
    Ecs { role: String, service: String, from: i32, to: i32 },
    /// Set queue attributes.
    Queue { name: String, url: String, before: BTreeMap<String, String>, after: BTreeMap<String, String> },
    /// Create, replace or (with `None`) delete CloudWatch alarms.
    Alarms { before: BTreeMap<String, Option<AlarmSpec>>, after: BTreeMap<String, Option<AlarmSpec>> },
}

/// Plans `alarms install`: the seed's alarms against what CloudWatch holds.
pub async fn plan_alarms(clients: &Clients, settings: &Settings, topic: Option<&str>) -> Result<Planned, Error> {
    let specs = alarms::seed_alarms(settings, topic);
    let names: Vec<String> = specs.iter().map(|s| s.name.clone()).collect();
    let before = alarms::existing(clients, &names).await?;
    let after = specs.into_iter().map(|s| (s.name.clone(), Some(s))).collect();
    Ok(Planned::Alarms { before, after })
}

fn act<'a, E, R>(action: &'static str, what: &'a str) -> impl Fn(aws_sdk_sqs::error::SdkError<E, R>) -> Error + 'a
where
    E: aws_sdk_sqs::error::ProvideErrorMetadata + std::error::Error + 'static,
    R: std::fmt::Debug,
{
    move |e| Error::Action(explain(&e, action, what))
}

/// Reads the deployed document and its version.
pub async fn read_doc(clients: &Clients, settings: &Settings) -> Result<(AppConfigIds, i32, Value), Error> {
    let ids = collect::appconfig_ids(clients, settings).await?;
    let (version, text) = collect::deployed_document(clients, settings, &ids).await?;
    let doc = serde_json::from_str(&text).map_err(|e| {
        Error::Action(format!(
            "the deployed configuration (version {version}) is not valid JSON ({e}); masst will not edit it. Fix it in AppConfig first"
        ))
    })?;
    Ok((ids, version, doc))
}

/// Plans a document change against what is deployed now.
pub async fn plan_doc(
    clients: &Clients,
    settings: &Settings,
    change: &DocChange,
    force: bool,
) -> Result<Planned, Error> {
    let (ids, from_version, old) = read_doc(clients, settings).await?;
    let new = change.plan(&old, &settings.model_keys(), force).map_err(|r| Error::Action(r.message))?;
    Ok(Planned::Doc { ids, from_version, old, new })
}

/// Reads an ECS service's desired count.
pub async fn read_desired(clients: &Clients, settings: &Settings, role: &str) -> Result<(String, i32), Error> {
    let service = settings.resources.services.get(role).cloned().unwrap_or_else(|| role.to_string());
    let cluster = &settings.resources.cluster;
    let out = clients
        .ecs
        .describe_services()
        .cluster(cluster)
        .services(&service)
        .send()
        .await
        .map_err(act("ecs:DescribeServices", "the ECS service"))?;
    let s = out.services().iter().find(|s| s.status() != Some("INACTIVE")).ok_or_else(|| {
        Error::Action(format!("the ECS service `{service}` does not exist in cluster `{cluster}`; set [resources.services] {role} in masst.toml"))
    })?;
    Ok((service, s.desired_count()))
}

/// Plans an ECS desired-count change.
pub async fn plan_ecs(clients: &Clients, settings: &Settings, role: &str, to: i32) -> Result<Planned, Error> {
    if !(0..=200).contains(&to) {
        return Err(Error::Action(format!("a desired count of {to} is out of range; use 0 to 200")));
    }
    let (service, from) = read_desired(clients, settings, role).await?;
    Ok(Planned::Ecs { role: role.to_string(), service, from, to })
}

/// Reads the primary queue's VisibilityTimeout and RedrivePolicy.
pub async fn read_queue(
    clients: &Clients,
    settings: &Settings,
) -> Result<(String, String, BTreeMap<String, String>), Error> {
    let name = settings.resources.queue.clone();
    let url = collect::queue_url(clients, &name, "primary").await.map_err(|e| Error::Action(e.to_string()))?;
    let out = clients
        .sqs
        .get_queue_attributes()
        .queue_url(&url)
        .attribute_names(QueueAttributeName::VisibilityTimeout)
        .attribute_names(QueueAttributeName::RedrivePolicy)
        .send()
        .await
        .map_err(act("sqs:GetQueueAttributes", "the primary queue"))?;
    let attrs = out
        .attributes()
        .map(|m| m.iter().map(|(k, v)| (k.as_str().to_string(), v.clone())).collect())
        .unwrap_or_default();
    Ok((name, url, attrs))
}

/// Plans `queue fix`: the visibility timeout and maxReceiveCount, keeping the DLQ target.
pub async fn plan_queue_fix(
    clients: &Clients,
    settings: &Settings,
    visibility: u32,
    max_receive: u32,
) -> Result<Planned, Error> {
    if visibility > 43_200 {
        return Err(Error::Action(format!(
            "VisibilityTimeout {visibility} is out of range; SQS allows 0 to 43200 seconds"
        )));
    }
    if !(1..=1000).contains(&max_receive) {
        return Err(Error::Action(format!("maxReceiveCount {max_receive} is out of range; SQS allows 1 to 1000")));
    }
    let (name, url, before) = read_queue(clients, settings).await?;
    let policy: Value = before.get("RedrivePolicy").and_then(|p| serde_json::from_str(p).ok()).ok_or_else(|| {
        Error::Action(format!("the queue {name} has no RedrivePolicy, so there is no DLQ to keep; set one up first"))
    })?;
    let target = policy.get("deadLetterTargetArn").cloned().unwrap_or(Value::Null);
    let mut after = before.clone();
    after.insert("VisibilityTimeout".into(), visibility.to_string());
    after.insert(
        "RedrivePolicy".into(),
        json!({"deadLetterTargetArn": target, "maxReceiveCount": max_receive}).to_string(),
    );
    Ok(Planned::Queue { name, url, before, after })
}

impl Planned {
    /// True when applying would change nothing.
    pub fn is_noop(&self) -> bool {
        match self {
            Planned::Doc { old, new, .. } => old == new,
            Planned::Ecs { from, to, .. } => from == to,
            Planned::Queue { before, after, .. } => same_queue_attrs(before, after),
            Planned::Alarms { before, after } => before == after,
        }
    }

    /// What is being changed, for the journal and the preview.
    pub fn target(&self, settings: &Settings) -> String {
        match self {
            Planned::Doc { .. } => {
                let a = &settings.appconfig;
                format!("AppConfig {}/{}/{}", a.application, a.environment, a.profile)
            }
            Planned::Ecs { service, .. } => format!("ECS {}/{service}", settings.resources.cluster),
            Planned::Queue { name, .. } => format!("SQS {name}"),
            Planned::Alarms { after, .. } => format!("CloudWatch alarms ({})", after.len()),
        }
    }

    /// The preview shown before anything changes.
    pub fn preview(&self, settings: &Settings) -> String {
        match self {
            Planned::Doc { from_version, old, new, .. } => format!(
                "{} (deployed version {from_version}) — a new hosted version, deployed with strategy {}:\n{}",
                self.target(settings),
                settings.appconfig.strategy,
                doc::diff(old, new)
            ),
            Planned::Ecs { from, to, .. } => format!("{}: desired count {from} → {to}", self.target(settings)),
            Planned::Queue { before, after, .. } => {
                let mut s = format!("{}:\n", self.target(settings));
                for (k, v) in after {
                    let old = before.get(k).map(String::as_str).unwrap_or("(unset)");
                    if old != v {
                        s.push_str(&format!("  {k}: {old} → {v}\n"));
                    }
                }
                s
            }
            Planned::Alarms { before, after } => {
                let mut s = format!("{}:\n", self.target(settings));
                for (name, want) in after {
                    let had = before.get(name).cloned().flatten();
                    let verb = match (&had, want) {
                        (None, Some(_)) => "create",
                        (Some(_), None) => "delete",
                        (Some(h), Some(w)) if h == w => "unchanged",
                        (Some(_), Some(_)) => "replace",
                        (None, None) => "absent",
                    };
                    let what = want.as_ref().or(had.as_ref()).map(|a| {
                        let op = if a.comparison.starts_with("GreaterThanOrEqual") { ">=" } else { ">" };
                        format!(
                            "{}:{} {} {op} {} ({} of {} × {} s)",
                            a.namespace,
                            a.metric,
                            a.statistic,
                            crate::engine::expr::fmt_num(a.threshold),
                            a.datapoints_to_alarm,
                            a.evaluation_periods,
                            a.period
                        )
                    });
                    s.push_str(&format!("  {verb:9} {name}  {}\n", what.unwrap_or_default()));
                }
                s
            }
        }
    }

    /// The journal's `before`.
    pub fn before(&self) -> Value {
        match self {
            Planned::Doc { from_version, old, .. } => json!({"version": from_version, "document": old}),
            Planned::Ecs { service, from, .. } => json!({"service": service, "desired": from}),
            Planned::Queue { before, .. } => json!(before),
            Planned::Alarms { before, .. } => json!(before),
        }
    }

    /// Applies the change; returns the journal's `after`.
    pub async fn apply(
        &self,
        clients: &Clients,
        settings: &Settings,
        printer: &Printer,
        wait: bool,
    ) -> Result<Value, Error> {
        match self {
            Planned::Doc { ids, from_version, new, .. } => {
                let (version, number) = deploy(clients, settings, ids, *from_version, new, "masst").await?;
                if wait {
                    follow(clients, ids, number, printer).await?;
                }
                Ok(json!({"version": version, "deployment": number, "document": new}))
            }
            Planned::Ecs { service, to, .. } => {
                clients
                    .ecs
                    .update_service()
                    .cluster(&settings.resources.cluster)
                    .service(service)
                    .desired_count(*to)
                    .send()
                    .await
                    .map_err(act("ecs:UpdateService", "the ECS service"))?;
                Ok(json!({"service": service, "desired": to}))
            }
            Planned::Queue { url, after, .. } => {
                let mut req = clients.sqs.set_queue_attributes().queue_url(url);
                for (k, v) in after {
                    req = req.attributes(QueueAttributeName::from(k.as_str()), v);
                }
                req.send().await.map_err(act("sqs:SetQueueAttributes", "the primary queue"))?;
                Ok(json!(after))
            }
            Planned::Alarms { before, after } => {
                let puts =
                    after.values().flatten().filter(|a| before.get(&a.name).cloned().flatten().as_ref() != Some(*a));
                futures::future::try_join_all(puts.map(|a| alarms::put(clients, a))).await?;
                let gone: Vec<String> = after
                    .iter()
                    .filter(|(n, a)| a.is_none() && before.get(*n).is_some_and(Option::is_some))
                    .map(|(n, _)| n.clone())
                    .collect();
                alarms::delete(clients, &gone).await?;
                Ok(json!(after))
            }
        }
    }
}

fn same_queue_attrs(a: &BTreeMap<String, String>, b: &BTreeMap<String, String>) -> bool {
    let norm = |m: &BTreeMap<String, String>| -> BTreeMap<String, Value> {
        m.iter()
            .map(|(k, v)| (k.clone(), serde_json::from_str(v).unwrap_or_else(|_| Value::String(v.clone()))))
            .collect()
    };
    norm(a) == norm(b)
}

/// Writes `doc` as a new hosted version and starts its deployment, after checking that the
/// deployed version is still `from_version` and no deployment is running.
pub async fn deploy(
    clients: &Clients,
    settings: &Settings,
    ids: &AppConfigIds,
    from_version: i32,
    doc: &Value,
    description: &str,
) -> Result<(i32, i32), Error> {
    let ac = &clients.appconfig;
    let deps = ac
        .list_deployments()
        .application_id(&ids.application)
        .environment_id(&ids.environment)
        .max_results(50)
        .send()
        .await
        .map_err(act("appconfig:ListDeployments", "the deployments"))?;
    use aws_sdk_appconfig::types::DeploymentState as S;
    if let Some(running) =
        deps.items().iter().find(|d| matches!(d.state(), Some(S::Deploying) | Some(S::Baking) | Some(S::Validating)))
    {
        return Err(Error::Action(format!(
            "deployment {} is still in progress in {}; nothing was changed. Wait for it, then re-run",
            running.deployment_number(),
            settings.appconfig.environment
        )));
    }
    let latest = deps
        .items()
        .iter()
        .filter(|d| {
            d.state() == Some(&S::Complete) && d.configuration_name() == Some(settings.appconfig.profile.as_str())
        })
        .max_by_key(|d| d.deployment_number())
        .and_then(|d| d.configuration_version())
        .and_then(|v| v.parse::<i32>().ok());
    if latest != Some(from_version) {
        return Err(Error::Action(format!(
            "someone deployed version {} of the configuration after masst read version {from_version}; nothing was changed. \
             Re-run to plan against the current document",
            latest.map(|v| v.to_string()).unwrap_or_else(|| "?".into())
        )));
    }
    let body = serde_json::to_vec_pretty(doc).expect("json");
    let version = ac
        .create_hosted_configuration_version()
        .application_id(&ids.application)
        .configuration_profile_id(&ids.profile)
        .content(aws_sdk_appconfig::primitives::Blob::new(body))
        .content_type("application/json")
        .description(description)
        .send()
        .await
        .map_err(act("appconfig:CreateHostedConfigurationVersion", "the new configuration version"))?
        .version_number();
    let strategy = crate::actions::appconfig::ensure_strategy(clients, &settings.appconfig.strategy).await?;
    let started = ac
        .start_deployment()
        .application_id(&ids.application)
        .environment_id(&ids.environment)
        .configuration_profile_id(&ids.profile)
        .deployment_strategy_id(strategy)
        .configuration_version(version.to_string())
        .description(description)
        .send()
        .await
        .map_err(act("appconfig:StartDeployment", "the deployment"))?;
    Ok((version, started.deployment_number()))
}

/// Follows a deployment to completion with a progress bar; a rollback is an error.
pub async fn follow(clients: &Clients, ids: &AppConfigIds, number: i32, printer: &Printer) -> Result<(), Error> {
    use aws_sdk_appconfig::types::DeploymentState as S;
    let bar = printer.progress.then(|| {
        let b = indicatif::ProgressBar::new(100);
        b.set_style(indicatif::ProgressStyle::with_template("deploying {bar:30} {pos}% {msg}").expect("template"));
        b
    });
    let deadline = std::time::Instant::now() + Duration::from_secs(3600);
    loop {
        let d = clients
            .appconfig
            .get_deployment()
            .application_id(&ids.application)
            .environment_id(&ids.environment)
            .deployment_number(number)
            .send()
            .await
            .map_err(act("appconfig:GetDeployment", "the deployment"))?;
        if let Some(b) = &bar {
            b.set_position(d.percentage_complete().unwrap_or(0.0) as u64);
            b.set_message(d.state().map(|s| s.as_str().to_string()).unwrap_or_default());
        }
        match d.state() {
            Some(S::Complete) => {
                if let Some(b) = bar {
                    b.finish_and_clear();
                }
                return Ok(());
            }
            Some(S::RolledBack) | Some(S::RollingBack) => {
                if let Some(b) = bar {
                    b.abandon();
                }
                return Err(Error::Action(format!(
                    "deployment {number} was stopped or rolled back; the previous configuration stays in effect"
                )));
            }
            _ => {}
        }
        if std::time::Instant::now() > deadline {
            return Err(Error::Action(format!(
                "deployment {number} did not complete within an hour; check it in AppConfig"
            )));
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
}

/// Plans the reversal of a journal entry against the current state. Refuses when the state
/// is no longer what the entry left, unless `force`.
pub async fn plan_undo(clients: &Clients, settings: &Settings, e: &Entry, force: bool) -> Result<Planned, Error> {
    let moved = |what: String| {
        Error::Action(format!(
            "{what} since {} ({}); undoing it would overwrite that change. Check with `masst journal`, or pass --force",
            e.id, e.command
        ))
    };
    match e.action.as_str() {
        "batch.scale" | "producer.pause" | "producer.resume" => {
            let role = if e.action == "batch.scale" { "batch-worker" } else { "catalog-enrichment" };
            let (service, now) = read_desired(clients, settings, role).await?;
            let left = e.after["desired"].as_i64().unwrap_or(-1) as i32;
            if now != left && !force {
                return Err(moved(format!("{service}'s desired count is {now}, not the {left} it left")));
            }
            let to = e.before["desired"].as_i64().ok_or_else(|| Error::Action(format!("journal entry {} has no desired count to restore", e.id)))?;
            Ok(Planned::Ecs { role: role.into(), service, from: now, to: to as i32 })
        }
        "queue.fix" => {
            let (name, url, now) = read_queue(clients, settings).await?;
            let left: BTreeMap<String, String> = serde_json::from_value(e.after.clone()).unwrap_or_default();
            if !same_queue_attrs(&now, &left) && !force {
                return Err(moved(format!("the attributes of {name} changed")));
            }
            let before: BTreeMap<String, String> = serde_json::from_value(e.before.clone())
                .map_err(|_| Error::Action(format!("journal entry {} has no queue attributes to restore", e.id)))?;
            Ok(Planned::Queue { name, url, before: now, after: before })
        }
        "alarms.install" => {
            let left: BTreeMap<String, Option<AlarmSpec>> = serde_json::from_value(e.after.clone()).unwrap_or_default();
            let names: Vec<String> = left.keys().cloned().collect();
            let now = alarms::existing(clients, &names).await?;
            if now != left && !force {
                return Err(moved("the alarms were changed".to_string()));
            }
            let before: BTreeMap<String, Option<AlarmSpec>> = serde_json::from_value(e.before.clone())
                .map_err(|_| Error::Action(format!("journal entry {} has no alarm definitions to restore", e.id)))?;
            Ok(Planned::Alarms { before: now, after: before })
        }
        "dlq.redrive" => Err(Error::Action(format!(
            "entry {} moved messages from the DLQ to the primary queue; they may already be processed, so masst does not move them back",
            e.id
        ))),
        _ => {
            let (ids, version, now) = read_doc(clients, settings).await?;
            let left = e.after["version"].as_i64().unwrap_or(-1) as i32;
            if version != left && !force {
                return Err(moved(format!("the deployed configuration is version {version}, not the version {left} it deployed")));
            }
            let old = e.before.get("document").cloned().ok_or_else(|| Error::Action(format!("journal entry {} has no document to restore", e.id)))?;
            Ok(Planned::Doc { ids, from_version: version, old: now, new: old })
        }
    }
}
