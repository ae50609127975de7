//! Which DLQ messages move: the selection (retryable by default, named error types, or all
//! with a job body) and the body that is re-enqueued.

#[allow(unused_imports)]
use super::*;

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
