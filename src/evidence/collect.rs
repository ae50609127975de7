//! The live collector: gathers exactly the evidence the chosen runbooks read, in as few AWS
//! calls as the APIs allow, with every independent call in flight at once.
//!
//! One `GetMetricData` for every metric signal (paged only past its 500-query limit), one
//! `GetQueueAttributes` per queue, one `DescribeServices` for every ECS service, the AppConfig
//! chain to the deployed document, and a DLQ sample read without consuming it. A metric with no
//! datapoints is left out of the evidence (*missing*), never written as zero; any call that
//! fails fails the collection, so no verdict is ever built on what could not be read.

use std::collections::{BTreeMap, BTreeSet};

use aws_sdk_sqs::types::{Message, MessageSystemAttributeName, QueueAttributeName};
use futures::future::try_join_all;

use crate::aws::sqs::{queue_url, receive, release};
use crate::aws::{self, appconfig, cloudwatch, ecs, Clients};
use crate::error::Error;
use crate::evidence::dlq::{self, DlqSample, Incoming, MessageSummary, Parsed};
pub use crate::evidence::Plan;
use crate::evidence::{parse_metric_key, Evidence, QueueState, ServiceEvent, ServiceState};
use crate::settings::Settings;

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
    // Every service at once: nothing here depends on another's answer.
    let (metrics, queues, services, config, alarms, quotas, scaling) = tokio::try_join!(
        metrics(clients, settings, plan, start, end),
        queues(clients, settings, plan),
        services(clients, settings, plan),
        config(clients, settings, plan),
        alarms_state(clients, plan),
        quotas(clients, settings, plan),
        scaling_policies(clients, settings, plan),
    )?;
    ev.metrics = metrics;
    (ev.alarms, ev.quotas, ev.scaling_policies) = (alarms, quotas, scaling);
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

async fn metrics(
    clients: &Clients,
    settings: &Settings,
    plan: &Plan,
    start: i64,
    end: i64,
) -> Result<BTreeMap<String, Vec<(i64, f64)>>, Error> {
    let keys: Vec<&String> = plan.metrics.iter().collect();
    let mut queries = Vec::new();
    for key in &keys {
        let (ns, name, dims) = parse_metric_key(key).ok_or_else(|| Error::Usage(format!("bad metric key {key}")))?;
        let (namespace, name) = settings.physical_metric(&ns, &name);
        let dimensions = dims
            .into_iter()
            .map(|(k, v)| {
                let value = settings.physical_dimension(&k, v);
                (k, value)
            })
            .collect();
        // The app's gauges are published once a minute and averaged, unless a runbook says.
        let stat = plan.statistics.get(&ns).cloned().unwrap_or_else(|| "Average".into());
        queries.push(cloudwatch::MetricQuery { namespace, name, dimensions, stat });
    }
    let series = cloudwatch::metric_data(clients, &queries, start, end).await?;
    // A metric without datapoints is left out: missing, never zero.
    Ok(keys.into_iter().zip(series).filter(|(_, pts)| !pts.is_empty()).map(|(k, pts)| (k.clone(), pts)).collect())
}

/// The alarms `masst alarms install` creates, and which exist: one `DescribeAlarms` by name.
async fn alarms_state(clients: &Clients, plan: &Plan) -> Result<Option<crate::evidence::AlarmsState>, Error> {
    // No alarm declared by the runbooks in force: nothing to expect, so nothing is judged
    // present (the check that reads it is unknown, never a pass).
    if !plan.alarms || plan.alarm_names.is_empty() {
        return Ok(None);
    }
    let expected = plan.alarm_names.clone();
    let present =
        cloudwatch::alarms(clients, &expected).await?.into_iter().filter_map(|(name, a)| a.map(|_| name)).collect();
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
    let q = &settings.quotas;
    let values = aws::quotas::applied_values(clients, &q.service, &q.codes).await?;
    Ok(values
        .into_iter()
        .map(|(model, value)| {
            let code = q.codes.get(&model).cloned().unwrap_or_default();
            (model, crate::evidence::QuotaState { service: q.service.clone(), code, value })
        })
        .collect())
}

/// How many Application Auto Scaling policies each ECS service of the plan has.
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
    let resource_ids: Vec<String> = ids.iter().map(|(_, id)| id.clone()).collect();
    let counts = aws::quotas::ecs_scaling_policies(clients, &resource_ids).await?;
    Ok(ids.into_iter().map(|(role, id)| (role, counts.get(&id).copied().unwrap_or(0))).collect())
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
        let what = format!("the {role} queue {name}");
        let attributes = aws::sqs::attributes(clients, &url, &[QueueAttributeName::All], &what).await?;
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
            read = aws::sqs::attributes(clients, url, &[QueueAttributeName::All], what).await?;
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
    let wanted: Vec<String> = names.iter().map(|(_, n)| n.clone()).collect();
    // An inactive (deleted) service is reported with the counts ECS gives it, as before.
    let found = ecs::describe(clients, &settings.resources.cluster, &wanted).await?;
    Ok(found
        .into_iter()
        .filter_map(|s| {
            let (role, _) = names.iter().find(|(_, n)| *n == s.name)?;
            let events = s.events.into_iter().map(|(at, message)| ServiceEvent { at, message }).collect();
            let state =
                ServiceState { name: s.name, desired: s.desired, running: s.running, pending: s.pending, events };
            Some((role.clone(), state))
        })
        .collect())
}

async fn config(
    clients: &Clients,
    settings: &Settings,
    plan: &Plan,
) -> Result<Option<(i32, serde_json::Value)>, Error> {
    if !plan.config {
        return Ok(None);
    }
    let ids = appconfig::ids(clients, settings).await?;
    let (version, text) = appconfig::deployed_document(clients, settings, &ids).await?;
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
