//! AppConfig: names resolved to ids (once per command, or given in `masst.toml`), the
//! deployments of the profile (the one in progress, and the completed ones newest first: the
//! "latest completed deployment" is read here and nowhere else), hosted versions, and the calls
//! a change makes (create a version, start and follow its deployment, the strategy).

use std::time::Duration;

use aws_sdk_appconfig::types::{DeploymentState, ReplicateTo};

use super::{timed, Clients};
use crate::error::Error;
use crate::settings::Settings;

/// Where the deployed document lives: ids resolved from the configured names.
#[derive(Debug, Clone, PartialEq)]
pub struct AppConfigIds {
    pub application: String,
    pub environment: String,
    pub profile: String,
}

/// Resolves the configured AppConfig names to ids (the environment and profile concurrently).
pub async fn ids(clients: &Clients, settings: &Settings) -> Result<AppConfigIds, Error> {
    let names = &settings.appconfig;
    // Ids given in masst.toml, or resolved earlier in this command, skip the two lookups.
    let given = match (&names.application_id, &names.environment_id, &names.profile_id) {
        (Some(a), Some(e), Some(p)) => Some((a.clone(), e.clone(), p.clone())),
        _ => clients.resolved.appconfig.lock().expect("lock").clone(),
    };
    if let Some((application, environment, profile)) = given {
        return Ok(AppConfigIds { application, environment, profile });
    }
    let ids = lookup_appconfig_ids(clients, settings).await?;
    *clients.resolved.appconfig.lock().expect("lock") =
        Some((ids.application.clone(), ids.environment.clone(), ids.profile.clone()));
    Ok(ids)
}

async fn lookup_appconfig_ids(clients: &Clients, settings: &Settings) -> Result<AppConfigIds, Error> {
    let names = &settings.appconfig;
    let ac = &clients.appconfig;
    let apps = timed("appconfig:ListApplications", ac.list_applications().max_results(50).send())
        .await
        .map_err(|e| super::read_error(&e, "appconfig:ListApplications", "the AppConfig application"))?;
    let app = apps
        .items()
        .iter()
        .find(|a| a.name() == Some(names.application.as_str()))
        .and_then(|a| a.id())
        .ok_or_else(|| {
            Error::Evidence(format!(
                "the AppConfig application `{}` does not exist in {}; set [appconfig] application in masst.toml",
                names.application, clients.region
            ))
        })?
        .to_string();
    let (envs, profiles) = tokio::join!(
        timed("appconfig:ListEnvironments", ac.list_environments().application_id(&app).max_results(50).send()),
        timed(
            "appconfig:ListConfigurationProfiles",
            ac.list_configuration_profiles().application_id(&app).max_results(50).send()
        ),
    );
    let envs = envs.map_err(|e| super::read_error(&e, "appconfig:ListEnvironments", "the AppConfig environment"))?;
    let profiles =
        profiles.map_err(|e| super::read_error(&e, "appconfig:ListConfigurationProfiles", "the AppConfig profile"))?;
    let environment = envs
        .items()
        .iter()
        .find(|e| e.name() == Some(names.environment.as_str()))
        .and_then(|e| e.id())
        .ok_or_else(|| {
            Error::Evidence(format!(
                "AppConfig application `{}` has no environment `{}`; set [appconfig] environment in masst.toml",
                names.application, names.environment
            ))
        })?
        .to_string();
    let profile = profiles
        .items()
        .iter()
        .find(|p| p.name() == Some(names.profile.as_str()))
        .and_then(|p| p.id())
        .ok_or_else(|| {
            Error::Evidence(format!(
                "AppConfig application `{}` has no configuration profile `{}`; set [appconfig] profile in masst.toml",
                names.application, names.profile
            ))
        })?
        .to_string();
    Ok(AppConfigIds { application: app, environment, profile })
}

/// A completed deployment of the profile, as `ListDeployments` tells it.
#[derive(Debug, Clone, PartialEq)]
pub struct Done {
    pub number: i32,
    pub version: i32,
}

/// The deployments of the profile in the environment.
#[derive(Debug, Clone, Default)]
pub struct Deployments {
    /// The number of the deployment in progress, if any.
    pub running: Option<i32>,
    /// The completed deployments of the profile, newest first.
    pub done: Vec<Done>,
    /// The newest completed deployment, when its configuration version is not a hosted
    /// version number: its number and what it names.
    pub unreadable: Option<(i32, String)>,
}

/// The deployments of the profile. `patient` retries a read that fails in passing (a change
/// in flight must learn its outcome); a look fails at once.
pub async fn deployments(
    clients: &Clients,
    ids: &AppConfigIds,
    profile: &str,
    patient: bool,
) -> Result<Deployments, Error> {
    let mut tries = 0;
    let deps = loop {
        let listed = timed(
            "appconfig:ListDeployments",
            clients
                .appconfig
                .list_deployments()
                .application_id(&ids.application)
                .environment_id(&ids.environment)
                .max_results(50)
                .send(),
        )
        .await;
        match listed {
            Ok(d) => break d,
            Err(e) if patient && tries < 4 && !matches!(e, aws_sdk_appconfig::error::SdkError::ServiceError(_)) => {
                tries += 1;
                tokio::time::sleep(Duration::from_millis(200 << tries)).await;
            }
            Err(e) => return Err(super::read_error(&e, "appconfig:ListDeployments", "the deployments")),
        }
    };
    let running = deps
        .items()
        .iter()
        .find(|d| {
            matches!(
                d.state(),
                Some(DeploymentState::Deploying | DeploymentState::Baking | DeploymentState::Validating)
            )
        })
        .map(|d| d.deployment_number());
    let complete: Vec<_> = deps
        .items()
        .iter()
        .filter(|d| d.state() == Some(&DeploymentState::Complete) && d.configuration_name() == Some(profile))
        .collect();
    let unreadable = complete
        .iter()
        .max_by_key(|d| d.deployment_number())
        .filter(|d| d.configuration_version().and_then(|v| v.parse::<i32>().ok()).is_none())
        .map(|d| (d.deployment_number(), d.configuration_version().unwrap_or_default().to_string()));
    let mut done: Vec<Done> = complete
        .iter()
        .filter_map(|d| Some(Done { number: d.deployment_number(), version: d.configuration_version()?.parse().ok()? }))
        .collect();
    done.sort_by_key(|d| -d.number);
    Ok(Deployments { running, done, unreadable })
}

/// The deployed document: the hosted version of the latest completed deployment of the
/// profile in the environment, with its version number.
pub async fn deployed_document(
    clients: &Clients,
    settings: &Settings,
    ids: &AppConfigIds,
) -> Result<(i32, String), Error> {
    let deps = deployments(clients, ids, &settings.appconfig.profile, false).await?;
    if let Some((number, version)) = &deps.unreadable {
        return Err(Error::Evidence(format!(
            "deployment {number} names configuration version {version:?}, which is not a hosted version number"
        )));
    }
    let latest = deps.done.first().ok_or_else(|| {
        Error::Evidence(format!(
            "no completed deployment of profile `{}` in environment `{}`: nothing is deployed to read",
            settings.appconfig.profile, settings.appconfig.environment
        ))
    })?;
    Ok((latest.version, hosted_version(clients, ids, latest.version).await?))
}

/// The text of one hosted configuration version.
pub async fn hosted_version(clients: &Clients, ids: &AppConfigIds, version: i32) -> Result<String, Error> {
    let doc = timed(
        "appconfig:GetHostedConfigurationVersion",
        clients
            .appconfig
            .get_hosted_configuration_version()
            .application_id(&ids.application)
            .configuration_profile_id(&ids.profile)
            .version_number(version)
            .send(),
    )
    .await
    .map_err(|e| super::read_error(&e, "appconfig:GetHostedConfigurationVersion", "the deployed configuration"))?;
    let bytes = doc.content().map(|b| b.as_ref().to_vec()).unwrap_or_default();
    String::from_utf8(bytes).map_err(|_| {
        Error::Evidence(format!(
            "the deployed configuration (version {version}) is not UTF-8 text; fix the document in AppConfig"
        ))
    })
}

/// Where a deployment stands.
#[derive(Debug, Clone, PartialEq)]
pub struct Status {
    /// Percent complete.
    pub percent: f64,
    /// AppConfig's state word (`DEPLOYING`, `COMPLETE`, ...).
    pub state: String,
    pub complete: bool,
    pub rolled_back: bool,
    /// Whose deployment it is, in the words it was started with.
    pub description: Option<String>,
}

/// One deployment's state.
pub async fn deployment(clients: &Clients, ids: &AppConfigIds, number: i32) -> Result<Status, Error> {
    let d = clients
        .appconfig
        .get_deployment()
        .application_id(&ids.application)
        .environment_id(&ids.environment)
        .deployment_number(number)
        .send()
        .await
        .map_err(|e| super::read_error(&e, "appconfig:GetDeployment", "the deployment"))?;
    Ok(Status {
        percent: d.percentage_complete().unwrap_or(0.0) as f64,
        state: d.state().map(|s| s.as_str().to_string()).unwrap_or_default(),
        complete: d.state() == Some(&DeploymentState::Complete),
        rolled_back: matches!(d.state(), Some(DeploymentState::RolledBack | DeploymentState::RollingBack)),
        description: d.description().filter(|s| !s.is_empty()).map(String::from),
    })
}

/// Writes `body` as a new hosted version of the profile; its version number.
pub async fn create_version(
    clients: &Clients,
    ids: &AppConfigIds,
    body: Vec<u8>,
    description: &str,
) -> Result<i32, Error> {
    Ok(clients
        .appconfig
        .create_hosted_configuration_version()
        .application_id(&ids.application)
        .configuration_profile_id(&ids.profile)
        .content(aws_sdk_appconfig::primitives::Blob::new(body))
        .content_type("application/json")
        .description(description)
        .send()
        .await
        .map_err(|e| {
            super::change_error(&e, "appconfig:CreateHostedConfigurationVersion", "the new configuration version")
        })?
        .version_number())
}

/// Starts deploying `version` with `strategy`; its deployment number, or `None` when AppConfig
/// refused because another deployment is in progress (nothing started then).
pub async fn start_deployment(
    clients: &Clients,
    ids: &AppConfigIds,
    strategy: &str,
    version: i32,
    description: &str,
) -> Result<Option<i32>, Error> {
    let started = clients
        .appconfig
        .start_deployment()
        .application_id(&ids.application)
        .environment_id(&ids.environment)
        .configuration_profile_id(&ids.profile)
        .deployment_strategy_id(strategy)
        .configuration_version(version.to_string())
        .description(description)
        .send()
        .await;
    match started {
        Ok(d) => Ok(Some(d.deployment_number())),
        Err(aws_sdk_appconfig::error::SdkError::ServiceError(se)) if se.err().is_conflict_exception() => Ok(None),
        Err(e) => Err(super::change_error(&e, "appconfig:StartDeployment", "the deployment")),
    }
}

/// The id of the deployment strategy `name`, creating it (0 minutes, 100 %, no bake) when
/// it does not exist yet, as contract §1 asks for `masst-all-at-once`.
pub async fn ensure_strategy(clients: &Clients, name: &str) -> Result<String, Error> {
    let ac = &clients.appconfig;
    let list = ac
        .list_deployment_strategies()
        .send()
        .await
        .map_err(|e| super::read_error(&e, "appconfig:ListDeploymentStrategies", "the deployment strategies"))?;
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
        .map_err(|e| super::change_error(&e, "appconfig:CreateDeploymentStrategy", "the deployment strategy"))?;
    Ok(created.id().unwrap_or_default().to_string())
}
