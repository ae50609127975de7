//! Service Quotas by name: one paged `ListServiceQuotas` of `bedrock` per run, and each model's
//! on-demand tokens- and requests-per-minute quotas picked out of it by their names
//! (`On-demand InvokeModel tokens per minute for <model name>`), which are stable where the
//! codes differ per model and region. Only when a signal reads them.

use std::collections::BTreeMap;

use futures::future::BoxFuture;

use super::{Cx, Found, Source};
use crate::aws::{self, Clients};
use crate::error::Error;
use crate::evidence::{Evidence, ModelQuotas, NamedQuota};
use crate::settings::Settings;

/// The quotas-by-name source.
pub struct NamedQuotas;

impl Source for NamedQuotas {
    fn name(&self) -> &'static str {
        "named-quotas"
    }

    fn read<'a>(&'a self, cx: &'a Cx<'a>) -> BoxFuture<'a, Result<Found, Error>> {
        Box::pin(async move {
            if !cx.plan.named_quotas {
                return Ok(Box::new(|_: &mut Evidence| {}) as Found);
            }
            let q = named_quotas(cx.clients, cx.settings).await?;
            Ok(Box::new(move |ev: &mut Evidence| ev.named_quotas = q) as Found)
        })
    }
}

/// The built-in name of a model's quota: `per` is `tokens` or `requests`.
pub fn quota_name(per: &str, model_name: &str) -> String {
    format!("On-demand InvokeModel {per} per minute for {model_name}")
}

/// Each model of `[models]` with its two quotas found by name (empty names where masst does
/// not know the model's name: the signal then says to set `quota_name`).
pub async fn named_quotas(clients: &Clients, settings: &Settings) -> Result<BTreeMap<String, ModelQuotas>, Error> {
    let listed = aws::quotas::list(clients, &settings.quotas.service).await?;
    Ok(pick(&listed, settings))
}

/// Picks each model's quotas out of a service's list, by name (case as AWS writes it).
pub fn pick(listed: &[aws::quotas::Listed], settings: &Settings) -> BTreeMap<String, ModelQuotas> {
    let find = |per: &str, model_name: &Option<String>| {
        let Some(n) = model_name else { return NamedQuota::default() };
        let name = quota_name(per, n);
        match listed.iter().find(|q| q.name.eq_ignore_ascii_case(&name)) {
            Some(q) => NamedQuota { name, code: Some(q.code.clone()), value: q.value },
            None => NamedQuota { name, code: None, value: None },
        }
    };
    settings
        .model_keys()
        .into_iter()
        .map(|m| {
            let n = settings.quota_model_name(&m);
            let q = ModelQuotas { tokens: find("tokens", &n), requests: find("requests", &n) };
            (m, q)
        })
        .collect()
}
