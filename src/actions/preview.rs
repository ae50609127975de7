//! What an offered action would change, without changing it: the family's read of the state
//! it would change and its pure plan (the preview `--dry-run` shows), and never its apply. The
//! one way `masst mcp` learns what a proposed command would do, so an assistant can tell a
//! person before the person runs it.

use serde::Serialize;

use super::{ActionCall, Ctx};
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
        match super::family(&call.id) {
            Some(family) => family.preview(cx, call).await,
            None => Err(Error::Usage(format!("`{}` is not an action this masst has", call.id))),
        }
    };
    match planned {
        Ok((target, preview, noop)) => {
            Preview { command, target: Some(target), preview: Some(preview), noop, refused: None }
        }
        Err(e) => Preview { command, target: None, preview: None, noop: false, refused: Some(e.to_string()) },
    }
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
