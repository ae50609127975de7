//! The live collector: gathers exactly the evidence the chosen runbooks read, in as few AWS
//! calls as the APIs allow, with every independent call in flight at once.
//!
//! One `GetMetricData` for every metric signal (paged only past its 500-query limit), one
//! `GetQueueAttributes` per queue, one `DescribeServices` for every ECS service, the AppConfig
//! chain to the deployed document, and a DLQ sample read without consuming it. A metric with no
//! datapoints is left out of the evidence (*missing*), never written as zero; any call that
//! fails fails the collection, so no verdict is ever built on what could not be read.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Instant;

use aws_sdk_cloudwatch::types::{Dimension, Metric, MetricDataQuery, MetricStat, ScanBy};
use aws_sdk_sqs::types::{
    ChangeMessageVisibilityBatchRequestEntry, Message, MessageSystemAttributeName, QueueAttributeName,
};
use futures::future::try_join_all;

use crate::aws::{explain, Clients};
use crate::engine::runbook::Runbook;
use crate::engine::signal::{capitalise, Source};
use crate::error::Error;
use crate::evidence::dlq::{self, DlqSample, Incoming, MessageSummary, Parsed};
use crate::evidence::{parse_metric_key, Evidence, QueueState, ServiceEvent, ServiceState};
use crate::settings::Settings;

/// What to collect: derived from the runbooks' signals, so nothing unused is read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Plan {
    /// Logical metric keys.
    pub metrics: BTreeSet<String>,
    pub config: bool,
    /// Config keys (dotted) the runbooks need and have no default for.
    pub config_keys: BTreeSet<String>,
    pub queues: BTreeSet<String>,
    pub dlq_sample: bool,
    /// ECS service roles.
    pub services: BTreeSet<String>,
    /// Whether the alarms masst installs are read (`DescribeAlarms`).
    pub alarms: bool,
    /// Whether Service Quotas values are read for the models with a quota code.
    pub quotas: bool,
    /// ECS service roles whose scaling policies are read.
    pub autoscaling: BTreeSet<String>,
}

fn expansions(text: &str, models: &[String]) -> Vec<String> {
    let mut out: Vec<String> = models.iter().map(|m| expand_for(text, m)).collect();
    out.dedup();
    out
}

/// Fills every model placeholder with `m`: a plan reads each model's series, whichever model
/// the batch turns out to use.
fn expand_for(text: &str, m: &str) -> String {
    let cap = capitalise(m);
    text.replace("{m}", m).replace("{M}", &cap).replace("{bm}", m).replace("{BM}", &cap)
}

/// The collection plan for `runbooks`, for every model of `models`.
pub fn plan(runbooks: &[&Runbook], models: &[String]) -> Plan {
    plan_signals(runbooks.iter().flat_map(|rb| rb.signals.values()), models)
}

/// The plan of a refresh during `verify` or `watch`: only the signals their conditions read
/// (the trigger, recovery and worse conditions), so a refresh reads no DLQ sample and costs at
/// most two sequential round trips.
pub fn refresh_plan(runbooks: &[&Runbook], models: &[String]) -> Plan {
    plan_signals(
        runbooks.iter().flat_map(|rb| rb.verify_signals().into_iter().filter_map(|n| rb.signals.get(&n))),
        models,
    )
}

pub fn plan_signals<'a>(signals: impl Iterator<Item = &'a crate::engine::signal::Signal>, models: &[String]) -> Plan {
    let mut p = Plan::default();
    for sig in signals {
        match &sig.source {
            Source::Metric { namespace, name, dims, .. } => {
                for m in models {
                    let d = dims.iter().map(|(k, v)| (k.clone(), expand_for(v, m))).collect();
                    p.metrics.insert(super::metric_key(namespace, &expand_for(name, m), &d));
                }
            }
            Source::Config { path, default } => {
                p.config = true;
                if default.is_none() {
                    p.config_keys.extend(expansions(path, models));
                }
            }
            Source::Queue { role, .. } => {
                p.queues.insert(role.clone());
            }
            Source::Ecs { role, .. } => {
                p.services.insert(role.clone());
            }
            Source::Dlq { .. } => {
                p.dlq_sample = true;
                p.queues.insert("dlq".into());
            }
            Source::Derived { .. } => {}
            Source::Alarms => p.alarms = true,
            Source::Quota { .. } => p.quotas = true,
            Source::Autoscaling { role } => {
                p.autoscaling.insert(role.clone());
            }
        }
    }
    p
}

async fn timed<T>(op: &str, fut: impl std::future::Future<Output = T>) -> T {
    let t0 = Instant::now();
    let out = fut.await;
    tracing::info!(target: "masst::aws", "{op} {:.0} ms", t0.elapsed().as_secs_f64() * 1000.0);
    out
}

/// Collects the evidence of `plan` over the last `window` minutes before `now`.
pub async fn collect(
    clients: &Clients,
    settings: &Settings,
    plan: &Plan,
    window: u32,
    now: jiff::Timestamp,
) -> Result<Evidence, Error> {
    let mut ev = Evidence::new(format!("aws:{}", clients.region), now);
    ev.window_minutes = window;
    let end = now.as_second() - now.as_second().rem_euclid(60);
    let start = end - window as i64 * 60;
    let (metrics, queues, services, config) = tokio::try_join!(
        metrics(clients, settings, plan, start, end),
        queues(clients, settings, plan),
        services(clients, settings, plan),
        config(clients, settings, plan),
    )?;
    ev.metrics = metrics;
    (ev.alarms, ev.quotas, ev.scaling_policies) = tokio::try_join!(
        alarms_state(clients, settings, plan),
        quotas(clients, settings, plan),
        scaling_policies(clients, settings, plan),
    )?;
    let (queues, sample) = queues;
    ev.queues = queues;
    ev.dlq_sample = sample;
    ev.services = services;
    if let Some((version, doc)) = config {
        ev.config_version = Some(version);
        ev.config = Some(doc);
    }
    // What AWS answered is checked like a snapshot: no verdict on a non-finite value.
    ev.check().map_err(|e| Error::Evidence(format!("AWS returned evidence masst cannot judge: {e}")))?;
    Ok(ev)
}

/// The CloudWatch statistic for a namespace: AWS's own counters are summed per minute; the
/// app's gauges are published once a minute and averaged.
fn statistic(namespace: &str) -> &'static str {
    if namespace.starts_with("AWS/") {
        "Sum"
    } else {
        "Average"
    }
}

async fn metrics(
    clients: &Clients,
    settings: &Settings,
    plan: &Plan,
    start: i64,
    end: i64,
) -> Result<BTreeMap<String, Vec<(i64, f64)>>, Error> {
    let keys: Vec<&String> = plan.metrics.iter().collect();
    let mut queries = Vec::new();
    for (i, key) in keys.iter().enumerate() {
        let (ns, name, dims) = parse_metric_key(key).ok_or_else(|| Error::Usage(format!("bad metric key {key}")))?;
        let physical_ns = settings.metrics.namespaces.get(&ns).cloned().unwrap_or_else(|| ns.clone());
        let physical_name = settings.metrics.names.get(&format!("{ns}:{name}")).cloned().unwrap_or(name);
        let mut metric = Metric::builder().namespace(physical_ns).metric_name(physical_name);
        for (k, v) in dims {
            let value = if k == "ModelId" { settings.models.get(&v).cloned().unwrap_or(v) } else { v };
            metric = metric.dimensions(Dimension::builder().name(k).value(value).build());
        }
        let stat = MetricStat::builder().metric(metric.build()).period(60).stat(statistic(&ns)).build();
        queries.push(MetricDataQuery::builder().id(format!("m{i}")).metric_stat(stat).return_data(true).build());
    }
    if queries.is_empty() {
        return Ok(BTreeMap::new());
    }
    let chunks: Vec<Vec<MetricDataQuery>> = queries.chunks(500).map(|c| c.to_vec()).collect();
    let pages = try_join_all(chunks.into_iter().map(|chunk| async move {
        let mut out = Vec::new();
        let mut token: Option<String> = None;
        loop {
            let resp = timed(
                "cloudwatch:GetMetricData",
                clients
                    .cloudwatch
                    .get_metric_data()
                    .set_metric_data_queries(Some(chunk.clone()))
                    .start_time(aws_sdk_cloudwatch::primitives::DateTime::from_secs(start))
                    .end_time(aws_sdk_cloudwatch::primitives::DateTime::from_secs(end))
                    .scan_by(ScanBy::TimestampAscending)
                    .set_next_token(token.clone())
                    .send(),
            )
            .await
            .map_err(|e| crate::aws::read_error(&e, "cloudwatch:GetMetricData", "the metrics"))?;
            out.extend(resp.metric_data_results().iter().cloned());
            token = resp.next_token().map(String::from);
            if token.is_none() {
                return Ok::<_, Error>(out);
            }
        }
    }))
    .await?;
    let mut series: BTreeMap<String, Vec<(i64, f64)>> = BTreeMap::new();
    for r in pages.into_iter().flatten() {
        let Some(i) = r.id().and_then(|id| id.strip_prefix('m')).and_then(|n| n.parse::<usize>().ok()) else {
            continue;
        };
        let Some(key) = keys.get(i) else { continue };
        let pts = series.entry((*key).clone()).or_default();
        for (t, v) in r.timestamps().iter().zip(r.values()) {
            pts.push((t.secs(), *v));
        }
    }
    series.retain(|_, pts| !pts.is_empty());
    for pts in series.values_mut() {
        pts.sort_by_key(|(t, _)| *t);
        pts.dedup_by_key(|(t, _)| *t);
    }
    Ok(series)
}

/// The alarms `masst alarms install` creates, and which exist: one `DescribeAlarms` by name.
async fn alarms_state(
    clients: &Clients,
    settings: &Settings,
    plan: &Plan,
) -> Result<Option<crate::evidence::AlarmsState>, Error> {
    if !plan.alarms {
        return Ok(None);
    }
    let expected = crate::actions::alarms::names(settings);
    let present = crate::actions::alarms::existing(clients, &expected)
        .await?
        .into_iter()
        .filter_map(|(name, a)| a.map(|_| name))
        .collect();
    Ok(Some(crate::evidence::AlarmsState { expected, present }))
}

/// The applied Service Quotas value of each model with a quota code in `[quotas]`, concurrently.
pub async fn quotas(
    clients: &Clients,
    settings: &Settings,
    plan: &Plan,
) -> Result<BTreeMap<String, crate::evidence::QuotaState>, Error> {
    if !plan.quotas {
        return Ok(BTreeMap::new());
    }
    let service = settings.quotas.service.clone();
    let reads = settings.quotas.codes.iter().map(|(model, code)| {
        let service = service.clone();
        async move {
            let out = timed(
                "servicequotas:GetServiceQuota",
                clients.servicequotas.get_service_quota().service_code(&service).quota_code(code).send(),
            )
            .await;
            let value = match out {
                Ok(o) => o.quota().and_then(|q| q.value()),
                Err(e) if crate::aws::classify(&e) == crate::aws::Failure::NotFound => None,
                Err(e) => {
                    return Err(crate::aws::read_error(
                        &e,
                        "servicequotas:GetServiceQuota",
                        &format!("the {model} quota {code}"),
                    ))
                }
            };
            Ok((model.clone(), crate::evidence::QuotaState { service, code: code.clone(), value }))
        }
    });
    Ok(try_join_all(reads).await?.into_iter().collect())
}

/// How many Application Auto Scaling policies each ECS service of the plan has: one call.
async fn scaling_policies(clients: &Clients, settings: &Settings, plan: &Plan) -> Result<BTreeMap<String, u32>, Error> {
    if plan.autoscaling.is_empty() {
        return Ok(BTreeMap::new());
    }
    let cluster = &settings.resources.cluster;
    let ids: Vec<(String, String)> = plan
        .autoscaling
        .iter()
        .map(|role| {
            let name = settings.resources.services.get(role).cloned().unwrap_or_else(|| role.clone());
            (role.clone(), format!("service/{cluster}/{name}"))
        })
        .collect();
    let out = timed(
        "application-autoscaling:DescribeScalingPolicies",
        clients
            .autoscaling
            .describe_scaling_policies()
            .service_namespace(aws_sdk_applicationautoscaling::types::ServiceNamespace::Ecs)
            .set_resource_id(None)
            .send(),
    )
    .await
    .map_err(|e| {
        crate::aws::read_error(&e, "application-autoscaling:DescribeScalingPolicies", "the ECS scaling policies")
    })?;
    Ok(ids
        .into_iter()
        .map(|(role, id)| {
            let n = out.scaling_policies().iter().filter(|p| p.resource_id() == id).count() as u32;
            (role, n)
        })
        .collect())
}

/// Resolves a queue name to its URL, with a message that names the setting on failure.
pub async fn queue_url(clients: &Clients, name: &str, role: &str) -> Result<String, Error> {
    if let Some(url) = clients.resolved.queue_urls.lock().expect("lock").get(name) {
        return Ok(url.clone());
    }
    let r = timed("sqs:GetQueueUrl", clients.sqs.get_queue_url().queue_name(name).send()).await;
    match r {
        Ok(out) => {
            let url = out.queue_url().unwrap_or_default().to_string();
            clients.resolved.queue_urls.lock().expect("lock").insert(name.to_string(), url.clone());
            Ok(url)
        }
        Err(e) => {
            let code = e.as_service_error().and_then(|s| aws_sdk_sqs::error::ProvideErrorMetadata::code(s));
            if matches!(code, Some("AWS.SimpleQueueService.NonExistentQueue") | Some("QueueDoesNotExist")) {
                let key = if role == "dlq" { "dlq" } else { "queue" };
                return Err(Error::Evidence(format!(
                    "the SQS {role} queue `{name}` does not exist in {}; set [resources] {key} in masst.toml to the deployed name",
                    clients.region
                )));
            }
            Err(crate::aws::read_error(&e, "sqs:GetQueueUrl", &format!("the {role} queue {name}")))
        }
    }
}

async fn queues(
    clients: &Clients,
    settings: &Settings,
    plan: &Plan,
) -> Result<(BTreeMap<String, QueueState>, Option<DlqSample>), Error> {
    let roles: Vec<(String, String)> = plan
        .queues
        .iter()
        .map(|r| {
            (r.clone(), if r == "dlq" { settings.resources.dlq.clone() } else { settings.resources.queue.clone() })
        })
        .collect();
    let states = try_join_all(roles.iter().map(|(role, name)| async move {
        let url = queue_url(clients, name, role).await?;
        let out = timed(
            "sqs:GetQueueAttributes",
            clients.sqs.get_queue_attributes().queue_url(&url).attribute_names(QueueAttributeName::All).send(),
        )
        .await
        .map_err(|e| crate::aws::read_error(&e, "sqs:GetQueueAttributes", &format!("the {role} queue {name}")))?;
        let attributes: BTreeMap<String, String> = out
            .attributes()
            .map(|m| m.iter().map(|(k, v)| (k.as_str().to_string(), v.clone())).collect())
            .unwrap_or_default();
        let sample = if role == "dlq" && plan.dlq_sample {
            let held = ["ApproximateNumberOfMessages"]
                .iter()
                .filter_map(|k| attributes.get(*k).and_then(|v| v.parse::<u64>().ok()))
                .sum::<u64>();
            Some(if held > 0 { sample_dlq(clients, &url, 100, &attributes).await? } else { DlqSample::default() })
        } else {
            None
        };
        Ok::<_, Error>((role.clone(), QueueState { name: name.clone(), attributes }, sample))
    }))
    .await?;
    let mut map = BTreeMap::new();
    let mut sample = None;
    for (role, state, s) in states {
        map.insert(role, state);
        if s.is_some() {
            sample = s;
        }
    }
    Ok((map, sample))
}

/// One `ReceiveMessage` with every attribute; `what` names the queue in messages.
pub async fn receive(
    clients: &Clients,
    url: &str,
    n: i32,
    visibility: i32,
    wait: i32,
    what: &str,
) -> Result<Vec<Message>, Error> {
    let out = timed(
        "sqs:ReceiveMessage",
        clients
            .sqs
            .receive_message()
            .queue_url(url)
            .max_number_of_messages(n)
            .visibility_timeout(visibility)
            .wait_time_seconds(wait)
            .message_attribute_names("All")
            .message_system_attribute_names(MessageSystemAttributeName::All)
            .send(),
    )
    .await
    .map_err(|e| crate::aws::read_error(&e, "sqs:ReceiveMessage", what))?;
    Ok(out.messages().to_vec())
}

/// Reads a received message per contract §4 (the `error_type` attribute counts only as a String).
pub fn parse_message(m: &Message) -> Parsed {
    let attr = m
        .message_attributes()
        .and_then(|a| a.get("error_type"))
        .filter(|v| v.data_type() == "String")
        .and_then(|v| v.string_value());
    dlq::parse(&Incoming { body: m.body().unwrap_or_default().as_bytes(), error_type_attr: attr })
}

/// What masst keeps of a received message.
pub fn summarize(m: &Message, p: &Parsed) -> MessageSummary {
    let sys = m.attributes();
    let get = |k: MessageSystemAttributeName| sys.and_then(|s| s.get(&k)).and_then(|v| v.parse::<i64>().ok());
    MessageSummary {
        id: m.message_id().unwrap_or_default().to_string(),
        format: p.format,
        error_type: p.error_type.clone(),
        class: p.class,
        job_id: p.job.as_ref().and_then(|j| j.get("job_id")).and_then(|v| v.as_str()).map(String::from),
        receive_count: get(MessageSystemAttributeName::ApproximateReceiveCount).map(|n| n as u32),
        sent_at: get(MessageSystemAttributeName::SentTimestamp).map(|ms| ms / 1000),
    }
}

/// Reads a queue (all of it, or `limit` messages) without consuming it: every message is held
/// (`visibility` seconds) while the scan runs, so none is seen twice, and made visible again at
/// once at the end, whatever happened. Calls `each` once per message; returns what it could see
/// of the queue. The queue's counts are read first, so that an empty receive on a queue that
/// still holds messages is not taken for the end.
pub async fn scan(
    clients: &Clients,
    url: &str,
    what: &str,
    limit: Option<usize>,
    visibility: i32,
    known: Option<&BTreeMap<String, String>>,
    mut each: impl FnMut(&Message, &Parsed, MessageSummary),
) -> Result<dlq::Coverage, Error> {
    let read;
    let attrs = match known {
        Some(a) => a,
        None => {
            let out = timed(
                "sqs:GetQueueAttributes",
                clients.sqs.get_queue_attributes().queue_url(url).attribute_names(QueueAttributeName::All).send(),
            )
            .await
            .map_err(|e| crate::aws::read_error(&e, "sqs:GetQueueAttributes", what))?;
            read = out
                .attributes()
                .map(|m| m.iter().map(|(k, v)| (k.as_str().to_string(), v.clone())).collect())
                .unwrap_or_default();
            &read
        }
    };
    let count = |k: &str| attrs.get(k).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0);
    let visible = count("ApproximateNumberOfMessages");
    let mut cov = dlq::Coverage {
        in_flight_elsewhere: count("ApproximateNumberOfMessagesNotVisible"),
        delayed: count("ApproximateNumberOfMessagesDelayed"),
        ..Default::default()
    };
    cov.approximate_total = visible + cov.in_flight_elsewhere + cov.delayed;
    let fifo = attrs.get("FifoQueue").is_some_and(|v| v == "true");
    let mut groups = BTreeSet::new();
    let mut handles: Vec<(String, String)> = Vec::new();
    let mut seen = BTreeSet::new();
    let started = std::time::Instant::now();
    let mut empty = 0;
    let result = async {
        while limit.is_none_or(|l| seen.len() < l) {
            let want = limit.map(|l| (l - seen.len()).min(10)).unwrap_or(10) as i32;
            let msgs = receive(clients, url, want, visibility, 0, what).await?;
            // A short poll can come back empty while messages remain: stop after two once
            // every visible message was seen, after five otherwise.
            if msgs.is_empty() {
                empty += 1;
                if empty >= if (seen.len() as u64) < visible { 5 } else { 2 } {
                    break;
                }
                continue;
            }
            empty = 0;
            for m in &msgs {
                if let Some(h) = m.receipt_handle() {
                    handles.push((format!("h{}", handles.len()), h.to_string()));
                }
                if seen.insert(m.message_id().unwrap_or_default().to_string()) {
                    if fifo {
                        if let Some(g) = m.attributes().and_then(|a| a.get(&MessageSystemAttributeName::MessageGroupId))
                        {
                            groups.insert(g.clone());
                        }
                    }
                    let p = parse_message(m);
                    let s = summarize(m, &p);
                    each(m, &p, s);
                }
            }
            // The first messages must not reappear and be counted twice.
            if started.elapsed().as_secs() as i64 > visibility as i64 * 4 / 5 {
                return Err(Error::Evidence(format!(
                    "reading {what} took too long to hold every message; read fewer (--sample N)"
                )));
            }
        }
        Ok(())
    }
    .await;
    let released = release(clients, url, &handles).await;
    result?;
    released?;
    cov.read = seen.len() as u64;
    cov.fifo_groups = groups.into_iter().collect();
    Ok(cov)
}

/// Reads up to `max` DLQ messages without consuming them, for a diagnosis.
pub async fn sample_dlq(
    clients: &Clients,
    url: &str,
    max: usize,
    attributes: &BTreeMap<String, String>,
) -> Result<DlqSample, Error> {
    let mut sample = DlqSample::default();
    let cov =
        scan(clients, url, "a sample of the DLQ", Some(max), 30, Some(attributes), |_, _, s| sample.messages.push(s))
            .await?;
    sample.coverage = Some(cov);
    Ok(sample)
}

/// Makes received messages visible again at once (batches of 10, concurrently).
pub async fn release(clients: &Clients, url: &str, handles: &[(String, String)]) -> Result<(), Error> {
    try_join_all(handles.chunks(10).map(|chunk| async move {
        let entries: Vec<ChangeMessageVisibilityBatchRequestEntry> = chunk
            .iter()
            .map(|(id, h)| {
                ChangeMessageVisibilityBatchRequestEntry::builder()
                    .id(id)
                    .receipt_handle(h)
                    .visibility_timeout(0)
                    .build()
                    .expect("id and receipt handle are set")
            })
            .collect();
        // Releasing is what keeps a read from hiding messages for minutes: a passing failure
        // is tried again before the read gives up.
        let mut tries = 0;
        loop {
            let sent = timed(
                "sqs:ChangeMessageVisibilityBatch",
                clients.sqs.change_message_visibility_batch().queue_url(url).set_entries(Some(entries.clone())).send(),
            )
            .await;
            match sent {
                Ok(_) => return Ok(()),
                Err(e) if tries < 3 && !matches!(e, aws_sdk_sqs::error::SdkError::ServiceError(_)) => {
                    tries += 1;
                    tokio::time::sleep(std::time::Duration::from_millis(100 << tries)).await;
                }
                Err(e) => {
                    return Err(Error::Evidence(format!(
                        "{} Some messages stay hidden until their visibility timeout ends.",
                        explain(&e, "sqs:ChangeMessageVisibility", "the messages it held")
                    )))
                }
            }
        }
    }))
    .await?;
    Ok(())
}

async fn services(
    clients: &Clients,
    settings: &Settings,
    plan: &Plan,
) -> Result<BTreeMap<String, ServiceState>, Error> {
    if plan.services.is_empty() {
        return Ok(BTreeMap::new());
    }
    let names: Vec<(String, String)> = plan
        .services
        .iter()
        .map(|role| (role.clone(), settings.resources.services.get(role).cloned().unwrap_or_else(|| role.clone())))
        .collect();
    let cluster = &settings.resources.cluster;
    let mut out = BTreeMap::new();
    // DescribeServices takes ten services a call.
    for chunk in names.chunks(10) {
        let resp = timed(
            "ecs:DescribeServices",
            clients
                .ecs
                .describe_services()
                .cluster(cluster)
                .set_services(Some(chunk.iter().map(|(_, n)| n.clone()).collect()))
                .send(),
        )
        .await
        .map_err(|e| {
            let code = e.as_service_error().and_then(|s| aws_sdk_ecs::error::ProvideErrorMetadata::code(s));
            if code == Some("ClusterNotFoundException") {
                Error::Evidence(format!(
                    "the ECS cluster `{cluster}` does not exist in {}; set [resources] cluster in masst.toml",
                    clients.region
                ))
            } else {
                crate::aws::read_error(&e, "ecs:DescribeServices", &format!("the ECS services of {cluster}"))
            }
        })?;
        if let Some(f) = resp.failures().first() {
            let arn = f.arn().unwrap_or_default();
            let name = arn.rsplit('/').next().unwrap_or(arn);
            return Err(Error::Evidence(format!(
                "the ECS service `{name}` was not found in cluster `{cluster}` ({}); set [resources.services] in masst.toml to the deployed names",
                f.reason().unwrap_or("MISSING")
            )));
        }
        for s in resp.services() {
            let name = s.service_name().unwrap_or_default().to_string();
            let Some((role, _)) = chunk.iter().find(|(_, n)| *n == name) else { continue };
            let events = s
                .events()
                .iter()
                .take(20)
                .map(|e| ServiceEvent {
                    at: e
                        .created_at()
                        .and_then(|t| jiff::Timestamp::from_second(t.secs()).ok())
                        .unwrap_or(jiff::Timestamp::UNIX_EPOCH),
                    message: e.message().unwrap_or_default().to_string(),
                })
                .collect();
            out.insert(
                role.clone(),
                ServiceState {
                    name,
                    desired: s.desired_count() as i64,
                    running: s.running_count() as i64,
                    pending: s.pending_count() as i64,
                    events,
                },
            );
        }
    }
    Ok(out)
}

/// Where the deployed document lives: ids resolved from the configured names.
#[derive(Debug, Clone, PartialEq)]
pub struct AppConfigIds {
    pub application: String,
    pub environment: String,
    pub profile: String,
}

/// Resolves the configured AppConfig names to ids (the environment and profile concurrently).
pub async fn appconfig_ids(clients: &Clients, settings: &Settings) -> Result<AppConfigIds, Error> {
    let names = &settings.appconfig;
    // Ids given in masst.toml, or resolved earlier in this command, skip the two lookups.
    let given = match (&names.application_id, &names.environment_id, &names.profile_id) {
        (Some(a), Some(e), Some(p)) => Some((a.clone(), e.clone(), p.clone())),
        _ => clients.resolved.appconfig.lock().expect("lock").clone(),
    };
    if let Some((application, environment, profile)) = given {
        return Ok(AppConfigIds { application, environment, profile });
    }
    let ids = lookup_appconfig_ids(clients, settings).await?;
    *clients.resolved.appconfig.lock().expect("lock") =
        Some((ids.application.clone(), ids.environment.clone(), ids.profile.clone()));
    Ok(ids)
}

async fn lookup_appconfig_ids(clients: &Clients, settings: &Settings) -> Result<AppConfigIds, Error> {
    let names = &settings.appconfig;
    let ac = &clients.appconfig;
    let apps = timed("appconfig:ListApplications", ac.list_applications().max_results(50).send())
        .await
        .map_err(|e| crate::aws::read_error(&e, "appconfig:ListApplications", "the AppConfig application"))?;
    let app = apps
        .items()
        .iter()
        .find(|a| a.name() == Some(names.application.as_str()))
        .and_then(|a| a.id())
        .ok_or_else(|| {
            Error::Evidence(format!(
                "the AppConfig application `{}` does not exist in {}; set [appconfig] application in masst.toml",
                names.application, clients.region
            ))
        })?
        .to_string();
    let (envs, profiles) = tokio::join!(
        timed("appconfig:ListEnvironments", ac.list_environments().application_id(&app).max_results(50).send()),
        timed(
            "appconfig:ListConfigurationProfiles",
            ac.list_configuration_profiles().application_id(&app).max_results(50).send()
        ),
    );
    let envs =
        envs.map_err(|e| crate::aws::read_error(&e, "appconfig:ListEnvironments", "the AppConfig environment"))?;
    let profiles = profiles
        .map_err(|e| crate::aws::read_error(&e, "appconfig:ListConfigurationProfiles", "the AppConfig profile"))?;
    let environment = envs
        .items()
        .iter()
        .find(|e| e.name() == Some(names.environment.as_str()))
        .and_then(|e| e.id())
        .ok_or_else(|| {
            Error::Evidence(format!(
                "AppConfig application `{}` has no environment `{}`; set [appconfig] environment in masst.toml",
                names.application, names.environment
            ))
        })?
        .to_string();
    let profile = profiles
        .items()
        .iter()
        .find(|p| p.name() == Some(names.profile.as_str()))
        .and_then(|p| p.id())
        .ok_or_else(|| {
            Error::Evidence(format!(
                "AppConfig application `{}` has no configuration profile `{}`; set [appconfig] profile in masst.toml",
                names.application, names.profile
            ))
        })?
        .to_string();
    Ok(AppConfigIds { application: app, environment, profile })
}

/// The deployed document: the hosted version of the latest completed deployment of the
/// profile in the environment, with its version number.
pub async fn deployed_document(
    clients: &Clients,
    settings: &Settings,
    ids: &AppConfigIds,
) -> Result<(i32, String), Error> {
    let ac = &clients.appconfig;
    let deps = timed(
        "appconfig:ListDeployments",
        ac.list_deployments().application_id(&ids.application).environment_id(&ids.environment).max_results(50).send(),
    )
    .await
    .map_err(|e| crate::aws::read_error(&e, "appconfig:ListDeployments", "the deployed configuration"))?;
    let latest = deps
        .items()
        .iter()
        .filter(|d| d.state() == Some(&aws_sdk_appconfig::types::DeploymentState::Complete))
        .filter(|d| d.configuration_name() == Some(settings.appconfig.profile.as_str()))
        .max_by_key(|d| d.deployment_number())
        .ok_or_else(|| {
            Error::Evidence(format!(
                "no completed deployment of profile `{}` in environment `{}`: nothing is deployed to read",
                settings.appconfig.profile, settings.appconfig.environment
            ))
        })?;
    let version: i32 = latest.configuration_version().unwrap_or("0").parse().map_err(|_| {
        Error::Evidence(format!(
            "deployment {} names configuration version {:?}, which is not a hosted version number",
            latest.deployment_number(),
            latest.configuration_version()
        ))
    })?;
    Ok((version, hosted_version(clients, ids, version).await?))
}

/// The text of one hosted configuration version.
pub async fn hosted_version(clients: &Clients, ids: &AppConfigIds, version: i32) -> Result<String, Error> {
    let doc = timed(
        "appconfig:GetHostedConfigurationVersion",
        clients
            .appconfig
            .get_hosted_configuration_version()
            .application_id(&ids.application)
            .configuration_profile_id(&ids.profile)
            .version_number(version)
            .send(),
    )
    .await
    .map_err(|e| crate::aws::read_error(&e, "appconfig:GetHostedConfigurationVersion", "the deployed configuration"))?;
    let bytes = doc.content().map(|b| b.as_ref().to_vec()).unwrap_or_default();
    String::from_utf8(bytes).map_err(|_| {
        Error::Evidence(format!(
            "the deployed configuration (version {version}) is not UTF-8 text; fix the document in AppConfig"
        ))
    })
}

async fn config(
    clients: &Clients,
    settings: &Settings,
    plan: &Plan,
) -> Result<Option<(i32, serde_json::Value)>, Error> {
    if !plan.config {
        return Ok(None);
    }
    let ids = appconfig_ids(clients, settings).await?;
    let (version, text) = deployed_document(clients, settings, &ids).await?;
    let doc: serde_json::Value = serde_json::from_str(&text).map_err(|e| {
        Error::Evidence(format!(
            "the deployed configuration (version {version}) is not valid JSON ({e}); fix the document in AppConfig and redeploy"
        ))
    })?;
    let missing: Vec<&String> =
        plan.config_keys.iter().filter(|k| doc.pointer(&format!("/{}", k.replace('.', "/"))).is_none()).collect();
    if !missing.is_empty() {
        let list: Vec<&str> = missing.iter().map(|s| s.as_str()).collect();
        return Err(Error::Evidence(format!(
            "the deployed configuration (version {version}) lacks keys the runbooks need: {}; add them (contract §3) and redeploy",
            list.join(", ")
        )));
    }
    Ok(Some((version, doc)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plan_for_all_runbooks_reads_each_model_once_and_nothing_twice() {
        let set = crate::engine::load_embedded(crate::actions::catalog());
        let all: Vec<&Runbook> = set.runbooks.iter().collect();
        let p = plan(&all, &["sonnet".into(), "haiku".into()]);
        assert!(p.metrics.contains("AWS/Bedrock:Invocations{ModelId=sonnet}"));
        assert!(p.metrics.contains("MangaAssist/Throughput:CircuitState_Haiku"));
        assert!(!p.metrics.iter().any(|k| k.contains("{M}") || k.contains("{bm}")));
        assert_eq!(p.services, ["batch-worker".to_string()].into_iter().collect());
        assert!(p.dlq_sample && p.config);
        assert!(p.config_keys.contains("account_quota.haiku"));
        assert!(!p.config_keys.contains("pools.batch.sonnet"), "keys with a default are optional");

        let dlq_only = plan(&[set.get("dlq").unwrap()], &["sonnet".into()]);
        assert!(dlq_only.metrics.is_empty());
        assert!(dlq_only.services.is_empty());
    }
}

/// SDK error paths the emulator cannot produce (AccessDenied, throttling that outlasts the
/// retries, a queue that vanished), with `aws-smithy-mocks` standing in for AWS.
#[cfg(test)]
mod sdk_error_paths {
    use super::*;
    use aws_sdk_cloudwatch::operation::get_metric_data::GetMetricDataError;
    use aws_sdk_sqs::operation::get_queue_url::GetQueueUrlError;
    use aws_smithy_mocks::{mock, mock_client};
    use aws_smithy_types::error::ErrorMetadata;

    fn clients(cloudwatch: aws_sdk_cloudwatch::Client, sqs: aws_sdk_sqs::Client) -> Clients {
        crate::aws::mocked(cloudwatch, sqs)
    }

    fn metrics_only() -> Plan {
        Plan { metrics: ["MangaAssist/Throughput:ThrottleRate".to_string()].into_iter().collect(), ..Plan::default() }
    }

    fn run(c: &Clients, plan: &Plan) -> Result<Evidence, Error> {
        tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(collect(
            c,
            &Settings::default(),
            plan,
            60,
            jiff::Timestamp::now(),
        ))
    }

    #[test]
    fn access_denied_names_the_iam_action_that_was_refused() {
        let denied = mock!(aws_sdk_cloudwatch::Client::get_metric_data).then_error(|| {
            GetMetricDataError::generic(
                ErrorMetadata::builder()
                    .code("AccessDenied")
                    .message("User: arn:aws:iam::1:user/oncall is not authorized to perform: cloudwatch:GetMetricData")
                    .build(),
            )
        });
        let c = clients(mock_client!(aws_sdk_cloudwatch, [&denied]), mock_client!(aws_sdk_sqs, []));
        let err = run(&c, &metrics_only()).unwrap_err();
        assert_eq!((err.kind().as_str(), err.exit_code()), ("aws:access-denied", 3));
        assert_eq!(err.denied_action(), Some("cloudwatch:GetMetricData"), "typed, not read back from the words");
        let msg = err.to_string();
        assert!(msg.contains("Grant the IAM action `cloudwatch:GetMetricData`"), "{msg}");
    }

    #[test]
    fn throttling_that_outlasts_the_retries_says_so() {
        let throttled = mock!(aws_sdk_cloudwatch::Client::get_metric_data).then_error(|| {
            GetMetricDataError::generic(ErrorMetadata::builder().code("Throttling").message("Rate exceeded").build())
        });
        let c = clients(mock_client!(aws_sdk_cloudwatch, [&throttled]), mock_client!(aws_sdk_sqs, []));
        let err = run(&c, &metrics_only()).unwrap_err();
        assert_eq!((err.kind().as_str(), err.exit_code()), ("aws:throttled", 3));
        assert!(err.to_string().contains("kept throttling cloudwatch:GetMetricData"), "{err}");
    }

    #[test]
    fn an_expired_session_asks_for_fresh_credentials() {
        let expired = mock!(aws_sdk_sqs::Client::get_queue_url).then_error(|| {
            GetQueueUrlError::generic(
                ErrorMetadata::builder()
                    .code("ExpiredToken")
                    .message("The security token included in the request is expired")
                    .build(),
            )
        });
        let c = clients(mock_client!(aws_sdk_cloudwatch, []), mock_client!(aws_sdk_sqs, [&expired]));
        let plan = Plan { queues: ["primary".to_string()].into_iter().collect(), ..Plan::default() };
        let err = run(&c, &plan).unwrap_err();
        assert_eq!(err.kind(), "aws:expired-credentials");
        assert!(err.to_string().contains("session has expired"), "{err}");
    }

    #[test]
    fn a_metric_without_datapoints_is_left_missing_not_zero() {
        let empty = mock!(aws_sdk_cloudwatch::Client::get_metric_data).then_output(|| {
            aws_sdk_cloudwatch::operation::get_metric_data::GetMetricDataOutput::builder()
                .metric_data_results(aws_sdk_cloudwatch::types::MetricDataResult::builder().id("m0").build())
                .build()
        });
        let c = clients(mock_client!(aws_sdk_cloudwatch, [&empty]), mock_client!(aws_sdk_sqs, []));
        let ev = run(&c, &metrics_only()).unwrap();
        assert!(ev.metrics.is_empty(), "{:?}", ev.metrics);
    }
}
