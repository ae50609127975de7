//! Changes to AWS as plan → preview → apply, and the reverse plan `undo` uses.
//!
//! A [`Planned`] change holds the state it was planned against, so apply can check nothing moved
//! in between, and the journal can record before and after.
//!
//! AppConfig has no compare-and-swap, so [`Planned::apply`] makes one: it checks the deployed
//! version immediately before `StartDeployment`, and after its deployment completes it checks
//! that the deployment completed just before it is the one it read. When another change slipped
//! in, it replays only its own keys onto the newer document and deploys again; when both
//! changed the same key, it puts the other change back and refuses (unless `--force`). No
//! update is lost, and every outcome is recorded in an [`Applied`] for the journal.

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

/// A change ready to show and apply.
#[derive(Debug, Clone)]
pub enum Planned {
    /// Deploy `new` in place of the deployed version `from_version`. `change` is how `new` was
    /// made from `old`, so it can be planned again on a newer document (an undo has none: its
    /// keys are copied).
    Doc { ids: AppConfigIds, from_version: i32, old: Value, new: Value, change: Option<DocChange>, force: bool },
    /// Set an ECS service's desired count.
    Ecs { role: String, service: String, from: i32, to: i32 },
    /// Set queue attributes.
    Queue { name: String, url: String, before: BTreeMap<String, String>, after: BTreeMap<String, String> },
    /// Create, replace or (with `None`) delete CloudWatch alarms.
    Alarms { before: BTreeMap<String, Option<AlarmSpec>>, after: BTreeMap<String, Option<AlarmSpec>> },
}

/// Plans `alarms install`: the seed's alarms against what CloudWatch holds.
pub async fn plan_alarms(clients: &Clients, settings: &Settings, topic: Option<&str>) -> Result<Planned, Error> {
    // The math alarms take their thresholds from the deployed document's targets.
    let (_, _, doc) = read_doc(clients, settings).await?;
    let specs = alarms::seed_alarms(settings, topic, &alarms::targets(&doc, settings));
    let names: Vec<String> = specs.iter().map(|s| s.name.clone()).collect();
    let before = alarms::existing(clients, &names).await?;
    let after = specs.into_iter().map(|s| (s.name.clone(), Some(s))).collect();
    Ok(Planned::Alarms { before, after })
}

fn act<'a, E, R>(action: &'static str, what: &'a str) -> impl Fn(aws_sdk_sqs::error::SdkError<E, R>) -> Error + 'a
where
    E: aws_sdk_sqs::error::ProvideErrorMetadata + std::error::Error + 'static,
    R: std::fmt::Debug + 'static,
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
    Ok(Planned::Doc { ids, from_version, old, new, change: Some(change.clone()), force })
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
                        let op = match a.comparison.as_str() {
                            "GreaterThanOrEqualToThreshold" => ">=",
                            "LessThanOrEqualToThreshold" => "<=",
                            "LessThanThreshold" => "<",
                            _ => ">",
                        };
                        if let Some(e) = a.queries.iter().find_map(|q| q.expression.as_deref()) {
                            return format!(
                                "metric math {e} {op} {} ({} of {})",
                                crate::engine::expr::fmt_num(a.threshold),
                                a.datapoints_to_alarm,
                                a.evaluation_periods
                            );
                        }
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

    /// The journal's `after` as planned, written ahead in the `pending` entry.
    pub fn after(&self) -> Value {
        match self {
            Planned::Doc { from_version, new, .. } => json!({"based_on": from_version, "document": new}),
            Planned::Ecs { service, to, .. } => json!({"service": service, "desired": to}),
            Planned::Queue { after, .. } => json!(after),
            Planned::Alarms { after, .. } => json!(after),
        }
    }

    /// Applies the change, recording in `out` what was sent and what it produced, so that a
    /// failure part-way still leaves an honest journal entry. `who` names the change in AWS
    /// (the AppConfig deployment's description), so others can see whose change it was.
    pub async fn apply(
        &self,
        clients: &Clients,
        settings: &Settings,
        progress: Progress<'_>,
        wait: bool,
        who: &str,
        out: &mut Applied,
    ) -> Result<(), Error> {
        out.before = self.before();
        out.after = self.after();
        match self {
            Planned::Doc { ids, from_version, old, new, change, force } => {
                let planned =
                    DocPlan { ids, from_version: *from_version, old, new, change: change.as_ref(), force: *force };
                apply_doc(clients, settings, progress, wait, who, planned, out).await
            }
            Planned::Ecs { service, to, .. } => {
                out.sent = true;
                clients
                    .ecs
                    .update_service()
                    .cluster(&settings.resources.cluster)
                    .service(service)
                    .desired_count(*to)
                    .send()
                    .await
                    .map_err(|e| out.refused(e, "ecs:UpdateService", "the ECS service"))?;
                Ok(())
            }
            Planned::Queue { url, after, .. } => {
                let mut req = clients.sqs.set_queue_attributes().queue_url(url);
                for (k, v) in after {
                    req = req.attributes(QueueAttributeName::from(k.as_str()), v);
                }
                out.sent = true;
                req.send().await.map_err(|e| out.refused(e, "sqs:SetQueueAttributes", "the primary queue"))?;
                Ok(())
            }
            Planned::Alarms { before, after } => {
                out.sent = true;
                let puts =
                    after.values().flatten().filter(|a| before.get(&a.name).cloned().flatten().as_ref() != Some(*a));
                futures::future::try_join_all(puts.map(|a| alarms::put(clients, a))).await?;
                let gone: Vec<String> = after
                    .iter()
                    .filter(|(n, a)| a.is_none() && before.get(*n).is_some_and(Option::is_some))
                    .map(|(n, _)| n.clone())
                    .collect();
                alarms::delete(clients, &gone).await?;
                Ok(())
            }
        }
    }
}

/// What applying a change did, filled in as it goes.
#[derive(Debug, Default)]
pub struct Applied {
    /// The journal's `before`: the state the change was finally based on.
    pub before: Value,
    /// The journal's `after`: what was deployed or set.
    pub after: Value,
    /// A request that changes AWS was sent and AWS did not refuse it: the change may be live.
    pub sent: bool,
    /// What happened on the way (rebases, a change put back), for the engineer and the journal.
    pub notes: Vec<String>,
}

impl Applied {
    /// Records a failed mutating call: a refusal by AWS changed nothing; any other failure
    /// (time-out, a lost connection) may have.
    fn refused<E, R>(&mut self, e: aws_sdk_sqs::error::SdkError<E, R>, action: &str, what: &str) -> Error
    where
        E: aws_sdk_sqs::error::ProvideErrorMetadata + std::error::Error + 'static,
        R: std::fmt::Debug + 'static,
    {
        if definitely_refused(&e) {
            self.sent = false;
        }
        Error::Action(explain(&e, action, what))
    }
}

/// AWS answered with an error, or the request was never built: nothing changed.
fn definitely_refused<E, R>(e: &aws_sdk_sqs::error::SdkError<E, R>) -> bool {
    use aws_sdk_sqs::error::SdkError;
    matches!(e, SdkError::ServiceError(_) | SdkError::ConstructionFailure(_))
}

/// The parts of a document change that [`apply_doc`] works with.
struct DocPlan<'a> {
    ids: &'a AppConfigIds,
    from_version: i32,
    old: &'a Value,
    new: &'a Value,
    change: Option<&'a DocChange>,
    force: bool,
}

/// A completed deployment of the profile, as `ListDeployments` tells it.
#[derive(Debug, Clone)]
struct Done {
    number: i32,
    version: i32,
}

impl Done {
    /// The deployment as the engineer reads it, with its description (whose change it was),
    /// which only `GetDeployment` tells.
    async fn who(&self, clients: &Clients, ids: &AppConfigIds) -> String {
        let d = clients
            .appconfig
            .get_deployment()
            .application_id(&ids.application)
            .environment_id(&ids.environment)
            .deployment_number(self.number)
            .send()
            .await;
        match d.ok().and_then(|d| d.description().filter(|s| !s.is_empty()).map(String::from)) {
            Some(desc) => format!("deployment {} (version {}, \"{desc}\")", self.number, self.version),
            None => format!("deployment {} (version {})", self.number, self.version),
        }
    }
}

/// How many times a change is replayed onto a newer document before masst gives up.
const REBASES: usize = 5;

/// The number of the deployment in progress, if any, and the completed deployments of the
/// profile, newest first. Reads are retried a few times: they change nothing, and giving up
/// on one after a change was sent would leave its outcome unknown.
async fn deployments(
    clients: &Clients,
    settings: &Settings,
    ids: &AppConfigIds,
) -> Result<(Option<i32>, Vec<Done>), Error> {
    use aws_sdk_appconfig::types::DeploymentState as S;
    let mut tries = 0;
    let deps = loop {
        match clients
            .appconfig
            .list_deployments()
            .application_id(&ids.application)
            .environment_id(&ids.environment)
            .max_results(50)
            .send()
            .await
        {
            Ok(d) => break d,
            Err(e) if tries < 4 && !matches!(e, aws_sdk_appconfig::error::SdkError::ServiceError(_)) => {
                tries += 1;
                tokio::time::sleep(Duration::from_millis(200 << tries)).await;
            }
            Err(e) => return Err(act("appconfig:ListDeployments", "the deployments")(e)),
        }
    };
    let running = deps
        .items()
        .iter()
        .find(|d| matches!(d.state(), Some(S::Deploying) | Some(S::Baking) | Some(S::Validating)))
        .map(|d| d.deployment_number());
    let mut done: Vec<Done> = deps
        .items()
        .iter()
        .filter(|d| {
            d.state() == Some(&S::Complete) && d.configuration_name() == Some(settings.appconfig.profile.as_str())
        })
        .filter_map(|d| Some(Done { number: d.deployment_number(), version: d.configuration_version()?.parse().ok()? }))
        .collect();
    done.sort_by_key(|d| -d.number);
    Ok((running, done))
}

async fn read_version(clients: &Clients, ids: &AppConfigIds, version: i32) -> Result<Value, Error> {
    let text = collect::hosted_version(clients, ids, version).await.map_err(|e| Error::Action(e.to_string()))?;
    serde_json::from_str(&text).map_err(|e| {
        Error::Action(format!(
            "configuration version {version}, deployed by someone else meanwhile, is not valid JSON ({e}); masst will not edit it"
        ))
    })
}

/// Deploys a document change without losing anyone's update (see the module comment).
async fn apply_doc(
    clients: &Clients,
    settings: &Settings,
    progress: Progress<'_>,
    wait: bool,
    who: &str,
    p: DocPlan<'_>,
    out: &mut Applied,
) -> Result<(), Error> {
    let models = settings.model_keys();
    let (mut base_version, mut base, mut mine) = (p.from_version, p.old.clone(), p.new.clone());
    // The version that must be live when masst starts its deployment.
    let mut expected_live = p.from_version;
    for round in 0..REBASES {
        let (running, done) = deployments(clients, settings, p.ids).await?;
        if let Some(n) = running {
            if round == 0 {
                return Err(Error::Action(format!(
                    "deployment {n} is still in progress in {}; nothing was changed. Wait for it, then re-run",
                    settings.appconfig.environment
                )));
            }
            // Someone started a deployment after ours: let it finish, then look again.
            let _ = follow(clients, p.ids, n, &silent).await;
            continue;
        }
        let Some(latest) = done.first().cloned() else {
            return Err(Error::Action(format!(
                "no completed deployment of profile `{}` is left in `{}`; nothing was changed",
                settings.appconfig.profile, settings.appconfig.environment
            )));
        };
        if latest.version != expected_live {
            let theirs = read_version(clients, p.ids, latest.version).await?;
            let who_else = latest.who(clients, p.ids).await;
            mine = doc::rebase(&base, &mine, &theirs, p.change, &models, p.force).map_err(|r| {
                Error::Action(format!(
                    "{} was deployed after masst read version {base_version}, and {}: deploying this change would overwrite theirs. \
                     Nothing was changed. Re-run to plan against the current document, or pass --force to overwrite",
                    who_else, r.message
                ))
            })?;
            out.notes.push(format!("replayed onto {who_else}, deployed after masst read version {base_version}"));
            (base, base_version, expected_live) = (theirs, latest.version, latest.version);
            out.before = json!({"version": base_version, "document": base});
            out.after = json!({"based_on": base_version, "document": mine});
            if mine == base {
                out.notes.push("that deployment already made this change; nothing more to deploy".into());
                return Ok(());
            }
        }
        let Some((version, number)) = deploy(clients, settings, p.ids, &mine, who, out).await? else {
            // Another deployment started between our check and ours: look again.
            continue;
        };
        out.before = json!({"version": base_version, "document": base});
        out.after = json!({"version": version, "deployment": number, "based_on": base_version, "document": mine});
        if !wait {
            out.notes.push(format!("deployment {number} started; not followed (--no-wait)"));
            return Ok(());
        }
        follow(clients, p.ids, number, progress).await?;
        let (_, done) = deployments(clients, settings, p.ids).await?;
        let Some(prev) = done.iter().find(|d| d.number < number).cloned() else {
            return Ok(());
        };
        if prev.version == expected_live {
            return Ok(());
        }
        // Someone deployed between our check and our deployment, and ours replaced theirs.
        let theirs = read_version(clients, p.ids, prev.version).await?;
        let who_else = prev.who(clients, p.ids).await;
        match doc::rebase(&base, &mine, &theirs, p.change, &models, p.force) {
            Ok(replayed) => {
                out.notes.push(format!(
                    "{who_else} completed between masst's check and its deployment {number}; replaying this change onto it"
                ));
                (base, base_version, expected_live, mine) = (theirs, prev.version, version, replayed);
            }
            Err(r) => {
                // Put their document back rather than leave it overwritten.
                let Some((v2, n2)) =
                    deploy(clients, settings, p.ids, &theirs, &format!("{who}: put back"), out).await?
                else {
                    return Err(Error::Action(format!(
                        "{who_else} and this change ({}) were deployed at the same time; this one may have overwritten theirs and could not be put back: check AppConfig",
                        r.message
                    )));
                };
                follow(clients, p.ids, n2, &silent).await?;
                out.sent = false;
                out.before = json!({"version": prev.version, "document": theirs});
                out.after = json!({"version": v2, "deployment": n2, "document": theirs, "put_back": prev.version});
                return Err(Error::Action(format!(
                    "{who_else} was deployed at the same time as this change, and {}; masst put their document back (version {v2}) \
                     so nothing of this change is live. Re-run to plan against the current document, or pass --force to overwrite",
                    r.message
                )));
            }
        }
    }
    Err(Error::Action(format!(
        "the configuration kept changing under masst ({REBASES} attempts to deploy this change on top of others); \
         check `masst journal` and AppConfig, then re-run"
    )))
}

fn same_queue_attrs(a: &BTreeMap<String, String>, b: &BTreeMap<String, String>) -> bool {
    let norm = |m: &BTreeMap<String, String>| -> BTreeMap<String, Value> {
        m.iter()
            .map(|(k, v)| (k.clone(), serde_json::from_str(v).unwrap_or_else(|_| Value::String(v.clone()))))
            .collect()
    };
    norm(a) == norm(b)
}

/// Writes `doc` as a new hosted version and starts its deployment. `None` when AppConfig
/// refused the start because another deployment began meanwhile (nothing is live then).
async fn deploy(
    clients: &Clients,
    settings: &Settings,
    ids: &AppConfigIds,
    doc: &Value,
    description: &str,
    out: &mut Applied,
) -> Result<Option<(i32, i32)>, Error> {
    let ac = &clients.appconfig;
    // AppConfig caps descriptions at 1024 characters.
    let description: String = description.chars().take(1024).collect();
    let body = serde_json::to_vec_pretty(doc).expect("json");
    let version = ac
        .create_hosted_configuration_version()
        .application_id(&ids.application)
        .configuration_profile_id(&ids.profile)
        .content(aws_sdk_appconfig::primitives::Blob::new(body))
        .content_type("application/json")
        .description(&description)
        .send()
        .await
        .map_err(act("appconfig:CreateHostedConfigurationVersion", "the new configuration version"))?
        .version_number();
    let strategy = crate::actions::appconfig::ensure_strategy(clients, &settings.appconfig.strategy).await?;
    let was_sent = out.sent;
    out.sent = true;
    let started = ac
        .start_deployment()
        .application_id(&ids.application)
        .environment_id(&ids.environment)
        .configuration_profile_id(&ids.profile)
        .deployment_strategy_id(strategy)
        .configuration_version(version.to_string())
        .description(&description)
        .send()
        .await;
    match started {
        Ok(d) => Ok(Some((version, d.deployment_number()))),
        Err(aws_sdk_appconfig::error::SdkError::ServiceError(se)) if se.err().is_conflict_exception() => {
            out.sent = was_sent;
            Ok(None)
        }
        Err(e) => {
            if definitely_refused(&e) {
                out.sent = was_sent;
            }
            Err(act("appconfig:StartDeployment", "the deployment")(e))
        }
    }
}

/// How a followed deployment is going, for whoever shows progress: the actions layer holds
/// no terminal type, the printer owns any bar.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Deploying<'a> {
    /// Percent complete and AppConfig's state word.
    At(f64, &'a str),
    /// Completed.
    Done,
    /// Rolled back, or no longer followed.
    Stopped,
}

/// Receives [`Deploying`] reports.
pub type Progress<'a> = &'a (dyn Fn(Deploying<'_>) + Sync);

/// Reports nothing (deployments followed in passing).
pub fn silent(_: Deploying<'_>) {}

/// Follows a deployment to completion, reporting progress; a rollback is an error.
pub async fn follow(clients: &Clients, ids: &AppConfigIds, number: i32, progress: Progress<'_>) -> Result<(), Error> {
    use aws_sdk_appconfig::types::DeploymentState as S;
    let deadline = std::time::Instant::now() + Duration::from_secs(3600);
    let mut failures = 0;
    loop {
        let d = match clients
            .appconfig
            .get_deployment()
            .application_id(&ids.application)
            .environment_id(&ids.environment)
            .deployment_number(number)
            .send()
            .await
        {
            Ok(d) => {
                failures = 0;
                d
            }
            // A read that fails in passing does not end the watch: the deployment goes on
            // whether masst sees it or not, and its outcome is what the journal needs.
            Err(e) if failures < 5 && !definitely_refused(&e) => {
                failures += 1;
                tokio::time::sleep(Duration::from_millis(250 << failures)).await;
                continue;
            }
            Err(e) => {
                progress(Deploying::Stopped);
                return Err(Error::Action(format!(
                    "deployment {number} was started but masst could not follow it: {}. It may be live: \
                     `masst journal` lists it as unknown and `masst undo` can reverse it",
                    explain(&e, "appconfig:GetDeployment", "the deployment")
                )));
            }
        };
        progress(Deploying::At(
            d.percentage_complete().unwrap_or(0.0) as f64,
            d.state().map(|s| s.as_str()).unwrap_or(""),
        ));
        match d.state() {
            Some(S::Complete) => {
                progress(Deploying::Done);
                return Ok(());
            }
            Some(S::RolledBack) | Some(S::RollingBack) => {
                progress(Deploying::Stopped);
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
            let to = e.before["desired"].as_i64().ok_or_else(|| {
                Error::Action(format!("journal entry {} has no desired count to restore", e.id))
            })? as i32;
            if now != left && now != to && !force {
                return Err(moved(format!("{service}'s desired count is {now}, not the {left} it left")));
            }
            Ok(Planned::Ecs { role: role.into(), service, from: now, to })
        }
        "queue.fix" => {
            let (name, url, now) = read_queue(clients, settings).await?;
            let left: BTreeMap<String, String> = serde_json::from_value(e.after.clone()).unwrap_or_default();
            let before: BTreeMap<String, String> = serde_json::from_value(e.before.clone())
                .map_err(|_| Error::Action(format!("journal entry {} has no queue attributes to restore", e.id)))?;
            if !same_queue_attrs(&now, &left) && !same_queue_attrs(&now, &before) && !force {
                return Err(moved(format!("the attributes of {name} changed")));
            }
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
        id if doc_action(id) => {
            let (ids, version, now) = read_doc(clients, settings).await?;
            let (Some(had), Some(left)) = (e.before.get("document"), e.after.get("document")) else {
                return Err(Error::Action(format!(
                    "journal entry {} ({}) has no before and after documents, so masst cannot tell which keys to restore; undo it by hand",
                    e.id, e.action
                )));
            };
            let restore = undo_patch(had, left, &now);
            let moved_keys: Vec<String> = restore.moved.iter().map(|p| doc::path_str(p)).collect();
            if !moved_keys.is_empty() && !force {
                return Err(moved(format!(
                    "{} changed in the deployed configuration (version {version})",
                    moved_keys.join(", ")
                )));
            }
            let new = doc::apply_patch(&now, &restore.patch).map_err(|r| Error::Action(r.message))?;
            Ok(Planned::Doc { ids, from_version: version, old: now, new, change: None, force })
        }
        other => Err(Error::Action(format!(
            "journal entry {} has the action `{other}`, which this masst does not know how to undo; undo it by hand",
            e.id
        ))),
    }
}

/// Is `id` an action that changes the AppConfig document?
fn doc_action(id: &str) -> bool {
    matches!(
        id,
        "analytics.pause"
            | "analytics.resume"
            | "concurrency.set"
            | "routing.haiku"
            | "batch.pause"
            | "batch.resume"
            | "batch.concurrency"
            | "batch.schedule"
            | "batch.model"
            | "quota.sync"
    )
}

/// How to undo a document change: the leaves it changed, set back to what they were, and
/// those of them that someone has changed since (undoing would overwrite their change).
#[derive(Debug, PartialEq)]
pub struct UndoPatch {
    pub patch: doc::Patch,
    pub moved: Vec<Vec<String>>,
}

/// Plans the undo of a change that took `had` to `left`, against the document deployed `now`.
/// Only the change's own keys are restored: whatever else changed since stays.
pub fn undo_patch(had: &Value, left: &Value, now: &Value) -> UndoPatch {
    let mut patch = doc::Patch::new();
    let mut moved = Vec::new();
    for (path, _) in doc::leaf_diff(had, left) {
        let was = doc::value_at(had, &path).cloned();
        let current = doc::value_at(now, &path);
        if current == was.as_ref() {
            continue; // already as it was (the change never went live, or was reverted)
        }
        if current != doc::value_at(left, &path) {
            moved.push(path.clone());
        }
        patch.push((path, was));
    }
    UndoPatch { patch, moved }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undo_restores_only_its_own_keys_and_names_those_changed_since() {
        let had = json!({"analytics": {"paused": false}, "routing": {"on": false}, "pools": {"s": 50}});
        let left = json!({"analytics": {"paused": true}, "routing": {"on": false}, "pools": {"s": 30}});
        // Since: someone turned routing on (not ours) and set pools.s to 35 (ours).
        let now = json!({"analytics": {"paused": true}, "routing": {"on": true}, "pools": {"s": 35}});
        let u = undo_patch(&had, &left, &now);
        assert_eq!(u.moved, vec![vec!["pools".to_string(), "s".to_string()]]);
        let restored = doc::apply_patch(&now, &u.patch).unwrap();
        assert_eq!(restored, json!({"analytics": {"paused": false}, "routing": {"on": true}, "pools": {"s": 50}}));
        // A change that never went live has nothing to undo.
        assert_eq!(undo_patch(&had, &left, &had), UndoPatch { patch: vec![], moved: vec![] });
    }
}
