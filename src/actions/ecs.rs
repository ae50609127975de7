//! The ECS desired-count family: `batch.scale`, `producer.pause` and `producer.resume` (which
//! restores the count its pause saved in the journal), and their undo.

use serde_json::json;

use super::journal::Entry;
use super::{not_mine, number_arg, Applied, Ctx, Family, Plan, Run};
use crate::aws::{self, Clients};
use crate::engine::{ActionInfo, Arg, Param};
use crate::error::Error;
use crate::settings::Settings;

/// The ECS desired-count family.
pub struct Ecs;

/// The batch workers' service role (`[resources.services]` key).
pub const BATCH_WORKER: &str = "batch-worker";
/// The batch producer's service role.
pub const PRODUCER: &str = "catalog-enrichment";

/// The count a request sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count {
    To(i32),
    /// The count the latest `producer pause` saved in the journal.
    Saved,
}

/// Set the desired count of the service of `role`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EcsRequest {
    pub id: &'static str,
    pub role: &'static str,
    pub count: Count,
}

impl EcsRequest {
    /// `batch scale N`.
    pub fn scale(n: i32) -> Self {
        EcsRequest { id: "batch.scale", role: BATCH_WORKER, count: Count::To(n) }
    }
    /// `producer pause`.
    pub fn pause() -> Self {
        EcsRequest { id: "producer.pause", role: PRODUCER, count: Count::To(0) }
    }
    /// `producer resume [--count N]`.
    pub fn resume(count: Option<i32>) -> Self {
        EcsRequest { id: "producer.resume", role: PRODUCER, count: count.map_or(Count::Saved, Count::To) }
    }
}

/// A service's desired count now, and the count to set (already worked out).
#[derive(Debug, Clone)]
pub struct Desired {
    pub role: String,
    pub service: String,
    pub now: i32,
    pub to: Option<i32>,
}

/// The role the service of an entry plays: journaled since entries carry it, else by its id.
fn role_of(e: &Entry) -> &str {
    e.before["role"].as_str().unwrap_or(if e.action == "batch.scale" { BATCH_WORKER } else { PRODUCER })
}

impl Family for Ecs {
    const NAME: &'static str = "ecs";
    const ACTIONS: &'static [ActionInfo] = &[
        ActionInfo {
            id: "batch.scale",
            command: "batch scale",
            summary: "set the batch-worker ECS desired count",
            params: &[Param::Number],
        },
        ActionInfo {
            id: "producer.pause",
            command: "producer pause",
            summary: "stop the batch producer (ECS desired count 0)",
            params: &[],
        },
        ActionInfo {
            id: "producer.resume",
            command: "producer resume",
            summary: "restore the batch producer's saved count",
            params: &[],
        },
    ];
    type Request = EcsRequest;
    type State = Desired;
    type Change = Desired;
    type Done = ();

    fn request(id: &str, args: &[Arg]) -> Result<EcsRequest, Error> {
        match id {
            "batch.scale" => Ok(EcsRequest::scale(number_arg(id, args, 0, 0..=200)? as i32)),
            "producer.pause" => Ok(EcsRequest::pause()),
            "producer.resume" => Ok(EcsRequest::resume(None)),
            other => Err(not_mine(Self::NAME, other)),
        }
    }

    async fn read(cx: &Ctx<'_>, req: &EcsRequest) -> Result<Desired, Error> {
        let to = match req.count {
            Count::To(n) => n,
            Count::Saved => saved_count(cx.journal).ok_or_else(|| {
                Error::Action("no `producer pause` in the journal saved a count to restore; pass --count N".into())
            })?,
        };
        let (service, now) = read_desired(cx.clients, cx.settings, req.role).await?;
        Ok(Desired { role: req.role.to_string(), service, now, to: Some(to) })
    }

    fn plan(req: &EcsRequest, state: Desired, settings: &Settings, _force: bool) -> Result<Plan<Desired>, Error> {
        let to = state.to.expect("read works out the count");
        if !(0..=200).contains(&to) {
            return Err(Error::Action(format!("a desired count of {to} is out of range; use 0 to 200")));
        }
        Ok(ecs_plan(req.id, state, to, settings))
    }

    async fn apply(cx: &Ctx<'_>, plan: &Plan<Desired>, _run: &Run<'_>, out: &mut Applied) -> Result<(), Error> {
        out.sent = true;
        let to = plan.change.to.expect("planned");
        aws::ecs::set_desired(cx.clients, &cx.settings.resources.cluster, &plan.change.service, to)
            .await
            .map_err(|e| out.refused(e))
    }

    async fn read_undo(cx: &Ctx<'_>, e: &Entry) -> Result<Desired, Error> {
        let role = role_of(e);
        let (service, now) = read_desired(cx.clients, cx.settings, role).await?;
        Ok(Desired { role: role.to_string(), service, now, to: None })
    }

    fn plan_undo(e: &Entry, state: Desired, settings: &Settings, force: bool) -> Result<Plan<Desired>, Error> {
        let left = e.after["desired"].as_i64().unwrap_or(-1) as i32;
        let to = e.before["desired"]
            .as_i64()
            .ok_or_else(|| Error::Action(format!("journal entry {} has no desired count to restore", e.id)))?
            as i32;
        if state.now != left && state.now != to && !force {
            return Err(super::moved_since(
                e,
                &format!("{}'s desired count is {}, not the {left} it left", state.service, state.now),
            ));
        }
        Ok(ecs_plan(&e.action, state, to, settings))
    }
}

fn ecs_plan(action: &str, state: Desired, to: i32, settings: &Settings) -> Plan<Desired> {
    let target = format!("ECS {}/{}", settings.resources.cluster, state.service);
    Plan {
        action: action.to_string(),
        preview: format!("{target}: desired count {} → {to}", state.now),
        target,
        before: json!({"service": state.service, "role": state.role, "desired": state.now}),
        after: json!({"service": state.service, "role": state.role, "desired": to}),
        noop: state.now == to,
        change: Desired { to: Some(to), ..state },
    }
}

/// The count the latest `producer pause` (not itself an undo) saved.
fn saved_count(journal: &[Entry]) -> Option<i32> {
    journal
        .iter()
        .rev()
        .find(|e| e.action == "producer.pause" && e.undoes.is_none())
        .and_then(|e| e.before["desired"].as_i64())
        .map(|n| n as i32)
}

/// Reads an ECS service's desired count.
pub async fn read_desired(clients: &Clients, settings: &Settings, role: &str) -> Result<(String, i32), Error> {
    let service = settings.resources.services.get(role).cloned().unwrap_or_else(|| role.to_string());
    let cluster = &settings.resources.cluster;
    let found = match aws::ecs::describe(clients, cluster, std::slice::from_ref(&service)).await {
        Ok(found) => found,
        // A missing cluster or service is said below, with the setting to fix.
        Err(Error::Evidence(_)) => vec![],
        Err(e) => return Err(e),
    };
    let s = found.into_iter().find(|s| s.active).ok_or_else(|| {
        Error::Action(format!(
            "the ECS service `{service}` does not exist in cluster `{cluster}`; set [resources.services] {role} in masst.toml"
        ))
    })?;
    Ok((service, s.desired as i32))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(now: i32, to: Option<i32>) -> Desired {
        Desired { role: BATCH_WORKER.into(), service: "batch-worker".into(), now, to }
    }

    #[test]
    fn a_scale_previews_the_count_and_an_undo_refuses_a_count_someone_changed_since() {
        let s = Settings::default();
        let p = Ecs::plan(&EcsRequest::scale(5), state(3, Some(5)), &s, false).unwrap();
        assert!(p.preview.ends_with("desired count 3 → 5"), "{}", p.preview);
        assert!(!p.noop);
        let mut e = crate::actions::journal::tests::entry_of("batch.scale", p.before.clone(), p.after.clone());
        // Someone set 7 since: undoing would overwrite it.
        let err = Ecs::plan_undo(&e, state(7, None), &s, false).unwrap_err().to_string();
        assert!(err.contains("desired count is 7, not the 5 it left"), "{err}");
        let back = Ecs::plan_undo(&e, state(5, None), &s, false).unwrap();
        assert_eq!(back.change.to, Some(3));
        e.before = json!({});
        assert!(Ecs::plan_undo(&e, state(5, None), &s, false).is_err(), "no count to restore: refused, not guessed");
    }
}
