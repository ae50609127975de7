//! ECS: services described by name (ten a call), and a service's desired count set.

use super::{timed, Clients};
use crate::error::Error;

/// An ECS service as masst reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct Service {
    pub name: String,
    pub desired: i64,
    pub running: i64,
    pub pending: i64,
    /// False for a deleted service ECS still lists (`INACTIVE`).
    pub active: bool,
    /// The newest events first, at most twenty: when, and what.
    pub events: Vec<(jiff::Timestamp, String)>,
}

/// Describes the services `names` of `cluster`. A missing cluster or service is an error that
/// names the setting to fix; no service is left out silently.
pub async fn describe(clients: &Clients, cluster: &str, names: &[String]) -> Result<Vec<Service>, Error> {
    let mut out = Vec::new();
    // DescribeServices takes ten services a call.
    for chunk in names.chunks(10) {
        let resp = timed(
            "ecs:DescribeServices",
            clients.ecs.describe_services().cluster(cluster).set_services(Some(chunk.to_vec())).send(),
        )
        .await
        .map_err(|e| {
            let code = e.as_service_error().and_then(|s| aws_sdk_ecs::error::ProvideErrorMetadata::code(s));
            if code == Some("ClusterNotFoundException") {
                Error::Evidence(format!(
                    "the ECS cluster `{cluster}` does not exist in {}; set [resources] cluster in masst.toml",
                    clients.region
                ))
            } else {
                super::read_error(&e, "ecs:DescribeServices", &format!("the ECS services of {cluster}"))
            }
        })?;
        if let Some(f) = resp.failures().first() {
            let arn = f.arn().unwrap_or_default();
            let name = arn.rsplit('/').next().unwrap_or(arn);
            return Err(Error::Evidence(format!(
                "the ECS service `{name}` was not found in cluster `{cluster}` ({}); set [resources.services] in masst.toml to the deployed names",
                f.reason().unwrap_or("MISSING")
            )));
        }
        for s in resp.services() {
            let events = s
                .events()
                .iter()
                .take(20)
                .map(|e| {
                    let at = e
                        .created_at()
                        .and_then(|t| jiff::Timestamp::from_second(t.secs()).ok())
                        .unwrap_or(jiff::Timestamp::UNIX_EPOCH);
                    (at, e.message().unwrap_or_default().to_string())
                })
                .collect();
            out.push(Service {
                name: s.service_name().unwrap_or_default().to_string(),
                desired: s.desired_count() as i64,
                running: s.running_count() as i64,
                pending: s.pending_count() as i64,
                active: s.status() != Some("INACTIVE"),
                events,
            });
        }
    }
    Ok(out)
}

/// Sets a service's desired count.
pub async fn set_desired(clients: &Clients, cluster: &str, service: &str, count: i32) -> Result<(), Error> {
    clients
        .ecs
        .update_service()
        .cluster(cluster)
        .service(service)
        .desired_count(count)
        .send()
        .await
        .map_err(|e| super::change_error(&e, "ecs:UpdateService", "the ECS service"))?;
    Ok(())
}
