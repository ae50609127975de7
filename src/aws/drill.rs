//! `masst lab drill`'s AWS calls: read the live world each simulated minute (the deployed
//! configuration document, the ECS desired counts, the queues), move the minute's jobs on SQS
//! as MangaAssist's producer and workers would, and rewrite the last hour of metrics.
//!
//! CloudWatch cannot delete a datapoint, so the rewrite puts the new hour first and then asks
//! the emulator's bridge (`POST /_masst/metrics/keep-latest`, tests/emulator/bridge.py) to drop
//! every older datapoint of the drill's namespaces: a reader never finds a namespace empty.
//! Only ever used against a loopback endpoint (the command refuses anything else first).
//! Plain data in and out: `lab::drill::live` turns what is read into the model's `World`.

use std::collections::BTreeMap;

use super::Clients;
use crate::error::Error;
use crate::settings::Settings;

/// The queues' URLs and the AppConfig ids, found once.
#[derive(Debug, Clone)]
pub struct Handles {
    pub primary: String,
    pub dlq: String,
    pub appconfig: super::appconfig::AppConfigIds,
}

/// The live world as read: the deployed document's text, each queue's attributes, the services.
#[derive(Debug, Clone)]
pub struct Read {
    /// The deployed configuration document, as deployed (the drill parses it).
    pub document: String,
    /// Queue role (`primary`, `dlq`) → every attribute.
    pub queues: BTreeMap<String, BTreeMap<String, String>>,
    /// Role → (deployed name, desired, running, pending), active services only.
    pub services: BTreeMap<String, (String, i64, i64, i64)>,
}

/// A minute's queue moves, asked for or done: the producer's new jobs, the jobs finished and
/// deleted, the jobs that ran out of receives and went to the DLQ.
#[derive(Debug, Clone, Copy, Default)]
pub struct Moved {
    pub enqueue: u32,
    pub process: u32,
    pub to_dlq: u32,
}

/// Finds the queues and the AppConfig application `lab up` made.
pub async fn handles(clients: &Clients, settings: &Settings) -> Result<Handles, Error> {
    let (primary, dlq, appconfig) = tokio::try_join!(
        super::sqs::queue_url(clients, &settings.resources.queue, "primary"),
        super::sqs::queue_url(clients, &settings.resources.dlq, "dlq"),
        super::appconfig::ids(clients, settings),
    )?;
    Ok(Handles { primary, dlq, appconfig })
}

/// Reads the live world: document, services and both queues, concurrently.
pub async fn read(clients: &Clients, settings: &Settings, h: &Handles) -> Result<Read, Error> {
    let roles: Vec<(String, String)> =
        settings.resources.services.iter().map(|(role, name)| (role.clone(), name.clone())).collect();
    let names: Vec<String> = roles.iter().map(|(_, n)| n.clone()).collect();
    let all = ["All"];
    let (doc, services, primary, dlq) = tokio::try_join!(
        super::appconfig::deployed_document(clients, settings, &h.appconfig),
        super::ecs::describe(clients, &settings.resources.cluster, &names),
        super::sqs::attributes(clients, &h.primary, &all, &settings.resources.queue),
        super::sqs::attributes(clients, &h.dlq, &all, &settings.resources.dlq),
    )?;
    let mut by_role = BTreeMap::new();
    for (role, name) in &roles {
        if let Some(s) = services.iter().find(|s| &s.name == name && s.active) {
            by_role.insert(role.clone(), (name.clone(), s.desired, s.running, s.pending));
        }
    }
    let queues = BTreeMap::from([("primary".to_string(), primary), ("dlq".to_string(), dlq)]);
    Ok(Read { document: doc.1, queues, services: by_role })
}

fn job(id: &str) -> String {
    serde_json::json!({"job_id": id, "kind": "catalog-enrichment", "payload": {}, "_retry_count": 0}).to_string()
}

async fn send(clients: &Clients, url: &str, bodies: Vec<(String, Option<&str>)>, what: &str) -> Result<u32, Error> {
    let mut sent = 0;
    for chunk in bodies.chunks(10) {
        let messages: Vec<super::sqs::Outgoing> = chunk
            .iter()
            .map(|(body, error_type)| super::sqs::Outgoing {
                body: body.clone(),
                attributes: error_type
                    .iter()
                    .map(|t| {
                        let attr =
                            super::sqs::Attr { data_type: "String".into(), string: Some(t.to_string()), binary: None };
                        ("error_type".to_string(), attr)
                    })
                    .collect(),
                ..Default::default()
            })
            .collect();
        sent += super::sqs::send_batch(clients, url, &messages, what).await?.ok.len() as u32;
    }
    Ok(sent)
}

/// Does the minute's moves on SQS: the producer's new jobs, the jobs the workers finish
/// (deleted), the jobs that ran out of receives (sent to the DLQ as the seed's envelope,
/// then deleted). Returns what was really moved: the queue may hold fewer than asked.
pub async fn apply(clients: &Clients, h: &Handles, m: &Moved, minute: u32) -> Result<Moved, Error> {
    let mut done = Moved::default();
    let want = m.process + m.to_dlq;
    let mut taken = Vec::new();
    while (taken.len() as u32) < want {
        let n = (want - taken.len() as u32).min(10) as i32;
        let got = super::sqs::receive(clients, &h.primary, n, 60, 0, "the batch queue").await?;
        if got.is_empty() {
            break;
        }
        taken.extend(got);
    }
    let (finished, lost) = taken.split_at((m.process as usize).min(taken.len()));
    if !lost.is_empty() {
        let now = jiff::Timestamp::now().as_second();
        let bodies = lost
            .iter()
            .map(|msg| {
                let job: serde_json::Value = serde_json::from_str(&msg.body).unwrap_or_default();
                let envelope = serde_json::json!({"original_request": job, "error_type": "ThrottlingException",
                    "retry_count": 3, "exhausted_at": now});
                (envelope.to_string(), None)
            })
            .collect();
        done.to_dlq = send(clients, &h.dlq, bodies, "the DLQ").await?;
    }
    let handles: Vec<(usize, &str)> = taken
        .iter()
        .enumerate()
        .filter(|(_, m)| !m.receipt_handle.is_empty())
        .map(|(i, m)| (i, m.receipt_handle.as_str()))
        .collect();
    for chunk in handles.chunks(10) {
        let chunk: Vec<(usize, &str)> = chunk.iter().enumerate().map(|(i, (_, h))| (i, *h)).collect();
        super::sqs::delete_batch(clients, &h.primary, &chunk).await?;
    }
    done.process = finished.len() as u32;
    if m.enqueue > 0 {
        let bodies = (0..m.enqueue).map(|i| (job(&format!("drill-{minute:04}-{i:02}")), None)).collect();
        done.enqueue = send(clients, &h.primary, bodies, "the batch queue").await?;
    }
    Ok(done)
}

/// Rewrites the drill's namespaces with `hour` (one metrics map per minute, oldest first), the
/// newest minute stamped at the last full minute before `now`.
pub async fn write_hour(
    clients: &Clients,
    settings: &Settings,
    hour: &[&BTreeMap<String, f64>],
    now: jiff::Timestamp,
) -> Result<usize, Error> {
    let end = now.as_second() - now.as_second().rem_euclid(60);
    let n = hour.len() as i64;
    let points: Vec<(&str, i64, f64)> = hour
        .iter()
        .enumerate()
        .flat_map(|(i, minute)| {
            let t = end - (n - i as i64) * 60;
            minute.iter().map(move |(key, v)| (key.as_str(), t, *v))
        })
        .collect();
    let counts = super::cloudwatch::put_logical(clients, settings, &points, 1000, "the drill's metrics").await?;
    let body = serde_json::json!({"region": clients.region, "namespaces": counts}).to_string();
    keep_latest(clients.endpoint.as_deref().unwrap_or_default(), &body)?;
    Ok(counts.values().sum())
}

/// Asks the bridge to drop the older hours (see the module's note). An endpoint without the
/// bridge is refused with what to run instead.
pub fn keep_latest(endpoint: &str, body: &str) -> Result<(), Error> {
    let refuse = |why: String| {
        Error::Usage(format!(
            "masst lab drill rewrites the last hour of metrics every simulated minute, which needs masst's emulator \
             bridge at {endpoint} ({why}). Start it with tests/emulator/serve --port PORT"
        ))
    };
    match super::lab_reset::post(endpoint, "/_masst/metrics/keep-latest", body).map_err(refuse)? {
        200 => Ok(()),
        code => Err(refuse(format!("POST /_masst/metrics/keep-latest answered HTTP {code}"))),
    }
}
