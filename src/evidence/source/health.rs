//! AWS Health: the open Bedrock events of the deployment's region, asked at once with every
//! other source, only when a signal reads them. Health being unavailable (no support plan, a
//! denied call) is recorded as such, so a node can say why it went on without it.

use futures::future::BoxFuture;

use super::{Cx, Found, Source};
use crate::aws;
use crate::error::Error;
use crate::evidence::{Evidence, HealthEvent, HealthState};

/// The AWS Health source.
pub struct Health;

impl Source for Health {
    fn name(&self) -> &'static str {
        "health"
    }

    fn read<'a>(&'a self, cx: &'a Cx<'a>) -> BoxFuture<'a, Result<Found, Error>> {
        Box::pin(async move {
            if !cx.plan.health {
                return Ok(Box::new(|_: &mut Evidence| {}) as Found);
            }
            let region = cx.clients.region.clone();
            let a = aws::health::open_bedrock_events(cx.clients, &region).await?;
            let events = a
                .events
                .into_iter()
                .map(|e| HealthEvent {
                    event_type: e.event_type,
                    start: e.start.and_then(|s| jiff::Timestamp::from_second(s).ok()),
                    status: e.status,
                    arn: e.arn,
                })
                .collect();
            let state = HealthState { region, events, unavailable: a.unavailable };
            Ok(Box::new(move |ev: &mut Evidence| ev.health = Some(state)) as Found)
        })
    }
}
