//! Many accounts and regions in one run (contract §10). A read-only command runs once per
//! target, each on its own thread with its own credentials, region, names and deadline, at
//! most [`AT_ONCE`] at a time; what each prints is kept and becomes its section, and a summary
//! table (or one JSON document, one SARIF run or one JUnit suite per target) follows. A target
//! that fails is reported beside the others and never delays them past its own deadline.
//!
//! A change takes exactly one target, and [`guard`] compares the caller's account with the
//! target's `account_id` before anything is sent.

use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use super::Global;
use crate::error::{Error, Outcome, Result};
use crate::settings::targets::{self, Chosen};
use crate::settings::Settings;
use crate::ui::{OutputFormat, Printer};

/// How many targets are read at once.
pub const AT_ONCE: usize = 8;

/// How long one target may take unless the command asks for more (a read of every runbook
/// is a few seconds; a hung endpoint is cut off by the per-call timeout well before this).
pub const DEADLINE: Duration = Duration::from_secs(120);

/// One run of the command against one target (the global options bound to it).
pub type One = Arc<dyn Fn(&Global, &Printer) -> Result<Outcome> + Send + Sync>;

/// The targets the flags (or `MASST_TARGET`) choose; empty when none is asked for.
pub fn chosen(global: &Global) -> Result<Vec<Chosen>> {
    if global.bound.is_some() {
        return Ok(vec![]);
    }
    let asked = !global.targets.is_empty()
        || global.all_targets
        || std::env::var(targets::TARGET_ENV).is_ok_and(|v| !v.trim().is_empty());
    if !asked {
        return Ok(vec![]);
    }
    let loaded = Settings::load(global.config.as_deref())?;
    targets::choose(&loaded.settings.targets, loaded.file.as_deref(), &global.targets, global.all_targets)
}

/// The global options as one target sets them: its region, profile, endpoint and config win
/// over the flags; what it leaves out comes from the flags and the environment as before.
pub fn bind(global: &Global, c: &Chosen) -> Global {
    let t = &c.target;
    let mut g = global.clone();
    g.region = t.region.clone().or(g.region);
    g.profile = t.profile.clone().or(g.profile);
    g.endpoint_url = t.endpoint_url.clone().or(g.endpoint_url);
    g.config = c.config.clone().or(g.config);
    g.targets = vec![];
    g.all_targets = false;
    g.bound = Some(c.clone());
    g
}

/// Who the target's credentials are: (account, region), by `sts:GetCallerIdentity`.
pub fn identity(g: &Global) -> Result<(String, String)> {
    let settings = Settings::load(g.config.as_deref())?.settings;
    super::block_on(async {
        let c = super::clients(g, &settings).await?;
        Ok((c.caller_account().await?, c.region.clone()))
    })
}

/// Before any change: exactly one target, and the caller is the account it names. Without a
/// target the change goes where the top-level settings point, as before.
pub fn guard(global: &Global, chosen: Vec<Chosen>, what: &str) -> Result<Global> {
    let c = match chosen.len() {
        0 => return Ok(global.clone()),
        1 => &chosen[0],
        _ => {
            let names: Vec<&str> = chosen.iter().map(|c| c.name.as_str()).collect();
            return Err(Error::Usage(format!(
                "{what} changes AWS, so it takes exactly one target, and {} were chosen ({}): pass one --target NAME",
                names.len(),
                names.join(", ")
            )));
        }
    };
    let g = bind(global, c);
    expect_account(&g, c.target.account_id.as_deref(), &format!("target `{}`", c.name), what)?;
    Ok(g)
}

/// Refuses (exit 2) when the caller's account is not `expected`, naming both; nothing has
/// been sent but `sts:GetCallerIdentity`.
pub fn expect_account(g: &Global, expected: Option<&str>, whose: &str, what: &str) -> Result<()> {
    let Some(want) = expected else { return Ok(()) };
    let (caller, _) = identity(g)?;
    if caller != want {
        return Err(Error::Usage(format!(
            "refusing {what}: {whose} is account {want}, but the credentials in use are account {caller}. \
             Nothing was changed; check the target's profile or role_arn"
        )));
    }
    Ok(())
}

/// What one target gave.
struct Done {
    name: String,
    account: Option<String>,
    region: Option<String>,
    /// The exit, what it printed, the document it built; or why it could not be read.
    result: std::result::Result<(Outcome, String, Option<Value>), Error>,
}

/// Reads one target on this thread: who it is, then the command, its output kept.
fn read_one(global: &Global, c: &Chosen, printer: &Printer, one: &One) -> Done {
    let g = bind(global, c);
    let mut done = Done { name: c.name.clone(), account: None, region: c.target.region.clone(), result: Ok(empty()) };
    match identity(&g) {
        Ok((account, region)) => {
            done.region = Some(region);
            if let Some(want) = c.target.account_id.as_deref().filter(|w| *w != account) {
                done.result = Err(Error::Config(format!(
                    "target `{}` is account {want} in masst.toml, but its credentials are account {account}: \
                     nothing was read. Check its profile or role_arn",
                    c.name
                )));
                done.account = Some(account);
                return done;
            }
            done.account = Some(account);
        }
        Err(e) => {
            done.account = c.target.account_id.clone();
            done.result = Err(e);
            return done;
        }
    }
    crate::ui::keep_thread_output(true);
    let ran = one(&g, printer);
    let (text, doc) = crate::ui::keep_thread_output(false);
    done.result = ran.map(|o| (o, text, doc));
    done
}

fn empty() -> (Outcome, String, Option<Value>) {
    (Outcome::Clear, String::new(), None)
}

/// Runs `one` over `chosen` (at most [`AT_ONCE`] at a time, each within `deadline`), prints
/// every target's result and the summary, and gives the exit over targets: 3 when any could
/// not be read, otherwise the worst.
pub fn read(
    global: &Global,
    printer: &Printer,
    command: &str,
    chosen: Vec<Chosen>,
    deadline: Duration,
    one: One,
) -> Result<Outcome> {
    let quiet = Printer { progress: false, interactive: false, ..printer.clone() };
    let (tx, rx) = mpsc::channel::<(usize, Done)>();
    let mut results: Vec<Option<Done>> = chosen.iter().map(|_| None).collect();
    let mut running: Vec<(usize, Instant)> = Vec::new();
    let mut next = 0;
    let spinner = printer.spinner(&format!("reading {} targets…", chosen.len()));
    while next < chosen.len() || !running.is_empty() {
        while next < chosen.len() && running.len() < AT_ONCE {
            let (i, c, g, p, one, tx) =
                (next, chosen[next].clone(), global.clone(), quiet.clone(), one.clone(), tx.clone());
            // Detached: a target past its deadline is reported and left to its own timeouts.
            std::thread::spawn(move || {
                let _ = tx.send((i, read_one(&g, &c, &p, &one)));
            });
            running.push((i, Instant::now()));
            next += 1;
        }
        let wait = running.iter().map(|(_, t)| deadline.saturating_sub(t.elapsed())).min().unwrap_or_default();
        match rx.recv_timeout(wait) {
            Ok((i, done)) => {
                running.retain(|(j, _)| *j != i);
                results[i] = Some(done);
            }
            Err(_) => {
                for (i, _) in running.iter().filter(|(_, t)| t.elapsed() >= deadline) {
                    let c = &chosen[*i];
                    results[*i] = Some(Done {
                        name: c.name.clone(),
                        account: c.target.account_id.clone(),
                        region: c.target.region.clone(),
                        result: Err(Error::Evidence(format!(
                            "target `{}` did not finish within its deadline of {} s; the other targets are reported",
                            c.name,
                            deadline.as_secs()
                        ))),
                    });
                }
                running.retain(|(_, t)| t.elapsed() < deadline);
            }
        }
    }
    if let Some(s) = spinner {
        s.finish_and_clear();
    }
    let done: Vec<Done> = results.into_iter().flatten().collect();
    match printer.format {
        OutputFormat::Json => printer.json_value(&json_document(&done)),
        OutputFormat::Sarif => printer.json_value(&sarif(&done)),
        OutputFormat::Junit => printer.out(&junit(command, &done)),
        OutputFormat::Human => human(printer, command, &done),
    }
    let failed: Vec<&str> = done.iter().filter(|d| d.result.is_err()).map(|d| d.name.as_str()).collect();
    if !failed.is_empty() {
        return Err(Error::Evidence(format!(
            "{} of {} targets could not be read ({}); the others are reported above",
            failed.len(),
            done.len(),
            failed.join(", ")
        )));
    }
    let findings = done.iter().any(|d| matches!(d.result, Ok((Outcome::Findings, _, _))));
    Ok(if findings { Outcome::Findings } else { Outcome::Clear })
}

/// A target's one-target document: the one its command built, else what it printed as JSON.
fn result_doc(text: &str, doc: &Option<Value>) -> Value {
    doc.clone().or_else(|| serde_json::from_str(text.trim()).ok()).unwrap_or(Value::Null)
}

fn error_json(e: &Error) -> Value {
    json!({"kind": e.kind(), "message": e.to_string(), "exit_code": e.exit_code()})
}

/// `{"targets": [{"target", "account", "region", "result"} | {"target", …, "error"}]}`.
fn json_document(done: &[Done]) -> Value {
    let rows: Vec<Value> = done
        .iter()
        .map(|d| {
            let mut row = json!({"target": d.name, "account": d.account, "region": d.region});
            match &d.result {
                Ok((_, text, doc)) => row["result"] = result_doc(text, doc),
                Err(e) => row["error"] = error_json(e),
            }
            row
        })
        .collect();
    json!({ "targets": rows })
}

/// One SARIF log, one run per target (`automationDetails.id` names it); a target that could
/// not be read is a run whose invocation failed, with the reason.
fn sarif(done: &[Done]) -> Value {
    let mut runs: Vec<Value> = Vec::new();
    let mut schema = Value::Null;
    for d in done {
        let details = json!({"id": format!("masst/{}/", d.name)});
        let props = json!({"target": d.name, "account": d.account, "region": d.region});
        match &d.result {
            Ok((_, text, _)) => {
                let log: Value = serde_json::from_str(text.trim()).unwrap_or(Value::Null);
                if schema.is_null() {
                    schema = log["$schema"].clone();
                }
                for mut run in log["runs"].as_array().cloned().unwrap_or_default() {
                    run["automationDetails"] = details.clone();
                    run["properties"] = props.clone();
                    runs.push(run);
                }
            }
            Err(e) => runs.push(json!({
                "tool": {"driver": {"name": "masst", "informationUri": "https://github.com/mangaassist/masst"}},
                "automationDetails": details,
                "properties": props,
                "invocations": [{"executionSuccessful": false, "toolExecutionNotifications": [
                    {"level": "error", "message": {"text": e.to_string()}}
                ]}],
                "results": [],
            })),
        }
    }
    json!({"$schema": schema, "version": "2.1.0", "runs": runs})
}

/// One JUnit report, one test suite per target (named `masst COMMAND (TARGET)`); a target
/// that could not be read is a suite with one errored test case.
fn junit(command: &str, done: &[Done]) -> String {
    use quick_xml::escape::escape;
    let suite_re = regex::Regex::new(r"(?s)<testsuite\s.*</testsuite>").expect("regex");
    let name_re = regex::Regex::new(r#"<testsuite name="[^"]*""#).expect("regex");
    let count = |xml: &str, attr: &str| -> u64 {
        regex::Regex::new(&format!(r#"<testsuite [^>]*\b{attr}="(\d+)""#))
            .expect("regex")
            .captures(xml)
            .and_then(|c| c[1].parse().ok())
            .unwrap_or(0)
    };
    let (mut tests, mut failures, mut errors) = (0, 0, 0);
    let mut suites = String::new();
    for d in done {
        let name = escape(format!("masst {command} ({})", d.name)).into_owned();
        match &d.result {
            Ok((_, text, _)) => {
                let Some(m) = suite_re.find(text) else { continue };
                let suite = name_re.replace(m.as_str(), format!(r#"<testsuite name="{name}""#).as_str());
                tests += count(&suite, "tests");
                failures += count(&suite, "failures");
                suites.push_str(&format!("  {}\n", suite.trim()));
            }
            Err(e) => {
                tests += 1;
                errors += 1;
                suites.push_str(&format!(
                    "  <testsuite name=\"{name}\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">\n    \
                     <testcase name=\"read\" classname=\"{name}\">\n      <error type=\"{}\" message=\"{}\"/>\n    \
                     </testcase>\n  </testsuite>\n",
                    escape(e.kind()),
                    escape(e.to_string())
                ));
            }
        }
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"masst\" tests=\"{tests}\" failures=\"{failures}\" \
         errors=\"{errors}\">\n{suites}</testsuites>\n"
    )
}

/// A section per target (its own output, or its error), then the summary table.
fn human(printer: &Printer, command: &str, done: &[Done]) {
    let mut rows = Vec::new();
    for d in done {
        let account = d.account.clone().unwrap_or_else(|| "-".into());
        let region = d.region.clone().unwrap_or_else(|| "-".into());
        printer.line(format!("━━ target {} · account {account} · {region}", d.name));
        match &d.result {
            Ok((outcome, text, doc)) => {
                printer.out(text);
                if !text.ends_with('\n') && !text.is_empty() {
                    printer.line("");
                }
                let (worst, findings) = summarize(command, *outcome, doc.as_ref());
                rows.push([d.name.clone(), account, region, worst, findings]);
            }
            Err(e) => {
                printer.line(crate::ui::wrap(&format!("masst: error: {e}")));
                let line: String = e.to_string().lines().next().unwrap_or_default().to_string();
                rows.push([d.name.clone(), account, region, "error".into(), format!("{}: {line}", e.kind())]);
            }
        }
        printer.line("");
    }
    printer.line(crate::ui::tables::targets(&rows, crate::ui::width()));
}

/// The worst severity and the number of findings in a target's document, by command.
fn summarize(command: &str, outcome: Outcome, doc: Option<&Value>) -> (String, String) {
    let rank = |s: &str| ["info", "warning", "critical"].iter().position(|x| *x == s);
    let tally = |items: &[Value], counts: &dyn Fn(&Value) -> bool| {
        let hits: Vec<&Value> = items.iter().filter(|v| counts(v)).collect();
        let worst = hits.iter().filter_map(|v| v["severity"].as_str()).max_by_key(|s| rank(s)).unwrap_or("none");
        (worst.to_string(), hits.len().to_string())
    };
    let Some(doc) = doc else {
        let said = if outcome == Outcome::Findings { "findings" } else { "clear" };
        return ("-".into(), said.into());
    };
    match command {
        "diagnose" | "status" => {
            let items = doc["results"].as_array().or(doc["rows"].as_array()).cloned().unwrap_or_default();
            let fail_on = doc["fail_on"].as_str().and_then(rank).unwrap_or(1);
            tally(&items, &|v| {
                v["triggered"] != json!(false) && v["severity"].as_str().and_then(rank).is_some_and(|r| r >= fail_on)
            })
        }
        "audit" => {
            let items = doc["checks"].as_array().cloned().unwrap_or_default();
            tally(&items, &|v| matches!(v["state"].as_str(), Some("fail") | Some("unknown")))
        }
        _ => ("-".into(), if outcome == Outcome::Findings { "findings" } else { "clear" }.into()),
    }
}

/// `masst undo` goes back where the change went: the entry's own target (its credentials,
/// region and names), and only when the caller is the entry's account.
pub fn for_undo(global: &Global, id: Option<&str>) -> Result<Global> {
    use crate::actions::journal::{self, Journal};
    let journal = Journal::open(global.journal.as_deref())?;
    let (entries, _) = journal.read()?;
    let entry = match id {
        Some(id) => entries.iter().find(|e| e.id == id),
        None => journal::latest_undoable(&entries),
    };
    // No such entry: `undo` itself says so, in its words.
    let Some(entry) = entry else { return Ok(global.clone()) };
    let mut g = global.clone();
    if let Some(name) = entry.target_name.as_deref().filter(|_| global.bound.is_none()) {
        let loaded = Settings::load(global.config.as_deref())?;
        let chosen = targets::choose(&loaded.settings.targets, loaded.file.as_deref(), &[name.to_string()], false)
            .map_err(|_| {
                Error::Usage(format!(
                    "journal entry {} was sent to target `{name}`, which is no longer in [targets]; add it back to undo \
                     the change there",
                    entry.id
                ))
            })?;
        g = bind(global, &chosen[0]);
    }
    let whose = format!("journal entry {}", entry.id);
    expect_account(&g, entry.account.as_deref(), &whose, &format!("to undo {}", entry.action))?;
    Ok(g)
}
