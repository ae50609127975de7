//! ECS: one `DescribeServices` for every service role of the plan, with the deployment's names.

use std::collections::BTreeMap;

use futures::future::BoxFuture;

use super::{Cx, Found, Source};
use crate::aws::{ecs, Clients};
use crate::error::Error;
use crate::evidence::{Evidence, Plan, ServiceEvent, ServiceState};
use crate::settings::Settings;

/// The ECS services source.
pub struct Services;

impl Source for Services {
    fn name(&self) -> &'static str {
        "services"
    }

    fn read<'a>(&'a self, cx: &'a Cx<'a>) -> BoxFuture<'a, Result<Found, Error>> {
        Box::pin(async move {
            let s = services(cx.clients, cx.settings, cx.plan).await?;
            Ok(Box::new(move |ev: &mut Evidence| ev.services = s) as Found)
        })
    }
}

async fn services(
    clients: &Clients,
    settings: &Settings,
    plan: &Plan,
) -> Result<BTreeMap<String, ServiceState>, Error> {
    if plan.services.is_empty() {
        return Ok(BTreeMap::new());
    }
    let names: Vec<(String, String)> = plan
        .services
        .iter()
        .map(|role| (role.clone(), settings.resources.services.get(role).cloned().unwrap_or_else(|| role.clone())))
        .collect();
    let wanted: Vec<String> = names.iter().map(|(_, n)| n.clone()).collect();
    // An inactive (deleted) service is reported with the counts ECS gives it, as before.
    let found = ecs::describe(clients, &settings.resources.cluster, &wanted).await?;
    Ok(found
        .into_iter()
        .filter_map(|s| {
            let (role, _) = names.iter().find(|(_, n)| *n == s.name)?;
            let events = s.events.into_iter().map(|(at, message)| ServiceEvent { at, message }).collect();
            let state =
                ServiceState { name: s.name, desired: s.desired, running: s.running, pending: s.pending, events };
            Some((role.clone(), state))
        })
        .collect())
}
