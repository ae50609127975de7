//! The journal: one JSON line per change masst made, with the state before and after, so
//! `masst undo` can plan the way back and a postmortem can see who changed what.
//!
//! A corrupt line (a crash mid-write, a hand edit) is reported by number and skipped; every
//! other entry stays usable.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::{Error, Result};

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
    /// The command as typed, for the listing.
    pub command: String,
    /// What was changed (`AppConfig MangaAssist/prod/throughput`, `ECS mangaassist/batch-worker`).
    pub target: String,
    pub before: Value,
    pub after: Value,
    /// The diagnosis that offered this action (`throttling/sonnet/other-workloads-consuming-quota`).
    #[serde(default)]
    pub diagnosis: Option<String>,
    /// The entry this one reverses.
    #[serde(default)]
    pub undoes: Option<String>,
}

impl Entry {
    /// A new entry stamped now, by this user, for a change made through `clients`.
    pub fn record(
        clients: &crate::aws::Clients,
        account: Option<String>,
        action: &str,
        target: &str,
        before: Value,
        after: Value,
    ) -> Entry {
        let now = jiff::Timestamp::now();
        Entry {
            id: new_id(now),
            time: now,
            user: user(),
            account,
            region: clients.region.clone(),
            endpoint: clients.endpoint.clone(),
            action: action.to_string(),
            command: std::env::args().collect::<Vec<_>>().join(" "),
            target: target.to_string(),
            before,
            after,
            diagnosis: None,
            undoes: None,
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

    /// Appends an entry and flushes it to disk before the command reports success.
    pub fn append(&self, e: &Entry) -> Result<()> {
        let fail = |err: std::io::Error| {
            Error::Action(format!(
                "the change was applied but could not be journaled at {}: {err}. Note it by hand: {}",
                self.path.display(),
                serde_json::to_string(e).unwrap_or_default()
            ))
        };
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir).map_err(fail)?;
        }
        let mut f = std::fs::OpenOptions::new().create(true).append(true).open(&self.path).map_err(fail)?;
        let line = serde_json::to_string(e).expect("entries serialize") + "\n";
        f.write_all(line.as_bytes()).and_then(|_| f.sync_data()).map_err(fail)
    }

    /// Every readable entry, oldest first, and a warning per unreadable line.
    pub fn read(&self) -> Result<(Vec<Entry>, Vec<String>)> {
        let text = match std::fs::read_to_string(&self.path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok((vec![], vec![])),
            Err(e) => return Err(Error::Config(format!("cannot read the journal {}: {e}", self.path.display()))),
        };
        let mut entries = Vec::new();
        let mut warnings = Vec::new();
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            match serde_json::from_str::<Entry>(line) {
                Ok(e) => entries.push(e),
                Err(err) => warnings.push(format!(
                    "journal {} line {} is not a valid entry ({err}); skipped, the other entries are used",
                    self.path.display(),
                    i + 1
                )),
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
    entries.iter().rev().find(|e| e.undoes.is_none() && !entries.iter().any(|u| u.undoes.as_deref() == Some(&e.id)))
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
mod tests {
    use super::*;

    fn entry(id: &str, undoes: Option<&str>) -> Entry {
        Entry {
            id: id.into(),
            time: jiff::Timestamp::UNIX_EPOCH,
            user: "oncall".into(),
            account: Some("123456789012".into()),
            region: "us-east-1".into(),
            endpoint: None,
            action: "batch.scale".into(),
            command: "masst batch scale 5".into(),
            target: "ECS mangaassist/batch-worker".into(),
            before: serde_json::json!({"desired": 3}),
            after: serde_json::json!({"desired": 5}),
            diagnosis: None,
            undoes: undoes.map(String::from),
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
    fn undo_takes_the_latest_change_not_yet_undone() {
        let es = vec![entry("a", None), entry("b", None), entry("u", Some("b"))];
        assert_eq!(latest_undoable(&es).unwrap().id, "a");
        assert!(latest_undoable(&[entry("a", None), entry("u", Some("a"))]).is_none());
    }
}
