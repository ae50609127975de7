//! AppConfig: the chain to the deployed throughput document (contract §3), refused when it is
//! not JSON or lacks a key the runbooks need without a default.

use futures::future::BoxFuture;

use super::{Cx, Found, Source};
use crate::aws::{appconfig, Clients};
use crate::error::Error;
use crate::evidence::{Evidence, Plan};
use crate::settings::Settings;

/// The deployed-configuration source.
pub struct Config;

impl Source for Config {
    fn name(&self) -> &'static str {
        "config"
    }

    fn read<'a>(&'a self, cx: &'a Cx<'a>) -> BoxFuture<'a, Result<Found, Error>> {
        Box::pin(async move {
            let c = config(cx.clients, cx.settings, cx.plan).await?;
            Ok(Box::new(move |ev: &mut Evidence| {
                if let Some((version, doc)) = c {
                    ev.config_version = Some(version);
                    ev.config = Some(doc);
                }
            }) as Found)
        })
    }
}

async fn config(
    clients: &Clients,
    settings: &Settings,
    plan: &Plan,
) -> Result<Option<(i32, serde_json::Value)>, Error> {
    if !plan.config {
        return Ok(None);
    }
    let ids = appconfig::ids(clients, settings).await?;
    let (version, text) = appconfig::deployed_document(clients, settings, &ids).await?;
    let doc: serde_json::Value = serde_json::from_str(&text).map_err(|e| {
        Error::Evidence(format!(
            "the deployed configuration (version {version}) is not valid JSON ({e}); fix the document in AppConfig and redeploy"
        ))
    })?;
    let missing: Vec<&String> =
        plan.config_keys.iter().filter(|k| doc.pointer(&format!("/{}", k.replace('.', "/"))).is_none()).collect();
    if !missing.is_empty() {
        let list: Vec<&str> = missing.iter().map(|s| s.as_str()).collect();
        return Err(Error::Evidence(format!(
            "the deployed configuration (version {version}) lacks keys the runbooks need: {}; add them (contract §3) and redeploy",
            list.join(", ")
        )));
    }
    Ok(Some((version, doc)))
}
