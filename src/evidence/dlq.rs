//! Classification of DLQ messages (contract §4): raw job bodies, the seed's envelopes, and
//! anything else, which is *unknown* and never moves unless asked for by name.
//!
//! Pure functions over bytes and attributes, shared by the collector, the scenarios and the
//! redrive, so every part of masst agrees on what "retryable" means.

use serde::{Deserialize, Serialize};

/// Error types the contract calls retryable; every other named type is not.
pub const RETRYABLE: &[&str] = &[
    "ThrottlingException",
    "ServiceUnavailableException",
    "ModelTimeoutException",
    "InternalServerException",
    "ModelNotReadyException",
];

/// Whether a message may be redriven without being asked for by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum Class {
    Retryable,
    NonRetryable,
    Unknown,
}

/// How the message body is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    Raw,
    Envelope,
    Unknown,
}

/// What masst knows about one DLQ message after reading it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MessageSummary {
    pub id: String,
    pub format: Format,
    pub error_type: Option<String>,
    pub class: Class,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receive_count: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent_at: Option<i64>,
}

/// A classified sample of the DLQ.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct DlqSample {
    pub messages: Vec<MessageSummary>,
    /// How much of the queue the read could see (live reads; scenarios have none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coverage: Option<Coverage>,
}

/// What a non-consuming read of a queue saw against what the queue holds, so that a count is
/// never taken for the whole queue when part of it could not be read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Coverage {
    /// Messages read.
    pub read: u64,
    /// Messages the queue held when the read began, by its approximate counts (visible, in
    /// flight, delayed).
    pub approximate_total: u64,
    /// Messages another consumer held when the read began: they cannot be seen until their
    /// visibility timeout ends.
    pub in_flight_elsewhere: u64,
    /// Delayed messages, not yet receivable.
    pub delayed: u64,
    /// FIFO queues: the message groups read. Messages behind a held message of the same group
    /// cannot be received, so a FIFO read stops at the first messages of each group.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fifo_groups: Vec<String>,
}

impl Coverage {
    /// Messages the read did not see.
    pub fn unread(&self) -> u64 {
        self.approximate_total.saturating_sub(self.read)
    }

    /// One line for the engineer: what was read of what, and why the rest was not.
    pub fn describe(&self) -> String {
        let mut s = format!("read {} of ≈{} message(s)", self.read, self.approximate_total);
        if self.unread() == 0 {
            return s;
        }
        let mut why = Vec::new();
        if self.in_flight_elsewhere > 0 {
            why.push(format!("{} in flight elsewhere (held by another consumer)", self.in_flight_elsewhere));
        }
        if self.delayed > 0 {
            why.push(format!("{} delayed", self.delayed));
        }
        if !self.fifo_groups.is_empty() {
            why.push(format!(
                "FIFO: messages behind the first of each group cannot be read without consuming them ({} group(s) read)",
                self.fifo_groups.len()
            ));
        }
        if why.is_empty() {
            why.push("the rest did not come back from ReceiveMessage".into());
        }
        s.push_str(&format!("; not seen: {} ({})", self.unread(), why.join("; ")));
        s
    }
}

impl DlqSample {
    /// How many messages of the sample are of `class`.
    pub fn count(&self, class: Class) -> usize {
        self.messages.iter().filter(|m| m.class == class).count()
    }
}

impl Class {
    /// The contract §4 word for the class, the same in every table and document.
    pub fn as_str(self) -> &'static str {
        match self {
            Class::Retryable => "retryable",
            Class::NonRetryable => "non-retryable",
            Class::Unknown => "unknown",
        }
    }
}

/// The class of an error type name.
pub fn class_of(error_type: Option<&str>) -> Class {
    match error_type {
        None => Class::Unknown,
        Some(t) if RETRYABLE.contains(&t) => Class::Retryable,
        Some(_) => Class::NonRetryable,
    }
}

/// A message as read off the queue, before classification.
pub struct Incoming<'a> {
    pub body: &'a [u8],
    /// The String message attribute `error_type`, if the message has one of that type.
    pub error_type_attr: Option<&'a str>,
}

/// The result of reading one body: its format, error type and the job body a redrive sends.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    pub format: Format,
    pub error_type: Option<String>,
    pub class: Class,
    /// The job body (an envelope's `original_request`, a raw body as is), when there is one.
    pub job: Option<serde_json::Value>,
}

/// Reads a DLQ message per contract §4. Never fails: what it cannot read is `Unknown`.
pub fn parse(msg: &Incoming<'_>) -> Parsed {
    let unknown = Parsed { format: Format::Unknown, error_type: None, class: Class::Unknown, job: None };
    let Ok(text) = std::str::from_utf8(msg.body) else {
        return unknown;
    };
    let Ok(value) = serde_json::from_str::<serde_json::Value>(text) else {
        return unknown;
    };
    let Some(obj) = value.as_object() else {
        return unknown;
    };
    if obj.contains_key("original_request") {
        let error_type = obj.get("error_type").and_then(|v| v.as_str()).map(String::from);
        let job = obj.get("original_request").filter(|j| j.is_object()).cloned();
        if job.is_none() || error_type.is_none() {
            return Parsed { format: Format::Envelope, error_type, class: Class::Unknown, job };
        }
        let class = class_of(error_type.as_deref());
        return Parsed { format: Format::Envelope, error_type, class, job };
    }
    match msg.error_type_attr {
        Some(t) => {
            Parsed { format: Format::Raw, error_type: Some(t.to_string()), class: class_of(Some(t)), job: Some(value) }
        }
        None => Parsed { format: Format::Unknown, error_type: None, class: Class::Unknown, job: Some(value) },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(body: &str, attr: Option<&str>) -> Parsed {
        parse(&Incoming { body: body.as_bytes(), error_type_attr: attr })
    }

    #[test]
    fn an_envelope_of_a_throttled_job_is_retryable_and_carries_its_job() {
        let r = p(
            r#"{"original_request":{"job_id":"j1","_retry_count":3},"error_type":"ThrottlingException","retry_count":3,"exhausted_at":1}"#,
            None,
        );
        assert_eq!((r.format, r.class), (Format::Envelope, Class::Retryable));
        assert_eq!(r.job.unwrap()["job_id"], "j1");
    }

    #[test]
    fn a_raw_body_takes_its_error_type_from_the_attribute() {
        let r = p(r#"{"job_id":"j2","kind":"enrich","payload":{}}"#, Some("ValidationException"));
        assert_eq!((r.format, r.class), (Format::Raw, Class::NonRetryable));
    }

    #[test]
    fn binary_non_json_and_unlabelled_bodies_are_unknown() {
        assert_eq!(parse(&Incoming { body: &[0xff, 0x00, 0x12], error_type_attr: None }).class, Class::Unknown);
        assert_eq!(p("not json", Some("ThrottlingException")).class, Class::Unknown);
        assert_eq!(p(r#"{"job_id":"j3"}"#, None).class, Class::Unknown);
        assert_eq!(p(r#"{"original_request":{"job_id":"j"},"error_type":42}"#, None).class, Class::Unknown);
        assert_eq!(p(r#"{"original_request":"x","error_type":"ThrottlingException"}"#, None).class, Class::Unknown);
    }
}
