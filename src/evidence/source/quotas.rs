//! Service Quotas: the applied value of each model's tokens-per-minute quota named in
//! `[quotas]`, concurrently, only when a signal reads them.

use std::collections::BTreeMap;

use futures::future::BoxFuture;

use super::{Cx, Found, Source};
use crate::aws::{self, Clients};
use crate::error::Error;
use crate::evidence::{Evidence, Plan};
use crate::settings::Settings;

/// The Service Quotas source.
pub struct Quotas;

impl Source for Quotas {
    fn name(&self) -> &'static str {
        "quotas"
    }

    fn read<'a>(&'a self, cx: &'a Cx<'a>) -> BoxFuture<'a, Result<Found, Error>> {
        Box::pin(async move {
            let q = quotas(cx.clients, cx.settings, cx.plan).await?;
            Ok(Box::new(move |ev: &mut Evidence| ev.quotas = q) as Found)
        })
    }
}

/// The applied Service Quotas value of each model with a quota code in `[quotas]`, concurrently.
pub async fn quotas(
    clients: &Clients,
    settings: &Settings,
    plan: &Plan,
) -> Result<BTreeMap<String, crate::evidence::QuotaState>, Error> {
    if !plan.quotas {
        return Ok(BTreeMap::new());
    }
    let q = &settings.quotas;
    let values = aws::quotas::applied_values(clients, &q.service, &q.codes).await?;
    Ok(values
        .into_iter()
        .map(|(model, value)| {
            let code = q.codes.get(&model).cloned().unwrap_or_default();
            (model, crate::evidence::QuotaState { service: q.service.clone(), code, value })
        })
        .collect())
}
