//! Log lines beside the metrics: the report and `watch` show the latest lines a logs signal
//! matched (already cut and escaped by the engine) under the node that read them, so the seed's
//! `grep` is in the same place as the numbers it corroborates.

use crate::engine::signal::{LogsSeen, Resolved};
use crate::engine::walk::{Diagnosis, Step};

/// The logs inputs a step read or showed, each set of lines once (two captures of one
/// expression read the same lines): `(signal name, what it saw)`.
pub fn of_step(s: &Step) -> Vec<(&str, &LogsSeen)> {
    let mut out: Vec<(&str, &LogsSeen)> = Vec::new();
    let inputs = s.checks.iter().flat_map(|c| c.inputs.iter()).chain(s.shown.iter());
    for r in inputs {
        collect(r, &mut out);
    }
    out
}

fn collect<'a>(r: &'a Resolved, out: &mut Vec<(&'a str, &'a LogsSeen)>) {
    if let Some(l) = &r.logs {
        if !out.iter().any(|(_, seen)| seen.group == l.group && seen.lines == l.lines) {
            out.push((r.name.as_str(), l));
        }
    }
    r.parts.iter().for_each(|p| collect(p, out));
}

/// Every logs input of a diagnosis's walk, in walk order.
pub fn of_diagnosis(d: &Diagnosis) -> Vec<(&str, &LogsSeen)> {
    d.steps.iter().flat_map(of_step).collect()
}

/// How a logs input's count reads: `3 lines`, `at least 1000 lines`, or why there are none.
pub fn count_text(l: &LogsSeen) -> String {
    match l.count {
        Some(n) if l.at_least => format!("at least {n} lines"),
        Some(n) => format!("{n} line{}", if n == 1 { "" } else { "s" }),
        None => "not read".into(),
    }
}

/// One line as shown: its time (UTC) and its text.
pub fn line_text(at: &jiff::Timestamp, text: &str) -> String {
    format!("{}  {text}", at.strftime("%H:%M:%SZ"))
}
