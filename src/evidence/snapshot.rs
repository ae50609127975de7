//! The snapshot file: Evidence as versioned JSON, for replaying an incident later.
//!
//! The version is checked before anything else, so a file from a newer masst is refused with
//! a message about versions rather than a confusing field error.

use std::path::Path;

use crate::evidence::{Evidence, FORMAT};

/// Reads and checks a snapshot file.
pub fn load(path: &Path) -> Result<Evidence, String> {
    let text = std::fs::read(path).map_err(|e| format!("cannot read snapshot {}: {e}", path.display()))?;
    parse(&path.display().to_string(), &text)
}

/// Parses snapshot bytes; `name` is used in messages.
pub fn parse(name: &str, bytes: &[u8]) -> Result<Evidence, String> {
    let hint = "Capture a fresh one with `masst snapshot capture -o FILE`.";
    let value: serde_json::Value = serde_json::from_slice(bytes)
        .map_err(|e| format!("{name} is not a masst snapshot: it is not valid JSON ({e}). {hint}"))?;
    match value.get("format").and_then(|f| f.as_u64()) {
        Some(f) if f == FORMAT as u64 => {}
        Some(f) => {
            return Err(format!(
                "{name} is snapshot format {f}, but this masst reads format {FORMAT} only; use the masst that wrote it, or re-capture. {hint}"
            ))
        }
        None => return Err(format!("{name} is not a masst snapshot: it has no numeric \"format\" field. {hint}")),
    }
    let mut ev: Evidence = serde_path_to_error::deserialize(value).map_err(|e| {
        let at = e.path().to_string();
        format!("{name} is not a valid masst snapshot: at `{at}`: {}. {hint}", e.inner())
    })?;
    ev.check().map_err(|e| format!("{name} is not a valid masst snapshot: {e}. {hint}"))?;
    for pts in ev.metrics.values_mut() {
        pts.sort_by_key(|(t, _)| *t);
    }
    Ok(ev)
}

/// Serializes evidence as the snapshot file's JSON.
pub fn to_json(ev: &Evidence) -> String {
    serde_json::to_string_pretty(ev).expect("evidence always serializes") + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_snapshot_round_trips_and_other_versions_are_refused() {
        let ev = crate::evidence::scenario::Scenario::embedded("flash-sale").unwrap().evidence(None);
        let json = to_json(&ev);
        assert_eq!(parse("s.json", json.as_bytes()).unwrap(), ev);
        let v2 = json.replacen("\"format\": 1", "\"format\": 2", 1);
        assert!(parse("s.json", v2.as_bytes()).unwrap_err().contains("format 2"));
        assert!(parse("s.json", b"{\"format\":1,\"taken_at\":3}").unwrap_err().contains("not a valid"));
        assert!(parse("s.json", b"\x00\x01").unwrap_err().contains("not valid JSON"));
    }

    #[test]
    fn errors_name_the_field_and_non_finite_values_are_refused() {
        let ev = crate::evidence::scenario::Scenario::embedded("dlq-retryable").unwrap().evidence(None);
        let mut v = serde_json::to_value(&ev).unwrap();
        v["queues"]["dlq"]["name"] = serde_json::json!(30);
        let err = parse("s.json", v.to_string().as_bytes()).unwrap_err();
        assert!(err.contains("at `queues.dlq.name`") && err.contains("expected a string"), "{err}");
        let mut v = serde_json::to_value(&ev).unwrap();
        v["queues"]["dlq"]["attributes"]["ApproximateNumberOfMessages"] = serde_json::json!("-inf");
        let err = parse("s.json", v.to_string().as_bytes()).unwrap_err();
        assert!(err.contains("queues.dlq.attributes.ApproximateNumberOfMessages") && err.contains("-inf"), "{err}");
    }
}
