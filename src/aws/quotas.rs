//! Service Quotas and Application Auto Scaling: the applied value of each quota code, every
//! quota of a service by name (Bedrock's codes differ per model and region, its names do not),
//! and how many scaling policies each ECS service has (the audit's evidence).

use std::collections::BTreeMap;

use futures::future::try_join_all;

use super::{timed, Clients, Failure};
use crate::error::Error;

/// The applied value of each `(key, quota code)` of `service`, concurrently; `None` where
/// Service Quotas has no applied value (no such code for this account).
pub async fn applied_values(
    clients: &Clients,
    service: &str,
    codes: &BTreeMap<String, String>,
) -> Result<BTreeMap<String, Option<f64>>, Error> {
    let reads = codes.iter().map(|(key, code)| async move {
        let out = timed(
            "servicequotas:GetServiceQuota",
            clients.servicequotas.get_service_quota().service_code(service).quota_code(code).send(),
        )
        .await;
        let value = match out {
            Ok(o) => o.quota().and_then(|q| q.value()),
            Err(e) if super::classify(&e) == Failure::NotFound => None,
            Err(e) => {
                return Err(super::read_error(&e, "servicequotas:GetServiceQuota", &format!("the {key} quota {code}")))
            }
        };
        Ok((key.clone(), value))
    });
    Ok(try_join_all(reads).await?.into_iter().collect())
}

/// One quota as `ListServiceQuotas` gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct Listed {
    pub name: String,
    pub code: String,
    /// The applied value; `None` when Service Quotas gives none.
    pub value: Option<f64>,
}

/// Every applied quota of `service`, every page read (one call per page).
pub async fn list(clients: &Clients, service: &str) -> Result<Vec<Listed>, Error> {
    let mut out = Vec::new();
    let mut token: Option<String> = None;
    loop {
        let page = timed(
            "servicequotas:ListServiceQuotas",
            clients.servicequotas.list_service_quotas().service_code(service).set_next_token(token.clone()).send(),
        )
        .await
        .map_err(|e| super::read_error(&e, "servicequotas:ListServiceQuotas", &format!("the {service} quotas")))?;
        for q in page.quotas() {
            out.push(Listed {
                name: q.quota_name().unwrap_or("").to_string(),
                code: q.quota_code().unwrap_or("").to_string(),
                value: q.value(),
            });
        }
        token = page.next_token().map(String::from);
        if token.is_none() {
            return Ok(out);
        }
    }
}

/// How many ECS scaling policies name each of `resource_ids` (`service/<cluster>/<name>`),
/// every page of `DescribeScalingPolicies` read.
pub async fn ecs_scaling_policies(clients: &Clients, resource_ids: &[String]) -> Result<BTreeMap<String, u32>, Error> {
    let mut counts: BTreeMap<String, u32> = resource_ids.iter().map(|id| (id.clone(), 0)).collect();
    let mut token: Option<String> = None;
    loop {
        let out = timed(
            "application-autoscaling:DescribeScalingPolicies",
            clients
                .autoscaling
                .describe_scaling_policies()
                .service_namespace(aws_sdk_applicationautoscaling::types::ServiceNamespace::Ecs)
                .set_next_token(token.clone())
                .send(),
        )
        .await
        .map_err(|e| {
            super::read_error(&e, "application-autoscaling:DescribeScalingPolicies", "the ECS scaling policies")
        })?;
        for p in out.scaling_policies() {
            if let Some(n) = counts.get_mut(p.resource_id()) {
                *n += 1;
            }
        }
        token = out.next_token().map(String::from);
        if token.is_none() {
            return Ok(counts);
        }
    }
}
