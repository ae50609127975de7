//! The alarms masst installs (`masst alarms install`), and which of them exist: one
//! `DescribeAlarms` by name, only when a signal reads them.

use futures::future::BoxFuture;

use super::{Cx, Found, Source};
use crate::aws::{cloudwatch, Clients};
use crate::error::Error;
use crate::evidence::{Evidence, Plan};

/// The alarms source.
pub struct Alarms;

impl Source for Alarms {
    fn name(&self) -> &'static str {
        "alarms"
    }

    fn read<'a>(&'a self, cx: &'a Cx<'a>) -> BoxFuture<'a, Result<Found, Error>> {
        Box::pin(async move {
            let a = alarms_state(cx.clients, cx.plan).await?;
            Ok(Box::new(move |ev: &mut Evidence| ev.alarms = a) as Found)
        })
    }
}

/// The alarms `masst alarms install` creates, and which exist: one `DescribeAlarms` by name.
async fn alarms_state(clients: &Clients, plan: &Plan) -> Result<Option<crate::evidence::AlarmsState>, Error> {
    // No alarm declared by the runbooks in force: nothing to expect, so nothing is judged
    // present (the check that reads it is unknown, never a pass).
    if !plan.alarms || plan.alarm_names.is_empty() {
        return Ok(None);
    }
    let expected = plan.alarm_names.clone();
    let present =
        cloudwatch::alarms(clients, &expected).await?.into_iter().filter_map(|(name, a)| a.map(|_| name)).collect();
    Ok(Some(crate::evidence::AlarmsState { expected, present }))
}
