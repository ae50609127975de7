//! Application Auto Scaling: how many scaling policies each ECS service of the plan has.

use std::collections::BTreeMap;

use futures::future::BoxFuture;

use super::{Cx, Found, Source};
use crate::aws::{self, Clients};
use crate::error::Error;
use crate::evidence::{Evidence, Plan};
use crate::settings::Settings;

/// The scaling-policies source.
pub struct Scaling;

impl Source for Scaling {
    fn name(&self) -> &'static str {
        "scaling"
    }

    fn read<'a>(&'a self, cx: &'a Cx<'a>) -> BoxFuture<'a, Result<Found, Error>> {
        Box::pin(async move {
            let s = scaling_policies(cx.clients, cx.settings, cx.plan).await?;
            Ok(Box::new(move |ev: &mut Evidence| ev.scaling_policies = s) as Found)
        })
    }
}

/// How many Application Auto Scaling policies each ECS service of the plan has.
async fn scaling_policies(clients: &Clients, settings: &Settings, plan: &Plan) -> Result<BTreeMap<String, u32>, Error> {
    if plan.autoscaling.is_empty() {
        return Ok(BTreeMap::new());
    }
    let cluster = &settings.resources.cluster;
    let ids: Vec<(String, String)> = plan
        .autoscaling
        .iter()
        .map(|role| {
            let name = settings.resources.services.get(role).cloned().unwrap_or_else(|| role.clone());
            (role.clone(), format!("service/{cluster}/{name}"))
        })
        .collect();
    let resource_ids: Vec<String> = ids.iter().map(|(_, id)| id.clone()).collect();
    let counts = aws::quotas::ecs_scaling_policies(clients, &resource_ids).await?;
    Ok(ids.into_iter().map(|(role, id)| (role, counts.get(&id).copied().unwrap_or(0))).collect())
}
