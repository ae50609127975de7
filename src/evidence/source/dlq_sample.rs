//! The DLQ sample: the DLQ's attributes and up to 100 of its messages, read without consuming
//! them (each held while the scan runs, then made visible again), parsed and classified per
//! contract §4. The same scan serves `dlq inspect` and the redrive's selection.

use std::collections::{BTreeMap, BTreeSet};

use futures::future::BoxFuture;

use super::{Cx, Found, Source};
use crate::aws::sqs::{queue_url, receive, release, Received};
use crate::aws::{self, Clients};
use crate::error::Error;
use crate::evidence::dlq::{self, DlqSample, Incoming, MessageSummary, Parsed};
use crate::evidence::{Evidence, QueueState};

/// The DLQ-sample source.
pub struct DlqSampler;

impl Source for DlqSampler {
    fn name(&self) -> &'static str {
        "dlq-sample"
    }

    fn read<'a>(&'a self, cx: &'a Cx<'a>) -> BoxFuture<'a, Result<Found, Error>> {
        Box::pin(async move {
            if !(cx.plan.dlq_sample && cx.plan.queues.contains("dlq")) {
                return Ok(Box::new(|_: &mut Evidence| {}) as Found);
            }
            let name = super::queues::queue_name(cx.settings, "dlq");
            let url = queue_url(cx.clients, &name, "dlq").await?;
            let what = format!("the dlq queue {name}");
            let attributes = aws::sqs::attributes(cx.clients, &url, &["All"], &what).await?;
            let held = attributes.get("ApproximateNumberOfMessages").and_then(|v| v.parse::<u64>().ok()).unwrap_or(0);
            let sample =
                if held > 0 { sample_dlq(cx.clients, &url, 100, &attributes).await? } else { DlqSample::default() };
            Ok(Box::new(move |ev: &mut Evidence| {
                ev.queues.insert("dlq".into(), QueueState { name, attributes });
                ev.dlq_sample = Some(sample);
            }) as Found)
        })
    }
}

/// Reads a received message per contract §4 (the `error_type` attribute counts only as a String).
pub fn parse_message(m: &Received) -> Parsed {
    let attr = m.attributes.get("error_type").filter(|v| v.data_type == "String").and_then(|v| v.string.as_deref());
    dlq::parse(&Incoming { body: m.body.as_bytes(), error_type_attr: attr })
}

/// What masst keeps of a received message.
pub fn summarize(m: &Received, p: &Parsed) -> MessageSummary {
    let get = |k: &str| m.system.get(k).and_then(|v| v.parse::<i64>().ok());
    MessageSummary {
        id: m.id.clone(),
        format: p.format,
        error_type: p.error_type.clone(),
        class: p.class,
        job_id: p.job.as_ref().and_then(|j| j.get("job_id")).and_then(|v| v.as_str()).map(String::from),
        receive_count: get("ApproximateReceiveCount").map(|n| n as u32),
        sent_at: get("SentTimestamp").map(|ms| ms / 1000),
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
    mut each: impl FnMut(&Received, &Parsed, MessageSummary),
) -> Result<dlq::Coverage, Error> {
    let read;
    let attrs = match known {
        Some(a) => a,
        None => {
            read = aws::sqs::attributes(clients, url, &["All"], what).await?;
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
                if !m.receipt_handle.is_empty() {
                    handles.push((format!("h{}", handles.len()), m.receipt_handle.clone()));
                }
                if seen.insert(m.id.clone()) {
                    if fifo {
                        if let Some(g) = m.system.get("MessageGroupId") {
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
