//! The AppConfig document family: every action that changes keys of the throughput
//! configuration (analytics, pools, routing, batch, quota sync), and its undo.
//!
//! AppConfig has no compare-and-swap, so [`Doc::apply`] makes one: it checks the deployed
//! version immediately before `StartDeployment`, and after its deployment completes it checks
//! that the deployment completed just before it is the one it read. When another change slipped
//! in, it replays only its own keys onto the newer document and deploys again; when both
//! changed the same key, it puts the other change back and refuses (unless `--force`). No
//! update is lost, and every outcome is recorded in an [`Applied`] for the journal. Undo
//! restores only the leaves its entry changed.

use std::collections::BTreeMap;
use std::time::Duration;

use serde_json::{json, Value};

use super::doc::{self, DocChange};
use super::journal::Entry;
use super::{not_mine, number_arg, word_arg, Applied, Ctx, Family, Plan, Progress, Run, Step};
use crate::aws::appconfig::{AppConfigIds, Done};
use crate::aws::{self, Clients};
use crate::engine::{ActionInfo, Arg, Param};
use crate::error::Error;
use crate::settings::Settings;

/// The AppConfig document family.
pub struct Doc;

/// What a document verb asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum DocRequest {
    /// A change whose values are known now.
    Change(DocChange),
    /// `quota.sync`: `account_quota` from Service Quotas, read when planned.
    QuotaSync,
}

/// The deployed document, and (for `quota.sync`) each model's applied quota.
#[derive(Debug, Clone)]
pub struct DocState {
    pub ids: AppConfigIds,
    pub version: i32,
    pub doc: Value,
    pub quotas: Option<BTreeMap<String, Option<f64>>>,
}

/// A document change ready to deploy: `new` in place of the deployed version `from_version`.
/// `change` is how `new` was made from `old`, so it can be planned again on a newer document
/// (an undo has none: its keys are copied).
#[derive(Debug, Clone)]
pub struct DocDeploy {
    pub ids: AppConfigIds,
    pub from_version: i32,
    pub old: Value,
    pub new: Value,
    pub change: Option<DocChange>,
    pub force: bool,
}

const MODEL_N: &[Param] = &[Param::Model, Param::Number];

impl Family for Doc {
    const NAME: &'static str = "appconfig";
    const ACTIONS: &'static [ActionInfo] = &[
        ActionInfo {
            id: "analytics.pause",
            command: "analytics pause",
            summary: "stop the analytics pipeline's Bedrock calls",
            params: &[],
        },
        ActionInfo {
            id: "analytics.resume",
            command: "analytics resume",
            summary: "let the analytics pipeline call Bedrock again",
            params: &[],
        },
        ActionInfo {
            id: "concurrency.set",
            command: "concurrency set",
            summary: "set a pool's max_concurrency for a model",
            params: MODEL_N,
        },
        ActionInfo {
            id: "routing.haiku",
            command: "routing haiku",
            summary: "route simple queries to Haiku",
            params: &[Param::Choice(&["on", "off"])],
        },
        ActionInfo { id: "batch.pause", command: "batch pause", summary: "pause batch processing", params: &[] },
        ActionInfo { id: "batch.resume", command: "batch resume", summary: "resume batch processing", params: &[] },
        ActionInfo {
            id: "batch.concurrency",
            command: "batch concurrency",
            summary: "give batch a dedicated pool of N slots",
            params: &[Param::Number],
        },
        ActionInfo {
            id: "batch.schedule",
            command: "batch schedule apply",
            summary: "apply the time-of-day batch schedule (JST)",
            params: &[],
        },
        ActionInfo {
            id: "batch.model",
            command: "batch model",
            summary: "switch the batch model",
            params: &[Param::Model],
        },
        ActionInfo {
            id: "quota.sync",
            command: "quota sync",
            summary: "copy each model's applied Service Quotas value into account_quota",
            params: &[],
        },
    ];
    type Request = DocRequest;
    type State = DocState;
    type Change = DocDeploy;
    type Done = ();

    fn request(id: &str, args: &[Arg]) -> Result<DocRequest, Error> {
        let change = match id {
            "analytics.pause" => DocChange::AnalyticsPaused(true),
            "analytics.resume" => DocChange::AnalyticsPaused(false),
            "concurrency.set" => DocChange::Concurrency {
                model: word_arg(id, args, 0)?.to_string(),
                pool: "realtime".into(),
                value: number_arg(id, args, 1, 1..=1000)?,
            },
            "routing.haiku" => DocChange::RoutingHaiku(word_arg(id, args, 0)? == "on"),
            "batch.pause" => DocChange::BatchPaused(true),
            "batch.resume" => DocChange::BatchPaused(false),
            "batch.concurrency" => DocChange::BatchConcurrency(number_arg(id, args, 0, 0..=1000)?),
            "batch.schedule" => DocChange::BatchSchedule(doc::SEED_SCHEDULE.to_vec()),
            "batch.model" => DocChange::BatchModel(word_arg(id, args, 0)?.to_string()),
            "quota.sync" => return Ok(DocRequest::QuotaSync),
            other => return Err(not_mine(Self::NAME, other)),
        };
        Ok(DocRequest::Change(change))
    }

    fn check(req: &DocRequest, settings: &Settings) -> Result<(), Error> {
        let models = settings.model_keys();
        let model = match req {
            DocRequest::Change(DocChange::Concurrency { model, pool, .. }) => {
                if !doc::POOLS.contains(&pool.as_str()) {
                    return Err(Error::Usage(format!("unknown pool `{pool}`; use one of {}", doc::POOLS.join(", "))));
                }
                Some(model)
            }
            DocRequest::Change(DocChange::BatchModel(model)) => Some(model),
            _ => None,
        };
        match model {
            Some(m) if !models.contains(m) => Err(Error::Usage(format!(
                "unknown model `{m}`; use one of {} (the [models] of masst.toml)",
                models.join(", ")
            ))),
            _ => Ok(()),
        }
    }

    async fn read(cx: &Ctx<'_>, req: &DocRequest) -> Result<DocState, Error> {
        let mut state = read_doc(cx.clients, cx.settings).await?;
        if *req == DocRequest::QuotaSync {
            // What the plan needs, read at the edge: the family does not re-enter collection.
            let q = &cx.settings.quotas;
            state.quotas = Some(aws::quotas::applied_values(cx.clients, &q.service, &q.codes).await?);
        }
        Ok(state)
    }

    fn plan(req: &DocRequest, state: DocState, settings: &Settings, force: bool) -> Result<Plan<DocDeploy>, Error> {
        let change = match req {
            DocRequest::Change(c) => c.clone(),
            DocRequest::QuotaSync => {
                let mut values = BTreeMap::new();
                for (m, v) in state.quotas.clone().unwrap_or_default() {
                    let v = v.ok_or_else(|| {
                        let q = &settings.quotas;
                        let code = q.codes.get(&m).cloned().unwrap_or_default();
                        Error::Action(format!(
                            "Service Quotas has no applied value for {m} ({} {code}); nothing was changed",
                            q.service
                        ))
                    })?;
                    values.insert(m, v);
                }
                DocChange::QuotaSync(values)
            }
        };
        let new = change.plan(&state.doc, &settings.model_keys(), force).map_err(|r| Error::Action(r.message))?;
        Ok(doc_plan(change.action_id(), state, new, Some(change), settings, force))
    }

    async fn apply(cx: &Ctx<'_>, plan: &Plan<DocDeploy>, run: &Run<'_>, out: &mut Applied) -> Result<(), Error> {
        apply_doc(cx.clients, cx.settings, run.progress, run.wait, run.who, &plan.change, out).await
    }

    async fn read_undo(cx: &Ctx<'_>, _entry: &Entry) -> Result<DocState, Error> {
        read_doc(cx.clients, cx.settings).await
    }

    fn plan_undo(e: &Entry, state: DocState, settings: &Settings, force: bool) -> Result<Plan<DocDeploy>, Error> {
        let (Some(had), Some(left)) = (e.before.get("document"), e.after.get("document")) else {
            return Err(Error::Action(format!(
                "journal entry {} ({}) has no before and after documents, so masst cannot tell which keys to restore; undo it by hand",
                e.id, e.action
            )));
        };
        let restore = undo_patch(had, left, &state.doc);
        let moved_keys: Vec<String> = restore.moved.iter().map(|p| doc::path_str(p)).collect();
        if !moved_keys.is_empty() && !force {
            return Err(super::moved_since(
                e,
                &format!("{} changed in the deployed configuration (version {})", moved_keys.join(", "), state.version),
            ));
        }
        let new = doc::apply_patch(&state.doc, &restore.patch).map_err(|r| Error::Action(r.message))?;
        Ok(doc_plan(&e.action, state, new, None, settings, force))
    }
}

/// The plan of deploying `new` over the state's document.
fn doc_plan(
    action: &str,
    state: DocState,
    new: Value,
    change: Option<DocChange>,
    settings: &Settings,
    force: bool,
) -> Plan<DocDeploy> {
    let a = &settings.appconfig;
    let target = format!("AppConfig {}/{}/{}", a.application, a.environment, a.profile);
    let DocState { ids, version, doc: old, .. } = state;
    Plan {
        action: action.to_string(),
        preview: format!(
            "{target} (deployed version {version}) — a new hosted version, deployed with strategy {}:\n{}",
            a.strategy,
            doc::diff(&old, &new)
        ),
        target,
        before: json!({"version": version, "document": old}),
        after: json!({"based_on": version, "document": new}),
        noop: old == new,
        change: DocDeploy { ids, from_version: version, old, new, change, force },
    }
}

/// Reads the deployed document and its version.
pub async fn read_doc(clients: &Clients, settings: &Settings) -> Result<DocState, Error> {
    let ids = aws::appconfig::ids(clients, settings).await?;
    let (version, text) = aws::appconfig::deployed_document(clients, settings, &ids).await?;
    let doc = serde_json::from_str(&text).map_err(|e| {
        Error::Action(format!(
            "the deployed configuration (version {version}) is not valid JSON ({e}); masst will not edit it. Fix it in AppConfig first"
        ))
    })?;
    Ok(DocState { ids, version, doc, quotas: None })
}

/// A completed deployment as the engineer reads it, with its description (whose change it
/// was), which only `GetDeployment` tells.
async fn who_deployed(clients: &Clients, ids: &AppConfigIds, d: &Done) -> String {
    match aws::appconfig::deployment(clients, ids, d.number).await.ok().and_then(|s| s.description) {
        Some(desc) => format!("deployment {} (version {}, \"{desc}\")", d.number, d.version),
        None => format!("deployment {} (version {})", d.number, d.version),
    }
}

/// How many times a change is replayed onto a newer document before masst gives up.
const REBASES: usize = 5;

/// The deployment in progress and the completed ones, read patiently: a change in flight
/// must learn its outcome.
async fn deployments(
    clients: &Clients,
    settings: &Settings,
    ids: &AppConfigIds,
) -> Result<(Option<i32>, Vec<Done>), Error> {
    let d = aws::appconfig::deployments(clients, ids, &settings.appconfig.profile, true)
        .await
        .map_err(Error::during_change)?;
    Ok((d.running, d.done))
}

async fn read_version(clients: &Clients, ids: &AppConfigIds, version: i32) -> Result<Value, Error> {
    let text = aws::appconfig::hosted_version(clients, ids, version).await.map_err(Error::during_change)?;
    serde_json::from_str(&text).map_err(|e| {
        Error::Action(format!(
            "configuration version {version}, deployed by someone else meanwhile, is not valid JSON ({e}); masst will not edit it"
        ))
    })
}

/// Deploys a document change without losing anyone's update (see the module comment).
async fn apply_doc(
    clients: &Clients,
    settings: &Settings,
    progress: Progress<'_>,
    wait: bool,
    who: &str,
    p: &DocDeploy,
    out: &mut Applied,
) -> Result<(), Error> {
    let models = settings.model_keys();
    let (mut base_version, mut base, mut mine) = (p.from_version, p.old.clone(), p.new.clone());
    // The version that must be live when masst starts its deployment.
    let mut expected_live = p.from_version;
    for round in 0..REBASES {
        let (running, done) = deployments(clients, settings, &p.ids).await?;
        if let Some(n) = running {
            if round == 0 {
                return Err(Error::Action(format!(
                    "deployment {n} is still in progress in {}; nothing was changed. Wait for it, then re-run",
                    settings.appconfig.environment
                )));
            }
            // Someone started a deployment after ours: let it finish, then look again.
            let _ = follow(clients, &p.ids, n, &super::silent).await;
            continue;
        }
        let Some(latest) = done.first().cloned() else {
            return Err(Error::Action(format!(
                "no completed deployment of profile `{}` is left in `{}`; nothing was changed",
                settings.appconfig.profile, settings.appconfig.environment
            )));
        };
        if latest.version != expected_live {
            let theirs = read_version(clients, &p.ids, latest.version).await?;
            let who_else = who_deployed(clients, &p.ids, &latest).await;
            mine = doc::rebase(&base, &mine, &theirs, p.change.as_ref(), &models, p.force).map_err(|r| {
                Error::Action(format!(
                    "{} was deployed after masst read version {base_version}, and {}: deploying this change would overwrite theirs. \
                     Nothing was changed. Re-run to plan against the current document, or pass --force to overwrite",
                    who_else, r.message
                ))
            })?;
            out.notes.push(format!("replayed onto {who_else}, deployed after masst read version {base_version}"));
            (base, base_version, expected_live) = (theirs, latest.version, latest.version);
            out.before = json!({"version": base_version, "document": base});
            out.after = json!({"based_on": base_version, "document": mine});
            if mine == base {
                out.notes.push("that deployment already made this change; nothing more to deploy".into());
                return Ok(());
            }
        }
        let Some((version, number)) = deploy(clients, settings, &p.ids, &mine, who, out).await? else {
            // Another deployment started between our check and ours: look again.
            continue;
        };
        out.before = json!({"version": base_version, "document": base});
        out.after = json!({"version": version, "deployment": number, "based_on": base_version, "document": mine});
        if !wait {
            out.notes.push(format!("deployment {number} started; not followed (--no-wait)"));
            return Ok(());
        }
        follow(clients, &p.ids, number, progress).await?;
        let (_, done) = deployments(clients, settings, &p.ids).await?;
        let Some(prev) = done.iter().find(|d| d.number < number).cloned() else {
            return Ok(());
        };
        if prev.version == expected_live {
            return Ok(());
        }
        // Someone deployed between our check and our deployment, and ours replaced theirs.
        let theirs = read_version(clients, &p.ids, prev.version).await?;
        let who_else = who_deployed(clients, &p.ids, &prev).await;
        match doc::rebase(&base, &mine, &theirs, p.change.as_ref(), &models, p.force) {
            Ok(replayed) => {
                out.notes.push(format!(
                    "{who_else} completed between masst's check and its deployment {number}; replaying this change onto it"
                ));
                (base, base_version, expected_live, mine) = (theirs, prev.version, version, replayed);
            }
            Err(r) => {
                // Put their document back rather than leave it overwritten.
                let Some((v2, n2)) =
                    deploy(clients, settings, &p.ids, &theirs, &format!("{who}: put back"), out).await?
                else {
                    return Err(Error::Action(format!(
                        "{who_else} and this change ({}) were deployed at the same time; this one may have overwritten theirs and could not be put back: check AppConfig",
                        r.message
                    )));
                };
                follow(clients, &p.ids, n2, &super::silent).await?;
                out.sent = false;
                out.before = json!({"version": prev.version, "document": theirs});
                out.after = json!({"version": v2, "deployment": n2, "document": theirs, "put_back": prev.version});
                return Err(Error::Action(format!(
                    "{who_else} was deployed at the same time as this change, and {}; masst put their document back (version {v2}) \
                     so nothing of this change is live. Re-run to plan against the current document, or pass --force to overwrite",
                    r.message
                )));
            }
        }
    }
    Err(Error::Action(format!(
        "the configuration kept changing under masst ({REBASES} attempts to deploy this change on top of others); \
         check `masst journal` and AppConfig, then re-run"
    )))
}

/// Writes `doc` as a new hosted version and starts its deployment. `None` when AppConfig
/// refused the start because another deployment began meanwhile (nothing is live then).
async fn deploy(
    clients: &Clients,
    settings: &Settings,
    ids: &AppConfigIds,
    doc: &Value,
    description: &str,
    out: &mut Applied,
) -> Result<Option<(i32, i32)>, Error> {
    // AppConfig caps descriptions at 1024 characters.
    let description: String = description.chars().take(1024).collect();
    let body = serde_json::to_vec_pretty(doc).expect("json");
    let version = aws::appconfig::create_version(clients, ids, body, &description).await?;
    let strategy =
        aws::appconfig::ensure_strategy(clients, &settings.appconfig.strategy).await.map_err(Error::during_change)?;
    let was_sent = out.sent;
    out.sent = true;
    match aws::appconfig::start_deployment(clients, ids, &strategy, version, &description).await {
        Ok(Some(number)) => Ok(Some((version, number))),
        Ok(None) => {
            out.sent = was_sent;
            Ok(None)
        }
        Err(e) => {
            let e = out.refused(e);
            if !out.sent {
                out.sent = was_sent;
            }
            Err(e)
        }
    }
}

/// Follows a deployment to completion, reporting progress; a rollback is an error.
pub async fn follow(clients: &Clients, ids: &AppConfigIds, number: i32, progress: Progress<'_>) -> Result<(), Error> {
    let deadline = std::time::Instant::now() + Duration::from_secs(3600);
    let mut failures = 0;
    loop {
        let d = match aws::appconfig::deployment(clients, ids, number).await {
            Ok(d) => {
                failures = 0;
                d
            }
            // A read that fails in passing does not end the watch: the deployment goes on
            // whether masst sees it or not, and its outcome is what the journal needs.
            Err(Error::Aws(a)) if failures < 5 && !a.failure.aws_refused() => {
                failures += 1;
                tokio::time::sleep(Duration::from_millis(250 << failures)).await;
                continue;
            }
            Err(e) => {
                progress(Step::Stopped);
                return Err(Error::Action(format!(
                    "deployment {number} was started but masst could not follow it: {e}. It may be live: \
                     `masst journal` lists it as unknown and `masst undo` can reverse it"
                )));
            }
        };
        progress(Step::Deploying(d.percent, &d.state));
        if d.complete {
            progress(Step::Done);
            return Ok(());
        }
        if d.rolled_back {
            progress(Step::Stopped);
            return Err(Error::Action(format!(
                "deployment {number} was stopped or rolled back; the previous configuration stays in effect"
            )));
        }
        if std::time::Instant::now() > deadline {
            return Err(Error::Action(format!(
                "deployment {number} did not complete within an hour; check it in AppConfig"
            )));
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
}

/// How to undo a document change: the leaves it changed, set back to what they were, and
/// those of them that someone has changed since (undoing would overwrite their change).
#[derive(Debug, PartialEq)]
pub struct UndoPatch {
    pub patch: doc::Patch,
    pub moved: Vec<Vec<String>>,
}

/// Plans the undo of a change that took `had` to `left`, against the document deployed `now`.
/// Only the change's own keys are restored: whatever else changed since stays.
pub fn undo_patch(had: &Value, left: &Value, now: &Value) -> UndoPatch {
    let mut patch = doc::Patch::new();
    let mut moved = Vec::new();
    for (path, _) in doc::leaf_diff(had, left) {
        let was = doc::value_at(had, &path).cloned();
        let current = doc::value_at(now, &path);
        if current == was.as_ref() {
            continue; // already as it was (the change never went live, or was reverted)
        }
        if current != doc::value_at(left, &path) {
            moved.push(path.clone());
        }
        patch.push((path, was));
    }
    UndoPatch { patch, moved }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undo_restores_only_its_own_keys_and_names_those_changed_since() {
        let had = json!({"analytics": {"paused": false}, "routing": {"on": false}, "pools": {"s": 50}});
        let left = json!({"analytics": {"paused": true}, "routing": {"on": false}, "pools": {"s": 30}});
        // Since: someone turned routing on (not ours) and set pools.s to 35 (ours).
        let now = json!({"analytics": {"paused": true}, "routing": {"on": true}, "pools": {"s": 35}});
        let u = undo_patch(&had, &left, &now);
        assert_eq!(u.moved, vec![vec!["pools".to_string(), "s".to_string()]]);
        let restored = doc::apply_patch(&now, &u.patch).unwrap();
        assert_eq!(restored, json!({"analytics": {"paused": false}, "routing": {"on": true}, "pools": {"s": 50}}));
        // A change that never went live has nothing to undo.
        assert_eq!(undo_patch(&had, &left, &had), UndoPatch { patch: vec![], moved: vec![] });
    }
}
