//! The drill's view of the live world: what `aws::drill` reads, turned into the model's
//! [`World`], and the model's [`Moves`] handed to SQS and read back as what really moved.
//! The one place where the drill's pure model meets the emulator's plain data.

use std::collections::BTreeMap;

use super::model::{Moves, World};
use crate::aws::drill::{self as edge, Handles, Moved};
use crate::aws::Clients;
use crate::error::Error;
use crate::settings::Settings;

/// The world as read, with the raw attributes and counts the recovery check reads.
#[derive(Debug, Clone)]
pub struct Live {
    pub world: World,
    /// Queue role → every attribute.
    pub queues: BTreeMap<String, BTreeMap<String, String>>,
    /// Role → (deployed name, desired, running, pending).
    pub services: BTreeMap<String, (String, i64, i64, i64)>,
}

/// Messages in a queue, visible, in flight and delayed.
fn depth(attrs: &BTreeMap<String, String>) -> f64 {
    ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible", "ApproximateNumberOfMessagesDelayed"]
        .iter()
        .filter_map(|k| attrs.get(*k).and_then(|v| v.parse::<f64>().ok()))
        .sum()
}

/// The model's world from what was read: a document that is not JSON stops the drill with
/// what it saw, since every step of the model reads the document.
pub fn world_of(read: edge::Read) -> Result<Live, Error> {
    let config: serde_json::Value = serde_json::from_str(&read.document).map_err(|e| {
        Error::Evidence(format!("the deployed configuration document is not JSON ({e}); the drill cannot read it"))
    })?;
    let primary = read.queues.get("primary").cloned().unwrap_or_default();
    let dlq = read.queues.get("dlq").cloned().unwrap_or_default();
    let policy: serde_json::Value =
        primary.get("RedrivePolicy").and_then(|p| serde_json::from_str(p).ok()).unwrap_or_default();
    let max_receive = policy
        .get("maxReceiveCount")
        .and_then(|v| v.as_f64().or_else(|| v.as_str().and_then(|s| s.parse().ok())))
        .unwrap_or(f64::INFINITY);
    let world = World {
        config,
        desired: read.services.iter().map(|(r, s)| (r.clone(), s.1)).collect(),
        primary_depth: depth(&primary),
        dlq_depth: depth(&dlq),
        visibility_s: primary.get("VisibilityTimeout").and_then(|v| v.parse().ok()).unwrap_or(30.0),
        max_receive,
    };
    Ok(Live { world, queues: read.queues, services: read.services })
}

/// Reads the live world.
pub async fn read(clients: &Clients, settings: &Settings, h: &Handles) -> Result<Live, Error> {
    world_of(edge::read(clients, settings, h).await?)
}

/// Does the minute's moves on SQS; returns what really moved (the queue may hold fewer).
pub async fn apply(clients: &Clients, h: &Handles, m: &Moves, minute: u32) -> Result<Moves, Error> {
    let asked = Moved { enqueue: m.enqueue, process: m.process, to_dlq: m.to_dlq };
    let done = edge::apply(clients, h, &asked, minute).await?;
    Ok(Moves { enqueue: done.enqueue, process: done.process, to_dlq: done.to_dlq })
}
