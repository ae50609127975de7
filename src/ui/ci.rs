//! The formats CI reads: SARIF 2.1.0 (code-scanning dashboards) and JUnit XML (test reports),
//! for `masst audit` and `masst diagnose`. Both carry the same verdicts as the JSON output: one
//! SARIF rule and one JUnit test case per check or runbook result, the contract id as the
//! rule id, the level from the severity, the evidence in the message.

use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use serde_json::{json, Value};

use crate::engine::Severity;

/// One verdict as CI sees it.
#[derive(Debug, Clone)]
pub struct Item {
    /// The contract id (`pools-within-quota`, an outcome id, or a runbook name when clear).
    pub rule_id: String,
    pub title: String,
    pub severity: Severity,
    /// `pass`, `fail`, `unknown` or `skipped`.
    pub state: &'static str,
    pub message: String,
    /// The inputs with their values, one line each.
    pub evidence: Vec<String>,
    pub help: Option<String>,
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A SARIF 2.1.0 log with one run of masst: a rule per distinct id, a result per item (a
/// failing or unknown one at the rule's level, a passing one as `kind: pass`).
pub fn sarif(tool: &str, items: &[Item]) -> Value {
    let mut rules: Vec<Value> = Vec::new();
    let mut ids: Vec<&str> = Vec::new();
    for it in items {
        if !ids.contains(&it.rule_id.as_str()) {
            ids.push(&it.rule_id);
            let mut rule = json!({
                "id": it.rule_id,
                "name": it.rule_id,
                "shortDescription": {"text": it.title},
                "defaultConfiguration": {"level": level(it.severity)},
                "properties": {"tags": [tool]},
            });
            if let Some(h) = &it.help {
                rule["help"] = json!({"text": h});
            }
            rules.push(rule);
        }
    }
    let results: Vec<Value> = items
        .iter()
        .map(|it| {
            let index = ids.iter().position(|i| *i == it.rule_id).unwrap_or(0);
            let (kind, lvl) = match it.state {
                "fail" => ("fail", level(it.severity)),
                "unknown" => ("review", level(it.severity)),
                "skipped" => ("notApplicable", "none"),
                _ => ("pass", "none"),
            };
            let mut text = it.message.clone();
            if !it.evidence.is_empty() {
                text.push_str(". Evidence: ");
                text.push_str(&it.evidence.join("; "));
            }
            json!({
                "ruleId": it.rule_id,
                "ruleIndex": index,
                "kind": kind,
                "level": lvl,
                "message": {"text": text},
                "properties": {"state": it.state},
            })
        })
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "masst", "version": env!("CARGO_PKG_VERSION"), "rules": rules}},
            "results": results,
        }],
    })
}

/// A JUnit XML report: one test suite, one test case per item, a failure for a failing or
/// unknown item (with the evidence), a skip for one that does not apply.
pub fn junit(suite: &str, items: &[Item]) -> String {
    let mut w = quick_xml::Writer::new_with_indent(Vec::new(), b' ', 2);
    let failures = items.iter().filter(|i| i.state == "fail" || i.state == "unknown").count();
    let skipped = items.iter().filter(|i| i.state == "skipped").count();
    let _ = w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
    let (n, f, s) = (items.len().to_string(), failures.to_string(), skipped.to_string());
    let mut suites = BytesStart::new("testsuites");
    suites.push_attribute(("name", "masst"));
    suites.push_attribute(("tests", n.as_str()));
    suites.push_attribute(("failures", f.as_str()));
    let _ = w.write_event(Event::Start(suites));
    let mut ts = BytesStart::new("testsuite");
    ts.push_attribute(("name", suite));
    ts.push_attribute(("tests", n.as_str()));
    ts.push_attribute(("failures", f.as_str()));
    ts.push_attribute(("errors", "0"));
    ts.push_attribute(("skipped", s.as_str()));
    let _ = w.write_event(Event::Start(ts));
    for it in items {
        let mut tc = BytesStart::new("testcase");
        tc.push_attribute(("name", it.rule_id.as_str()));
        tc.push_attribute(("classname", suite));
        let _ = w.write_event(Event::Start(tc));
        match it.state {
            "fail" | "unknown" => {
                let mut fl = BytesStart::new("failure");
                let kind = if it.state == "fail" { it.severity.to_string() } else { "unknown".into() };
                fl.push_attribute(("message", it.message.as_str()));
                fl.push_attribute(("type", kind.as_str()));
                let _ = w.write_event(Event::Start(fl));
                let _ = w.write_event(Event::Text(BytesText::new(&it.evidence.join("\n"))));
                let _ = w.write_event(Event::End(BytesEnd::new("failure")));
            }
            "skipped" => {
                let mut sk = BytesStart::new("skipped");
                sk.push_attribute(("message", it.message.as_str()));
                let _ = w.write_event(Event::Empty(sk));
            }
            _ => {
                let _ = w.write_event(Event::Start(BytesStart::new("system-out")));
                let _ = w.write_event(Event::Text(BytesText::new(&it.message)));
                let _ = w.write_event(Event::End(BytesEnd::new("system-out")));
            }
        }
        let _ = w.write_event(Event::End(BytesEnd::new("testcase")));
    }
    let _ = w.write_event(Event::End(BytesEnd::new("testsuite")));
    let _ = w.write_event(Event::End(BytesEnd::new("testsuites")));
    String::from_utf8(w.into_inner()).expect("XML is UTF-8") + "\n"
}
