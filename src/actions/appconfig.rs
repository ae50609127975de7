//! AppConfig plumbing shared by the actions and the lab: the deployment strategy masst uses.

use aws_sdk_appconfig::types::ReplicateTo;

use crate::aws::{explain, Clients};
use crate::error::Error;

/// The id of the deployment strategy `name`, creating it (0 minutes, 100 %, no bake) when
/// it does not exist yet, as contract §1 asks for `masst-all-at-once`.
pub async fn ensure_strategy(clients: &Clients, name: &str) -> Result<String, Error> {
    let ac = &clients.appconfig;
    let list =
        ac.list_deployment_strategies().send().await.map_err(|e| {
            Error::Evidence(explain(&e, "appconfig:ListDeploymentStrategies", "the deployment strategies"))
        })?;
    if let Some(s) = list.items().iter().find(|s| s.name() == Some(name)) {
        return Ok(s.id().unwrap_or_default().to_string());
    }
    let created = ac
        .create_deployment_strategy()
        .name(name)
        .description("created by masst: all at once, no bake")
        .deployment_duration_in_minutes(0)
        .growth_factor(100.0)
        .final_bake_time_in_minutes(0)
        .replicate_to(ReplicateTo::None)
        .send()
        .await
        .map_err(|e| Error::Action(explain(&e, "appconfig:CreateDeploymentStrategy", "the deployment strategy")))?;
    Ok(created.id().unwrap_or_default().to_string())
}
