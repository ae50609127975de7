//! The journal: one JSON line per change masst made, with the state before and after, so
//! `masst undo` can plan the way back and a postmortem can see who changed what.
//!
//! The journal is written ahead: an entry is appended as `pending` before anything changes in
//! AWS, and appended again, with the same id, once the outcome is known (`applied`, `failed`,
//! `unknown`). The last line of an id wins, so a change that may have gone live is never missing
//! from the journal, even when masst was killed or AWS stopped answering mid-change.
//!
//! A corrupt line (a crash mid-write, a hand edit, bytes that are not UTF-8) is reported by
//! number and skipped; every other entry stays usable.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::{Error, Result};

/// The journal as `masst journal --output json` prints it (and `masst mcp`'s `journal` tool
/// returns it): where it is, its entries oldest first, and the lines it could not read.
pub fn document(path: &std::path::Path, entries: &[Entry], warnings: &[String]) -> serde_json::Value {
    serde_json::json!({ "journal": path, "entries": entries, "warnings": warnings })
}

/// One change.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Entry {
    pub id: String,
    pub time: jiff::Timestamp,
    pub user: String,
    #[serde(default)]
    pub account: Option<String>,
    pub region: String,
    #[serde(default)]
    pub endpoint: Option<String>,
    /// The contract §7 action id.
    pub action: String,
    /// The action family that wrote the entry, whose undo reads its `before` and `after`.
    /// Entries written before families were journaled have none: the family owning `action`
    /// speaks for them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
    /// The command as typed, for the listing.
    pub command: String,
    /// What was changed (`AppConfig MangaAssist/prod/throughput`, `ECS mangaassist/batch-worker`).
    pub target: String,
    /// The `[targets]` entry the change was sent to (contract §10); `undo` goes back there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_name: Option<String>,
    pub before: Value,
    pub after: Value,
    /// The diagnosis that offered this action (`throttling/sonnet/other-workloads-consuming-quota`).
    #[serde(default)]
    pub diagnosis: Option<String>,
    /// The entry this one reverses.
    #[serde(default)]
    pub undoes: Option<String>,
    /// Where the change stands. Entries written before the journal was write-ahead have none
    /// and were applied.
    #[serde(default)]
    pub state: State,
    /// Why a change failed or could not be followed, and how it was rebased.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// The verification's verdict, when one ran after the change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verified: Option<String>,
}

/// Where a journaled change stands.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "lowercase")]
pub enum State {
    /// Written before the change was sent; masst has not (yet) said how it ended. A pending
    /// entry left behind means masst stopped mid-change: the change may be live.
    Pending,
    /// AWS confirmed the change.
    #[default]
    Applied,
    /// AWS refused it, or masst put the previous state back: nothing of it is live.
    Failed,
    /// The change was sent but its outcome could not be read: it may be live.
    Unknown,
}

impl State {
    pub fn as_str(self) -> &'static str {
        match self {
            State::Pending => "pending",
            State::Applied => "applied",
            State::Failed => "failed",
            State::Unknown => "unknown",
        }
    }

    /// Could this change be live in AWS?
    pub fn may_be_live(self) -> bool {
        self != State::Failed
    }
}

impl Entry {
    /// A new entry stamped now, by this user, for a change made through `clients`.
    pub fn record(
        clients: &crate::aws::Clients,
        family: &str,
        action: &str,
        command: String,
        target: &str,
        before: Value,
        after: Value,
    ) -> Entry {
        let now = jiff::Timestamp::now();
        Entry {
            id: new_id(now),
            time: now,
            user: user(),
            account: None,
            region: clients.region.clone(),
            endpoint: clients.endpoint.clone(),
            action: action.to_string(),
            family: Some(family.to_string()),
            command,
            target: target.to_string(),
            target_name: clients.target.clone(),
            before,
            after,
            diagnosis: None,
            undoes: None,
            state: State::Pending,
            notes: vec![],
            verified: None,
        }
    }
}

/// The journal file.
#[derive(Debug, Clone)]
pub struct Journal {
    pub path: PathBuf,
}

impl Journal {
    /// `--journal PATH`, else `$XDG_STATE_HOME/masst/journal.jsonl`.
    pub fn open(explicit: Option<&Path>) -> Result<Journal> {
        if let Some(p) = explicit {
            return Ok(Journal { path: p.to_path_buf() });
        }
        use etcetera::BaseStrategy;
        let dirs = etcetera::choose_base_strategy().map_err(|e| {
            Error::Config(format!("cannot find a state directory for the journal ({e}); pass --journal PATH"))
        })?;
        let dir = dirs.state_dir().unwrap_or_else(|| dirs.data_dir());
        Ok(Journal { path: dir.join("masst").join("journal.jsonl") })
    }

    /// Writes the `pending` entry before anything changes. If it cannot be written, nothing
    /// may change: the error says so.
    pub fn begin(&self, e: &Entry) -> Result<()> {
        self.write(e).map_err(|err| {
            Error::Action(format!(
                "cannot write the journal {} ({err}), so nothing was changed: every change must be journaled first. \
                 Fix the file's permissions or pass --journal PATH",
                self.path.display()
            ))
        })
    }

    /// Appends an entry's outcome (or any entry) and flushes it to disk before the command
    /// reports success.
    pub fn append(&self, e: &Entry) -> Result<()> {
        self.write(e).map_err(|err| {
            Error::Action(format!(
                "the change ended `{}` but that could not be journaled at {}: {err}. Note it by hand: {}",
                e.state.as_str(),
                self.path.display(),
                serde_json::to_string(e).unwrap_or_default()
            ))
        })
    }

    fn write(&self, e: &Entry) -> std::io::Result<()> {
        if let Some(dir) = self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        let mut f = std::fs::OpenOptions::new().create(true).append(true).open(&self.path)?;
        // One write per line: appends from two masst processes do not interleave.
        let line = serde_json::to_string(e).expect("entries serialize") + "\n";
        f.write_all(line.as_bytes())?;
        f.sync_data()
    }

    /// Every readable entry, oldest first, and a warning per unreadable line.
    pub fn read(&self) -> Result<(Vec<Entry>, Vec<String>)> {
        let bytes = match std::fs::read(&self.path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok((vec![], vec![])),
            Err(e) => return Err(Error::Config(format!("cannot read the journal {}: {e}", self.path.display()))),
        };
        let mut entries: Vec<Entry> = Vec::new();
        let mut warnings = Vec::new();
        for (i, raw) in bytes.split(|b| *b == b'\n').enumerate() {
            let skipped = |why: String| {
                format!("journal {} line {} {why}; skipped, the other entries are used", self.path.display(), i + 1)
            };
            let Ok(line) = std::str::from_utf8(raw) else {
                warnings.push(skipped("is not UTF-8 text".into()));
                continue;
            };
            if line.trim().is_empty() {
                continue;
            }
            match serde_json::from_str::<Entry>(line) {
                // A later line of the same id is that change's outcome: it replaces the
                // pending line in place, so the listing keeps the order changes began in.
                Ok(e) => match entries.iter_mut().find(|x| x.id == e.id) {
                    Some(earlier) => *earlier = e,
                    None => entries.push(e),
                },
                Err(err) => warnings.push(skipped(format!("is not a valid entry ({err})"))),
            }
        }
        Ok((entries, warnings))
    }
}

/// A new entry id: the UTC time and a short suffix, sortable and unique enough for one user.
pub fn new_id(now: jiff::Timestamp) -> String {
    let suffix = now.subsec_nanosecond() as u32 ^ std::process::id().rotate_left(16);
    format!("{}-{:04x}", now.strftime("%Y%m%dT%H%M%SZ"), suffix & 0xffff)
}

/// The entry `undo` reverses by default: the latest change that is not an undo and has not
/// been undone.
pub fn latest_undoable(entries: &[Entry]) -> Option<&Entry> {
    entries.iter().rev().find(|e| {
        e.undoes.is_none()
            && e.state.may_be_live()
            && !entries.iter().any(|u| u.undoes.as_deref() == Some(&e.id) && u.state == State::Applied)
    })
}

/// Who is acting, for the journal.
pub fn user() -> String {
    ["USER", "LOGNAME", "USERNAME"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()))
        .or_else(|| {
            std::env::var("HOME").ok().and_then(|h| h.rsplit('/').next().map(String::from)).filter(|h| !h.is_empty())
        })
        .unwrap_or_else(|| "unknown".into())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// An applied entry of `action`, for the families' undo tests.
    pub(crate) fn entry_of(action: &str, before: serde_json::Value, after: serde_json::Value) -> Entry {
        Entry { action: action.into(), before, after, ..entry("e1", None) }
    }

    fn entry(id: &str, undoes: Option<&str>) -> Entry {
        Entry {
            id: id.into(),
            time: jiff::Timestamp::UNIX_EPOCH,
            user: "oncall".into(),
            account: Some("123456789012".into()),
            region: "us-east-1".into(),
            endpoint: None,
            action: "batch.scale".into(),
            family: None,
            command: "masst batch scale 5".into(),
            target: "ECS mangaassist/batch-worker".into(),
            target_name: None,
            before: serde_json::json!({"desired": 3}),
            after: serde_json::json!({"desired": 5}),
            diagnosis: None,
            undoes: undoes.map(String::from),
            state: State::Applied,
            notes: vec![],
            verified: None,
        }
    }

    #[test]
    fn a_corrupt_line_is_reported_by_number_and_the_rest_stays_usable() {
        let dir = tempfile::tempdir().unwrap();
        let j = Journal { path: dir.path().join("j.jsonl") };
        j.append(&entry("a", None)).unwrap();
        std::fs::OpenOptions::new().append(true).open(&j.path).unwrap().write_all(b"{\"id\": \"half-writ\n").unwrap();
        j.append(&entry("b", None)).unwrap();
        let (entries, warnings) = j.read().unwrap();
        assert_eq!(entries.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].contains("line 2"), "{}", warnings[0]);
    }

    #[test]
    fn a_line_that_is_not_utf8_is_named_and_the_outcome_line_replaces_the_pending_one() {
        let dir = tempfile::tempdir().unwrap();
        let j = Journal { path: dir.path().join("j.jsonl") };
        let mut a = entry("a", None);
        a.state = State::Pending;
        j.begin(&a).unwrap();
        std::fs::OpenOptions::new().append(true).open(&j.path).unwrap().write_all(b"\xff\xfe{\n").unwrap();
        j.append(&entry("b", None)).unwrap();
        a.state = State::Unknown;
        j.append(&a).unwrap();
        let (entries, warnings) = j.read().unwrap();
        assert_eq!(
            entries.iter().map(|e| (e.id.as_str(), e.state)).collect::<Vec<_>>(),
            [("a", State::Unknown), ("b", State::Applied)]
        );
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].contains("line 2 is not UTF-8"), "{}", warnings[0]);
    }

    #[test]
    fn a_failed_change_is_not_undone_and_a_failed_undo_does_not_count() {
        let mut failed = entry("f", None);
        failed.state = State::Failed;
        let mut failed_undo = entry("u", Some("a"));
        failed_undo.state = State::Failed;
        let es = vec![entry("a", None), failed, failed_undo];
        assert_eq!(latest_undoable(&es).unwrap().id, "a");
    }

    #[test]
    fn undo_takes_the_latest_change_not_yet_undone() {
        let es = vec![entry("a", None), entry("b", None), entry("u", Some("b"))];
        assert_eq!(latest_undoable(&es).unwrap().id, "a");
        assert!(latest_undoable(&[entry("a", None), entry("u", Some("a"))]).is_none());
    }
}
