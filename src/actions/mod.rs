//! Remediation actions (contract §7): the catalogue of ids, and the command each one is.
//!
//! Runbooks name actions by id; this module turns an id into the `masst` command an engineer
//! runs, so a diagnosis can print the exact next step before any of it happens.

pub mod alarms;
pub mod appconfig;
pub mod apply;
pub mod doc;
pub mod journal;
pub mod redrive;

/// One action of contract §7.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActionInfo {
    pub id: &'static str,
    /// The command words after `masst`.
    pub command: &'static str,
    pub summary: &'static str,
}

/// Every action id the contract defines, in its order.
pub const CATALOG: &[ActionInfo] = &[
    ActionInfo {
        id: "analytics.pause",
        command: "analytics pause",
        summary: "stop the analytics pipeline's Bedrock calls",
    },
    ActionInfo {
        id: "analytics.resume",
        command: "analytics resume",
        summary: "let the analytics pipeline call Bedrock again",
    },
    ActionInfo {
        id: "concurrency.set",
        command: "concurrency set",
        summary: "set a pool's max_concurrency for a model",
    },
    ActionInfo { id: "routing.haiku", command: "routing haiku", summary: "route simple queries to Haiku" },
    ActionInfo { id: "batch.pause", command: "batch pause", summary: "pause batch processing" },
    ActionInfo { id: "batch.resume", command: "batch resume", summary: "resume batch processing" },
    ActionInfo {
        id: "batch.concurrency",
        command: "batch concurrency",
        summary: "give batch a dedicated pool of N slots",
    },
    ActionInfo {
        id: "batch.schedule",
        command: "batch schedule apply",
        summary: "apply the time-of-day batch schedule (JST)",
    },
    ActionInfo { id: "batch.model", command: "batch model", summary: "switch the batch model" },
    ActionInfo { id: "batch.scale", command: "batch scale", summary: "set the batch-worker ECS desired count" },
    ActionInfo {
        id: "producer.pause",
        command: "producer pause",
        summary: "stop the batch producer (ECS desired count 0)",
    },
    ActionInfo {
        id: "producer.resume",
        command: "producer resume",
        summary: "restore the batch producer's saved count",
    },
    ActionInfo { id: "queue.fix", command: "queue fix", summary: "VisibilityTimeout 300, maxReceiveCount 5" },
    ActionInfo {
        id: "dlq.redrive",
        command: "dlq redrive --retryable-only",
        summary: "move retryable DLQ messages back, losslessly",
    },
    ActionInfo { id: "alarms.install", command: "alarms install", summary: "install the seed's CloudWatch alarms" },
    ActionInfo {
        id: "quota.sync",
        command: "quota sync",
        summary: "copy each model's applied Service Quotas value into account_quota",
    },
];

/// Looks an action id up.
pub fn info(id: &str) -> Option<&'static ActionInfo> {
    CATALOG.iter().find(|a| a.id == id)
}
