//! The drill's MangaAssist (contract §12): one simulated minute from the live state.
//!
//! Pure and deterministic: the parameters of the scenario's `[drill]` table, the state the
//! model carries from minute to minute (the adaptive controller's limits, the circuits, the
//! latency it last saw, the batch queue's age) and the [`World`] as it stands live (the
//! deployed configuration document, the ECS desired counts, the queues) give the next
//! minute's metrics, log lines and queue moves. The runner reads the world and writes the
//! minute; tests step it by hand, and the score re-runs it to ask "what if that change had not
//! been made".
//!
//! The mechanisms, per model `m`:
//! - real-time calls in flight follow Little's law (`demand / 60 × service_s`, a little more as
//!   latency grows), capped by `pools.realtime.<m>` and by the adaptive controller's limit;
//!   when batch shares the real-time pool and the two want more than it holds, they split it in
//!   proportion to what they want (an acquire queue does not know priorities);
//! - the controller grows its limit by 5 a minute while p99 is under target and nothing is
//!   throttled, halves it (`backoff_factor`) on throttling, and is suspended while the model's
//!   circuit is OPEN (fallbacks answer; nothing tells the controller to back off): the seed's
//!   flash sale, whose limit stays at the pool's 50 while Bedrock throttles;
//! - Bedrock throttles the calls beyond `account_quota.<m>` (real-time + batch + analytics),
//!   and its latency follows the scenario's `latency_curve` of load (`in flight / quota`);
//! - batch jobs are processed by the batch slots; with retries counted by SQS receives
//!   (`retry.track_in_body` false) and a visibility timeout shorter than a throttled job's
//!   hold, the receives run out before the job succeeds and throttled jobs reach the DLQ.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// One number per model key (`sonnet`, `haiku`).
pub type PerModel = BTreeMap<String, f64>;

/// The ECS service roles the model reads (settings map each to its deployed name).
pub const CHAT: &str = "chat-api";
pub const WORKERS: &str = "batch-worker";
pub const ANALYTICS: &str = "analytics-pipeline";
pub const PRODUCER: &str = "catalog-enrichment";

/// A scenario's `[drill]` table: what the world demands and how it answers. Every field has a
/// default (in `scenarios/healthy.toml`, which the others extend).
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct Params {
    /// The runbook whose recovery ends the drill (none: the drill runs its minutes).
    pub runbook: Option<String>,
    /// The model of that runbook's result, when it has one per model.
    pub model: Option<String>,
    /// Chat requests per minute that want each model.
    pub demand: PerModel,
    /// Mean seconds a call holds its slot, per model.
    pub service_s: PerModel,
    /// Real-time p99 (ms) when Bedrock is lightly loaded.
    pub base_p99_ms: PerModel,
    /// `[load, latency factor]` points, load = calls in flight / quota; linear between them.
    pub latency_curve: Vec<(f64, f64)>,
    /// How much more in flight the same demand needs per unit of latency factor above 1.
    pub inflight_per_latency: f64,
    /// Share of Sonnet demand that `routing.simple_queries_to_haiku` moves to Haiku.
    pub routed_share: f64,
    /// Analytics calls in flight it wants, per model (capped by `pools.analytics`).
    pub analytics_demand: PerModel,
    /// The controller's limits at the start (default: the pool).
    pub limit: PerModel,
    /// Batch slots each running worker fills.
    pub batch_slots_per_worker: f64,
    /// Jobs one batch slot finishes in a minute.
    pub jobs_per_slot_minute: f64,
    /// Jobs the producer enqueues a minute while it runs.
    pub inflow_per_minute: f64,
    /// Throttling of batch calls from outside this model (another account consumer).
    pub batch_throttle_floor: f64,
    /// Seconds a worker holds a job besides its in-receive backoff.
    pub job_seconds: f64,
    /// SQS receives a throttled job needs before it succeeds, with a visibility timeout that
    /// covers its hold (twice as many when it does not).
    pub receives_needed: f64,
    /// Relative noise on demand, from the seed.
    pub noise: f64,
    /// The batch queue's oldest message at the start (s).
    pub start_age_s: f64,
    /// Latency factor each model saw the minute before the drill (default 1).
    pub start_factor: PerModel,
    /// Models whose circuit is OPEN when the drill begins.
    pub open: Vec<String>,
    /// Deep-merged into the scenario's configuration document for the drill's world.
    pub config: Value,
}

impl Default for Params {
    fn default() -> Self {
        let pm = |s: f64, h: f64| PerModel::from([("sonnet".into(), s), ("haiku".into(), h)]);
        Params {
            runbook: None,
            model: None,
            demand: pm(600.0, 1333.0),
            service_s: pm(1.8, 0.9),
            base_p99_ms: pm(900.0, 350.0),
            latency_curve: vec![(0.0, 1.0), (0.6, 1.0), (0.8, 4.0), (1.0, 5.0)],
            inflight_per_latency: 0.13,
            routed_share: 0.3,
            analytics_demand: pm(4.0, 0.0),
            limit: PerModel::new(),
            batch_slots_per_worker: 2.0,
            jobs_per_slot_minute: 1.5,
            inflow_per_minute: 10.0,
            batch_throttle_floor: 0.0,
            job_seconds: 25.0,
            receives_needed: 2.0,
            noise: 0.01,
            start_age_s: 120.0,
            start_factor: PerModel::new(),
            open: vec![],
            config: Value::Null,
        }
    }
}

/// What the engineer (or masst) can change, as read live each minute.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct World {
    /// The deployed configuration document (§3).
    pub config: Value,
    /// ECS desired count per service role.
    pub desired: BTreeMap<String, i64>,
    /// Messages in the batch queue (visible and in flight).
    pub primary_depth: f64,
    /// Messages in the DLQ.
    pub dlq_depth: f64,
    /// The batch queue's `VisibilityTimeout` (s).
    pub visibility_s: f64,
    /// The batch queue's `maxReceiveCount`.
    pub max_receive: f64,
}

impl World {
    /// The world after the minute's queue moves (what the runner does to SQS, done on paper).
    pub fn after(&self, m: &Moves) -> World {
        let mut w = self.clone();
        w.primary_depth = (w.primary_depth + m.enqueue as f64 - m.process as f64 - m.to_dlq as f64).max(0.0);
        w.dlq_depth += m.to_dlq as f64;
        w
    }

    fn num(&self, path: &str) -> Option<f64> {
        self.config.pointer(path).and_then(Value::as_f64)
    }

    fn flag(&self, path: &str) -> bool {
        self.config.pointer(path).and_then(Value::as_bool).unwrap_or(false)
    }

    fn running(&self, role: &str) -> i64 {
        self.desired.get(role).copied().unwrap_or(0)
    }
}

/// What the model carries from one minute to the next.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct State {
    /// Simulated minutes since the drill began.
    pub minute: u32,
    /// The simulated wall clock (epoch seconds): the batch schedule reads its JST hour.
    pub clock: i64,
    pub seed: u64,
    /// The adaptive controller's limit per model.
    pub limit: PerModel,
    /// CircuitState per model: 0 CLOSED, 1 HALF_OPEN, 2 OPEN.
    pub circuit: BTreeMap<String, u8>,
    /// The latency factor each model saw last minute.
    pub latency: PerModel,
    /// Age of the batch queue's oldest message (s).
    pub age_s: f64,
    /// Fractions of jobs carried to the next minute (inflow, processed, to the DLQ).
    pub carry: [f64; 3],
}

impl State {
    /// The state at the drill's first minute.
    pub fn start(p: &Params, w: &World, models: &[String], clock: i64, seed: u64) -> State {
        let limit = models
            .iter()
            .map(|m| {
                let pool = w.num(&format!("/pools/realtime/{m}")).unwrap_or(0.0);
                (m.clone(), p.limit.get(m).copied().unwrap_or(pool))
            })
            .collect();
        State {
            minute: 0,
            clock,
            seed,
            limit,
            circuit: models.iter().map(|m| (m.clone(), if p.open.contains(m) { 2 } else { 0 })).collect(),
            latency: models.iter().map(|m| (m.clone(), p.start_factor.get(m).copied().unwrap_or(1.0))).collect(),
            age_s: p.start_age_s,
            carry: [0.0; 3],
        }
    }
}

/// Jobs the runner moves on SQS for the minute.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Moves {
    /// New jobs from the producer onto the batch queue.
    pub enqueue: u32,
    /// Jobs the workers finish and delete.
    pub process: u32,
    /// Jobs that run out of receives and land in the DLQ.
    pub to_dlq: u32,
}

/// A line the simulated services log, in the seed's words (§9).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LogLine {
    /// The log role: `chat-api`, `batch-worker` or `controller`.
    pub role: String,
    pub text: String,
}

/// One simulated minute.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Minute {
    /// Logical metric key (`MangaAssist/Throughput:ThrottleRate`) → value.
    pub metrics: BTreeMap<String, f64>,
    pub logs: Vec<LogLine>,
    pub moves: Moves,
}

impl Minute {
    /// A metric of this minute (0 when the model did not write it).
    pub fn get(&self, key: &str) -> f64 {
        self.metrics.get(key).copied().unwrap_or(0.0)
    }
}

/// `sonnet` → `Sonnet`, as the metric names spell a model.
pub fn cap(m: &str) -> String {
    let mut c = m.chars();
    c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
}

/// A number in [-1, 1] from the seed, the minute and a salt (splitmix64).
fn jitter(seed: u64, minute: u32, salt: u64) -> f64 {
    let mut z = seed ^ (u64::from(minute) << 32) ^ salt.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^= z >> 31;
    (z >> 11) as f64 / (1u64 << 53) as f64 * 2.0 - 1.0
}

fn curve(points: &[(f64, f64)], x: f64) -> f64 {
    let Some(first) = points.first() else { return 1.0 };
    if x <= first.0 {
        return first.1;
    }
    for w in points.windows(2) {
        let ((x0, y0), (x1, y1)) = (w[0], w[1]);
        if x <= x1 {
            return if x1 > x0 { y0 + (y1 - y0) * (x - x0) / (x1 - x0) } else { y1 };
        }
    }
    points.last().map(|p| p.1).unwrap_or(1.0)
}

/// Whole jobs this minute, carrying the fraction to the next.
fn whole(carry: &mut f64, amount: f64) -> u32 {
    let total = *carry + amount.max(0.0);
    let n = total.floor();
    *carry = total - n;
    n as u32
}

/// The model's view of one model key this minute.
struct Lane {
    rt: f64,
    batch: f64,
    analytics: f64,
    need: f64,
    cap: f64,
    throttle: f64,
    p99: f64,
    factor: f64,
    attempted: f64,
    throttled: f64,
    unmet_rate: f64,
    batch_rejects: f64,
}

/// The next minute: the new state, and what the world shows.
pub fn step(p: &Params, s: &State, w: &World, models: &[String], ids: &BTreeMap<String, String>) -> (State, Minute) {
    let mut next = s.clone();
    next.minute += 1;
    next.clock += 60;
    let mut metrics = BTreeMap::new();
    let mut logs = Vec::new();
    let mut put = |k: String, v: f64| {
        metrics.insert(k, v);
    };

    // Demand, after routing.
    let mut demand: PerModel = models
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let d = p.demand.get(m).copied().unwrap_or(0.0);
            (m.clone(), d * (1.0 + p.noise * jitter(s.seed, s.minute, i as u64 + 1)))
        })
        .collect();
    if w.flag("/routing/simple_queries_to_haiku") {
        if let Some(shift) = demand.get("sonnet").map(|d| d * p.routed_share) {
            *demand.entry("sonnet".into()).or_default() -= shift;
            *demand.entry("haiku".into()).or_default() += shift;
        }
    }

    // Batch: which model, how many slots it wants, whether it shares the real-time pool.
    let jst_hour = (s.clock + 9 * 3600).rem_euclid(86_400) / 3600;
    let schedule = w.num(&format!("/batch/schedule_jst/{jst_hour}"));
    let batch_model = w.config.pointer("/batch/model").and_then(Value::as_str).unwrap_or("haiku").to_string();
    let shares = w.flag("/batch/shares_realtime_pool");
    let batch_on = !w.flag("/batch/paused") && schedule != Some(0.0) && w.running(WORKERS) > 0;
    let analytics_on = !w.flag("/analytics/paused") && w.running(ANALYTICS) > 0;
    let adaptive = w.flag("/adaptive/enabled");
    let backoff = w.num("/adaptive/backoff_factor").unwrap_or(0.5);
    let open_at = w.num("/circuit_breaker/open_at_throttle_rate").unwrap_or(0.10);

    let mut lanes: BTreeMap<String, Lane> = BTreeMap::new();
    for m in models {
        let quota = w.num(&format!("/account_quota/{m}")).unwrap_or(0.0);
        let pool = w.num(&format!("/pools/realtime/{m}")).unwrap_or(0.0);
        let svc = p.service_s.get(m).copied().unwrap_or(1.0).max(0.01);
        let prev_factor = s.latency.get(m).copied().unwrap_or(1.0);
        let need =
            demand.get(m).copied().unwrap_or(0.0) / 60.0 * svc * (1.0 + p.inflight_per_latency * (prev_factor - 1.0));
        let suspended = s.circuit.get(m).copied() == Some(2);
        let limit = s.limit.get(m).copied().unwrap_or(pool);
        let cap = if adaptive && !suspended { limit.min(pool) } else { pool };
        let rt_want = need.min(cap).max(0.0);
        let batch_want = if batch_on && *m == batch_model {
            let pool_batch = w.num(&format!("/pools/batch/{m}")).unwrap_or(0.0);
            let workers = w.running(WORKERS) as f64 * p.batch_slots_per_worker;
            pool_batch.min(schedule.unwrap_or(f64::INFINITY)).min(workers).max(0.0)
        } else {
            0.0
        };
        let (rt, batch) = if shares && *m == batch_model && rt_want + batch_want > pool && rt_want + batch_want > 0.0 {
            let total = rt_want + batch_want;
            (pool * rt_want / total, pool * batch_want / total)
        } else {
            (rt_want, batch_want)
        };
        let analytics = if analytics_on {
            let pool_an = w.num(&format!("/pools/analytics/{m}")).unwrap_or(0.0);
            p.analytics_demand.get(m).copied().unwrap_or(0.0).min(pool_an)
        } else {
            0.0
        };
        let total = rt + batch + analytics;
        let throttle = if total > quota && total > 0.0 { (total - quota) / total } else { 0.0 };
        let load = if quota > 0.0 { total.min(quota) / quota } else { 1.0 };
        let factor = curve(&p.latency_curve, load);
        let p99 = p.base_p99_ms.get(m).copied().unwrap_or(1000.0) * factor;
        let attempted = rt * 60.0 / svc;
        lanes.insert(
            m.clone(),
            Lane {
                rt,
                batch,
                analytics,
                need,
                cap,
                throttle,
                p99,
                factor,
                attempted,
                throttled: attempted * throttle,
                unmet_rate: (need - rt).max(0.0) * 60.0 / svc,
                batch_rejects: if batch_want > 0.0 { (batch_want - batch) / batch_want } else { 0.0 },
            },
        );
    }

    // The circuits and the controller.
    for (m, l) in &lanes {
        let id = ids.get(m).cloned().unwrap_or_else(|| m.clone());
        let before = s.circuit.get(m).copied().unwrap_or(0);
        let now = if l.throttle >= open_at && l.throttle > 0.0 {
            2
        } else if before == 2 {
            1
        } else {
            0
        };
        if now == 2 {
            logs.push(LogLine {
                role: CHAT.into(),
                text: format!("Circuit OPEN for {id}: throttle_rate={:.2} >= {open_at:.2}", l.throttle),
            });
        } else if now == 0 && before != 0 {
            logs.push(LogLine { role: CHAT.into(), text: format!("Circuit CLOSED for {id}") });
        }
        next.circuit.insert(m.clone(), now);
        let pool = w.num(&format!("/pools/realtime/{m}")).unwrap_or(0.0);
        let target = w.num(&format!("/targets/p99_ms/{m}")).unwrap_or(f64::INFINITY);
        let limit = s.limit.get(m).copied().unwrap_or(pool);
        let new = if !adaptive {
            pool
        } else if before == 2 {
            limit
        } else if l.throttle > 0.0 {
            let to = (limit.min(pool) * backoff).floor().max(1.0);
            logs.push(LogLine {
                role: "controller".into(),
                text: format!(
                    "concurrency {m}: throttle_rate={:.2}, shrinking {} -> {}",
                    l.throttle,
                    limit.min(pool),
                    to
                ),
            });
            to
        } else if l.p99 < target {
            let from = limit.min(pool);
            let to = (from + 5.0).min(pool);
            logs.push(LogLine {
                role: "controller".into(),
                text: format!("concurrency {m}: p99={:.0}ms < target={target:.0}ms, growing {from} -> {to}", l.p99),
            });
            to
        } else {
            limit.min(pool)
        };
        next.limit.insert(m.clone(), new);
        next.latency.insert(m.clone(), l.factor);
    }

    // The chat path's metrics.
    let sum = |f: &dyn Fn(&Lane) -> f64| lanes.values().map(f).sum::<f64>();
    let attempted = sum(&|l| l.attempted);
    let throttled = sum(&|l| l.throttled);
    let unmet = sum(&|l| l.unmet_rate);
    let wanted: f64 = demand.values().sum();
    let waiting: f64 = lanes
        .iter()
        .map(|(m, l)| {
            let svc = p.service_s.get(m).copied().unwrap_or(1.0);
            let base = p.base_p99_ms.get(m).copied().unwrap_or(1000.0);
            (l.need - l.rt).max(0.0) * 2.0
                + demand.get(m).copied().unwrap_or(0.0) / 60.0 * (l.p99 - base).max(0.0) / 1000.0 / svc.max(1.0)
        })
        .sum();
    put("MangaAssist/Throughput:InvocationsPerMinute".into(), (attempted - throttled).round());
    put("MangaAssist/Throughput:ThrottleRate".into(), if attempted > 0.0 { throttled / attempted } else { 0.0 });
    put(
        "MangaAssist/Throughput:DegradationRate".into(),
        if wanted > 0.0 { (0.004 + (throttled + unmet) / wanted).min(1.0) } else { 0.0 },
    );
    put("MangaAssist/Throughput:QueueDepth".into(), (2.0 + waiting).round());
    put("MangaAssist/Priority:QueueDepth_P0".into(), (1.0 + waiting * 0.05).round());
    put("MangaAssist/Priority:QueueDepth_P1".into(), (3.0 + waiting * 0.35).round());
    put("MangaAssist/Priority:QueueDepth_P2".into(), (5.0 + waiting * 0.6).round());
    for (m, l) in &lanes {
        let mm = cap(m);
        let svc = p.service_s.get(m).copied().unwrap_or(1.0).max(0.01);
        put(format!("MangaAssist/Throughput:CircuitState_{mm}"), f64::from(next.circuit[m]));
        put(format!("MangaAssist/Throughput:EffectiveConcurrency_{mm}"), l.rt.round());
        put(format!("MangaAssist/Throughput:ConcurrencyLimit_{mm}"), l.cap.round());
        put(format!("MangaAssist/Throughput:P99Latency_{mm}"), l.p99.round());
        put(format!("MangaAssist/RealTime:ActiveConcurrency_{mm}"), l.rt.round());
        put(format!("MangaAssist/Batch:ActiveConcurrency_{mm}"), l.batch.round());
        put(format!("MangaAssist/Analytics:ActiveConcurrency_{mm}"), l.analytics.round());
        let calls = (l.rt + l.batch + l.analytics) * (1.0 - l.throttle) * 60.0 / svc;
        put(format!("AWS/Bedrock:Invocations{{ModelId={m}}}"), calls.round());
        put(format!("AWS/Bedrock:InvocationServerErrors{{ModelId={m}}}"), 0.0);
    }

    // Batch: the queue, the workers, the DLQ.
    let lane = lanes.get(&batch_model);
    let bedrock = lane.map(|l| l.throttle).unwrap_or(0.0);
    let rejects = lane.map(|l| l.batch_rejects).unwrap_or(0.0);
    let slots = lane.map(|l| l.batch).unwrap_or(0.0);
    let batch_throttle =
        if slots > 0.0 { 1.0 - (1.0 - bedrock) * (1.0 - p.batch_throttle_floor) * (1.0 - rejects) } else { 0.0 };
    if rejects > 0.01 {
        logs.push(LogLine {
            role: WORKERS.into(),
            text: format!("Worker 2: circuit open, returning job msg-{:03} to queue", 100 + s.minute % 900),
        });
    }
    let mut carry = s.carry;
    let enqueue = if w.running(PRODUCER) > 0 {
        whole(&mut carry[0], p.inflow_per_minute * (1.0 + p.noise * jitter(s.seed, s.minute, 7)))
    } else {
        0
    };
    let attempts = slots * p.jobs_per_slot_minute;
    let available = w.primary_depth.max(0.0);
    let process = whole(&mut carry[1], attempts * (1.0 - batch_throttle)).min(available as u32);
    let retry_in_body = w.flag("/retry/track_in_body");
    let base_delay = w.num("/retry/base_delay_s").unwrap_or(1.0);
    let per_receive = w.num("/retry/attempts_per_receive").unwrap_or(3.0);
    let hold = p.job_seconds + base_delay * (2f64.powf(per_receive) - 1.0);
    let receives = p.receives_needed * if w.visibility_s < hold { 2.0 } else { 1.0 };
    let lost = !retry_in_body && receives > w.max_receive;
    let to_dlq = if lost { whole(&mut carry[2], attempts * batch_throttle) } else { 0 }
        .min((available as u32).saturating_sub(process));
    next.carry = carry;
    let moves = Moves { enqueue, process, to_dlq };
    let after = w.after(&moves);
    next.age_s = if after.primary_depth <= 0.0 {
        0.0
    } else if w.primary_depth <= 0.0 {
        60.0
    } else {
        ((s.age_s + 60.0) * (1.0 - (process + to_dlq) as f64 / w.primary_depth)).max(60.0)
    };
    put("MangaAssist/Batch:QueueDepth".into(), after.primary_depth);
    put("MangaAssist/Batch:QueueAge".into(), next.age_s.round());
    put("MangaAssist/Batch:EnqueuedPerMinute".into(), f64::from(enqueue));
    put("MangaAssist/Batch:ProcessedPerMinute".into(), f64::from(process));
    put("MangaAssist/Batch:ThrottleRate".into(), batch_throttle);
    put("MangaAssist/DLQ:Depth".into(), after.dlq_depth);
    (next, Minute { metrics, logs, moves })
}

#[cfg(test)]
#[path = "model_tests.rs"]
mod tests;
