//! The remediation verbs, all through one flow: plan against the current state, show the
//! change, ask (or refuse to ask without a terminal), apply, journal.

use comfy_table::{presets::UTF8_FULL_CONDENSED, Table};

use crate::actions::apply::{self, Applied, Planned};
use crate::actions::doc::{self, DocChange};
use crate::actions::journal::{self, Entry, Journal, State};
use crate::aws::Clients;
use crate::cli::{
    BatchCommand, ChangeFlags, ConcurrencyCommand, Global, OnOff, PauseResume, ProducerCommand, QueueCommand,
    RoutingCommand, ScheduleCommand,
};
use crate::error::{Error, Outcome, Result};
use crate::settings::Settings;
use crate::ui::Printer;

/// What a verb asks for, before it is planned against AWS.
enum Want {
    Doc(DocChange),
    Ecs {
        role: &'static str,
        to: i32,
        id: &'static str,
    },
    ProducerResume(Option<i32>),
    QueueFix {
        visibility: u32,
        max_receive: u32,
    },
    Alarms(Option<String>),
    Undo(Option<String>),
    /// `account_quota` from Service Quotas, read when planned.
    QuotaSync,
}

impl Want {
    /// Checks what can be checked before AWS is asked: a model or pool masst does not know is
    /// a usage error (exit 2), not a failed action.
    fn check(&self, settings: &Settings) -> Result<()> {
        let models = settings.model_keys();
        let model = match self {
            Want::Doc(DocChange::Concurrency { model, pool, .. }) => {
                if !doc::POOLS.contains(&pool.as_str()) {
                    return Err(Error::Usage(format!("unknown pool `{pool}`; use one of {}", doc::POOLS.join(", "))));
                }
                Some(model)
            }
            Want::Doc(DocChange::BatchModel(model)) => Some(model),
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
}

/// Runs one change end to end: plan, preview, confirm, write the journal entry ahead, apply,
/// record the outcome. With `--output json` the command prints one document at the end.
fn change(global: &Global, printer: &Printer, flags: &ChangeFlags, want: Want) -> Result<Outcome> {
    let settings = Settings::load(global.config.as_deref())?.settings;
    want.check(&settings)?;
    let journal = Journal::open(global.journal.as_deref())?;
    let (entries, warnings) = journal.read()?;
    for w in &warnings {
        printer.note(format!("warning: {w}"));
    }
    let applied: Option<(Entry, serde_json::Value)> = super::block_on(async {
        let clients = super::clients(global, &settings).await.map_err(|e| Error::Action(e.to_string()))?;
        // A read that fails while planning a change is a failed action (exit 4).
        let (label, action, undoes, planned) =
            plan(&clients, &settings, flags, want, &entries).await.map_err(|e| match e {
                Error::Evidence(m) => Error::Action(m),
                other => other,
            })?;
        let target = planned.target(&settings);
        let mut doc = serde_json::json!({
            "action": action, "label": label, "target": target, "before": planned.before(),
            "after": planned.after(), "dry_run": flags.dry_run, "changed": false,
        });
        if planned.is_noop() {
            let msg = format!("nothing to change: {target} is already as `{label}` would leave it");
            if printer.json() {
                doc["note"] = msg.into();
                printer.json_value(&doc);
            } else {
                printer.line(msg);
            }
            return Ok(None);
        }
        let preview = format!("{label}: {}", planned.preview(&settings));
        if printer.json() {
            printer.note(&preview);
        } else {
            printer.line(&preview);
        }
        if flags.dry_run {
            if printer.json() {
                printer.json_value(&doc);
            }
            printer.note("dry run: nothing was changed");
            return Ok(None);
        }
        if !printer.stdout_open() {
            return Err(Error::Action(
                "stdout was closed before the change could be shown (is masst piped into a command that exits?); \
                 nothing was changed. Run it without the pipe, or with --dry-run to preview"
                    .into(),
            ));
        }
        confirm(printer, flags, &format!("Apply {label} to {target}?"))?;
        let pending = Entry {
            diagnosis: flags.diagnosis.clone(),
            undoes,
            ..Entry::record(&clients, None, &action, &target, planned.before(), planned.after())
        };
        journal.begin(&pending)?;
        let who = format!("masst {action} by {} (journal {})", pending.user, pending.id);
        let mut applied = Applied::default();
        let bar = printer.deploy_bar();
        let progress = |d: apply::Deploying<'_>| {
            if let Some(b) = &bar {
                match d {
                    apply::Deploying::At(pct, state) => {
                        b.set_position(pct as u64);
                        b.set_message(state.to_string());
                    }
                    apply::Deploying::Done => b.finish_and_clear(),
                    apply::Deploying::Stopped => b.abandon(),
                }
            }
        };
        let (result, account) = tokio::join!(
            planned.apply(&clients, &settings, &progress, !flags.no_wait, &who, &mut applied),
            clients.account()
        );
        let mut notes = applied.notes;
        let state = match &result {
            Ok(()) => State::Applied,
            Err(e) => {
                notes.push(e.to_string());
                if applied.sent {
                    State::Unknown
                } else {
                    State::Failed
                }
            }
        };
        let entry = Entry { account, state, notes, before: applied.before, after: applied.after, ..pending };
        let journaled = journal.append(&entry);
        for n in entry.notes.iter().take(entry.notes.len() - usize::from(result.is_err())) {
            printer.note(format!("note: {n}"));
        }
        if let Err(e) = result {
            return Err(match journaled {
                Ok(()) if entry.state == State::Unknown => Error::Action(format!(
                    "{e}\nThe change may be live: journal entry {} is marked unknown; `masst undo {}` reverses it after reading the live state",
                    entry.id, entry.id
                )),
                Ok(()) => e,
                Err(j) => Error::Action(format!("{e}\n{j}")),
            });
        }
        journaled?;
        if printer.json() {
            doc["changed"] = true.into();
            doc["entry"] = serde_json::to_value(&entry).expect("entries serialize");
        } else {
            printer.must(format!(
                "applied {label} to {target}; journal entry {} (undo: masst undo {})",
                entry.id, entry.id
            ));
        }
        Ok(Some((entry, doc)))
    })?;
    let Some((entry, mut doc)) = applied else { return Ok(Outcome::Clear) };
    if !flags.verify {
        if printer.json() {
            printer.json_value(&doc);
        }
        return Ok(Outcome::Clear);
    }
    let verified = verify_after(global, printer, flags, &settings, &journal, &entry);
    match verified {
        Ok((outcome, report)) => {
            if printer.json() {
                doc["verification"] = serde_json::to_value(&report).expect("reports serialize");
                printer.json_value(&doc);
            }
            Ok(outcome)
        }
        Err(e) => Err(e),
    }
}

/// The runbooks that speak for a change: the one whose result offered it (`--diagnosis`), else
/// every runbook with an outcome that lists the action.
fn verifying<'a>(
    set: &'a crate::engine::RunbookSet,
    entry: &Entry,
) -> (Vec<&'a crate::engine::Runbook>, Option<(String, Option<String>)>) {
    if let Some(diag) = &entry.diagnosis {
        let mut parts = diag.split('/');
        let (rb, model) = (parts.next().unwrap_or_default(), parts.next().filter(|m| *m != "-"));
        if let Some(r) = set.get(rb) {
            return (vec![r], Some((rb.to_string(), model.map(String::from))));
        }
    }
    let listing = set
        .runbooks
        .iter()
        .filter(|rb| rb.outcomes.values().any(|o| o.actions.iter().any(|a| a.id == entry.action)))
        .collect();
    (listing, None)
}

/// `--verify`: watches the runbooks that speak for the change until the incident recovers,
/// records the verdict in the journal, and offers the way back when it got worse.
fn verify_after(
    global: &Global,
    printer: &Printer,
    flags: &ChangeFlags,
    settings: &Settings,
    journal: &Journal,
    entry: &Entry,
) -> Result<(Outcome, Option<super::verify::Report>)> {
    use crate::engine::verify::Verdict;
    let set = super::runbooks(global)?;
    let (runbooks, only) = verifying(&set, entry);
    if runbooks.is_empty() {
        printer.note(format!("no runbook lists {}, so there is nothing to verify it against", entry.action));
        return Ok((Outcome::Clear, None));
    }
    let names: Vec<&str> = runbooks.iter().map(|r| r.name.as_str()).collect();
    printer.note(format!("verifying {} against {}…", entry.action, names.join(", ")));
    let opts = super::verify::Options { timeout: flags.verify_timeout, every: flags.verify_every };
    let only_ref = only.as_ref().map(|(r, m)| (r.as_str(), m.as_deref()));
    let report = super::verify::verify(global, settings, &runbooks, only_ref, opts, printer)?;
    if !printer.json() {
        super::verify::print(printer, &report);
    }
    let verdict = report.verdict;
    journal.append(&Entry { verified: Some(verdict.as_str().to_string()), ..entry.clone() })?;
    match verdict {
        Verdict::Recovered => Ok((Outcome::Clear, Some(report))),
        Verdict::Worse if printer.interactive && !printer.json() => {
            printer.line(format!("the incident got worse after {}; masst offers to undo it:", entry.action));
            let back = ChangeFlags { yes: false, dry_run: false, force: false, verify: false, ..flags.clone() };
            if let Err(e) = undo(global, &Some(entry.id.clone()), &back, printer) {
                printer.line(format!("masst: {e}"));
            }
            Ok((Outcome::Findings, Some(report)))
        }
        Verdict::Worse => {
            printer
                .note(format!("the incident got worse after {}: `masst undo {}` reverses it", entry.action, entry.id));
            Ok((Outcome::Findings, Some(report)))
        }
        Verdict::NotYet => Ok((Outcome::Findings, Some(report))),
    }
}

/// Asks before a change, unless `--yes`; refuses to ask without a terminal.
pub fn confirm(printer: &Printer, flags: &ChangeFlags, question: &str) -> Result<()> {
    if flags.yes {
        return Ok(());
    }
    if !printer.interactive {
        return Err(Error::Action(
            "refusing to change AWS without a confirmation, and stdin is not a terminal to ask on: pass --yes to apply, or --dry-run to preview"
                .into(),
        ));
    }
    // The answer is taken with its Enter, so the Enter cannot answer the next question.
    match dialoguer::Confirm::new().with_prompt(question).default(false).wait_for_newline(true).interact_opt() {
        Ok(Some(true)) => Ok(()),
        _ => Err(Error::Action("declined: nothing was changed".into())),
    }
}

async fn plan(
    clients: &Clients,
    settings: &Settings,
    flags: &ChangeFlags,
    want: Want,
    entries: &[Entry],
) -> Result<(String, String, Option<String>, Planned)> {
    let plain = |id: &str, p: Planned| (id.to_string(), id.to_string(), None, p);
    Ok(match want {
        Want::Doc(c) => plain(c.action_id(), apply::plan_doc(clients, settings, &c, flags.force).await?),
        Want::Ecs { role, to, id } => plain(id, apply::plan_ecs(clients, settings, role, to).await?),
        Want::ProducerResume(count) => {
            let to = match count {
                Some(n) => n,
                None => entries
                    .iter()
                    .rev()
                    .find(|e| e.action == "producer.pause" && e.undoes.is_none())
                    .and_then(|e| e.before["desired"].as_i64())
                    .map(|n| n as i32)
                    .ok_or_else(|| {
                        Error::Action(
                            "no `producer pause` in the journal saved a count to restore; pass --count N".into(),
                        )
                    })?,
            };
            plain("producer.resume", apply::plan_ecs(clients, settings, "catalog-enrichment", to).await?)
        }
        Want::QueueFix { visibility, max_receive } => {
            plain("queue.fix", apply::plan_queue_fix(clients, settings, visibility, max_receive).await?)
        }
        Want::Alarms(topic) => plain("alarms.install", apply::plan_alarms(clients, settings, topic.as_deref()).await?),
        Want::QuotaSync => {
            let plan = crate::evidence::collect::Plan { quotas: true, ..Default::default() };
            let quotas = crate::evidence::collect::quotas(clients, settings, &plan)
                .await
                .map_err(|e| Error::Action(e.to_string()))?;
            let mut values = std::collections::BTreeMap::new();
            for (m, q) in quotas {
                let v = q.value.ok_or_else(|| {
                    Error::Action(format!(
                        "Service Quotas has no applied value for {m} ({} {}); nothing was changed",
                        q.service, q.code
                    ))
                })?;
                values.insert(m, v);
            }
            let change = DocChange::QuotaSync(values);
            plain("quota.sync", apply::plan_doc(clients, settings, &change, flags.force).await?)
        }
        Want::Undo(id) => {
            let entry = match &id {
                Some(id) => entries.iter().find(|e| &e.id == id).ok_or_else(|| {
                    Error::Action(format!("there is no journal entry `{id}`; `masst journal` lists them"))
                })?,
                None => journal::latest_undoable(entries)
                    .ok_or_else(|| Error::Action("the journal has no change left to undo".into()))?,
            };
            if entry.state == State::Failed {
                return Err(Error::Action(format!(
                    "entry {} failed, so nothing of it is live to undo (`masst journal` shows why)",
                    entry.id
                )));
            }
            if entries.iter().any(|u| u.undoes.as_deref() == Some(&entry.id) && u.state == State::Applied)
                && !flags.force
            {
                return Err(Error::Action(format!(
                    "entry {} was already undone; pass --force to reverse it again",
                    entry.id
                )));
            }
            let planned = apply::plan_undo(clients, settings, entry, flags.force).await?;
            (format!("undo {} ({})", entry.id, entry.action), entry.action.clone(), Some(entry.id.clone()), planned)
        }
    })
}

fn load_schedule(file: Option<&std::path::Path>) -> Result<Vec<u32>> {
    match file {
        None => Ok(doc::SEED_SCHEDULE.to_vec()),
        Some(p) => {
            let text = std::fs::read_to_string(p)
                .map_err(|e| Error::Usage(format!("cannot read schedule {}: {e}", p.display())))?;
            doc::parse_schedule(&text).map_err(|e| Error::Usage(format!("{}: {e}", p.display())))
        }
    }
}

/// The schedule as a table, the current JST hour marked.
pub fn schedule_table(table: &[u32], now: jiff::Timestamp) -> String {
    let jst = now.to_zoned(jiff::tz::offset(9).to_time_zone());
    let hour = jst.hour() as usize;
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED).set_header(["hour (JST)", "max batch concurrency", ""]);
    for (h, v) in table.iter().enumerate() {
        t.add_row([format!("{h:02}:00"), v.to_string(), if h == hour { "◀ now".into() } else { String::new() }]);
    }
    format!("{t}\nnow: {} JST", jst.strftime("%Y-%m-%d %H:%M"))
}

/// `masst analytics pause|resume`.
pub fn analytics(global: &Global, cmd: &PauseResume, printer: &Printer) -> Result<Outcome> {
    match cmd {
        PauseResume::Pause(f) => change(global, printer, f, Want::Doc(DocChange::AnalyticsPaused(true))),
        PauseResume::Resume(f) => change(global, printer, f, Want::Doc(DocChange::AnalyticsPaused(false))),
    }
}

/// `masst concurrency set`.
pub fn concurrency(global: &Global, cmd: &ConcurrencyCommand, printer: &Printer) -> Result<Outcome> {
    let ConcurrencyCommand::Set { model, value, pool, flags } = cmd;
    change(
        global,
        printer,
        flags,
        Want::Doc(DocChange::Concurrency { model: model.clone(), pool: pool.clone(), value: *value }),
    )
}

/// `masst routing haiku on|off`.
pub fn routing(global: &Global, cmd: &RoutingCommand, printer: &Printer) -> Result<Outcome> {
    let RoutingCommand::Haiku { state, flags } = cmd;
    change(global, printer, flags, Want::Doc(DocChange::RoutingHaiku(matches!(state, OnOff::On))))
}

/// `masst batch ...`.
pub fn batch(global: &Global, cmd: &BatchCommand, printer: &Printer) -> Result<Outcome> {
    match cmd {
        BatchCommand::Pause(f) => change(global, printer, f, Want::Doc(DocChange::BatchPaused(true))),
        BatchCommand::Resume(f) => change(global, printer, f, Want::Doc(DocChange::BatchPaused(false))),
        BatchCommand::Concurrency { value, flags } => {
            change(global, printer, flags, Want::Doc(DocChange::BatchConcurrency(*value)))
        }
        BatchCommand::Model { model, flags } => {
            change(global, printer, flags, Want::Doc(DocChange::BatchModel(model.clone())))
        }
        BatchCommand::Scale { count, flags } => {
            change(global, printer, flags, Want::Ecs { role: "batch-worker", to: *count, id: "batch.scale" })
        }
        BatchCommand::Schedule(ScheduleCommand::Show { file }) => {
            let table = load_schedule(file.as_deref())?;
            if printer.json() {
                printer.json_value(&serde_json::json!({ "schedule_jst": table }));
            } else {
                printer.line(schedule_table(&table, jiff::Timestamp::now()));
            }
            Ok(Outcome::Clear)
        }
        BatchCommand::Schedule(ScheduleCommand::Apply { file, flags }) => {
            let table = load_schedule(file.as_deref())?;
            if !printer.json() {
                printer.line(schedule_table(&table, jiff::Timestamp::now()));
            }
            change(global, printer, flags, Want::Doc(DocChange::BatchSchedule(table)))
        }
    }
}

/// `masst producer pause|resume`.
pub fn producer(global: &Global, cmd: &ProducerCommand, printer: &Printer) -> Result<Outcome> {
    match cmd {
        ProducerCommand::Pause(f) => {
            change(global, printer, f, Want::Ecs { role: "catalog-enrichment", to: 0, id: "producer.pause" })
        }
        ProducerCommand::Resume { count, flags } => change(global, printer, flags, Want::ProducerResume(*count)),
    }
}

/// `masst queue fix`.
pub fn queue(global: &Global, cmd: &QueueCommand, printer: &Printer) -> Result<Outcome> {
    let QueueCommand::Fix { visibility_timeout, max_receive_count, flags } = cmd;
    change(global, printer, flags, Want::QueueFix { visibility: *visibility_timeout, max_receive: *max_receive_count })
}

/// `masst alarms install`.
pub fn alarms(global: &Global, topic: Option<&str>, flags: &ChangeFlags, printer: &Printer) -> Result<Outcome> {
    change(global, printer, flags, Want::Alarms(topic.map(String::from)))
}

/// `masst quota sync`.
pub fn quota_sync(global: &Global, flags: &ChangeFlags, printer: &Printer) -> Result<Outcome> {
    change(global, printer, flags, Want::QuotaSync)
}

/// `masst undo [ID]`.
pub fn undo(global: &Global, id: &Option<String>, flags: &ChangeFlags, printer: &Printer) -> Result<Outcome> {
    change(global, printer, flags, Want::Undo(id.clone()))
}

/// `masst journal`.
pub fn list_journal(global: &Global, printer: &Printer) -> Result<Outcome> {
    let journal = Journal::open(global.journal.as_deref())?;
    let (entries, warnings) = journal.read()?;
    for w in &warnings {
        printer.note(format!("warning: {w}"));
    }
    if printer.json() {
        printer.json_value(&serde_json::json!({ "journal": journal.path, "entries": entries, "warnings": warnings }));
        return Ok(Outcome::Clear);
    }
    if entries.is_empty() {
        printer.line(format!("no changes journaled yet ({})", journal.path.display()));
        return Ok(Outcome::Clear);
    }
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED).set_header(["id", "time", "user", "action", "target", "state"]);
    for e in &entries {
        let state = if e.state != State::Applied {
            match e.state {
                State::Pending => "pending: masst stopped mid-change; it may be live".to_string(),
                State::Unknown => "unknown: may be live".to_string(),
                _ => "failed: not live".to_string(),
            }
        } else if let Some(u) = &e.undoes {
            format!("undoes {u}")
        } else if let Some(u) = entries.iter().find(|u| u.undoes.as_deref() == Some(&e.id) && u.state == State::Applied)
        {
            format!("undone by {}", u.id)
        } else {
            "in effect".into()
        };
        t.add_row([
            e.id.clone(),
            e.time.strftime("%Y-%m-%d %H:%M:%S").to_string(),
            e.user.clone(),
            e.action.clone(),
            e.target.clone(),
            state,
        ]);
    }
    printer.line(t.to_string());
    printer.line(format!("journal: {}", journal.path.display()));
    Ok(Outcome::Clear)
}
