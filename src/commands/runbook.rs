//! `masst runbook list|show|validate`: the runbooks as the engineer and the reviewer see them.

use super::Global;
use crate::engine::runbook::Runbook;
use crate::engine::{self};
use crate::error::{Error, Outcome, Result};
use crate::ui::Printer;
use clap::Subcommand;
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub enum RunbookCommand {
    /// List the loaded runbooks.
    List,
    /// Show a runbook's tree, or print it as a Mermaid flowchart.
    Show {
        /// The runbook's name.
        name: String,
        /// Print a Mermaid flowchart instead (like the seed's).
        #[arg(long)]
        mermaid: bool,
    },
    /// Check a runbook file or a folder of them; exit 2 with the fix on the first error.
    Validate {
        /// A runbook file or a folder of *.toml runbooks.
        path: PathBuf,
    },
}

/// `masst runbook ...`.
pub fn run(global: &Global, cmd: &RunbookCommand, printer: &Printer) -> Result<Outcome> {
    match cmd {
        RunbookCommand::List => {
            let set = super::runbooks(global)?;
            if printer.json() {
                printer.json_value(&list_json(&set));
            } else {
                printer.line(crate::ui::tables::runbooks(&set));
            }
        }
        RunbookCommand::Show { name, mermaid } => {
            let set = super::runbooks(global)?;
            let rb = set.get(name).ok_or_else(|| {
                Error::Usage(format!("there is no runbook `{name}`; choose one of {}", set.names().join(", ")))
            })?;
            if printer.json() {
                printer.json_value(&as_json(rb, *mermaid));
            } else {
                printer.out(&if *mermaid { to_mermaid(rb) } else { crate::ui::wrap_lines(&describe(rb)) });
            }
        }
        RunbookCommand::Validate { path } => {
            let set = engine::load_dir(path, crate::actions::catalog())?;
            if printer.json() {
                printer.json_value(&serde_json::json!({"valid": true, "runbooks": set.names()}));
            } else {
                printer.line(format!("ok: {} runbook(s) valid: {}", set.runbooks.len(), set.names().join(", ")));
            }
        }
    }
    Ok(Outcome::Clear)
}

/// `masst runbook list --output json` (the start of `masst mcp`'s `runbooks` tool).
pub fn list_json(set: &engine::RunbookSet) -> serde_json::Value {
    let v: Vec<_> = set
        .runbooks
        .iter()
        .map(|r| serde_json::json!({"name": r.name, "title": r.title, "file": r.file, "nodes": r.nodes.len(), "outcomes": r.outcomes.len()}))
        .collect();
    serde_json::json!({ "runbooks": v })
}

/// One outcome explained: its cause, the seed's resolution and the commands that act on it,
/// as written in the runbook (`{m}` and `${…}` are filled in by a diagnosis). `outcome` is an
/// outcome id, or `RUNBOOK.ID` where two runbooks share the id. What `masst mcp`'s `explain`
/// tool returns.
pub fn explain_json(set: &engine::RunbookSet, outcome: &str) -> Result<serde_json::Value> {
    let (only, id) = match outcome.split_once('.') {
        Some((rb, id)) => (Some(rb), id),
        None => (None, outcome),
    };
    let found: Vec<(&Runbook, &engine::runbook::Outcome)> = set
        .runbooks
        .iter()
        .filter(|r| only.is_none_or(|n| n == r.name))
        .filter_map(|r| r.outcomes.get(id).map(|o| (r, o)))
        .collect();
    let (rb, o) = match found.as_slice() {
        [one] => *one,
        [] => {
            let all: Vec<String> = set.runbooks.iter().flat_map(|r| r.outcomes.keys().cloned()).collect();
            return Err(Error::Usage(format!("there is no outcome `{outcome}`; the outcomes are {}", all.join(", "))));
        }
        many => {
            let names: Vec<String> = many.iter().map(|(r, _)| format!("{}.{id}", r.name)).collect();
            return Err(Error::Usage(format!(
                "outcome `{id}` is in more than one runbook; name one of {}",
                names.join(", ")
            )));
        }
    };
    let actions: Vec<serde_json::Value> = o
        .actions
        .iter()
        .map(|a| {
            let mut command = format!("masst {}", a.command);
            for part in &a.args {
                command.push(' ');
                match part {
                    engine::runbook::ArgPart::Text(t) => command.push_str(t),
                    engine::runbook::ArgPart::Expr(e) => command.push_str(&format!("${{{}}}", e.source)),
                }
            }
            let summary = crate::actions::catalog().iter().find(|i| i.id == a.id).map(|i| i.summary);
            serde_json::json!({"id": a.id, "command": command, "does": summary})
        })
        .collect();
    let recovery = o
        .recovery
        .as_ref()
        .map(|r| serde_json::json!({"when": r.when.expr.source, "says": r.when.says, "within_s": r.within.as_secs()}));
    Ok(serde_json::json!({
        "runbook": rb.name, "outcome": o.id, "title": o.title, "severity": o.severity, "cause": o.cause,
        "resolution": o.resolution, "actions": actions, "recovery": recovery,
    }))
}

/// The runbook as one JSON document: its trigger, nodes and outcomes (with recovery), and the
/// Mermaid flowchart when asked for.
pub fn as_json(rb: &Runbook, mermaid: bool) -> serde_json::Value {
    let nodes: Vec<serde_json::Value> = rb
        .nodes
        .iter()
        .map(|n| {
            serde_json::json!({
                "id": n.id, "title": n.title,
                "tests": n.tests.iter().map(|t| serde_json::json!({"when": t.when.expr.source, "says": t.when.says, "then": t.then})).collect::<Vec<_>>(),
                "else": n.otherwise, "ask": n.ask.as_ref().map(|a| serde_json::json!({"prompt": a.prompt, "yes": a.yes, "no": a.no})),
            })
        })
        .collect();
    let outcomes: serde_json::Map<String, serde_json::Value> = rb
        .outcomes
        .values()
        .map(|o| {
            let recovery = o.recovery.as_ref().map(|r| {
                serde_json::json!({"when": r.when.expr.source, "says": r.when.says, "within_s": r.within.as_secs()})
            });
            let actions: Vec<&str> = o.actions.iter().map(|a| a.id.as_str()).collect();
            (
                o.id.clone(),
                serde_json::json!({"title": o.title, "severity": o.severity, "cause": o.cause, "resolution": o.resolution, "actions": actions, "recovery": recovery}),
            )
        })
        .collect();
    let mut doc = serde_json::json!({
        "name": rb.name, "title": rb.title, "summary": rb.summary, "file": rb.file, "start": rb.start,
        "trigger": {"when": rb.trigger.expr.source, "says": rb.trigger.says, "worse": rb.worse.as_ref().map(|w| &w.expr.source)},
        "signals": rb.signals.keys().collect::<Vec<_>>(), "nodes": nodes, "outcomes": outcomes,
    });
    if mermaid {
        doc["mermaid"] = to_mermaid(rb).into();
    }
    doc
}

/// A readable outline of the tree.
pub fn describe(rb: &Runbook) -> String {
    let mut s = format!(
        "{} — {}\n{}\nfile: {}\n\ntrigger: {}\n    {}\n\n",
        rb.name,
        rb.title,
        rb.summary,
        rb.file,
        rb.trigger.says.as_deref().unwrap_or(""),
        rb.trigger.expr.source
    );
    for n in &rb.nodes {
        s.push_str(&format!("{}  {}\n", n.id, n.title));
        for t in &n.tests {
            s.push_str(&format!("    if {}  → {}\n", t.when.expr.source, t.then));
        }
        if let Some(o) = &n.otherwise {
            s.push_str(&format!("    else → {o}\n"));
        }
        if let Some(a) = &n.ask {
            s.push_str(&format!("    ask: {}  yes → {}, no → {}\n", a.prompt, a.yes, a.no));
        }
    }
    s.push('\n');
    for o in rb.outcomes.values() {
        let acts: Vec<&str> = o.actions.iter().map(|a| a.id.as_str()).collect();
        s.push_str(&format!(
            "{} [{}] {}{}\n",
            o.id,
            o.severity,
            o.title,
            if acts.is_empty() { String::new() } else { format!("  actions: {}", acts.join(", ")) }
        ));
    }
    s
}

fn mid(id: &str) -> String {
    id.replace('-', "_")
}

fn label(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "#quot;"))
}

/// The tree as a Mermaid flowchart, in the seed's style.
pub fn to_mermaid(rb: &Runbook) -> String {
    let mut s = String::from("flowchart TD\n");
    s.push_str(&format!(
        "    trigger[{}] --> {}\n",
        label(rb.trigger.says.as_deref().unwrap_or("trigger")),
        mid(&rb.start)
    ));
    for n in &rb.nodes {
        s.push_str(&format!("    {}{{{}}}\n", mid(&n.id), label(&n.title)));
        for t in &n.tests {
            let l = t.when.says.clone().unwrap_or_else(|| t.when.expr.source.clone());
            s.push_str(&format!("    {} -->|{}| {}\n", mid(&n.id), label(&l), mid(&t.then)));
        }
        if let Some(o) = &n.otherwise {
            s.push_str(&format!("    {} -->|otherwise| {}\n", mid(&n.id), mid(o)));
        }
        if let Some(a) = &n.ask {
            s.push_str(&format!("    {} -.->|engineer: yes| {}\n", mid(&n.id), mid(&a.yes)));
            s.push_str(&format!("    {} -.->|engineer: no| {}\n", mid(&n.id), mid(&a.no)));
        }
    }
    for o in rb.outcomes.values() {
        s.push_str(&format!("    {}[{}]\n", mid(&o.id), label(&o.title)));
        let fill = match o.severity {
            engine::Severity::Critical => "#d13212,color:#fff",
            engine::Severity::Warning => "#ff9900,color:#000",
            engine::Severity::Info => "#2ecc71,color:#000",
        };
        s.push_str(&format!("    style {} fill:{fill}\n", mid(&o.id)));
    }
    s
}
