//! After a change is live: `--verify` (watch the runbooks that speak for it, journal the
//! verdict, offer the way back when it got worse), and `undo`, which is a change like any
//! other, planned by the entry's own family from what it journaled.

use serde_json::Value;

use super::{Console, Desk, Options, Shown, Verifier};
use crate::actions::journal::{self, Entry, State};
use crate::engine::verify::{Report, Verdict};
use crate::engine::{Runbook, RunbookSet};
use crate::error::{Error, Outcome};

/// The verification verdict of a change whose evidence could not be read.
pub const VERIFY_COULD_NOT_READ: &str = "could-not-read";

/// Ends a live change: without `--verify`, prints its document; with it, watches, records the
/// verdict, and adds it to the document.
pub(super) fn verified(
    desk: &Desk,
    console: &dyn Console,
    verifier: &dyn Verifier,
    opts: &Options,
    entry: &Entry,
    mut doc: Value,
) -> Result<Outcome, Error> {
    let Some((timeout, every)) = opts.verify else {
        if console.json() {
            console.document(&doc);
        }
        return Ok(Outcome::Clear);
    };
    let (outcome, report) = match verify_after(desk, console, verifier, opts, entry, timeout, every) {
        Ok(done) => done,
        Err(e) => return Err(unverified(console, desk, entry, doc, e)),
    };
    if console.json() {
        doc["verification"] = serde_json::to_value(&report).expect("reports serialize");
        console.document(&doc);
    }
    Ok(outcome)
}

/// The verdict when the change is live but its verification failed: a look that could not
/// read is `could-not-read` (journaled, exit 5), beside the applied change, never in its place.
/// Whatever went wrong, the document that says what changed is printed.
fn unverified(console: &dyn Console, desk: &Desk, entry: &Entry, mut doc: Value, e: Error) -> Error {
    let could_not_read = e.exit_code() == 3;
    if could_not_read {
        // The journal is the record of what is live: it says the verdict could not be read.
        if let Err(j) = desk.journal.append(&Entry { verified: Some(VERIFY_COULD_NOT_READ.into()), ..entry.clone() }) {
            console.note(&format!("warning: {j}"));
        }
    }
    if console.json() {
        let verdict = if could_not_read { VERIFY_COULD_NOT_READ } else { "failed" };
        doc["verification"] = serde_json::json!({
            "verdict": verdict,
            "error": {"message": e.to_string(), "kind": e.kind(), "exit_code": e.exit_code()},
        });
        console.document(&doc);
    }
    if !could_not_read {
        return e;
    }
    Error::Unverified(format!(
        "{} is applied (journal entry {}; `masst undo {}` reverses it), but its verification could not read the \
         evidence: {e} Re-check with `masst verify` once AWS answers",
        entry.action, entry.id, entry.id
    ))
}

/// The runbooks that speak for a change: the one whose result offered it (`--diagnosis`), else
/// every runbook with an outcome that lists the action.
fn verifying<'a>(set: &'a RunbookSet, entry: &Entry) -> (Vec<&'a Runbook>, Option<(String, Option<String>)>) {
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
    desk: &Desk,
    console: &dyn Console,
    verifier: &dyn Verifier,
    opts: &Options,
    entry: &Entry,
    timeout: Option<std::time::Duration>,
    every: std::time::Duration,
) -> Result<(Outcome, Option<Report>), Error> {
    let (runbooks, only) = verifying(&desk.runbooks, entry);
    if runbooks.is_empty() {
        console.note(&format!("no runbook lists {}, so there is nothing to verify it against", entry.action));
        return Ok((Outcome::Clear, None));
    }
    let names: Vec<&str> = runbooks.iter().map(|r| r.name.as_str()).collect();
    console.note(&format!("verifying {} against {}…", entry.action, names.join(", ")));
    let only_ref = only.as_ref().map(|(r, m)| (r.as_str(), m.as_deref()));
    let report = verifier.watch(&desk.settings, &runbooks, only_ref, timeout, every)?;
    if !console.json() {
        console.show(Shown::Verification(&report));
    }
    let verdict = report.verdict;
    desk.journal.append(&Entry { verified: Some(verdict.as_str().to_string()), ..entry.clone() })?;
    match verdict {
        Verdict::Recovered => Ok((Outcome::Clear, Some(report))),
        Verdict::Worse if console.interactive() && !console.json() => {
            console.line(&format!("the incident got worse after {}; masst offers to undo it:", entry.action));
            let back = Options {
                yes: false,
                dry_run: false,
                force: false,
                verify: None,
                command: super::typed(),
                ..opts.clone()
            };
            if let Err(e) = undo(desk, console, verifier, &back, Some(&entry.id)) {
                console.line(&format!("masst: {e}"));
            }
            Ok((Outcome::Findings, Some(report)))
        }
        Verdict::Worse => {
            console
                .note(&format!("the incident got worse after {}: `masst undo {}` reverses it", entry.action, entry.id));
            Ok((Outcome::Findings, Some(report)))
        }
        Verdict::NotYet => Ok((Outcome::Findings, Some(report))),
    }
}

/// `masst undo [ID]`: the entry's own family plans the way back from what it journaled; an
/// entry no family of this masst wrote is refused, never guessed at.
pub fn undo(
    desk: &Desk,
    console: &dyn Console,
    verifier: &dyn Verifier,
    opts: &Options,
    id: Option<&str>,
) -> Result<Outcome, Error> {
    let entries = desk.entries(console)?;
    let entry = match id {
        Some(id) => entries
            .iter()
            .find(|e| e.id == id)
            .ok_or_else(|| Error::Action(format!("there is no journal entry `{id}`; `masst journal` lists them")))?,
        None => journal::latest_undoable(&entries)
            .ok_or_else(|| Error::Action("the journal has no change left to undo".into()))?,
    };
    if entry.state == State::Failed {
        return Err(Error::Action(format!(
            "entry {} failed, so nothing of it is live to undo (`masst journal` shows why)",
            entry.id
        )));
    }
    if entries.iter().any(|u| u.undoes.as_deref() == Some(&entry.id) && u.state == State::Applied) && !opts.force {
        return Err(Error::Action(format!("entry {} was already undone; pass --force to reverse it again", entry.id)));
    }
    let entry = entry.clone();
    let name = entry.family.clone().or_else(|| crate::actions::family_of(&entry.action).map(String::from));
    match name.as_deref().and_then(crate::actions::family_named) {
        Some(family) => family.undo(desk, &entries, console, verifier, opts, entry),
        None => Err(Error::Action(format!(
            "journal entry {} has the action `{}`{}, which this masst does not know how to undo; undo it by hand",
            entry.id,
            entry.action,
            entry.family.as_deref().map(|f| format!(" of family `{f}`")).unwrap_or_default()
        ))),
    }
}
