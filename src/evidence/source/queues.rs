//! SQS queue attributes: one `GetQueueAttributes` per queue role of the plan, concurrently. The
//! DLQ is read by the DLQ-sample source instead when the plan samples it, so its attributes are
//! read once and the sample knows how many messages to expect.

use std::collections::BTreeMap;

use futures::future::{try_join_all, BoxFuture};

use super::{Cx, Found, Source};
use crate::aws::sqs::queue_url;
use crate::aws::{self, Clients};
use crate::error::Error;
use crate::evidence::{Evidence, Plan, QueueState};
use crate::settings::Settings;

/// The queue-attributes source.
pub struct Queues;

impl Source for Queues {
    fn name(&self) -> &'static str {
        "queues"
    }

    fn read<'a>(&'a self, cx: &'a Cx<'a>) -> BoxFuture<'a, Result<Found, Error>> {
        Box::pin(async move {
            let q = queues(cx.clients, cx.settings, cx.plan).await?;
            Ok(Box::new(move |ev: &mut Evidence| ev.queues.extend(q)) as Found)
        })
    }
}

/// The deployed queue name of a role (`dlq`, or the batch queue for any other role).
pub(super) fn queue_name(settings: &Settings, role: &str) -> String {
    if role == "dlq" {
        settings.resources.dlq.clone()
    } else {
        settings.resources.queue.clone()
    }
}

async fn queues(clients: &Clients, settings: &Settings, plan: &Plan) -> Result<BTreeMap<String, QueueState>, Error> {
    let roles: Vec<(String, String)> = plan
        .queues
        .iter()
        .filter(|r| !(r.as_str() == "dlq" && plan.dlq_sample))
        .map(|r| (r.clone(), queue_name(settings, r)))
        .collect();
    let states = try_join_all(roles.iter().map(|(role, name)| async move {
        let url = queue_url(clients, name, role).await?;
        let what = format!("the {role} queue {name}");
        let attributes = aws::sqs::attributes(clients, &url, &["All"], &what).await?;
        Ok::<_, Error>((role.clone(), QueueState { name: name.clone(), attributes }))
    }))
    .await?;
    Ok(states.into_iter().collect())
}
