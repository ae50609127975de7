//! The streaming redrive: concurrent workers, each receiving a batch, selecting, and handing
//! it to the sender; the shared report, the rate limit and the stop conditions. Memory is
//! bounded by the workers' batches, whatever the queue holds.

#[allow(unused_imports)]
use super::*;

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
pub(super) const EMPTY_RECEIVES: u32 = 5;

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
    pub(super) report: Mutex<Report>,
    /// Messages still to claim against `--max`.
    pub(super) remaining: Mutex<u64>,
    pub(super) stop: Arc<AtomicBool>,
    /// Messages judged and left (not selected, or failed): held hidden until the end of the
    /// run, so receives reach the rest of the queue instead of meeting them again.
    pub(super) held: Mutex<BTreeMap<String, String>>,
    /// Every message id this run has taken on. SQS delivers at least once: a second delivery
    /// of a message another worker is moving (or has moved) is not sent again.
    pub(super) claimed: Mutex<BTreeSet<String>>,
    pub(super) fatal: Mutex<Option<Error>>,
    pub(super) calls: AtomicI64,
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

    pub(super) fn claim(&self) -> u64 {
        let mut r = self.remaining.lock().expect("lock");
        let c = (*r).min(10);
        *r -= c;
        c
    }

    pub(super) fn unclaim(&self, n: u64) {
        let mut r = self.remaining.lock().expect("lock");
        *r = r.saturating_add(n);
    }

    /// Has this message been judged and left already? Then only its new handle is kept.
    pub(super) fn rehold(&self, id: &str, handle: &str) -> bool {
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
    pub(super) fn take_on(&self, id: &str) -> bool {
        self.claimed.lock().expect("lock").insert(id.to_string())
    }

    pub(super) fn skip(&self, id: String, handle: String, why: &str) {
        self.held.lock().expect("lock").insert(id, handle);
        *self.report().skipped.entry(why.to_string()).or_default() += 1;
    }

    pub(super) fn fail(&self, id: String, handle: String, why: String) {
        self.held.lock().expect("lock").insert(id.clone(), handle);
        let mut r = self.report();
        r.selected += 1;
        r.failed.insert(id, why);
    }

    pub(super) fn fatal(&self, e: Error) {
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

pub(super) type Limiter =
    governor::RateLimiter<governor::state::NotKeyed, governor::state::InMemoryState, governor::clock::DefaultClock>;

pub(super) async fn worker(
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
pub(super) async fn visible(clients: &Clients, route: &Route) -> Result<u64, Error> {
    let a = attributes(clients, &route.dlq_url, "the DLQ").await?;
    Ok(["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesDelayed"]
        .iter()
        .filter_map(|k| a.get(*k).and_then(|v| v.parse::<u64>().ok()))
        .sum())
}

/// One receive, then send and delete what was selected. `None` when the receive was empty,
/// else how many moved.
pub(super) async fn batch(
    clients: &Clients,
    route: &Route,
    opts: &Options,
    sh: &Shared,
    n: i32,
) -> Result<Option<u64>, Error> {
    sh.calls.fetch_add(1, Ordering::Relaxed);
    let msgs = receive(clients, &route.dlq_url, n, opts.visibility, 1, "the DLQ").await?;
    if msgs.is_empty() {
        return Ok(None);
    }
    let received = Instant::now();
    let mut items = Vec::new();
    for m in &msgs {
        let (id, handle) = (m.id.clone(), m.receipt_handle.clone());
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
