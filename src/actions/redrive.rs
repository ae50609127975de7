//! The DLQ: a non-consuming scan for `dlq inspect`, and the lossless, selective redrive.
//!
//! The redrive is a pipeline of concurrent workers, each moving batches of ten: receive (with
//! a visibility timeout), send the job bodies of the selected messages with `SendMessageBatch`,
//! then delete from the DLQ exactly the messages SQS confirmed in that batch's response. A
//! message is never deleted before its copy is confirmed, so a crash or a kill at any point
//! leaves every job in the DLQ or the destination (at worst one batch in both). Messages that
//! are not selected are made visible again at once. Memory is bounded by the workers' batches,
//! whatever the queue holds.

use std::collections::{BTreeMap, BTreeSet};
use std::num::NonZeroU32;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use aws_sdk_sqs::types::{
    DeleteMessageBatchRequestEntry, Message, MessageAttributeValue, MessageSystemAttributeName, QueueAttributeName,
    SendMessageBatchRequestEntry,
};
use serde::Serialize;

use crate::aws::{explain, Clients};
use crate::error::Error;
use crate::evidence::collect::{parse_message, queue_url, receive, release, scan};
use crate::evidence::dlq::{Class, Parsed};
use crate::settings::Settings;

/// SQS's limit on one `SendMessageBatch` request.
const BATCH_BYTES: usize = 262_144;

/// Which messages move.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Selection {
    /// Retryable error types (the default).
    pub retryable: bool,
    /// Error types asked for by name (non-retryable ones included).
    pub error_types: Vec<String>,
    /// Every message that carries a job body.
    pub all: bool,
}

/// What happens to one message.
#[derive(Debug, Clone, PartialEq)]
pub enum Pick {
    Move(serde_json::Value),
    Skip(&'static str),
}

impl Selection {
    /// Decides for one parsed message. A message with no job body (contract §4: an object
    /// with a `job_id`) never moves: there is nothing to re-enqueue.
    pub fn pick(&self, p: &Parsed) -> Pick {
        let Some(job) = p.job.clone().filter(|j| j.get("job_id").is_some()) else {
            return Pick::Skip("no job body (unreadable, or an envelope without original_request)");
        };
        let named = p.error_type.as_ref().is_some_and(|t| self.error_types.contains(t));
        if self.all || named || (self.retryable && p.class == Class::Retryable) {
            Pick::Move(job)
        } else {
            Pick::Skip(match p.class {
                Class::Retryable => "retryable, not selected",
                Class::NonRetryable => "non-retryable",
                Class::Unknown => "unknown error type",
            })
        }
    }
}

/// The job body to re-enqueue: `_retry_count` reset to 0, everything else as it was.
pub fn redriven_body(job: &serde_json::Value) -> String {
    let mut job = job.clone();
    if let Some(o) = job.as_object_mut() {
        o.insert("_retry_count".into(), serde_json::json!(0));
    }
    serde_json::to_string(&job).expect("json")
}

/// Where messages come from and go to.
#[derive(Debug, Clone, Serialize)]
pub struct Route {
    pub dlq_name: String,
    pub dlq_url: String,
    pub dest_name: String,
    pub dest_url: String,
    pub fifo: bool,
    /// Messages the DLQ holds, visible and in flight, when the route was resolved.
    pub depth: u64,
}

async fn attributes(clients: &Clients, url: &str, what: &str) -> Result<BTreeMap<String, String>, Error> {
    let out = clients
        .sqs
        .get_queue_attributes()
        .queue_url(url)
        .attribute_names(QueueAttributeName::All)
        .send()
        .await
        .map_err(|e| Error::Evidence(explain(&e, "sqs:GetQueueAttributes", what)))?;
    Ok(out
        .attributes()
        .map(|m| m.iter().map(|(k, v)| (k.as_str().to_string(), v.clone())).collect())
        .unwrap_or_default())
}

/// Resolves the DLQ and the destination: `--to`, else the queue whose RedrivePolicy names
/// this DLQ (`ListDeadLetterSourceQueues`). Refuses a FIFO/standard mismatch.
pub async fn route(clients: &Clients, settings: &Settings, to: Option<&str>) -> Result<Route, Error> {
    let dlq_name = settings.resources.dlq.clone();
    let dlq_url = queue_url(clients, &dlq_name, "dlq").await?;
    let dlq_attrs = attributes(clients, &dlq_url, "the DLQ").await?;
    let dest_name = match to {
        Some(name) => name.to_string(),
        None => {
            let sources =
                clients.sqs.list_dead_letter_source_queues().queue_url(&dlq_url).send().await.map_err(|e| {
                    Error::Evidence(explain(&e, "sqs:ListDeadLetterSourceQueues", "the DLQ's source queue"))
                })?;
            let urls = sources.queue_urls();
            match urls {
                [] => {
                    return Err(Error::Usage(format!(
                        "no queue names {dlq_name} as its dead-letter queue, so there is no source to send messages back to; pass --to QUEUE"
                    )))
                }
                [one] => one.rsplit('/').next().unwrap_or(one).to_string(),
                many => {
                    let names: Vec<&str> = many.iter().map(|u| u.rsplit('/').next().unwrap_or(u)).collect();
                    return Err(Error::Usage(format!(
                        "{} queues use {dlq_name} as their DLQ ({}); choose one with --to QUEUE",
                        names.len(),
                        names.join(", ")
                    )));
                }
            }
        }
    };
    let dest_url = queue_url(clients, &dest_name, "destination").await?;
    let dest_attrs = attributes(clients, &dest_url, "the destination queue").await?;
    let is_fifo = |a: &BTreeMap<String, String>| a.get("FifoQueue").is_some_and(|v| v == "true");
    let (f1, f2) = (is_fifo(&dlq_attrs), is_fifo(&dest_attrs));
    if f1 != f2 {
        let kind = |f: bool| if f { "FIFO" } else { "standard" };
        return Err(Error::Usage(format!(
            "{dlq_name} is a {} queue but {dest_name} is {}: a redrive keeps ordering and deduplication only between queues of one kind; choose a {} destination with --to",
            kind(f1),
            kind(f2),
            kind(f1)
        )));
    }
    let depth = ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"]
        .iter()
        .filter_map(|k| dlq_attrs.get(*k).and_then(|v| v.parse::<u64>().ok()))
        .sum();
    Ok(Route { dlq_name, dlq_url, dest_name, dest_url, fifo: f1, depth })
}

/// A body as shown in `--show`: text truncated, anything else described.
pub fn show_body(body: &str, limit: usize) -> String {
    let control = body.chars().filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')).count();
    let replacement = body.chars().filter(|c| *c == '\u{FFFD}' || ('\u{E000}'..='\u{F8FF}').contains(c)).count();
    if control + replacement > 0 && serde_json::from_str::<serde_json::Value>(body).is_err() {
        let hex: Vec<String> = body.as_bytes().iter().take(16).map(|b| format!("{b:02x}")).collect();
        return format!("<binary, {} bytes: {}…>", body.len(), hex.join(" "));
    }
    if body.chars().count() > limit {
        let cut: String = body.chars().take(limit).collect();
        format!("{cut}… ({} bytes)", body.len())
    } else {
        body.to_string()
    }
}

/// What `dlq inspect` saw.
#[derive(Debug, Default, Serialize)]
pub struct Inspection {
    pub queue: String,
    pub messages: usize,
    pub by_error_type: BTreeMap<String, (usize, Class)>,
    pub by_class: BTreeMap<String, usize>,
    pub by_format: BTreeMap<String, usize>,
    pub oldest: Option<jiff::Timestamp>,
    pub newest: Option<jiff::Timestamp>,
    pub receive_counts: BTreeMap<u32, usize>,
    pub examples: Vec<Example>,
    /// With a selection: how many messages a redrive would move.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub would_move: Option<usize>,
}

/// One example message for `--show`.
#[derive(Debug, Serialize)]
pub struct Example {
    pub id: String,
    pub error_type: Option<String>,
    pub class: Class,
    pub body: String,
}

/// Reads the DLQ (all of it, or `limit` messages) without consuming it: every message is
/// held while the scan runs, so none is counted twice, then made visible again at once.
pub async fn inspect(
    clients: &Clients,
    url: &str,
    name: &str,
    limit: Option<usize>,
    show: usize,
    select: Option<&Selection>,
) -> Result<Inspection, Error> {
    let mut ins = Inspection { queue: name.to_string(), would_move: select.map(|_| 0), ..Default::default() };
    let result = scan(clients, url, name, limit, 300, |m, p, s| {
        ins.messages += 1;
        if let (Some(sel), Some(n)) = (select, ins.would_move.as_mut()) {
            if matches!(sel.pick(p), Pick::Move(_)) {
                *n += 1;
            }
        }
        let key = s.error_type.clone().unwrap_or_else(|| "(none)".into());
        ins.by_error_type.entry(key).or_insert((0, s.class)).0 += 1;
        *ins.by_class.entry(format!("{:?}", s.class).to_lowercase()).or_default() += 1;
        *ins.by_format.entry(format!("{:?}", s.format).to_lowercase()).or_default() += 1;
        if let Some(t) = s.sent_at.and_then(|t| jiff::Timestamp::from_second(t).ok()) {
            ins.oldest = Some(ins.oldest.map_or(t, |o| o.min(t)));
            ins.newest = Some(ins.newest.map_or(t, |n| n.max(t)));
        }
        if let Some(rc) = s.receive_count {
            *ins.receive_counts.entry(rc).or_default() += 1;
        }
        if ins.examples.len() < show {
            ins.examples.push(Example {
                id: s.id,
                error_type: s.error_type,
                class: s.class,
                body: show_body(m.body().unwrap_or_default(), 400),
            });
        }
    })
    .await;
    result.map(|_| {
        ins.by_class.entry("retryable".into()).or_default();
        ins.by_class.entry("non-retryable".into()).or_default();
        ins.by_class.entry("unknown".into()).or_default();
        ins
    })
}

/// Tuning of a redrive.
#[derive(Debug, Clone)]
pub struct Options {
    pub selection: Selection,
    pub max: Option<u64>,
    pub rate: Option<u32>,
    pub concurrency: usize,
    /// Seconds a received batch stays hidden while it is copied and deleted.
    pub visibility: i32,
}

/// The running count, shared by the workers.
#[derive(Debug, Default, Serialize)]
pub struct Report {
    pub moved: u64,
    pub moved_ids: Vec<String>,
    pub skipped: BTreeMap<String, u64>,
    /// Selected messages that could not be moved, by message id, with the reason.
    pub failed: BTreeMap<String, String>,
    /// Messages copied to the destination whose DLQ copy could not be deleted (duplicates).
    pub copied_not_deleted: Vec<String>,
    pub aws_calls: u64,
    pub interrupted: bool,
}

/// The state the workers share: the report, the claims against `--max`, what was skipped.
pub struct Shared {
    report: Mutex<Report>,
    remaining: AtomicI64,
    stop: Arc<AtomicBool>,
    skipped_seen: Mutex<BTreeSet<String>>,
    attempts: Mutex<BTreeMap<String, u32>>,
    /// Selected messages released after a failed send, waiting to be tried again.
    pending: Mutex<BTreeSet<String>>,
    fatal: Mutex<Option<Error>>,
    calls: AtomicI64,
}

impl Shared {
    /// Fresh state for a run moving at most `max` messages.
    pub fn new(max: Option<u64>, stop: Arc<AtomicBool>) -> Shared {
        Shared {
            report: Mutex::new(Report::default()),
            remaining: AtomicI64::new(max.map(|m| m as i64).unwrap_or(i64::MAX)),
            stop,
            skipped_seen: Mutex::new(BTreeSet::new()),
            attempts: Mutex::new(BTreeMap::new()),
            pending: Mutex::new(BTreeSet::new()),
            fatal: Mutex::new(None),
            calls: AtomicI64::new(0),
        }
    }

    /// The report so far.
    pub fn report(&self) -> std::sync::MutexGuard<'_, Report> {
        self.report.lock().expect("lock")
    }
}

/// Called after every batch with the running report, for a progress bar.
pub type Progress<'a> = &'a (dyn Fn(&Report) + Sync);

/// Moves the selected messages of `route.dlq` to `route.dest`.
pub async fn redrive(
    clients: &Clients,
    route: &Route,
    opts: &Options,
    stop: Arc<AtomicBool>,
    progress: Progress<'_>,
) -> Result<Report, Error> {
    let shared = Shared::new(opts.max, stop);
    let limiter = opts.rate.and_then(NonZeroU32::new).map(|r| {
        governor::RateLimiter::direct(
            governor::Quota::per_second(r).allow_burst(NonZeroU32::new(r.get().max(10)).expect("non-zero")),
        )
    });
    // Rounds: a message whose send failed is released and tried again; a round ends when the
    // DLQ looks drained, so run another while such messages wait, then report what is left.
    for round in 0.. {
        let workers = (0..opts.concurrency.clamp(1, 64))
            .map(|_| worker(clients, route, opts, &shared, limiter.as_ref(), progress));
        futures::future::join_all(workers).await;
        let waiting = shared.pending.lock().expect("lock").len();
        if waiting == 0 || shared.stop.load(Ordering::Relaxed) || shared.fatal.lock().expect("lock").is_some() {
            break;
        }
        if round >= 3 {
            let left: Vec<String> = std::mem::take(&mut *shared.pending.lock().expect("lock")).into_iter().collect();
            let mut r = shared.report.lock().expect("lock");
            for id in left {
                r.failed.entry(id).or_insert_with(|| "not moved after retries".into());
            }
            break;
        }
    }
    if let Some(e) = shared.fatal.lock().expect("lock").take() {
        return Err(e);
    }
    let mut report = shared.report.into_inner().expect("lock");
    report.aws_calls = shared.calls.load(Ordering::Relaxed) as u64;
    report.interrupted = shared.stop.load(Ordering::Relaxed);
    Ok(report)
}

type Limiter =
    governor::RateLimiter<governor::state::NotKeyed, governor::state::InMemoryState, governor::clock::DefaultClock>;

async fn worker(
    clients: &Clients,
    route: &Route,
    opts: &Options,
    sh: &Shared,
    limiter: Option<&Limiter>,
    progress: Progress<'_>,
) {
    let mut idle = 0;
    while !sh.stop.load(Ordering::Relaxed) && sh.fatal.lock().expect("lock").is_none() {
        let claim = sh.remaining.fetch_sub(10, Ordering::SeqCst).clamp(0, 10);
        if claim <= 0 {
            break;
        }
        if let Some(l) = limiter {
            let _ = l.until_n_ready(NonZeroU32::new(claim as u32).expect("claim > 0")).await;
        }
        let r = batch(clients, route, opts, sh, claim as i32).await;
        match r {
            Ok(None) => {
                // A long-poll receive found nothing: the DLQ is drained.
                sh.remaining.fetch_add(claim, Ordering::SeqCst);
                break;
            }
            Ok(Some((moved, fresh))) => {
                sh.remaining.fetch_add(claim - moved as i64, Ordering::SeqCst);
                idle = if fresh { 0 } else { idle + 1 };
                // Nothing left but messages this run has already decided to leave.
                if idle >= 3 {
                    break;
                }
            }
            Err(e) => {
                sh.remaining.fetch_add(claim, Ordering::SeqCst);
                sh.fatal.lock().expect("lock").get_or_insert(e);
                break;
            }
        }
        progress(&sh.report.lock().expect("lock"));
    }
}

/// One receive → send → delete round. Returns `None` when the DLQ is empty, else how many
/// moved and whether it saw any message it had not already decided to leave.
async fn batch(
    clients: &Clients,
    route: &Route,
    opts: &Options,
    sh: &Shared,
    n: i32,
) -> Result<Option<(u64, bool)>, Error> {
    sh.calls.fetch_add(1, Ordering::Relaxed);
    let msgs = receive(clients, &route.dlq_url, n, opts.visibility, 1, "the DLQ").await?;
    if msgs.is_empty() {
        return Ok(None);
    }
    let received = Instant::now();
    let mut to_move: Vec<(&Message, String)> = Vec::new();
    let mut to_release: Vec<(String, String)> = Vec::new();
    let mut fresh = false;
    for m in &msgs {
        let id = m.message_id().unwrap_or_default().to_string();
        let handle = m.receipt_handle().unwrap_or_default().to_string();
        match opts.selection.pick(&parse_message(m)) {
            Pick::Move(job) => {
                fresh = true;
                to_move.push((m, redriven_body(&job)));
            }
            Pick::Skip(why) => {
                if sh.skipped_seen.lock().expect("lock").insert(id.clone()) {
                    fresh = true;
                    *sh.report.lock().expect("lock").skipped.entry(why.to_string()).or_default() += 1;
                }
                to_release.push((format!("s{}", to_release.len()), handle));
            }
        }
    }
    if !to_release.is_empty() {
        sh.calls.fetch_add(1, Ordering::Relaxed);
        release(clients, &route.dlq_url, &to_release).await?;
    }
    let mut moved = 0;
    for group in pack(&to_move) {
        if received.elapsed().as_secs() as i32 > opts.visibility / 2 {
            // Work ran long: keep the rest hidden while it is copied and deleted.
            let keep: Vec<(String, String)> = group
                .iter()
                .map(|(m, _)| {
                    (m.message_id().unwrap_or_default().to_string(), m.receipt_handle().unwrap_or_default().to_string())
                })
                .collect();
            extend(clients, &route.dlq_url, &keep, opts.visibility).await?;
        }
        moved += send_and_delete(clients, route, sh, &group).await?;
    }
    Ok(Some((moved, fresh)))
}

/// Groups messages into batches under SQS's 256 KiB request limit (at most ten each).
fn pack<'a>(items: &'a [(&'a Message, String)]) -> Vec<Vec<&'a (&'a Message, String)>> {
    let mut out: Vec<Vec<&(&Message, String)>> = Vec::new();
    let mut size = 0;
    for it in items {
        let attrs: usize = it
            .0
            .message_attributes()
            .map(|a| a.iter().map(|(k, v)| k.len() + v.data_type().len() + v.string_value().map_or(0, str::len)).sum())
            .unwrap_or(0);
        let len = it.1.len() + attrs;
        if out.last().is_none_or(|g| g.len() == 10 || size + len > BATCH_BYTES) {
            out.push(Vec::new());
            size = 0;
        }
        size += len;
        out.last_mut().expect("pushed").push(it);
    }
    out
}

async fn extend(clients: &Clients, url: &str, handles: &[(String, String)], visibility: i32) -> Result<(), Error> {
    let entries: Vec<_> = handles
        .iter()
        .enumerate()
        .map(|(i, (_, h))| {
            aws_sdk_sqs::types::ChangeMessageVisibilityBatchRequestEntry::builder()
                .id(format!("x{i}"))
                .receipt_handle(h)
                .visibility_timeout(visibility)
                .build()
                .expect("set")
        })
        .collect();
    clients
        .sqs
        .change_message_visibility_batch()
        .queue_url(url)
        .set_entries(Some(entries))
        .send()
        .await
        .map_err(|e| Error::Action(explain(&e, "sqs:ChangeMessageVisibility", "the DLQ")))?;
    Ok(())
}

/// The FIFO deduplication id of a redriven message: derived from the original message id, so
/// a batch sent twice (a retry, a rerun after a kill) is delivered once.
pub fn dedup_id(message_id: &str) -> String {
    let clean: String = message_id.chars().filter(|c| c.is_ascii_alphanumeric() || "-_.".contains(*c)).collect();
    format!("masst-{clean}").chars().take(128).collect()
}

fn send_entry(i: usize, m: &Message, body: &str, fifo: bool) -> SendMessageBatchRequestEntry {
    let mut e = SendMessageBatchRequestEntry::builder().id(format!("m{i}")).message_body(body);
    if let Some(attrs) = m.message_attributes() {
        for (k, v) in attrs.iter().filter(|(k, _)| k.as_str() != "error_type") {
            let v: MessageAttributeValue = v.clone();
            e = e.message_attributes(k, v);
        }
    }
    if fifo {
        let group = m
            .attributes()
            .and_then(|a| a.get(&MessageSystemAttributeName::MessageGroupId))
            .cloned()
            .unwrap_or_else(|| "masst-redrive".into());
        e = e.message_group_id(group).message_deduplication_id(dedup_id(m.message_id().unwrap_or_default()));
    }
    e.build().expect("id and body set")
}

/// Sends one batch; deletes from the DLQ exactly the entries SQS confirmed. Entries that
/// failed stay in the DLQ (visible again at once) and are retried, up to three times.
pub async fn send_and_delete(
    clients: &Clients,
    route: &Route,
    sh: &Shared,
    group: &[&(&Message, String)],
) -> Result<u64, Error> {
    let entries: Vec<SendMessageBatchRequestEntry> =
        group.iter().enumerate().map(|(i, (m, body))| send_entry(i, m, body, route.fifo)).collect();
    sh.calls.fetch_add(1, Ordering::Relaxed);
    let sent = clients.sqs.send_message_batch().queue_url(&route.dest_url).set_entries(Some(entries)).send().await;
    let out = match sent {
        Ok(o) => o,
        Err(e) => {
            let msg = explain(&e, "sqs:SendMessage", &format!("the destination {}", route.dest_name));
            if msg.contains("denied") || msg.contains("credentials") || msg.contains("session has expired") {
                return Err(Error::Action(msg));
            }
            // The whole batch failed: nothing was copied; let the messages come back.
            let back: Vec<(String, String)> = group
                .iter()
                .map(|(m, _)| (String::new(), m.receipt_handle().unwrap_or_default().to_string()))
                .collect();
            note_failures(clients, route, sh, group.iter().map(|(m, _)| *m), &back, &msg).await?;
            return Ok(0);
        }
    };
    let ok: BTreeSet<usize> = out.successful().iter().filter_map(|s| s.id().strip_prefix('m')?.parse().ok()).collect();
    let failed: Vec<(usize, String)> = out
        .failed()
        .iter()
        .filter_map(|f| {
            Some((f.id().strip_prefix('m')?.parse().ok()?, format!("{}: {}", f.code(), f.message().unwrap_or(""))))
        })
        .collect();
    if !failed.is_empty() {
        let msgs: Vec<&Message> = failed.iter().map(|(i, _)| group[*i].0).collect();
        let back: Vec<(String, String)> =
            msgs.iter().map(|m| (String::new(), m.receipt_handle().unwrap_or_default().to_string())).collect();
        note_failures(clients, route, sh, msgs.into_iter(), &back, &failed[0].1).await?;
    }
    if ok.is_empty() {
        return Ok(0);
    }
    let deletes: Vec<DeleteMessageBatchRequestEntry> = ok
        .iter()
        .map(|i| {
            DeleteMessageBatchRequestEntry::builder()
                .id(format!("d{i}"))
                .receipt_handle(group[*i].0.receipt_handle().unwrap_or_default())
                .build()
                .expect("set")
        })
        .collect();
    sh.calls.fetch_add(1, Ordering::Relaxed);
    let del = clients.sqs.delete_message_batch().queue_url(&route.dlq_url).set_entries(Some(deletes)).send().await;
    let ids = |is: &mut dyn Iterator<Item = usize>| -> Vec<String> {
        is.map(|i| group[i].0.message_id().unwrap_or_default().to_string()).collect()
    };
    match del {
        Ok(d) => {
            let not_deleted: BTreeSet<usize> =
                d.failed().iter().filter_map(|f| f.id().strip_prefix('d')?.parse().ok()).collect();
            let mut r = sh.report.lock().expect("lock");
            r.copied_not_deleted.extend(ids(&mut not_deleted.iter().copied()));
            let moved = ids(&mut ok.iter().copied().filter(|i| !not_deleted.contains(i)));
            let mut pending = sh.pending.lock().expect("lock");
            for id in moved.iter().chain(r.copied_not_deleted.iter()) {
                pending.remove(id);
            }
            r.moved += moved.len() as u64;
            r.moved_ids.extend(moved.iter().cloned());
            Ok(moved.len() as u64)
        }
        Err(e) => {
            let copied = ids(&mut ok.iter().copied());
            sh.report.lock().expect("lock").copied_not_deleted.extend(copied.iter().cloned());
            Err(Error::Action(format!(
                "{} — {} message(s) were copied to {} but are still in {}: they will be copied again (duplicates) by the next redrive",
                explain(&e, "sqs:DeleteMessage", "the DLQ"),
                copied.len(),
                route.dest_name,
                route.dlq_name
            )))
        }
    }
}

async fn note_failures<'m>(
    clients: &Clients,
    route: &Route,
    sh: &Shared,
    msgs: impl Iterator<Item = &'m Message>,
    handles: &[(String, String)],
    why: &str,
) -> Result<(), Error> {
    {
        let mut attempts = sh.attempts.lock().expect("lock");
        let mut seen = sh.skipped_seen.lock().expect("lock");
        let mut r = sh.report.lock().expect("lock");
        for m in msgs {
            let id = m.message_id().unwrap_or_default().to_string();
            let n = attempts.entry(id.clone()).or_default();
            *n += 1;
            if *n >= 3 {
                // Give up on it: it stays in the DLQ, reported.
                seen.insert(id.clone());
                sh.pending.lock().expect("lock").remove(&id);
                r.failed.insert(id, why.to_string());
            } else {
                sh.pending.lock().expect("lock").insert(id);
            }
        }
    }
    let handles: Vec<(String, String)> =
        handles.iter().enumerate().map(|(i, (_, h))| (format!("f{i}"), h.clone())).collect();
    sh.calls.fetch_add(1, Ordering::Relaxed);
    release(clients, &route.dlq_url, &handles).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::dlq::{self, Incoming};

    fn parsed(body: &str, attr: Option<&str>) -> Parsed {
        dlq::parse(&Incoming { body: body.as_bytes(), error_type_attr: attr })
    }

    #[test]
    fn selection_moves_retryable_by_default_and_named_types_only_when_asked() {
        let retry = parsed(r#"{"job_id":"a","_retry_count":3}"#, Some("ThrottlingException"));
        let invalid = parsed(r#"{"job_id":"b"}"#, Some("ValidationException"));
        let text = parsed("boom", None);
        let hollow = parsed(r#"{"error_type":"ThrottlingException","retry_count":3}"#, None);
        let default = Selection { retryable: true, ..Default::default() };
        assert!(matches!(default.pick(&retry), Pick::Move(_)));
        assert_eq!(default.pick(&invalid), Pick::Skip("non-retryable"));
        assert!(matches!(default.pick(&text), Pick::Skip(_)));
        let named = Selection { error_types: vec!["ValidationException".into()], ..Default::default() };
        assert!(matches!(named.pick(&invalid), Pick::Move(_)));
        assert!(matches!(named.pick(&retry), Pick::Skip(_)));
        let all = Selection { all: true, ..Default::default() };
        assert!(matches!(all.pick(&invalid), Pick::Move(_)));
        assert!(matches!(all.pick(&text), Pick::Skip(_)), "no job body, nothing to send");
        assert!(matches!(all.pick(&hollow), Pick::Skip(_)));
        assert_eq!(hollow.format, crate::evidence::dlq::Format::Unknown);
    }

    #[test]
    fn the_redriven_body_resets_the_retry_count_and_keeps_the_rest() {
        let job = serde_json::json!({"job_id": "j", "kind": "enrich", "payload": {"x": [1, 2]}, "_retry_count": 5, "extra": true});
        let body: serde_json::Value = serde_json::from_str(&redriven_body(&job)).unwrap();
        assert_eq!(body["_retry_count"], 0);
        assert_eq!(body["payload"], job["payload"]);
        assert_eq!(body["extra"], true);
    }

    #[test]
    fn dedup_ids_are_stable_and_valid() {
        assert_eq!(dedup_id("0a1b-2c3d"), "masst-0a1b-2c3d");
        assert_eq!(dedup_id(&"x".repeat(300)).len(), 128);
    }

    #[test]
    fn binary_bodies_are_described_not_printed() {
        assert!(show_body("\u{FFFD}PNG\r\n\u{E000}", 100).starts_with("<binary, "));
        assert_eq!(show_body("hello", 100), "hello");
        assert!(show_body(&"a".repeat(500), 10).ends_with("(500 bytes)"));
    }

    #[test]
    fn batches_stay_under_the_request_limit() {
        let m = Message::builder().message_id("x").build();
        let big = "a".repeat(100_000);
        let items: Vec<(&Message, String)> = (0..5).map(|_| (&m, big.clone())).collect();
        let groups = pack(&items);
        assert_eq!(groups.iter().map(Vec::len).collect::<Vec<_>>(), [2, 2, 1]);
        let small: Vec<(&Message, String)> = (0..25).map(|_| (&m, "{}".to_string())).collect();
        assert_eq!(pack(&small).iter().map(Vec::len).collect::<Vec<_>>(), [10, 10, 5]);
    }
}

/// `SendMessageBatch` partial failures, which the emulator cannot produce.
#[cfg(test)]
mod partial_failure {
    use super::*;
    use aws_sdk_sqs::operation::change_message_visibility_batch::ChangeMessageVisibilityBatchOutput;
    use aws_sdk_sqs::operation::delete_message_batch::DeleteMessageBatchOutput;
    use aws_sdk_sqs::operation::send_message_batch::SendMessageBatchOutput;
    use aws_sdk_sqs::types::{BatchResultErrorEntry, DeleteMessageBatchResultEntry, SendMessageBatchResultEntry};
    use aws_smithy_mocks::{mock, mock_client};

    fn clients(sqs: aws_sdk_sqs::Client) -> Clients {
        crate::aws::mocked(mock_client!(aws_sdk_cloudwatch, []), sqs)
    }

    #[test]
    fn only_messages_whose_send_sqs_confirmed_are_deleted_and_the_rest_stay_for_a_retry() {
        let send = mock!(aws_sdk_sqs::Client::send_message_batch).then_output(|| {
            SendMessageBatchOutput::builder()
                .successful(
                    SendMessageBatchResultEntry::builder()
                        .id("m0")
                        .message_id("new-0")
                        .md5_of_message_body("x")
                        .build()
                        .unwrap(),
                )
                .failed(
                    BatchResultErrorEntry::builder()
                        .id("m1")
                        .code("InternalError")
                        .sender_fault(false)
                        .message("try again")
                        .build()
                        .unwrap(),
                )
                .build()
                .unwrap()
        });
        // The delete must name exactly the confirmed message.
        let delete = mock!(aws_sdk_sqs::Client::delete_message_batch)
            .match_requests(|r| r.entries().len() == 1 && r.entries()[0].receipt_handle() == "handle-a")
            .then_output(|| {
                DeleteMessageBatchOutput::builder()
                    .successful(DeleteMessageBatchResultEntry::builder().id("d0").build().unwrap())
                    .set_failed(Some(vec![]))
                    .build()
                    .unwrap()
            });
        let release = mock!(aws_sdk_sqs::Client::change_message_visibility_batch)
            .match_requests(|r| {
                r.entries().len() == 1
                    && r.entries()[0].receipt_handle() == "handle-b"
                    && r.entries()[0].visibility_timeout() == Some(0)
            })
            .then_output(|| {
                ChangeMessageVisibilityBatchOutput::builder()
                    .set_successful(Some(vec![]))
                    .set_failed(Some(vec![]))
                    .build()
                    .unwrap()
            });
        let c = clients(mock_client!(aws_sdk_sqs, [&send, &release, &delete]));
        let route = Route {
            dlq_name: "dlq".into(),
            dlq_url: "https://sqs/dlq".into(),
            dest_name: "q".into(),
            dest_url: "https://sqs/q".into(),
            fifo: false,
            depth: 2,
        };
        let a = Message::builder().message_id("a").receipt_handle("handle-a").body("{}").build();
        let b = Message::builder().message_id("b").receipt_handle("handle-b").body("{}").build();
        let items = [(&a, "{\"job_id\":\"a\"}".to_string()), (&b, "{\"job_id\":\"b\"}".to_string())];
        let group: Vec<&(&Message, String)> = items.iter().collect();
        let sh = Shared::new(None, Arc::new(AtomicBool::new(false)));
        let moved = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
            .block_on(send_and_delete(&c, &route, &sh, &group))
            .unwrap();
        assert_eq!(moved, 1);
        assert_eq!((delete.num_calls(), release.num_calls()), (1, 1));
        let r = sh.report();
        assert_eq!(r.moved_ids, ["a"]);
        assert!(r.failed.is_empty(), "one failure is retried, not yet reported");
        drop(r);
        assert!(sh.pending.lock().unwrap().contains("b"), "b waits for another round");
    }
}

/// A destination that accepts the copies but a DLQ that refuses the delete.
#[cfg(test)]
mod delete_denied {
    use super::*;
    use aws_sdk_sqs::operation::delete_message_batch::DeleteMessageBatchError;
    use aws_sdk_sqs::operation::send_message_batch::SendMessageBatchOutput;
    use aws_sdk_sqs::types::SendMessageBatchResultEntry;
    use aws_smithy_mocks::{mock, mock_client};
    use aws_smithy_types::error::ErrorMetadata;

    #[test]
    fn copies_that_cannot_be_deleted_are_reported_as_duplicates_with_the_permission_to_grant() {
        let send = mock!(aws_sdk_sqs::Client::send_message_batch).then_output(|| {
            SendMessageBatchOutput::builder()
                .successful(
                    SendMessageBatchResultEntry::builder()
                        .id("m0")
                        .message_id("n0")
                        .md5_of_message_body("x")
                        .build()
                        .unwrap(),
                )
                .set_failed(Some(vec![]))
                .build()
                .unwrap()
        });
        let denied = mock!(aws_sdk_sqs::Client::delete_message_batch).then_error(|| {
            DeleteMessageBatchError::generic(
                ErrorMetadata::builder()
                    .code("AccessDenied")
                    .message("not authorized to perform: sqs:DeleteMessage")
                    .build(),
            )
        });
        let c = crate::aws::mocked(mock_client!(aws_sdk_cloudwatch, []), mock_client!(aws_sdk_sqs, [&send, &denied]));
        let route = Route {
            dlq_name: "dlq".into(),
            dlq_url: "u".into(),
            dest_name: "q".into(),
            dest_url: "v".into(),
            fifo: false,
            depth: 1,
        };
        let a = Message::builder().message_id("a").receipt_handle("ha").body("{}").build();
        let items = [(&a, "{\"job_id\":\"a\"}".to_string())];
        let group: Vec<&(&Message, String)> = items.iter().collect();
        let sh = Shared::new(None, Arc::new(AtomicBool::new(false)));
        let err = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
            .block_on(send_and_delete(&c, &route, &sh, &group))
            .unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.contains("Grant the IAM action `sqs:DeleteMessage`") && msg.contains("copied again (duplicates)"),
            "{msg}"
        );
        assert_eq!(sh.report().copied_not_deleted, ["a"]);
        assert_eq!(sh.report().moved, 0);
    }
}
