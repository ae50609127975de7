//! Evidence: everything a runbook may read, as one plain serializable value.
//!
//! There are three sources of it (live AWS, a snapshot file, an embedded scenario) and one
//! type, so a verdict reached at 3 a.m. can be replayed byte for byte in a postmortem or a CI
//! job. Metric keys are *logical*: the contract's namespace and name, with the model key
//! (`sonnet`) where AWS has a model id, so a snapshot does not depend on one deployment's names.

pub mod collect;
pub mod dlq;
pub mod plan;
pub mod scenario;
pub mod snapshot;
pub mod source;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use plan::Plan;

/// The snapshot format version this build reads and writes.
pub const FORMAT: u32 = 1;

/// One observation of the system, as plain data.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// Always [`FORMAT`]; checked on load.
    pub format: u32,
    /// When the evidence was taken (the end of the metric window).
    pub taken_at: jiff::Timestamp,
    /// Where it came from: `scenario:flash-sale`, `aws:eu-west-1`, a file name...
    pub source: String,
    /// Width of the metric window in one-minute datapoints.
    #[serde(default = "default_window")]
    pub window_minutes: u32,
    /// Metric series by logical key (see [`metric_key`]); points are `[epoch seconds, value]`,
    /// oldest first. A key that is absent, or present with no points, is *missing*.
    #[serde(default)]
    pub metrics: BTreeMap<String, Vec<(i64, f64)>>,
    /// SQS queues by role (`primary`, `dlq`).
    #[serde(default)]
    pub queues: BTreeMap<String, QueueState>,
    /// ECS services by role (the contract's service names).
    #[serde(default)]
    pub services: BTreeMap<String, ServiceState>,
    /// The deployed throughput configuration document (contract §3), if it could be read.
    #[serde(default)]
    pub config: Option<serde_json::Value>,
    /// The AppConfig hosted version the document came from (live evidence only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub config_version: Option<i32>,
    /// A classified sample of the DLQ, if one was read.
    #[serde(default)]
    pub dlq_sample: Option<dlq::DlqSample>,
    /// The alarms masst installs, and which of them exist (audit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alarms: Option<AlarmsState>,
    /// Applied Service Quotas values, by model key, for the models with a quota code (audit).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub quotas: BTreeMap<String, QuotaState>,
    /// Application Auto Scaling policies per ECS service role (audit).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub scaling_policies: BTreeMap<String, u32>,
    /// AWS Health's open Bedrock events in the deployment's region, or why Health could not
    /// be asked (throttling `service-health`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health: Option<HealthState>,
    /// Each model's on-demand quotas as Service Quotas names them (found by name, not code).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub named_quotas: BTreeMap<String, ModelQuotas>,
    /// CloudWatch Logs by log role (`chat-api`, `batch-worker`, `controller`): the lines read,
    /// or why the group could not be (contract §9). Absent in snapshots older than logs.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub logs: BTreeMap<String, LogGroupState>,
    /// Model key → the Bedrock model id `[models]` named when the evidence was taken: log lines
    /// carry the id (`Circuit OPEN for anthropic.claude-...`), runbooks name the key.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub model_ids: BTreeMap<String, String>,
}

/// What AWS Health said about Bedrock: its open events, or that it could not be asked. Kept
/// apart from "no event", so an account without a support plan is never read as healthy.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct HealthState {
    /// The region the events were asked for (the deployment's).
    pub region: String,
    /// Open events of the BEDROCK service there; empty when Health answered with none.
    #[serde(default)]
    pub events: Vec<HealthEvent>,
    /// Why Health could not answer (`SubscriptionRequiredException`: no Business or
    /// Enterprise support plan; a denied call); `None` when it answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unavailable: Option<String>,
}

/// One AWS Health event.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct HealthEvent {
    /// `AWS_BEDROCK_OPERATIONAL_ISSUE` and the like.
    pub event_type: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<jiff::Timestamp>,
    pub status: String,
    #[serde(default)]
    pub arn: String,
}

/// A model's on-demand InvokeModel quotas, each found by its name in `ListServiceQuotas`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct ModelQuotas {
    /// `On-demand InvokeModel tokens per minute for <model name>`.
    pub tokens: NamedQuota,
    /// `On-demand InvokeModel requests per minute for <model name>`.
    pub requests: NamedQuota,
}

/// A quota looked up by name: the name asked for, and the code and value Service Quotas gave
/// (`code` is `None` when no quota of that name exists for the account and region).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct NamedQuota {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
}

/// What masst read of one log group: every line its filter patterns returned over their
/// windows (each line once), and which reads stopped early. The runbook's own expression is
/// applied when a signal is resolved, so a snapshot replays to the same verdict.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct LogGroupState {
    /// The deployed group name (`/ecs/mangaassist/chat-api`).
    pub group: String,
    /// Oldest first.
    #[serde(default)]
    pub lines: Vec<LogLine>,
    /// Why the group could not be read (it does not exist, or the read was denied): every
    /// signal of it is then *missing*, never zero.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub missing: Option<String>,
    /// Filter patterns whose read stopped before its last page, and why (`1000 matching
    /// events`, `the call deadline`): their counts are "at least".
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub capped: BTreeMap<String, String>,
}

/// One log event as CloudWatch Logs returned it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct LogLine {
    pub at: jiff::Timestamp,
    pub text: String,
}

/// The alarms masst installs, and those of them CloudWatch holds.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct AlarmsState {
    pub expected: Vec<String>,
    pub present: Vec<String>,
}

/// One model's quota in Service Quotas.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct QuotaState {
    pub service: String,
    pub code: String,
    /// The applied value; `None` when Service Quotas has none for the account.
    pub value: Option<f64>,
}

fn default_window() -> u32 {
    60
}

/// Queue attributes that are counts or durations: whole numbers, never negative.
const COUNT_ATTRIBUTES: &[&str] = &[
    "ApproximateNumberOfMessages",
    "ApproximateNumberOfMessagesNotVisible",
    "ApproximateNumberOfMessagesDelayed",
    "VisibilityTimeout",
    "MessageRetentionPeriod",
    "MaximumMessageSize",
    "DelaySeconds",
    "ReceiveMessageWaitTimeSeconds",
];

impl Evidence {
    /// Checks what no verdict may be built on: a metric value that is not a finite number, a
    /// queue count that is not a non-negative whole number (`-inf`, `NaN`, `1e400` included),
    /// a service count below zero. Run on every snapshot and every live collection, so the
    /// walk never sees them.
    pub fn check(&self) -> Result<(), String> {
        for (key, points) in &self.metrics {
            if let Some((t, v)) = points.iter().find(|(_, v)| !v.is_finite()) {
                return Err(format!("at `metrics.{key}`: the value at {t} is {v}, not a finite number"));
            }
        }
        for (role, q) in &self.queues {
            for k in COUNT_ATTRIBUTES {
                if let Some(v) = q.attributes.get(*k) {
                    if v.trim().parse::<u64>().is_err() {
                        return Err(format!(
                            "at `queues.{role}.attributes.{k}`: `{}` is not a non-negative whole number",
                            crate::text::escape(&v.chars().take(40).collect::<String>())
                        ));
                    }
                }
            }
            if let Some(n) = q.attribute("maxReceiveCount") {
                if n.trim().parse::<u64>().is_err() {
                    return Err(format!(
                        "at `queues.{role}.attributes.RedrivePolicy`: maxReceiveCount `{n}` is not a whole number"
                    ));
                }
            }
        }
        for (model, q) in &self.named_quotas {
            for (which, n) in [("tokens", &q.tokens), ("requests", &q.requests)] {
                if n.value.is_some_and(|v| !v.is_finite() || v < 0.0) {
                    return Err(format!("at `named_quotas.{model}.{which}`: the value is not a non-negative number"));
                }
            }
        }
        for (role, s) in &self.services {
            if s.desired < 0 || s.running < 0 || s.pending < 0 {
                return Err(format!("at `services.{role}`: a task count is negative"));
            }
        }
        Ok(())
    }
}

/// SQS attributes exactly as `GetQueueAttributes` returned them.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct QueueState {
    pub name: String,
    #[serde(default)]
    pub attributes: BTreeMap<String, String>,
}

impl QueueState {
    /// A numeric attribute; `maxReceiveCount` and `deadLetterTargetArn` are read out of the
    /// `RedrivePolicy` JSON, where SQS keeps them.
    pub fn attribute(&self, key: &str) -> Option<String> {
        if let Some(v) = self.attributes.get(key) {
            return Some(v.clone());
        }
        let policy: serde_json::Value = serde_json::from_str(self.attributes.get("RedrivePolicy")?).ok()?;
        match policy.get(key)? {
            serde_json::Value::String(s) => Some(s.clone()),
            other => Some(other.to_string()),
        }
    }
}

/// The counts of one ECS service and its recent events.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct ServiceState {
    pub name: String,
    pub desired: i64,
    pub running: i64,
    #[serde(default)]
    pub pending: i64,
    #[serde(default)]
    pub events: Vec<ServiceEvent>,
}

/// One ECS service event.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ServiceEvent {
    pub at: jiff::Timestamp,
    pub message: String,
}

impl ServiceState {
    /// Events that say a task stopped or failed, the sign of a crash loop.
    pub fn stopped_events(&self) -> usize {
        self.events
            .iter()
            .filter(|e| {
                let m = e.message.to_ascii_lowercase();
                m.contains("stopped") || m.contains("unhealthy") || m.contains("failed")
            })
            .count()
    }
}

/// The logical key of a metric series: `Namespace:Name`, plus `{K=V,...}` when it has
/// dimensions (sorted, so the key is canonical).
pub fn metric_key(namespace: &str, name: &str, dims: &BTreeMap<String, String>) -> String {
    if dims.is_empty() {
        format!("{namespace}:{name}")
    } else {
        let d: Vec<String> = dims.iter().map(|(k, v)| format!("{k}={v}")).collect();
        format!("{namespace}:{name}{{{}}}", d.join(","))
    }
}

/// Logical metric keys are the deployment naming's format, kept in settings beside the
/// logical → physical mapping; re-exported here where evidence is keyed by them.
pub use crate::settings::parse_metric_key;

impl Evidence {
    /// An empty observation taken at `taken_at`, for collectors to fill.
    pub fn new(source: impl Into<String>, taken_at: jiff::Timestamp) -> Self {
        Evidence {
            format: FORMAT,
            taken_at,
            source: source.into(),
            window_minutes: 60,
            metrics: BTreeMap::new(),
            queues: BTreeMap::new(),
            services: BTreeMap::new(),
            config: None,
            config_version: None,
            dlq_sample: None,
            alarms: None,
            quotas: BTreeMap::new(),
            scaling_policies: BTreeMap::new(),
            health: None,
            named_quotas: BTreeMap::new(),
            logs: BTreeMap::new(),
            model_ids: BTreeMap::new(),
        }
    }

    /// The values of a series, oldest first; empty when missing.
    pub fn series(&self, key: &str) -> Vec<f64> {
        self.metrics.get(key).map(|p| p.iter().map(|(_, v)| *v).collect()).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metric_keys_round_trip_with_and_without_dimensions() {
        let mut dims = BTreeMap::new();
        dims.insert("ModelId".to_string(), "sonnet".to_string());
        let k = metric_key("AWS/Bedrock", "Invocations", &dims);
        assert_eq!(k, "AWS/Bedrock:Invocations{ModelId=sonnet}");
        assert_eq!(parse_metric_key(&k), Some(("AWS/Bedrock".into(), "Invocations".into(), dims)));
        let plain = metric_key("MangaAssist/DLQ", "Depth", &BTreeMap::new());
        assert_eq!(parse_metric_key(&plain).unwrap().1, "Depth");
        assert_eq!(parse_metric_key("nocolon"), None);
    }

    #[test]
    fn max_receive_count_is_read_from_the_redrive_policy() {
        let mut q = QueueState { name: "q".into(), ..Default::default() };
        q.attributes.insert(
            "RedrivePolicy".into(),
            r#"{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:1:dlq","maxReceiveCount":3}"#.into(),
        );
        assert_eq!(q.attribute("maxReceiveCount").as_deref(), Some("3"));
        assert_eq!(q.attribute("VisibilityTimeout"), None);
    }
}
