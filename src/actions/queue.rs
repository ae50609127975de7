//! The queue-attributes family: `queue.fix` (the seed's VisibilityTimeout 300 and
//! maxReceiveCount 5 on the primary queue, keeping its DLQ), and its undo.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use super::journal::Entry;
use super::{not_mine, Applied, Ctx, Family, Plan, Run};
use crate::aws::{sqs, Clients};
use crate::engine::{ActionInfo, Arg};
use crate::error::Error;
use crate::settings::Settings;

/// The queue-attributes family.
pub struct Queue;

/// `queue fix`: the attributes to set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueueFix {
    pub visibility: u32,
    pub max_receive: u32,
}

impl Default for QueueFix {
    /// The seed's values.
    fn default() -> Self {
        QueueFix { visibility: 300, max_receive: 5 }
    }
}

/// The primary queue's attributes as read.
#[derive(Debug, Clone)]
pub struct QueueState {
    pub name: String,
    pub url: String,
    pub attrs: BTreeMap<String, String>,
}

/// Attributes to set on a queue.
#[derive(Debug, Clone)]
pub struct SetAttributes {
    pub url: String,
    pub after: BTreeMap<String, String>,
}

impl Family for Queue {
    const NAME: &'static str = "sqs-attributes";
    const ACTIONS: &'static [ActionInfo] = &[ActionInfo {
        id: "queue.fix",
        command: "queue fix",
        summary: "VisibilityTimeout 300, maxReceiveCount 5",
        params: &[],
    }];
    type Request = QueueFix;
    type State = QueueState;
    type Change = SetAttributes;
    type Done = ();

    fn request(id: &str, _args: &[Arg]) -> Result<QueueFix, Error> {
        match id {
            "queue.fix" => Ok(QueueFix::default()),
            other => Err(not_mine(Self::NAME, other)),
        }
    }

    async fn read(cx: &Ctx<'_>, _req: &QueueFix) -> Result<QueueState, Error> {
        read_queue(cx.clients, cx.settings).await
    }

    fn plan(
        req: &QueueFix,
        state: QueueState,
        _settings: &Settings,
        _force: bool,
    ) -> Result<Plan<SetAttributes>, Error> {
        let policy: Value =
            state.attrs.get("RedrivePolicy").and_then(|p| serde_json::from_str(p).ok()).ok_or_else(|| {
                Error::Action(format!(
                    "the queue {} has no RedrivePolicy, so there is no DLQ to keep; set one up first",
                    state.name
                ))
            })?;
        let target = policy.get("deadLetterTargetArn").cloned().unwrap_or(Value::Null);
        let mut after = state.attrs.clone();
        after.insert("VisibilityTimeout".into(), req.visibility.to_string());
        after.insert(
            "RedrivePolicy".into(),
            json!({"deadLetterTargetArn": target, "maxReceiveCount": req.max_receive}).to_string(),
        );
        Ok(queue_plan("queue.fix", state, after))
    }

    async fn apply(cx: &Ctx<'_>, plan: &Plan<SetAttributes>, _run: &Run<'_>, out: &mut Applied) -> Result<(), Error> {
        out.sent = true;
        sqs::set_attributes(cx.clients, &plan.change.url, &plan.change.after).await.map_err(|e| out.refused(e))
    }

    async fn read_undo(cx: &Ctx<'_>, _entry: &Entry) -> Result<QueueState, Error> {
        read_queue(cx.clients, cx.settings).await
    }

    fn plan_undo(
        e: &Entry,
        state: QueueState,
        _settings: &Settings,
        force: bool,
    ) -> Result<Plan<SetAttributes>, Error> {
        let left: BTreeMap<String, String> = serde_json::from_value(e.after.clone()).unwrap_or_default();
        let before: BTreeMap<String, String> = serde_json::from_value(e.before.clone())
            .map_err(|_| Error::Action(format!("journal entry {} has no queue attributes to restore", e.id)))?;
        if !same_attrs(&state.attrs, &left) && !same_attrs(&state.attrs, &before) && !force {
            return Err(super::moved_since(e, &format!("the attributes of {} changed", state.name)));
        }
        Ok(queue_plan(&e.action, state, before))
    }
}

fn queue_plan(action: &str, state: QueueState, after: BTreeMap<String, String>) -> Plan<SetAttributes> {
    let target = format!("SQS {}", state.name);
    let mut preview = format!("{target}:\n");
    for (k, v) in &after {
        let old = state.attrs.get(k).map(String::as_str).unwrap_or("(unset)");
        if old != v {
            preview.push_str(&format!("  {k}: {old} → {v}\n"));
        }
    }
    Plan {
        action: action.to_string(),
        target,
        preview,
        before: json!(state.attrs),
        after: json!(after),
        noop: same_attrs(&state.attrs, &after),
        change: SetAttributes { url: state.url, after },
    }
}

/// Equal attribute maps, reading JSON values (a RedrivePolicy) as JSON, not as text.
fn same_attrs(a: &BTreeMap<String, String>, b: &BTreeMap<String, String>) -> bool {
    let norm = |m: &BTreeMap<String, String>| -> BTreeMap<String, Value> {
        m.iter()
            .map(|(k, v)| (k.clone(), serde_json::from_str(v).unwrap_or_else(|_| Value::String(v.clone()))))
            .collect()
    };
    norm(a) == norm(b)
}

/// Reads the primary queue's VisibilityTimeout and RedrivePolicy.
pub async fn read_queue(clients: &Clients, settings: &Settings) -> Result<QueueState, Error> {
    let name = settings.resources.queue.clone();
    let url = sqs::queue_url(clients, &name, "primary").await?;
    let names = ["VisibilityTimeout", "RedrivePolicy"];
    let attrs = sqs::attributes(clients, &url, &names, "the primary queue").await?;
    Ok(QueueState { name, url, attrs })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(visibility: &str, max_receive: u32) -> QueueState {
        let policy = json!({"deadLetterTargetArn": "arn:dlq", "maxReceiveCount": max_receive}).to_string();
        QueueState {
            name: "q".into(),
            url: "http://q".into(),
            attrs: [("VisibilityTimeout".to_string(), visibility.to_string()), ("RedrivePolicy".to_string(), policy)]
                .into(),
        }
    }

    #[test]
    fn queue_fix_keeps_the_dlq_and_a_queue_already_fixed_is_a_noop() {
        let s = Settings::default();
        let p = Queue::plan(&QueueFix::default(), state("30", 3), &s, false).unwrap();
        assert!(p.preview.contains("VisibilityTimeout: 30 → 300"), "{}", p.preview);
        assert!(p.change.after["RedrivePolicy"].contains("arn:dlq"));
        // Key order inside the policy JSON differs from what SQS returns: still the same.
        let mut fixed = state("300", 5);
        fixed.attrs.insert("RedrivePolicy".into(), r#"{"maxReceiveCount":5,"deadLetterTargetArn":"arn:dlq"}"#.into());
        assert!(Queue::plan(&QueueFix::default(), fixed, &s, false).unwrap().noop);
        let mut none = state("30", 3);
        none.attrs.remove("RedrivePolicy");
        assert!(Queue::plan(&QueueFix::default(), none, &s, false).is_err());
    }
}
