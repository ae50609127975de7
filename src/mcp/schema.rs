//! The output schema of each tool: the fields of its command's `--output json` document that
//! an assistant can count on (more may appear; contract §6 welcomes them). Declared so a
//! client can check what it got, and so the tests check the documents against them.

use std::sync::Arc;

use rmcp::model::JsonObject;
use serde_json::{json, Value};

fn object(required: &[&str], properties: Value) -> Arc<JsonObject> {
    let v = json!({ "type": "object", "required": required, "properties": properties });
    match v {
        Value::Object(o) => Arc::new(o),
        _ => unreachable!("an object"),
    }
}

fn s_or_null() -> Value {
    json!({"type": ["string", "null"]})
}

/// `diagnose`: contract §6's fields of each result, and the open questions.
pub fn diagnose() -> Arc<JsonObject> {
    object(
        &["source", "taken_at", "fail_on", "results", "open_questions"],
        json!({
            "source": {"type": "string"},
            "taken_at": {"type": "string"},
            "fail_on": {"type": "string"},
            "results": {"type": "array", "items": {
                "type": "object",
                "required": ["runbook", "model", "triggered", "outcome", "severity", "path", "actions", "commands"],
                "properties": {
                    "runbook": {"type": "string"},
                    "model": s_or_null(),
                    "triggered": {"type": ["boolean", "null"]},
                    "outcome": s_or_null(),
                    "severity": s_or_null(),
                    "path": {"type": "array", "items": {"type": "string"}},
                    "actions": {"type": "array", "items": {"type": "string"}},
                    "commands": {"type": "array", "items": {"type": "string"}},
                    "unknown": {"type": "object", "required": ["node", "missing"]},
                },
            }},
            "open_questions": {"type": "array", "items": {
                "type": "object",
                "required": ["runbook", "node", "question", "answer_with"],
            }},
        }),
    )
}

/// `status`: one row per result.
pub fn status() -> Arc<JsonObject> {
    object(
        &["source", "taken_at", "rows"],
        json!({
            "source": {"type": "string"},
            "rows": {"type": "array", "items": {
                "type": "object",
                "required": ["runbook", "model", "watch", "condition", "inputs", "triggered", "outcome", "severity"],
            }},
        }),
    )
}

/// `audit`: one verdict per check.
pub fn audit() -> Arc<JsonObject> {
    object(
        &["checks"],
        json!({"checks": {"type": "array", "items": {
            "type": "object",
            "required": ["id", "title", "state", "severity", "message", "fix"],
            "properties": {"state": {"enum": ["pass", "fail", "unknown", "skipped"]}, "fix": s_or_null()},
        }}}),
    )
}

/// `verify_once`: the verdict and one reading per result.
pub fn verify() -> Arc<JsonObject> {
    object(
        &["verdict", "readings", "results"],
        json!({
            "verdict": {"type": "string"},
            "readings": {"type": "array", "items": {"type": "string"}},
            "results": {"type": "array"},
        }),
    )
}

/// `dlq_inspect`: the composition of the DLQ.
pub fn dlq() -> Arc<JsonObject> {
    object(
        &["queue", "messages", "by_error_type", "by_class", "coverage"],
        json!({
            "queue": {"type": "string"},
            "messages": {"type": "integer", "minimum": 0},
            "by_error_type": {"type": "array"},
            "by_class": {"type": "object"},
            "coverage": {"type": "object"},
        }),
    )
}

/// `runbooks`: each runbook with its trigger and outcome ids.
pub fn runbooks() -> Arc<JsonObject> {
    object(
        &["runbooks"],
        json!({"runbooks": {"type": "array", "items": {
            "type": "object",
            "required": ["name", "title", "trigger", "outcome_ids"],
        }}}),
    )
}

/// `runbook`: the tree as data, text and Mermaid.
pub fn runbook() -> Arc<JsonObject> {
    object(
        &["name", "title", "trigger", "nodes", "outcomes", "text", "mermaid"],
        json!({
            "name": {"type": "string"},
            "nodes": {"type": "array"},
            "outcomes": {"type": "object"},
            "text": {"type": "string"},
            "mermaid": {"type": "string"},
        }),
    )
}

/// `explain`: the outcome's cause, resolution and commands.
pub fn explain() -> Arc<JsonObject> {
    object(
        &["runbook", "outcome", "title", "severity", "cause", "resolution", "actions"],
        json!({
            "cause": {"type": "string"},
            "resolution": {"type": "array", "items": {"type": "string"}},
            "actions": {"type": "array", "items": {"type": "object", "required": ["id", "command"]}},
        }),
    )
}

/// `journal`: where it is and its entries.
pub fn journal() -> Arc<JsonObject> {
    object(
        &["journal", "entries", "warnings"],
        json!({"journal": {"type": "string"}, "entries": {"type": "array"}, "warnings": {"type": "array"}}),
    )
}
