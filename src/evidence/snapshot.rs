//! The snapshot file: Evidence as versioned JSON, for replaying an incident later.
//!
//! Format 2 (written since masst 0.2) keeps each metric as a start time, a period and an array
//! of values, `null` for a minute with no datapoint: an hour of evidence for every runbook is a
//! few kilobytes, and every array sits on one line. Format 1 (one `[time, value]` pair per
//! point) still loads; `masst snapshot upgrade FILE` rewrites it as format 2. The version is
//! checked before anything else, so a file from a newer masst is refused with a message about
//! versions rather than a confusing field error.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::evidence::{Evidence, FORMAT};

/// The formats this build reads.
pub const READS: [u32; 2] = [1, 2];

/// The longest series a format-2 file may describe (a week of minutes), so a crafted `start`
/// and `period` cannot make masst expand billions of empty points.
const MAX_POINTS: usize = 7 * 24 * 60;

/// One metric series in format 2.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Series {
    /// Epoch seconds of the first value.
    pub start: i64,
    /// Seconds between values.
    pub period: i64,
    /// One value a period; `null` where there was no datapoint.
    pub values: Vec<Option<f64>>,
}

/// A series of `(time, value)` points as format 2: the period is the smallest gap between
/// points (60 s for CloudWatch's one-minute data), so a missing minute becomes `null`.
pub fn compact(points: &[(i64, f64)]) -> Series {
    let Some(&(start, _)) = points.first() else {
        return Series { start: 0, period: 60, values: vec![] };
    };
    let period = points.windows(2).map(|w| w[1].0 - w[0].0).filter(|d| *d > 0).min().unwrap_or(60);
    let mut values: Vec<Option<f64>> = Vec::new();
    for &(t, v) in points {
        let i = ((t - start) / period) as usize;
        if values.len() <= i {
            values.resize(i + 1, None);
        }
        values[i] = Some(v);
    }
    Series { start, period, values }
}

/// A format-2 series back to points; `key` names it in errors.
pub fn expand(key: &str, s: &Series) -> Result<Vec<(i64, f64)>, String> {
    if s.period <= 0 {
        return Err(format!("at `metrics.{key}.period`: {} is not a positive number of seconds", s.period));
    }
    if s.values.len() > MAX_POINTS {
        return Err(format!(
            "at `metrics.{key}.values`: {} values; at most {MAX_POINTS} (a week of minutes)",
            s.values.len()
        ));
    }
    s.values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.map(|v| (i, v)))
        .map(|(i, v)| {
            let t = s
                .start
                .checked_add(s.period.checked_mul(i as i64).ok_or("overflow")?)
                .ok_or_else(|| format!("at `metrics.{key}`: start + period × {i} overflows"))?;
            Ok((t, v))
        })
        .collect::<Result<Vec<_>, String>>()
        .map_err(|e: String| if e == "overflow" { format!("at `metrics.{key}`: period × index overflows") } else { e })
}

/// Reads and checks a snapshot file.
pub fn load(path: &Path) -> Result<Evidence, String> {
    let text = std::fs::read(path).map_err(|e| format!("cannot read snapshot {}: {e}", path.display()))?;
    parse(&path.display().to_string(), &text)
}

/// Parses snapshot bytes (format 1 or 2); `name` is used in messages.
pub fn parse(name: &str, bytes: &[u8]) -> Result<Evidence, String> {
    let hint = "Capture a fresh one with `masst snapshot capture -o FILE`.";
    // The version first, read by streaming past everything else: a snapshot is parsed into
    // typed data straight from its bytes, never held whole as a JSON tree (a week of minutes
    // for every metric would cost tens of times the file's size).
    #[derive(Deserialize)]
    struct Head {
        format: Option<Value>,
    }
    let head: Head = serde_json::from_slice(bytes)
        .map_err(|e| format!("{name} is not a masst snapshot: it is not valid JSON ({e}). {hint}"))?;
    let format = match head.format.as_ref().and_then(|f| f.as_u64()) {
        Some(f) if READS.contains(&(f as u32)) => f as u32,
        Some(f) => {
            return Err(format!(
                "{name} is snapshot format {f}, but this masst reads formats 1 and 2; use the masst that wrote it, or re-capture. {hint}"
            ))
        }
        None => return Err(format!("{name} is not a masst snapshot: it has no numeric \"format\" field. {hint}")),
    };
    let invalid =
        |at: String, e: &dyn std::fmt::Display| format!("{name} is not a valid masst snapshot: at `{at}`: {e}. {hint}");
    let mut ev: Evidence = if format == 2 {
        // The compact series, typed from the bytes; then the rest of the document (as in
        // format 1) without them; then the series expanded into the evidence's points.
        #[derive(Deserialize)]
        struct Metrics {
            #[serde(default)]
            metrics: BTreeMap<String, Series>,
        }
        #[derive(Deserialize)]
        struct Rest {
            #[serde(default, rename = "metrics")]
            _metrics: serde::de::IgnoredAny,
            #[serde(flatten)]
            rest: serde_json::Map<String, Value>,
        }
        let de = &mut serde_json::Deserializer::from_slice(bytes);
        let series: Metrics =
            serde_path_to_error::deserialize(de).map_err(|e| invalid(e.path().to_string(), e.inner()))?;
        let de = &mut serde_json::Deserializer::from_slice(bytes);
        let mut rest: Rest =
            serde_path_to_error::deserialize(de).map_err(|e| invalid(e.path().to_string(), e.inner()))?;
        rest.rest.insert("format".into(), Value::from(FORMAT));
        let mut ev: Evidence = serde_path_to_error::deserialize(Value::Object(rest.rest))
            .map_err(|e| invalid(e.path().to_string(), e.inner()))?;
        for (k, s) in &series.metrics {
            let pts = expand(k, s).map_err(|e| format!("{name} is not a valid masst snapshot: {e}. {hint}"))?;
            ev.metrics.insert(k.clone(), pts);
        }
        ev
    } else {
        let mut value: Value = serde_json::from_slice(bytes)
            .map_err(|e| format!("{name} is not a masst snapshot: it is not valid JSON ({e}). {hint}"))?;
        value["format"] = Value::from(FORMAT);
        serde_path_to_error::deserialize(value).map_err(|e| invalid(e.path().to_string(), e.inner()))?
    };
    ev.check().map_err(|e| format!("{name} is not a valid masst snapshot: {e}. {hint}"))?;
    for pts in ev.metrics.values_mut() {
        pts.sort_by_key(|(t, _)| *t);
    }
    Ok(ev)
}

/// Serializes evidence as a format-2 snapshot: pretty, with every array on one line.
pub fn to_json(ev: &Evidence) -> String {
    let mut v = serde_json::to_value(ev).expect("evidence always serializes");
    let metrics: BTreeMap<String, Series> = ev.metrics.iter().map(|(k, pts)| (k.clone(), compact(pts))).collect();
    v["metrics"] = serde_json::to_value(metrics).expect("series serialize");
    v["format"] = Value::from(2);
    let mut out = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut out, InlineArrays::default());
    v.serialize(&mut ser).expect("a value serializes");
    String::from_utf8(out).expect("JSON is UTF-8") + "\n"
}

/// serde_json's pretty formatter, but arrays stay on one line: a series of sixty values is one
/// line, not sixty.
#[derive(Default)]
struct InlineArrays {
    pretty: serde_json::ser::PrettyFormatter<'static>,
    arrays: usize,
}

impl serde_json::ser::Formatter for InlineArrays {
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.arrays += 1;
        w.write_all(b"[")
    }
    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.arrays -= 1;
        w.write_all(b"]")
    }
    fn begin_array_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        if first {
            Ok(())
        } else {
            w.write_all(b", ")
        }
    }
    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, _w: &mut W) -> std::io::Result<()> {
        Ok(())
    }
    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        if self.arrays > 0 {
            w.write_all(b"{")
        } else {
            self.pretty.begin_object(w)
        }
    }
    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        if self.arrays > 0 {
            w.write_all(b"}")
        } else {
            self.pretty.end_object(w)
        }
    }
    fn begin_object_key<W: ?Sized + std::io::Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        if self.arrays > 0 {
            if first {
                Ok(())
            } else {
                w.write_all(b", ")
            }
        } else {
            self.pretty.begin_object_key(w, first)
        }
    }
    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        if self.arrays > 0 {
            w.write_all(b": ")
        } else {
            self.pretty.begin_object_value(w)
        }
    }
    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        if self.arrays > 0 {
            Ok(())
        } else {
            self.pretty.end_object_value(w)
        }
    }
}

/// Rewrites a snapshot file (format 1 or 2) as format 2, atomically; returns the sizes before
/// and after.
pub fn upgrade(path: &Path) -> Result<(usize, usize), String> {
    let before = std::fs::read(path).map_err(|e| format!("cannot read snapshot {}: {e}", path.display()))?;
    let ev = parse(&path.display().to_string(), &before)?;
    let text = to_json(&ev);
    let tmp = path.with_extension("json.masst-tmp");
    std::fs::write(&tmp, &text)
        .and_then(|_| std::fs::rename(&tmp, path))
        .map_err(|e| format!("cannot write snapshot {}: {e}; the original is unchanged", path.display()))?;
    Ok((before.len(), text.len()))
}

/// A snapshot as format 1 (one `[time, value]` pair per point), for tests of the upgrade.
pub fn to_json_v1(ev: &Evidence) -> String {
    let mut v = serde_json::to_value(ev).expect("evidence always serializes");
    v["format"] = Value::from(1);
    serde_json::to_string_pretty(&v).expect("a value serializes") + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flash_sale() -> Evidence {
        crate::evidence::scenario::Scenario::embedded("flash-sale").unwrap().evidence(None)
    }

    #[test]
    fn a_snapshot_round_trips_in_both_formats_and_unknown_versions_are_refused() {
        let ev = flash_sale();
        let v2 = to_json(&ev);
        assert!(v2.contains("\"format\": 2"));
        assert_eq!(parse("s.json", v2.as_bytes()).unwrap(), ev);
        assert_eq!(parse("s.json", to_json_v1(&ev).as_bytes()).unwrap(), ev, "format 1 still loads");
        let v3 = v2.replacen("\"format\": 2", "\"format\": 3", 1);
        assert!(parse("s.json", v3.as_bytes()).unwrap_err().contains("format 3"));
        assert!(parse("s.json", b"{\"format\":1,\"taken_at\":3}").unwrap_err().contains("not a valid"));
        assert!(parse("s.json", b"\x00\x01").unwrap_err().contains("not valid JSON"));
    }

    #[test]
    fn an_hour_of_evidence_is_a_few_kilobytes_with_missing_minutes_as_null() {
        let mut ev = flash_sale();
        let v1 = to_json_v1(&ev);
        let v2 = to_json(&ev);
        // About 45 series of 60 minutes (the app's and Bedrock's own) and the log lines, under 30 kB.
        assert!(v2.len() < 30_000 && v2.lines().count() < 450, "{} bytes, {} lines", v2.len(), v2.lines().count());
        assert!(v1.len() > 4 * v2.len(), "format 1: {} bytes, format 2: {}", v1.len(), v2.len());
        // A gap stays a gap: null, never a zero.
        let key = ev.metrics.keys().next().unwrap().clone();
        ev.metrics.get_mut(&key).unwrap().remove(10);
        let text = to_json(&ev);
        assert!(text.contains("null"), "{text}");
        assert_eq!(parse("s.json", text.as_bytes()).unwrap(), ev);
    }

    #[test]
    fn a_crafted_series_is_refused_not_expanded() {
        let s = Series { start: i64::MAX - 10, period: 60, values: vec![Some(1.0), Some(2.0)] };
        assert!(expand("k", &s).unwrap_err().contains("overflow"));
        let s = Series { start: 0, period: 0, values: vec![Some(1.0)] };
        assert!(expand("k", &s).unwrap_err().contains("positive"));
    }

    #[test]
    fn errors_name_the_field_and_non_finite_values_are_refused() {
        let ev = crate::evidence::scenario::Scenario::embedded("dlq-retryable").unwrap().evidence(None);
        let mut v: Value = serde_json::from_str(&to_json(&ev)).unwrap();
        v["queues"]["dlq"]["name"] = serde_json::json!(30);
        let err = parse("s.json", v.to_string().as_bytes()).unwrap_err();
        assert!(err.contains("at `queues.dlq.name`") && err.contains("expected a string"), "{err}");
        let mut v: Value = serde_json::from_str(&to_json(&ev)).unwrap();
        v["queues"]["dlq"]["attributes"]["ApproximateNumberOfMessages"] = serde_json::json!("-inf");
        let err = parse("s.json", v.to_string().as_bytes()).unwrap_err();
        assert!(err.contains("queues.dlq.attributes.ApproximateNumberOfMessages") && err.contains("-inf"), "{err}");
    }
}
