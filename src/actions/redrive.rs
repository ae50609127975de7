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
    Message, MessageAttributeValue, MessageSystemAttributeName, QueueAttributeName, SendMessageBatchRequestEntry,
};
use serde::Serialize;

use super::journal::Entry;
use super::{not_mine, Applied, Ctx, Family, Plan, Run, Step};
use crate::aws::sqs::{self, queue_url, receive, release};
use crate::aws::Clients;
use crate::engine::{ActionInfo, Arg};
use crate::error::Error;
use crate::evidence::collect::{parse_message, scan};
use crate::evidence::dlq::{Class, Parsed};
use crate::settings::Settings;

/// The DLQ redrive family. Its apply streams (the report comes back as [`Family::Done`]),
/// and it has no undo: the messages it moved may already be processed.
pub struct Redrive;

/// A redrive as asked for: what to move, how fast, and where.
#[derive(Debug, Clone)]
pub struct RedriveRequest {
    pub options: Options,
    /// The destination queue (default: the queue whose RedrivePolicy names the DLQ).
    pub to: Option<String>,
    /// The selection in words, for the preview and the question.
    pub described: String,
}

impl RedriveRequest {
    /// The offered redrive: retryable messages only, eight batches in flight, each hidden for
    /// two minutes while it is copied (the defaults of `masst dlq redrive`).
    pub fn retryable() -> Self {
        RedriveRequest {
            options: Options {
                selection: Selection { retryable: true, ..Default::default() },
                max: None,
                rate: None,
                concurrency: 8,
                visibility: 120,
            },
            to: None,
            described: "retryable error types only".into(),
        }
    }
}

/// A planned redrive: the route and the options.
#[derive(Debug, Clone)]
pub struct Move {
    pub route: Route,
    pub options: Options,
}

impl Family for Redrive {
    const NAME: &'static str = "sqs-redrive";
    const ACTIONS: &'static [ActionInfo] = &[ActionInfo {
        id: "dlq.redrive",
        command: "dlq redrive --retryable-only",
        summary: "move retryable DLQ messages back, losslessly",
        params: &[],
    }];
    type Request = RedriveRequest;
    type State = Route;
    type Change = Move;
    type Done = (Report, Option<Error>);

    fn request(id: &str, _args: &[Arg]) -> Result<RedriveRequest, Error> {
        match id {
            "dlq.redrive" => Ok(RedriveRequest::retryable()),
            other => Err(not_mine(Self::NAME, other)),
        }
    }

    async fn read(cx: &Ctx<'_>, req: &RedriveRequest) -> Result<Route, Error> {
        route(cx.clients, cx.settings, req.to.as_deref()).await
    }

    fn plan(req: &RedriveRequest, route: Route, _settings: &Settings, _force: bool) -> Result<Plan<Move>, Error> {
        let o = &req.options;
        let limits = [
            o.max.map(|m| format!("at most {m} messages")),
            o.rate.map(|r| format!("at most {r}/s")),
            Some(format!("{} batches in flight", o.concurrency)),
        ];
        let limits: Vec<String> = limits.into_iter().flatten().collect();
        let fifo =
            if route.fifo { " (FIFO: group ids kept, deduplication ids from the original message ids)" } else { "" };
        Ok(Plan {
            action: "dlq.redrive".into(),
            target: format!("SQS {} → {}", route.dlq_name, route.dest_name),
            preview: format!(
                "{} (≈{} messages) → {}{fifo}\n  selection: {}\n  {}",
                route.dlq_name,
                route.depth,
                route.dest_name,
                req.described,
                limits.join(", ")
            ),
            before: serde_json::json!({"dlq_depth": route.depth, "selection": o.selection, "max": o.max}),
            after: serde_json::json!({}),
            // How much moves is known only by moving: the count is approximate, the run exact.
            noop: false,
            change: Move { route, options: o.clone() },
        })
    }

    async fn apply(cx: &Ctx<'_>, plan: &Plan<Move>, run: &Run<'_>, out: &mut Applied) -> Result<Self::Done, Error> {
        let Move { route, options } = &plan.change;
        let batches = |r: &Report| {
            (run.progress)(Step::Moving {
                moved: r.moved,
                skipped: r.skipped.values().sum::<u64>(),
                failed: r.failed.len() as u64,
            })
        };
        let (report, fatal) = redrive(cx.clients, route, options, run.stop.clone(), &batches).await;
        (run.progress)(Step::Done);
        out.sent = report.moved > 0 || !report.copied_not_deleted.is_empty();
        out.after = serde_json::json!({
            "moved": report.moved, "moved_ids": report.moved_ids, "skipped": report.skipped,
            "failed": report.failed, "copied_not_deleted": report.copied_not_deleted,
            "complete": fatal.is_none() && report.complete(),
        });
        out.notes = fatal.iter().map(|e| e.to_string()).chain(report.shortfall(&route.dlq_name)).collect();
        Ok((report, fatal))
    }

    async fn read_undo(_cx: &Ctx<'_>, e: &Entry) -> Result<Route, Error> {
        Err(no_undo(e))
    }

    fn plan_undo(e: &Entry, _route: Route, _settings: &Settings, _force: bool) -> Result<Plan<Move>, Error> {
        Err(no_undo(e))
    }
}

fn no_undo(e: &Entry) -> Error {
    Error::Action(format!(
        "entry {} moved messages from the DLQ to the primary queue; they may already be processed, so masst does not move them back",
        e.id
    ))
}

/// SQS's limit on one message and on one `SendMessageBatch` request (1 MiB since 2026).
pub const REQUEST_BYTES: usize = 1_048_576;

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
    /// The largest message the destination takes: its `MaximumMessageSize`, at most 1 MiB.
    pub max_message: usize,
}

/// Every attribute of a queue.
async fn attributes(clients: &Clients, url: &str, what: &str) -> Result<BTreeMap<String, String>, Error> {
    sqs::attributes(clients, url, &[QueueAttributeName::All], what).await
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
            let urls = sqs::dead_letter_sources(clients, &dlq_url).await?;
            match urls.as_slice() {
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
    let arn = |a: &BTreeMap<String, String>| a.get("QueueArn").cloned();
    if dest_url == dlq_url || (arn(&dest_attrs).is_some() && arn(&dest_attrs) == arn(&dlq_attrs)) {
        return Err(Error::Usage(format!(
            "--to {dest_name} is the DLQ itself: the messages would come straight back (and lose their error type). \
             Name the queue the jobs belong in, or leave --to out to use the queue whose RedrivePolicy names {dlq_name}"
        )));
    }
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
    let max_message = dest_attrs
        .get("MaximumMessageSize")
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(REQUEST_BYTES)
        .min(REQUEST_BYTES);
    Ok(Route { dlq_name, dlq_url, dest_name, dest_url, fifo: f1, depth, max_message })
}

/// A body as shown in `--show`: text truncated and escaped (no control character, escape
/// sequence or bidirectional override reaches the terminal), anything binary described.
pub fn show_body(body: &str, limit: usize) -> String {
    // Binary: bytes that did not decode, or mostly control characters. A few control
    // characters in text (an escape sequence) are text, shown escaped.
    let control = body.chars().filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')).count();
    let replacement = body.chars().filter(|c| *c == '\u{FFFD}' || ('\u{E000}'..='\u{F8FF}').contains(c)).count();
    let binary = replacement > 0 || control * 10 > body.chars().count();
    if binary && serde_json::from_str::<serde_json::Value>(body).is_err() {
        let hex: Vec<String> = body.as_bytes().iter().take(16).map(|b| format!("{b:02x}")).collect();
        return format!("<binary, {} bytes: {}…>", body.len(), hex.join(" "));
    }
    if body.chars().count() > limit {
        let cut: String = body.chars().take(limit).collect();
        format!("{}… ({} bytes)", crate::ui::escape(&cut), body.len())
    } else {
        crate::ui::escape(body).into_owned()
    }
}

/// What `dlq inspect` saw.
#[derive(Debug, Default, Serialize)]
pub struct Inspection {
    pub queue: String,
    pub messages: usize,
    /// One row per error type and class (an envelope of a retryable type without a job body is
    /// *unknown*, and counted on a row of its own).
    pub by_error_type: Vec<TypeRow>,
    /// Messages per class, in the contract's words: retryable, non-retryable, unknown.
    pub by_class: BTreeMap<String, usize>,
    pub by_format: BTreeMap<String, usize>,
    pub oldest: Option<jiff::Timestamp>,
    pub newest: Option<jiff::Timestamp>,
    pub receive_counts: BTreeMap<u32, usize>,
    pub examples: Vec<Example>,
    /// What the read saw of the queue, and why it did not see the rest.
    pub coverage: crate::evidence::dlq::Coverage,
    /// With a selection: how many messages a redrive would move.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub would_move: Option<usize>,
}

/// Messages of one error type and class.
#[derive(Debug, Serialize, PartialEq)]
pub struct TypeRow {
    pub error_type: String,
    pub class: Class,
    pub messages: usize,
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
    let mut rows: BTreeMap<(String, Class), usize> = BTreeMap::new();
    let coverage = scan(clients, url, name, limit, 300, None, |m, p, s| {
        ins.messages += 1;
        if let (Some(sel), Some(n)) = (select, ins.would_move.as_mut()) {
            if matches!(sel.pick(p), Pick::Move(_)) {
                *n += 1;
            }
        }
        let key = s.error_type.clone().unwrap_or_else(|| "(none)".into());
        *rows.entry((key, s.class)).or_default() += 1;
        *ins.by_class.entry(s.class.as_str().into()).or_default() += 1;
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
    .await?;
    ins.coverage = coverage;
    ins.by_error_type =
        rows.into_iter().map(|((error_type, class), messages)| TypeRow { error_type, class, messages }).collect();
    for c in [Class::Retryable, Class::NonRetryable, Class::Unknown] {
        ins.by_class.entry(c.as_str().into()).or_default();
    }
    Ok(ins)
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

/// How many times a selected message is offered to SQS before it is left in the DLQ, named.
pub const ATTEMPTS: u32 = 3;

/// Empty receives in a row, with messages still visible in the DLQ, after which a worker
/// stops looking (what is left is reported as unreached, never as moved).
const EMPTY_RECEIVES: u32 = 5;

/// How a redrive ended, message by message: nothing is reported as moved that SQS did not
/// confirm, and nothing selected is left without a reason.
#[derive(Debug, Default, Serialize)]
pub struct Report {
    /// Selected messages this run saw: moved, failed, or copied but not deleted.
    pub selected: u64,
    pub moved: u64,
    pub moved_ids: Vec<String>,
    /// Messages left because they were not selected, by reason.
    pub skipped: BTreeMap<String, u64>,
    /// Selected messages left in the DLQ, by message id, with the reason (too large, refused by
    /// the destination after every attempt).
    pub failed: BTreeMap<String, String>,
    /// Messages copied to the destination whose DLQ copy could not be deleted (duplicates).
    pub copied_not_deleted: Vec<String>,
    /// Messages another consumer held when the run ended: not seen, so not judged.
    pub in_flight_elsewhere: u64,
    /// Messages still visible in the DLQ that the run did not reach, and why.
    pub unreached: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unreached_why: Option<String>,
    /// `--max` was reached.
    pub max_reached: bool,
    pub aws_calls: u64,
    pub interrupted: bool,
}

impl Report {
    /// Every selected message was moved, and nothing in the DLQ went unseen (`--max` aside).
    pub fn complete(&self) -> bool {
        self.failed.is_empty()
            && self.copied_not_deleted.is_empty()
            && self.in_flight_elsewhere == 0
            && (self.unreached == 0 || self.max_reached)
            && !self.interrupted
    }

    /// What is left undone, in words, for the error paragraph; empty when complete.
    pub fn shortfall(&self, dlq: &str) -> Vec<String> {
        let mut out = Vec::new();
        if !self.failed.is_empty() {
            out.push(format!("{} selected message(s) could not be moved and stay in {dlq}", self.failed.len()));
        }
        if !self.copied_not_deleted.is_empty() {
            out.push(format!("{} were copied but not deleted (duplicates)", self.copied_not_deleted.len()));
        }
        if self.in_flight_elsewhere > 0 {
            out.push(format!(
                "{} message(s) were held by another consumer and not seen (they reappear after its visibility timeout)",
                self.in_flight_elsewhere
            ));
        }
        if self.unreached > 0 && !self.max_reached {
            out.push(format!(
                "{} message(s) were not reached ({})",
                self.unreached,
                self.unreached_why.as_deref().unwrap_or("still visible")
            ));
        }
        out
    }
}

/// The state the workers share.
pub struct Shared {
    report: Mutex<Report>,
    /// Messages still to claim against `--max`.
    remaining: Mutex<u64>,
    stop: Arc<AtomicBool>,
    /// Messages judged and left (not selected, or failed): held hidden until the end of the
    /// run, so receives reach the rest of the queue instead of meeting them again.
    held: Mutex<BTreeMap<String, String>>,
    /// Every message id this run has taken on. SQS delivers at least once: a second delivery
    /// of a message another worker is moving (or has moved) is not sent again.
    claimed: Mutex<BTreeSet<String>>,
    fatal: Mutex<Option<Error>>,
    calls: AtomicI64,
}

impl Shared {
    /// Fresh state for a run moving at most `max` messages.
    pub fn new(max: Option<u64>, stop: Arc<AtomicBool>) -> Shared {
        Shared {
            report: Mutex::new(Report::default()),
            remaining: Mutex::new(max.unwrap_or(u64::MAX)),
            stop,
            held: Mutex::new(BTreeMap::new()),
            claimed: Mutex::new(BTreeSet::new()),
            fatal: Mutex::new(None),
            calls: AtomicI64::new(0),
        }
    }

    /// The report so far.
    pub fn report(&self) -> std::sync::MutexGuard<'_, Report> {
        self.report.lock().expect("lock")
    }

    fn claim(&self) -> u64 {
        let mut r = self.remaining.lock().expect("lock");
        let c = (*r).min(10);
        *r -= c;
        c
    }

    fn unclaim(&self, n: u64) {
        let mut r = self.remaining.lock().expect("lock");
        *r = r.saturating_add(n);
    }

    /// Has this message been judged and left already? Then only its new handle is kept.
    fn rehold(&self, id: &str, handle: &str) -> bool {
        let mut held = self.held.lock().expect("lock");
        match held.get_mut(id) {
            Some(h) => {
                *h = handle.to_string();
                true
            }
            None => false,
        }
    }

    /// Takes `id` on for this run; false when it was taken on already (a duplicate delivery:
    /// its first delivery is being or has been moved, and is accounted for there).
    fn take_on(&self, id: &str) -> bool {
        self.claimed.lock().expect("lock").insert(id.to_string())
    }

    fn skip(&self, id: String, handle: String, why: &str) {
        self.held.lock().expect("lock").insert(id, handle);
        *self.report().skipped.entry(why.to_string()).or_default() += 1;
    }

    fn fail(&self, id: String, handle: String, why: String) {
        self.held.lock().expect("lock").insert(id.clone(), handle);
        let mut r = self.report();
        r.selected += 1;
        r.failed.insert(id, why);
    }

    fn fatal(&self, e: Error) {
        self.fatal.lock().expect("lock").get_or_insert(e);
    }
}

/// Called after every batch with the running report.
pub type Batches<'a> = &'a (dyn Fn(&Report) + Sync);

/// Moves the selected messages of `route.dlq` to `route.dest` until the DLQ holds no selected
/// message this run has not handled. Returns the report in every case, with the error that
/// ended the run early, if one did: a run that stops still accounts for what it moved.
pub async fn redrive(
    clients: &Clients,
    route: &Route,
    opts: &Options,
    stop: Arc<AtomicBool>,
    progress: Batches<'_>,
) -> (Report, Option<Error>) {
    let shared = Shared::new(opts.max, stop);
    let limiter = opts.rate.and_then(NonZeroU32::new).map(|r| {
        governor::RateLimiter::direct(
            governor::Quota::per_second(r).allow_burst(NonZeroU32::new(r.get().max(10)).expect("non-zero")),
        )
    });
    let workers =
        (0..opts.concurrency.clamp(1, 64)).map(|_| worker(clients, route, opts, &shared, limiter.as_ref(), progress));
    futures::future::join_all(workers).await;
    // What is left in the DLQ: the messages this run holds, and anything else is either still
    // visible (unreached) or held by someone else. One call, not a scan.
    let held: Vec<(String, String)> = std::mem::take(&mut *shared.held.lock().expect("lock")).into_iter().collect();
    shared.calls.fetch_add(1, Ordering::Relaxed);
    match attributes(clients, &route.dlq_url, "the DLQ").await {
        Ok(a) => {
            let n = |k: &str| a.get(k).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0);
            let mut r = shared.report();
            r.unreached = n("ApproximateNumberOfMessages") + n("ApproximateNumberOfMessagesDelayed");
            r.in_flight_elsewhere = n("ApproximateNumberOfMessagesNotVisible").saturating_sub(held.len() as u64);
            if r.unreached > 0 {
                r.unreached_why = Some(if route.fifo {
                    "behind messages this run left in the same FIFO message group; they are released now, re-run to reach them".into()
                } else {
                    "still visible when the run ended; re-run to reach them".into()
                });
            }
        }
        Err(e) => shared.fatal(e),
    }
    // Whatever happened, the messages this run left are visible again at once.
    shared.calls.fetch_add(held.len().div_ceil(10) as i64, Ordering::Relaxed);
    let keyed: Vec<(String, String)> = held.into_iter().enumerate().map(|(i, (_, h))| (format!("h{i}"), h)).collect();
    if let Err(e) = release(clients, &route.dlq_url, &keyed).await {
        shared.fatal(e);
    }
    let fatal = shared.fatal.lock().expect("lock").take();
    let mut report = shared.report.into_inner().expect("lock");
    report.aws_calls = shared.calls.load(Ordering::Relaxed) as u64;
    report.interrupted = shared.stop.load(Ordering::Relaxed);
    report.max_reached = opts.max.is_some_and(|m| report.moved >= m);
    (report, fatal)
}

type Limiter =
    governor::RateLimiter<governor::state::NotKeyed, governor::state::InMemoryState, governor::clock::DefaultClock>;

async fn worker(
    clients: &Clients,
    route: &Route,
    opts: &Options,
    sh: &Shared,
    limiter: Option<&Limiter>,
    progress: Batches<'_>,
) {
    let mut empty = 0;
    while !sh.stop.load(Ordering::Relaxed) && sh.fatal.lock().expect("lock").is_none() {
        let claim = sh.claim();
        if claim == 0 {
            break;
        }
        if let Some(l) = limiter {
            let _ = l.until_n_ready(NonZeroU32::new(claim as u32).expect("claim > 0")).await;
        }
        match batch(clients, route, opts, sh, claim as i32).await {
            Ok(None) => {
                sh.unclaim(claim);
                // An empty receive is not the end of a deep queue: ask SQS what is visible.
                sh.calls.fetch_add(1, Ordering::Relaxed);
                match visible(clients, route).await {
                    Ok(0) => break,
                    Ok(_) if empty + 1 >= EMPTY_RECEIVES => break,
                    Ok(_) => empty += 1,
                    Err(e) => {
                        sh.fatal(e);
                        break;
                    }
                }
            }
            Ok(Some(moved)) => {
                sh.unclaim(claim - moved.min(claim));
                empty = 0;
            }
            Err(e) => {
                sh.unclaim(claim);
                sh.fatal(e);
                break;
            }
        }
        progress(&sh.report());
    }
}

/// Messages visible in the DLQ now.
async fn visible(clients: &Clients, route: &Route) -> Result<u64, Error> {
    let a = attributes(clients, &route.dlq_url, "the DLQ").await?;
    Ok(["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesDelayed"]
        .iter()
        .filter_map(|k| a.get(*k).and_then(|v| v.parse::<u64>().ok()))
        .sum())
}

/// A selected message on its way: the message, the body to send, its size as SQS counts it,
/// and how many times SQS has refused it.
#[derive(Debug, Clone)]
pub struct Item<'a> {
    pub msg: &'a Message,
    pub body: String,
    pub size: usize,
    pub attempts: u32,
}

impl Item<'_> {
    fn id(&self) -> String {
        self.msg.message_id().unwrap_or_default().to_string()
    }
    fn handle(&self) -> String {
        self.msg.receipt_handle().unwrap_or_default().to_string()
    }
}

/// One receive, then send and delete what was selected. `None` when the receive was empty,
/// else how many moved.
async fn batch(clients: &Clients, route: &Route, opts: &Options, sh: &Shared, n: i32) -> Result<Option<u64>, Error> {
    sh.calls.fetch_add(1, Ordering::Relaxed);
    let msgs = receive(clients, &route.dlq_url, n, opts.visibility, 1, "the DLQ").await?;
    if msgs.is_empty() {
        return Ok(None);
    }
    let received = Instant::now();
    let mut items = Vec::new();
    for m in &msgs {
        let (id, handle) =
            (m.message_id().unwrap_or_default().to_string(), m.receipt_handle().unwrap_or_default().to_string());
        if sh.rehold(&id, &handle) || !sh.take_on(&id) {
            continue;
        }
        match opts.selection.pick(&parse_message(m)) {
            Pick::Move(job) => {
                let body = redriven_body(&job);
                let size = message_size(m, &body);
                if size > route.max_message {
                    sh.fail(
                        id,
                        handle,
                        format!(
                            "too large once rewritten: {size} bytes, over the {} bytes {} accepts",
                            route.max_message, route.dest_name
                        ),
                    );
                } else {
                    items.push(Item { msg: m, body, size, attempts: 0 });
                }
            }
            Pick::Skip(why) => sh.skip(id, handle, why),
        }
    }
    send_all(clients, route, opts, sh, items, received).await.map(Some)
}

/// A message's size as SQS counts it: the body and every attribute kept (name, type, value).
pub fn message_size(m: &Message, body: &str) -> usize {
    let attrs: usize = m
        .message_attributes()
        .map(|a| {
            a.iter()
                .filter(|(k, _)| k.as_str() != "error_type")
                .map(|(k, v)| {
                    k.len()
                        + v.data_type().len()
                        + v.string_value().map_or(0, str::len)
                        + v.binary_value().map_or(0, |b| b.as_ref().len())
                })
                .sum()
        })
        .unwrap_or(0);
    body.len() + attrs
}

/// Sends the selected messages of one receive, retrying what SQS refused: a whole batch that
/// fails is split so one poison message cannot hold the others back, and every message gets at
/// most [`ATTEMPTS`] tries before it is left in the DLQ, named.
async fn send_all(
    clients: &Clients,
    route: &Route,
    opts: &Options,
    sh: &Shared,
    items: Vec<Item<'_>>,
    received: Instant,
) -> Result<u64, Error> {
    let mut queue: std::collections::VecDeque<Vec<Item>> = pack(items).into();
    let mut moved = 0;
    while let Some(group) = queue.pop_front() {
        if received.elapsed().as_secs() as i32 > opts.visibility / 2 {
            // Work ran long: keep the rest hidden while it is copied and deleted.
            let keep: Vec<(String, String)> = group.iter().map(|it| (it.id(), it.handle())).collect();
            sh.calls.fetch_add(1, Ordering::Relaxed);
            sqs::extend(clients, &route.dlq_url, &keep, opts.visibility).await?;
        }
        let sent = send_and_delete(clients, route, sh, &group).await?;
        moved += sent.moved;
        let mut again = Vec::new();
        let whole = sent.whole_batch && sent.retry.len() > 1;
        for (mut it, why, permanent) in sent.retry {
            // A split is not an attempt: only a refusal of the message itself counts.
            if !whole {
                it.attempts += if permanent { ATTEMPTS } else { 1 };
            }
            if it.attempts >= ATTEMPTS {
                let tries = if permanent { "refused".to_string() } else { format!("refused {ATTEMPTS} times") };
                sh.fail(it.id(), it.handle(), format!("{tries} by {}: {why}", route.dest_name));
            } else {
                again.push(it);
            }
        }
        if again.is_empty() {
            continue;
        }
        let backoff = again.iter().map(|it| it.attempts).max().unwrap_or(0);
        if backoff > 0 {
            tokio::time::sleep(std::time::Duration::from_millis(100 << backoff)).await;
        }
        if whole {
            let half = again.len() / 2;
            let rest = again.split_off(half);
            queue.push_front(rest);
            queue.push_front(again);
        } else {
            for g in pack(again).into_iter().rev() {
                queue.push_front(g);
            }
        }
    }
    Ok(moved)
}

/// Groups messages into batches of at most ten under SQS's request limit (1 MiB).
fn pack(items: Vec<Item<'_>>) -> Vec<Vec<Item<'_>>> {
    let mut out: Vec<Vec<Item>> = Vec::new();
    let mut size = 0;
    for it in items {
        if out.last().is_none_or(|g| g.len() == 10 || size + it.size > REQUEST_BYTES) {
            out.push(Vec::new());
            size = 0;
        }
        size += it.size;
        out.last_mut().expect("pushed").push(it);
    }
    out
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

/// What one `SendMessageBatch` (and the delete that follows) did.
#[derive(Debug)]
pub struct Sent<'a> {
    pub moved: u64,
    /// Messages SQS did not take, why, and whether the refusal is the sender's fault (no retry).
    pub retry: Vec<(Item<'a>, String, bool)>,
    /// The whole request failed (not one entry of it).
    pub whole_batch: bool,
}

/// Sends one batch; deletes from the DLQ exactly the entries SQS confirmed, and hands back
/// the ones it refused.
pub async fn send_and_delete<'a>(
    clients: &Clients,
    route: &Route,
    sh: &Shared,
    group: &[Item<'a>],
) -> Result<Sent<'a>, Error> {
    let entries: Vec<SendMessageBatchRequestEntry> =
        group.iter().enumerate().map(|(i, it)| send_entry(i, it.msg, &it.body, route.fifo)).collect();
    sh.calls.fetch_add(1, Ordering::Relaxed);
    let what = format!("the destination {}", route.dest_name);
    let sent = match sqs::send_batch(clients, &route.dest_url, entries, &what).await {
        Ok(o) => o,
        // A refusal of who masst is ends the run; anything else is this batch's problem.
        Err(Error::Aws(a)) if !a.failure.is_about_identity() => {
            // The whole batch failed: nothing was copied; the messages stay in hand.
            let retry = group.iter().map(|it| (it.clone(), a.text.clone(), false)).collect();
            return Ok(Sent { moved: 0, retry, whole_batch: true });
        }
        Err(e) => return Err(e),
    };
    let retry: Vec<(Item, String, bool)> =
        sent.failed.into_iter().map(|(i, why, sender)| (group[i].clone(), why, sender)).collect();
    if sent.ok.is_empty() {
        return Ok(Sent { moved: 0, retry, whole_batch: false });
    }
    let moved = delete_copied(clients, route, sh, group, &sent.ok).await?;
    Ok(Sent { moved, retry, whole_batch: false })
}

/// Deletes from the DLQ the messages of `group` whose copies SQS confirmed (`copied`), and
/// records them: moved when deleted, copied-not-deleted (a duplicate to come) when not.
async fn delete_copied(
    clients: &Clients,
    route: &Route,
    sh: &Shared,
    group: &[Item<'_>],
    copied: &BTreeSet<usize>,
) -> Result<u64, Error> {
    let handles: Vec<(usize, String)> = copied.iter().map(|i| (*i, group[*i].handle())).collect();
    let handles: Vec<(usize, &str)> = handles.iter().map(|(i, h)| (*i, h.as_str())).collect();
    sh.calls.fetch_add(1, Ordering::Relaxed);
    let ids = |is: &mut dyn Iterator<Item = usize>| -> Vec<String> { is.map(|i| group[i].id()).collect() };
    match sqs::delete_batch(clients, &route.dlq_url, &handles).await {
        Ok(d) => {
            let not_deleted: BTreeSet<usize> = d.failed.iter().map(|(i, _, _)| *i).collect();
            let mut r = sh.report();
            let dup = ids(&mut not_deleted.iter().copied());
            let moved = ids(&mut copied.iter().copied().filter(|i| !not_deleted.contains(i)));
            r.selected += (dup.len() + moved.len()) as u64;
            r.copied_not_deleted.extend(dup);
            r.moved += moved.len() as u64;
            r.moved_ids.extend(moved.iter().cloned());
            Ok(moved.len() as u64)
        }
        Err(e) => {
            let copied = ids(&mut copied.iter().copied());
            let mut r = sh.report();
            r.selected += copied.len() as u64;
            r.copied_not_deleted.extend(copied.iter().cloned());
            Err(Error::Action(format!(
                "{e} — {} message(s) were copied to {} but are still in {}: they will be copied again (duplicates) by the next redrive",
                copied.len(),
                route.dest_name,
                route.dlq_name
            )))
        }
    }
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
        let item = |body: String| Item { msg: &m, size: body.len(), body, attempts: 0 };
        let groups = pack((0..5).map(|_| item("a".repeat(400_000))).collect());
        assert_eq!(groups.iter().map(Vec::len).collect::<Vec<_>>(), [2, 2, 1]);
        let small = pack((0..25).map(|_| item("{}".into())).collect());
        assert_eq!(small.iter().map(Vec::len).collect::<Vec<_>>(), [10, 10, 5]);
    }

    #[test]
    fn a_message_is_as_large_as_its_body_and_the_attributes_it_keeps() {
        let attr = |v: &str| MessageAttributeValue::builder().data_type("String").string_value(v).build().unwrap();
        let bin = MessageAttributeValue::builder()
            .data_type("Binary")
            .binary_value(aws_smithy_types::Blob::new(vec![0u8; 100]))
            .build()
            .unwrap();
        let m = Message::builder()
            .message_id("x")
            .message_attributes("tenant", attr("acme"))
            .message_attributes("blob", bin)
            .message_attributes("error_type", attr("ThrottlingException"))
            .build();
        // body 10 + tenant (6 + 6 + 4) + blob (4 + 6 + 100); error_type is not sent.
        assert_eq!(message_size(&m, "0123456789"), 10 + 16 + 110);
    }
}

/// `SendMessageBatch` partial failures, which the emulator cannot produce.
#[cfg(test)]
mod partial_failure {
    use super::*;
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
        let c = clients(mock_client!(aws_sdk_sqs, [&send, &delete]));
        let route = Route {
            dlq_name: "dlq".into(),
            dlq_url: "https://sqs/dlq".into(),
            dest_name: "q".into(),
            dest_url: "https://sqs/q".into(),
            fifo: false,
            depth: 2,
            max_message: REQUEST_BYTES,
        };
        let a = Message::builder().message_id("a").receipt_handle("handle-a").body("{}").build();
        let b = Message::builder().message_id("b").receipt_handle("handle-b").body("{}").build();
        let item = |m| Item { msg: m, body: "{\"job_id\":\"x\"}".into(), size: 14, attempts: 0 };
        let group = [item(&a), item(&b)];
        let sh = Shared::new(None, Arc::new(AtomicBool::new(false)));
        let sent = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
            .block_on(send_and_delete(&c, &route, &sh, &group))
            .unwrap();
        assert_eq!(sent.moved, 1);
        assert_eq!(delete.num_calls(), 1);
        let r = sh.report();
        assert_eq!(r.moved_ids, ["a"]);
        assert!(r.failed.is_empty(), "one failure is retried, not yet reported");
        assert_eq!(sent.retry.len(), 1, "b stays in hand for another attempt");
        assert_eq!((sent.retry[0].0.id(), sent.retry[0].2), ("b".to_string(), false));
        assert!(!sent.whole_batch);
    }
}

/// A destination that refuses a whole `SendMessageBatch` when one entry is over its limit, as
/// SQS does, while masst believed the limit higher (an attribute it could not read).
#[cfg(test)]
mod whole_batch_refused {
    use super::*;
    use aws_sdk_sqs::operation::delete_message_batch::DeleteMessageBatchOutput;
    use aws_sdk_sqs::operation::send_message_batch::{SendMessageBatchError, SendMessageBatchOutput};
    use aws_sdk_sqs::types::{DeleteMessageBatchResultEntry, SendMessageBatchResultEntry};
    use aws_smithy_mocks::{mock, mock_client, MockResponse, RuleMode};
    use aws_smithy_types::error::ErrorMetadata;

    #[test]
    fn the_batch_is_split_so_every_other_message_moves_and_the_one_that_cannot_is_named() {
        let send = mock!(aws_sdk_sqs::Client::send_message_batch).then_compute_response(|r| {
            if r.entries().iter().any(|e| e.message_body().len() > 262_144) {
                return MockResponse::Error(SendMessageBatchError::generic(
                    ErrorMetadata::builder()
                        .code("InvalidParameterValue")
                        .message(
                            "One or more parameters are invalid. Reason: Message must be shorter than 262144 bytes.",
                        )
                        .build(),
                ));
            }
            let ok = r.entries().iter().map(|e| {
                SendMessageBatchResultEntry::builder()
                    .id(e.id())
                    .message_id("n")
                    .md5_of_message_body("x")
                    .build()
                    .unwrap()
            });
            MockResponse::Output(
                SendMessageBatchOutput::builder()
                    .set_successful(Some(ok.collect()))
                    .set_failed(Some(vec![]))
                    .build()
                    .unwrap(),
            )
        });
        let delete = mock!(aws_sdk_sqs::Client::delete_message_batch).then_compute_output(|r| {
            let ok = r.entries().iter().map(|e| DeleteMessageBatchResultEntry::builder().id(e.id()).build().unwrap());
            DeleteMessageBatchOutput::builder()
                .set_successful(Some(ok.collect()))
                .set_failed(Some(vec![]))
                .build()
                .unwrap()
        });
        let c = crate::aws::mocked(
            mock_client!(aws_sdk_cloudwatch, []),
            mock_client!(aws_sdk_sqs, RuleMode::MatchAny, [&send, &delete]),
        );
        let route = Route {
            dlq_name: "dlq".into(),
            dlq_url: "u".into(),
            dest_name: "q".into(),
            dest_url: "v".into(),
            fifo: false,
            depth: 10,
            max_message: REQUEST_BYTES,
        };
        let msgs: Vec<Message> = (0..10)
            .map(|i| {
                Message::builder().message_id(format!("id-{i}")).receipt_handle(format!("h{i}")).body("{}").build()
            })
            .collect();
        let items: Vec<Item> = msgs
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let body = if i == 6 { "x".repeat(300_000) } else { "{\"job_id\":\"j\"}".into() };
                Item { msg: m, size: body.len(), body, attempts: 0 }
            })
            .collect();
        let opts = RedriveRequest::retryable().options;
        let sh = Shared::new(None, Arc::new(AtomicBool::new(false)));
        let moved = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
            .block_on(send_all(&c, &route, &opts, &sh, items, Instant::now()))
            .unwrap();
        assert_eq!(moved, 9, "the nine that fit moved");
        let r = sh.report();
        assert_eq!(r.failed.keys().collect::<Vec<_>>(), ["id-6"]);
        assert!(r.failed["id-6"].contains("shorter than 262144 bytes"), "{:?}", r.failed);
        assert!(!r.failed["id-6"].contains("while reading"), "a refused send is not a read: {:?}", r.failed);
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
            max_message: REQUEST_BYTES,
        };
        let a = Message::builder().message_id("a").receipt_handle("ha").body("{}").build();
        let group = [Item { msg: &a, body: "{\"job_id\":\"a\"}".into(), size: 12, attempts: 0 }];
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
