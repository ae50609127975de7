//! Embedded incident scenarios: compact TOML descriptions of a world, built into Evidence.
//!
//! A scenario describes an hour of metric history by shape (flat, a step, a ramp, a pulse),
//! the deployed configuration document, the queues, the ECS services and the DLQ messages. The
//! same description feeds the offline `--scenario` evidence and `masst lab up`, which writes the
//! world into an emulator, so the offline and live verdicts can be compared one to one.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::evidence::dlq::{self, Incoming, MessageSummary};
use crate::evidence::{parse_metric_key, Evidence, LogGroupState, LogLine, QueueState, ServiceState};

/// The scenarios compiled into the binary; `healthy` is the base the others extend.
pub const EMBEDDED: &[(&str, &str)] = crate::embedded::SCENARIOS;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawScenario {
    name: String,
    title: String,
    extends: Option<String>,
    at: Option<String>,
    #[serde(default)]
    config: toml::Table,
    #[serde(default)]
    unset: Vec<String>,
    #[serde(default)]
    metrics: BTreeMap<String, Shape>,
    #[serde(default)]
    queues: BTreeMap<String, QueueSpec>,
    #[serde(default)]
    services: BTreeMap<String, ServiceSpec>,
    dlq_messages: Option<Vec<DlqBatch>>,
    /// What AWS Health says about Bedrock in this world (none: no event, Health answers).
    health: Option<HealthSpec>,
    /// Each model's on-demand quotas as Service Quotas names them, by model key.
    #[serde(default)]
    service_quotas: BTreeMap<String, QuotaSpec>,
    /// Log lines of the world (`[[logs]]`), added to those of the scenario it extends.
    #[serde(default)]
    logs: Vec<LogSpec>,
    /// `masst lab drill`'s parameters (src/lab/drill/model.rs `Params`), merged over `extends`.
    #[serde(default)]
    drill: toml::Table,
}

/// The shape of one metric over the 60-minute window.
#[derive(Deserialize, Clone, Debug)]
#[serde(untagged)]
pub enum Shape {
    Flat(f64),
    Spec(ShapeSpec),
}

/// `base` until minute `from`, then `to` (or a linear ramp to `to` with `ramp`), back to
/// `base` at `until`; `absent` leaves the metric with no datapoints at all.
#[derive(Deserialize, Clone, Debug, Default)]
#[serde(deny_unknown_fields)]
pub struct ShapeSpec {
    #[serde(default)]
    pub base: f64,
    pub to: Option<f64>,
    pub from: Option<usize>,
    pub until: Option<usize>,
    #[serde(default)]
    pub ramp: bool,
    #[serde(default)]
    pub absent: bool,
}

impl Shape {
    /// The value at minute `i` of `n`; `None` for an absent metric.
    pub fn at(&self, i: usize, n: usize) -> Option<f64> {
        let s = match self {
            Shape::Flat(v) => return Some(*v),
            Shape::Spec(s) => s,
        };
        if s.absent {
            return None;
        }
        let from = s.from.unwrap_or(0);
        let Some(to) = s.to else { return Some(s.base) };
        if i < from || s.until.is_some_and(|u| i >= u) {
            return Some(s.base);
        }
        if s.ramp {
            let span = (n.saturating_sub(1).saturating_sub(from)).max(1) as f64;
            return Some(s.base + (to - s.base) * (i - from) as f64 / span);
        }
        Some(to)
    }
}

/// A queue of the world: its name, attributes and how many messages it holds.
#[derive(Deserialize, Clone, Debug, Default)]
#[serde(deny_unknown_fields)]
pub struct QueueSpec {
    pub name: Option<String>,
    #[serde(default)]
    pub attributes: BTreeMap<String, String>,
    pub depth: Option<usize>,
    #[serde(default)]
    pub max_receive_count: Option<u32>,
}

/// An ECS service's counts.
#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct ServiceSpec {
    pub desired: i64,
    pub running: i64,
    #[serde(default)]
    pub pending: i64,
}

/// The log roles a world has a group for (contract §9): every scenario's evidence holds the
/// three, with no lines where the scenario declares none.
pub const LOG_ROLES: &[&str] = &["chat-api", "batch-worker", "controller"];

/// A line one of MangaAssist's services logged: its role, the minute of the 60-minute window
/// (0 the oldest, like a shape's `from`), and its text; with `until`, logged once a minute from
/// `at` up to (not including) `until`.
#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct LogSpec {
    pub role: String,
    pub at: usize,
    pub until: Option<usize>,
    pub text: String,
}

/// `count` DLQ messages of one format and error type.
#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct DlqBatch {
    pub count: usize,
    /// `raw`, `envelope`, `text` (not JSON) or `binary`.
    pub format: String,
    pub error_type: Option<String>,
    #[serde(default = "default_kind")]
    pub kind: String,
}

fn default_kind() -> String {
    "catalog-enrichment".into()
}

/// AWS Health in a world: open Bedrock events, or the reason it cannot be asked.
#[derive(Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct HealthSpec {
    #[serde(default)]
    pub events: Vec<HealthEventSpec>,
    /// `SubscriptionRequiredException` (the account has no support plan with the Health API).
    pub unavailable: Option<String>,
}

/// One open Health event: its type and how many minutes before the scenario's time it began.
#[derive(Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct HealthEventSpec {
    #[serde(rename = "type")]
    pub event_type: String,
    pub minutes_ago: i64,
}

/// A model's applied on-demand quotas, per minute, and its name in their names.
#[derive(Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct QuotaSpec {
    /// The model's name as Service Quotas writes it (`Anthropic Claude 3 Sonnet`).
    pub name: String,
    pub tokens: Option<f64>,
    pub requests: Option<f64>,
}

impl QuotaSpec {
    /// The quota code a world gives a model's quota (`per`: `tokens` or `requests`); codes
    /// differ per account and region, so a world's are its own.
    pub fn code(model: &str, per: &str) -> String {
        format!("L-{}-{}", model.to_uppercase(), if per == "tokens" { "TPM" } else { "RPM" })
    }
}

/// A resolved scenario (its `extends` chain merged).
#[derive(Debug, Clone)]
pub struct Scenario {
    pub name: String,
    pub title: String,
    pub at: Option<jiff::Timestamp>,
    pub config: serde_json::Value,
    pub metrics: BTreeMap<String, Shape>,
    pub queues: BTreeMap<String, QueueSpec>,
    pub services: BTreeMap<String, ServiceSpec>,
    pub dlq_messages: Vec<DlqBatch>,
    pub health: Option<HealthSpec>,
    pub service_quotas: BTreeMap<String, QuotaSpec>,
    /// The log lines of the world.
    pub logs: Vec<LogSpec>,
    /// The `[drill]` table, merged over the scenario it extends (read by `lab drill` only).
    pub drill: serde_json::Value,
}

/// A message to put on a queue, as `lab up` sends it.
#[derive(Debug, Clone, PartialEq)]
pub struct SeedMessage {
    pub body: Vec<u8>,
    pub error_type: Option<String>,
    pub job_id: String,
}

/// The names of the embedded scenarios.
pub fn names() -> Vec<&'static str> {
    EMBEDDED.iter().map(|(n, _)| n.trim_end_matches(".toml")).collect()
}

impl Scenario {
    /// Loads an embedded scenario by name, resolving `extends`, and checks it.
    pub fn embedded(name: &str) -> Result<Scenario, String> {
        let text = EMBEDDED
            .iter()
            .find(|(n, _)| n.trim_end_matches(".toml") == name)
            .map(|(_, t)| *t)
            .ok_or_else(|| format!("there is no scenario `{name}`; choose one of {}", names().join(", ")))?;
        Scenario::parse(&format!("scenario {name}"), text)
    }

    /// Loads a scenario file from disk (`--scenario-file`), resolving `extends` against the
    /// embedded scenarios, and checks it.
    pub fn from_file(path: &std::path::Path) -> Result<Scenario, crate::error::LoadError> {
        let file = path.display().to_string();
        let text = std::fs::read_to_string(path)
            .map_err(|e| crate::error::LoadError::new(&file, format!("cannot read the scenario: {e}")))?;
        Scenario::parse(&file, &text).map_err(|m| {
            let message = m.strip_prefix(&format!("{file}: ")).unwrap_or(&m).to_string();
            crate::error::LoadError::new(&file, message)
        })
    }

    fn parse(what: &str, text: &str) -> Result<Scenario, String> {
        let s = Scenario::parse_unchecked(what, text)?;
        s.check()?;
        Ok(s)
    }

    fn parse_unchecked(what: &str, text: &str) -> Result<Scenario, String> {
        let raw: RawScenario = toml::from_str(text).map_err(|e| crate::text::toml::syntax_error(what, text, &e))?;
        let mut base = match &raw.extends {
            Some(parent) => Scenario::embedded(parent)?,
            None => Scenario {
                name: String::new(),
                title: String::new(),
                at: None,
                config: serde_json::json!({}),
                metrics: BTreeMap::new(),
                queues: BTreeMap::new(),
                services: BTreeMap::new(),
                dlq_messages: vec![],
                health: None,
                service_quotas: BTreeMap::new(),
                logs: vec![],
                drill: serde_json::json!({}),
            },
        };
        base.name = raw.name;
        base.title = raw.title;
        if let Some(at) = raw.at {
            let ts: jiff::Timestamp = at.parse().map_err(|e| format!("{what}: `at = {at:?}`: {e}"))?;
            base.at = Some(ts);
        }
        let overlay = serde_json::to_value(raw.config).map_err(|e| e.to_string())?;
        merge(&mut base.config, overlay);
        for path in raw.unset {
            let (parent, key) = path.rsplit_once('.').unwrap_or(("", &path));
            let ptr = if parent.is_empty() { String::new() } else { format!("/{}", parent.replace('.', "/")) };
            if let Some(obj) = base.config.pointer_mut(&ptr).and_then(|v| v.as_object_mut()) {
                obj.remove(key);
            }
        }
        base.metrics.extend(raw.metrics);
        for (role, q) in raw.queues {
            let e = base.queues.entry(role).or_default();
            e.name = q.name.or(e.name.take());
            e.attributes.extend(q.attributes);
            e.depth = q.depth.or(e.depth);
            e.max_receive_count = q.max_receive_count.or(e.max_receive_count);
        }
        base.services.extend(raw.services);
        merge(&mut base.drill, serde_json::to_value(raw.drill).map_err(|e| e.to_string())?);
        base.logs.extend(raw.logs);
        if let Some(d) = raw.dlq_messages {
            base.dlq_messages = d;
        }
        if raw.health.is_some() {
            base.health = raw.health;
        }
        base.service_quotas.extend(raw.service_quotas);
        Ok(base)
    }

    /// The DLQ messages of this world, deterministic in order and content.
    pub fn dlq_seed(&self) -> Vec<SeedMessage> {
        let mut out = Vec::new();
        for b in &self.dlq_messages {
            for _ in 0..b.count {
                let n = out.len() + 1;
                let job_id = format!("job-{:05}", n);
                let job = serde_json::json!({
                    "job_id": job_id, "kind": b.kind,
                    "payload": {"title_id": format!("T{:04}", 1000 + n)}, "_retry_count": 3
                });
                let (body, attr) = match b.format.as_str() {
                    "envelope" => (
                        serde_json::json!({"original_request": job, "error_type": b.error_type, "retry_count": 3, "exhausted_at": 1_781_000_000 + n as i64})
                            .to_string()
                            .into_bytes(),
                        None,
                    ),
                    "raw" => (job.to_string().into_bytes(), b.error_type.clone()),
                    "binary" => (vec![0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, n as u8], b.error_type.clone()),
                    _ => (format!("job {job_id} failed: {}", b.error_type.clone().unwrap_or_default()).into_bytes(), None),
                };
                out.push(SeedMessage { body, error_type: attr, job_id });
            }
        }
        out
    }

    /// The jobs waiting on the primary queue.
    pub fn primary_seed(&self) -> Vec<SeedMessage> {
        let depth = self.queues.get("primary").and_then(|q| q.depth).unwrap_or(0);
        (0..depth)
            .map(|i| {
                let job_id = format!("queued-{:05}", i + 1);
                let body = serde_json::json!({"job_id": job_id, "kind": "catalog-enrichment", "payload": {}, "_retry_count": 0});
                SeedMessage { body: body.to_string().into_bytes(), error_type: None, job_id }
            })
            .collect()
    }

    /// The metric series of this world: 60 one-minute points ending the minute before `at`.
    pub fn series(&self, at: jiff::Timestamp, minutes: usize) -> BTreeMap<String, Vec<(i64, f64)>> {
        let end = at.as_second() - at.as_second().rem_euclid(60);
        let mut out = BTreeMap::new();
        for (key, shape) in &self.metrics {
            let pts: Vec<(i64, f64)> = (0..minutes)
                .filter_map(|i| shape.at(i, minutes).map(|v| (end - (minutes - i) as i64 * 60, v)))
                .collect();
            if !pts.is_empty() {
                out.insert(key.clone(), pts);
            }
        }
        out
    }

    /// The log lines of this world by role, as (epoch milliseconds, text), oldest first: each
    /// in the middle of its minute, the window ending the minute before `at`.
    pub fn log_lines(&self, at: jiff::Timestamp, minutes: usize) -> BTreeMap<String, Vec<(i64, String)>> {
        let end = at.as_second() - at.as_second().rem_euclid(60);
        let mut out: BTreeMap<String, Vec<(i64, String)>> = BTreeMap::new();
        for l in &self.logs {
            for i in l.at..l.until.unwrap_or(l.at + 1).min(minutes) {
                let t = (end - (minutes - i) as i64 * 60 + 30) * 1000;
                out.entry(l.role.clone()).or_default().push((t, l.text.clone()));
            }
        }
        for lines in out.values_mut() {
            lines.sort();
        }
        out
    }

    /// Builds the Evidence an observer of this world would collect at `at` (the scenario's
    /// own time when `None`, so embedded scenarios are reproducible).
    pub fn evidence(&self, at: Option<jiff::Timestamp>) -> Evidence {
        let at = at.or(self.at).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
        let mut ev = Evidence::new(format!("scenario:{}", self.name), at);
        ev.metrics = self.series(at, 60);
        ev.config = Some(self.config.clone());
        let names = crate::settings::Settings::default();
        let mut lines = self.log_lines(at, 60);
        for role in LOG_ROLES {
            let lines = lines.remove(*role).unwrap_or_default();
            let lines = lines
                .into_iter()
                .map(|(ms, text)| LogLine { at: jiff::Timestamp::from_millisecond(ms).unwrap_or(at), text })
                .collect();
            ev.logs
                .insert(role.to_string(), LogGroupState { group: names.log_group(role), lines, ..Default::default() });
        }
        ev.model_ids = names.models.iter().map(|(k, v)| (k.clone(), v.id().to_string())).collect();
        let dlq = self.dlq_seed();
        for (role, q) in &self.queues {
            let mut attrs = q.attributes.clone();
            let depth = if role == "dlq" { dlq.len() } else { q.depth.unwrap_or(0) };
            attrs.insert("ApproximateNumberOfMessages".into(), depth.to_string());
            attrs.entry("ApproximateNumberOfMessagesNotVisible".into()).or_insert_with(|| "0".into());
            if let Some(m) = q.max_receive_count {
                attrs.insert(
                    "RedrivePolicy".into(),
                    serde_json::json!({"deadLetterTargetArn": "arn:aws:sqs:us-east-1:123456789012:mangaassist-batch-dlq", "maxReceiveCount": m}).to_string(),
                );
            }
            ev.queues.insert(
                role.clone(),
                QueueState { name: q.name.clone().unwrap_or_else(|| role.clone()), attributes: attrs },
            );
        }
        for (role, s) in &self.services {
            ev.services.insert(
                role.clone(),
                ServiceState {
                    name: role.clone(),
                    desired: s.desired,
                    running: s.running,
                    pending: s.pending,
                    events: vec![],
                },
            );
        }
        ev.dlq_sample = Some(dlq::DlqSample {
            coverage: None,
            messages: dlq
                .iter()
                .take(100)
                .enumerate()
                .map(|(i, m)| {
                    let p = dlq::parse(&Incoming { body: &m.body, error_type_attr: m.error_type.as_deref() });
                    MessageSummary {
                        id: format!("msg-{:05}", i + 1),
                        format: p.format,
                        error_type: p.error_type,
                        class: p.class,
                        job_id: Some(m.job_id.clone()),
                        receive_count: Some(3),
                        sent_at: None,
                    }
                })
                .collect(),
        });
        self.aws_view(&mut ev, at);
        ev
    }

    /// What AWS Health and Service Quotas say in this world, as a live read would record it.
    fn aws_view(&self, ev: &mut Evidence, at: jiff::Timestamp) {
        use crate::evidence::source::named_quotas::quota_name;
        if let Some(h) = &self.health {
            let events = h
                .events
                .iter()
                .map(|e| crate::evidence::HealthEvent {
                    event_type: e.event_type.clone(),
                    start: jiff::Timestamp::from_second(at.as_second() - e.minutes_ago * 60).ok(),
                    status: "open".into(),
                    arn: format!("arn:aws:health:us-east-1::event/BEDROCK/{}", e.event_type),
                })
                .collect();
            ev.health = Some(crate::evidence::HealthState {
                region: "us-east-1".into(),
                events,
                unavailable: h.unavailable.clone(),
            });
        }
        for (m, q) in &self.service_quotas {
            let named = |per: &str, value: Option<f64>| crate::evidence::NamedQuota {
                name: quota_name(per, &q.name),
                code: value.map(|_| QuotaSpec::code(m, per)),
                value,
            };
            let both = crate::evidence::ModelQuotas {
                tokens: named("tokens", q.tokens),
                requests: named("requests", q.requests),
            };
            ev.named_quotas.insert(m.clone(), both);
        }
    }

    /// Checks that every metric key is a well-formed logical key.
    pub fn check(&self) -> Result<(), String> {
        for k in self.metrics.keys() {
            parse_metric_key(k)
                .ok_or_else(|| format!("scenario {}: metric key `{k}` is not `Namespace:Name`", self.name))?;
        }
        for l in &self.logs {
            if !LOG_ROLES.contains(&l.role.as_str()) {
                return Err(format!(
                    "scenario {}: log role `{}` is unknown; use {}",
                    self.name,
                    l.role,
                    LOG_ROLES.join(", ")
                ));
            }
            if l.at >= 60 || l.until.is_some_and(|u| u <= l.at || u > 60) {
                return Err(format!("scenario {}: a `{}` log line's minutes must lie in 0..60", self.name, l.role));
            }
        }
        Ok(())
    }
}

/// Deep-merges `overlay` into `base` (objects key by key; anything else replaces).
pub(crate) fn merge(base: &mut serde_json::Value, overlay: serde_json::Value) {
    match (base, overlay) {
        (serde_json::Value::Object(b), serde_json::Value::Object(o)) => {
            for (k, v) in o {
                merge(b.entry(k).or_insert(serde_json::Value::Null), v);
            }
        }
        (b, o) => *b = o,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_step_ramp_and_pulse_over_the_window() {
        let step = Shape::Spec(ShapeSpec { base: 1.0, to: Some(5.0), from: Some(50), ..Default::default() });
        assert_eq!((step.at(49, 60), step.at(50, 60)), (Some(1.0), Some(5.0)));
        let ramp = Shape::Spec(ShapeSpec { base: 0.0, to: Some(59.0), ramp: true, ..Default::default() });
        assert_eq!((ramp.at(0, 60), ramp.at(59, 60)), (Some(0.0), Some(59.0)));
        let pulse =
            Shape::Spec(ShapeSpec { base: 0.0, to: Some(2.0), from: Some(10), until: Some(12), ..Default::default() });
        assert_eq!((pulse.at(11, 60), pulse.at(12, 60)), (Some(2.0), Some(0.0)));
        assert_eq!(Shape::Spec(ShapeSpec { absent: true, ..Default::default() }).at(0, 60), None);
    }

    #[test]
    fn every_embedded_scenario_loads_and_extends_healthy() {
        for name in names() {
            let s = Scenario::embedded(name).unwrap();
            s.check().unwrap();
            assert!(s.config["account_quota"]["sonnet"].is_number(), "{name}");
            assert_eq!(s.evidence(None).metrics["MangaAssist/Throughput:InvocationsPerMinute"].len(), 60);
        }
    }
}
