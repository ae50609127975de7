//! The two lines of text beside each tool's document: what it found, and what a person could
//! do next. Read from the document itself, so the text never says more than the data.

use serde_json::Value;

fn list(v: &Value) -> Vec<&Value> {
    v.as_array().map(|a| a.iter().collect()).unwrap_or_default()
}

fn s(v: &Value) -> &str {
    v.as_str().unwrap_or("-")
}

fn plural(n: usize, one: &str) -> String {
    format!("{n} {one}{}", if n == 1 { "" } else { "s" })
}

/// The two lines for `tool`'s document.
pub fn two_lines(tool: &str, doc: &Value) -> String {
    let (first, second) = match tool {
        "diagnose" => diagnose(doc),
        "status" => status(doc),
        "audit" => audit(doc),
        "verify_once" => (
            format!("verification: {} after one reading", s(&doc["verdict"])),
            "Call verify_once again later to follow the recovery.".into(),
        ),
        "dlq_inspect" => dlq(doc),
        "runbooks" => {
            let names: Vec<&str> = list(&doc["runbooks"]).iter().map(|r| s(&r["name"])).collect();
            (
                format!("{}: {}", plural(names.len(), "runbook"), names.join(", ")),
                "Call runbook NAME for a tree, explain OUTCOME for a cause and its fix.".into(),
            )
        }
        "runbook" => (
            format!("{}: {}", s(&doc["name"]), s(&doc["title"])),
            format!(
                "{} and {}; the tree is in `text` and `mermaid`.",
                plural(list(&doc["nodes"]).len(), "node"),
                plural(doc["outcomes"].as_object().map_or(0, |o| o.len()), "outcome")
            ),
        ),
        "explain" => {
            let cmds: Vec<&str> = list(&doc["actions"]).iter().map(|a| s(&a["command"])).collect();
            (
                format!(
                    "{} [{}] ({}): {}",
                    s(&doc["outcome"]),
                    s(&doc["severity"]),
                    s(&doc["runbook"]),
                    s(&doc["title"])
                ),
                if cmds.is_empty() {
                    "No masst command acts on it.".into()
                } else {
                    format!("Acts on it: {}", cmds.join("; "))
                },
            )
        }
        "journal" => {
            let entries = list(&doc["entries"]);
            (
                format!("{} journaled in {}", plural(entries.len(), "change"), s(&doc["journal"])),
                match entries.last() {
                    Some(e) => {
                        format!("Latest: {} {} ({}, {})", s(&e["id"]), s(&e["command"]), s(&e["state"]), s(&e["time"]))
                    }
                    None => "masst has changed nothing yet.".into(),
                },
            )
        }
        _ => (tool.to_string(), String::new()),
    };
    format!("{first}\n{second}")
}

fn diagnose(doc: &Value) -> (String, String) {
    let results = list(&doc["results"]);
    let findings: Vec<String> = results
        .iter()
        .filter(|r| r["triggered"] != Value::Bool(false) && !r["outcome"].is_null())
        .map(|r| {
            let who = r["model"].as_str().map(|m| format!(" ({m})")).unwrap_or_default();
            format!("{}{who}: {} [{}]", s(&r["runbook"]), s(&r["outcome"]), s(&r["severity"]))
        })
        .collect();
    let first = if findings.is_empty() {
        format!("{} from {}: no finding", plural(results.len(), "result"), s(&doc["source"]))
    } else {
        format!("{} from {}: {}", plural(results.len(), "result"), s(&doc["source"]), findings.join("; "))
    };
    let commands: Vec<&str> = results.iter().flat_map(|r| list(&r["commands"])).filter_map(|c| c.as_str()).collect();
    let questions = list(&doc["open_questions"]);
    let undecided: Vec<String> = results
        .iter()
        .filter(|r| r["unknown"].is_object())
        .map(|r| format!("{} at {}", s(&r["runbook"]), s(&r["unknown"]["node"])))
        .collect();
    let second = if let Some(q) = questions.first() {
        format!(
            "Open question ({}): {} Ask the person, then call diagnose with answers {{\"{}\": \"yes\" or \"no\"}}.",
            s(&q["node"]),
            s(&q["question"]),
            s(&q["node"])
        )
    } else if !commands.is_empty() {
        let how = if doc["previews"].is_array() {
            "what each would change is in `previews`"
        } else {
            "add --dry-run to preview"
        };
        format!("For a person to run ({how}; this server changes nothing): {}", commands.join("; "))
    } else if !undecided.is_empty() {
        format!("Undecided: {} (evidence missing; see `unknown`).", undecided.join(", "))
    } else {
        "Nothing to do.".into()
    };
    (first, second)
}

fn status(doc: &Value) -> (String, String) {
    let rows = list(&doc["rows"]);
    let firing: Vec<String> = rows
        .iter()
        .filter(|r| r["triggered"] != Value::Bool(false))
        .map(|r| format!("{}{}", s(&r["runbook"]), r["model"].as_str().map(|m| format!(" ({m})")).unwrap_or_default()))
        .collect();
    let first = format!("{} watched from {}", plural(rows.len(), "trigger"), s(&doc["source"]));
    if firing.is_empty() {
        (format!("{first}: none fires"), "Nothing to diagnose.".into())
    } else {
        (
            format!("{first}: firing or undecided: {}", firing.join(", ")),
            "Call diagnose for the walk, the evidence and the fix.".into(),
        )
    }
}

fn audit(doc: &Value) -> (String, String) {
    let checks = list(&doc["checks"]);
    let count = |st: &str| checks.iter().filter(|c| c["state"] == st).count();
    let fixes: Vec<&str> = checks.iter().filter_map(|c| c["fix"].as_str()).collect();
    (
        format!(
            "{}: {} pass, {} fail, {} unknown",
            plural(checks.len(), "check"),
            count("pass"),
            count("fail"),
            count("unknown")
        ),
        if fixes.is_empty() {
            "No fix to propose.".into()
        } else {
            format!("Fixes, for a person to run: {}", fixes.join("; "))
        },
    )
}

fn dlq(doc: &Value) -> (String, String) {
    let by_class: Vec<String> =
        doc["by_class"].as_object().map(|o| o.iter().map(|(k, v)| format!("{v} {k}")).collect()).unwrap_or_default();
    let n = doc["messages"].as_u64().unwrap_or(0);
    (
        format!(
            "{} read from {}{}",
            plural(n as usize, "message"),
            s(&doc["queue"]),
            if by_class.is_empty() { String::new() } else { format!(": {}", by_class.join(", ")) }
        ),
        if doc["by_class"]["retryable"].as_u64().unwrap_or(0) > 0 {
            "Retryable messages can be moved back by a person: masst dlq redrive --dry-run, then without --dry-run."
                .into()
        } else {
            "Nothing retryable to redrive.".into()
        },
    )
}
