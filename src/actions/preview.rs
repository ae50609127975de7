//! What an offered action would change, without changing it: the family's read of the state
//! it would change and its pure plan (the preview `--dry-run` shows), and never its apply. The
//! one way `masst mcp` learns what a proposed command would do, so an assistant can tell a
//! person before the person runs it.

use serde::Serialize;

use super::{alarms::Alarms, appconfig::Doc, ecs::Ecs, family_of, queue::Queue, redrive::Redrive};
use super::{ActionCall, Ctx, Family};
use crate::error::Error;

/// An action's preview, or why it would be refused.
#[derive(Debug, Serialize, PartialEq)]
pub struct Preview {
    /// The command line a person runs.
    pub command: String,
    /// What it would change (`AppConfig MangaAssist/prod/throughput`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// The change as the person would see it before saying yes (a diff for AppConfig).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preview: Option<String>,
    /// Running it would change nothing.
    pub noop: bool,
    /// Why masst would refuse it as things stand (a guard, a value it could not compute).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refused: Option<String>,
}

/// Reads what `call` would change and plans it, as `--dry-run` does; AWS is only read.
pub async fn preview(cx: &Ctx<'_>, call: &ActionCall) -> Preview {
    let command = call.command_line();
    let planned = if !call.runnable() {
        Err(Error::Action(format!("`{command}` needs a value masst could not compute from the evidence")))
    } else {
        match family_of(&call.id) {
            Some(Doc::NAME) => plan::<Doc>(cx, call).await,
            Some(Ecs::NAME) => plan::<Ecs>(cx, call).await,
            Some(Queue::NAME) => plan::<Queue>(cx, call).await,
            Some(Alarms::NAME) => plan::<Alarms>(cx, call).await,
            Some(Redrive::NAME) => plan::<Redrive>(cx, call).await,
            _ => Err(Error::Usage(format!("`{}` is not an action this masst has", call.id))),
        }
    };
    match planned {
        Ok((target, preview, noop)) => {
            Preview { command, target: Some(target), preview: Some(preview), noop, refused: None }
        }
        Err(e) => Preview { command, target: None, preview: None, noop: false, refused: Some(e.to_string()) },
    }
}

/// The family's read and plan: (target, preview, noop).
async fn plan<F: Family>(cx: &Ctx<'_>, call: &ActionCall) -> Result<(String, String, bool), Error> {
    let req = F::request(&call.id, &call.args)?;
    F::check(&req, cx.settings)?;
    let state = F::read(cx, &req).await?;
    let p = F::plan(&req, state, cx.settings, false)?;
    Ok((p.target, p.preview, p.noop))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_preview_never_applies() {
        let code = include_str!("preview.rs").split("#[cfg(test)]").next().unwrap().to_string();
        for word in ["::apply(", ".apply(", "apply_", "plan_undo", "Journal::open", "append"] {
            assert!(!code.contains(word), "src/actions/preview.rs names `{word}`");
        }
    }
}
