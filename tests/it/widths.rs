//! Human output fits the terminal and never breaks a word: every table and board at 60, 80,
//! 100 and 160 columns keeps each check id, outcome id, config key and command whole on one
//! line.

use serde_json::Value;

use crate::cli::{masst, run};

fn at(width: u16, args: &[&str]) -> String {
    let (code, out, err) = run(masst().env("COLUMNS", width.to_string()).args(args));
    assert!(code == 0 || code == 1, "{args:?}: {err}");
    for line in out.lines() {
        assert!(console::measure_text_width(line) <= width as usize, "{args:?} at {width}: {line}");
    }
    out
}

/// Whether `word` appears whole on some line.
fn whole(out: &str, word: &str) -> bool {
    out.lines().any(|l| l.contains(word))
}

#[test]
fn audit_keeps_every_check_id_and_fix_command_whole_at_80_100_and_160_columns() {
    let (_, json, _) = run(masst().args(["audit", "--scenario", "flash-sale", "--output", "json"]));
    let doc: Value = serde_json::from_str(&json).unwrap();
    let checks = doc["checks"].as_array().unwrap();
    for width in [60, 80, 100, 160] {
        let out = at(width, &["audit", "--scenario", "flash-sale"]);
        for c in checks {
            let id = c["id"].as_str().unwrap();
            assert!(whole(&out, id), "at {width} the check id {id} is broken:\n{out}");
            if let Some(fix) = c["fix"].as_str().filter(|_| c["state"] != "pass" && c["state"] != "skipped") {
                assert!(whole(&out, fix), "at {width} the command `{fix}` is not on one line:\n{out}");
            }
        }
    }
    // Where it fits, the fix is a column of the table; where not, a line under it.
    assert!(at(160, &["audit", "--scenario", "flash-sale"]).contains("┆ masst concurrency set sonnet 32"));
    assert!(at(80, &["audit", "--scenario", "flash-sale"])
        .contains("fix pools-within-quota: masst concurrency set sonnet 32"));
}

#[test]
fn status_and_watch_keep_ids_and_keys_whole_at_60_80_100_and_160_columns() {
    for width in [60, 80, 100, 160] {
        for args in [&["status", "--scenario", "flash-sale"][..], &["watch", "--once", "--scenario", "flash-sale"]] {
            let out = at(width, args);
            for word in ["other-workloads-consuming-quota", "targets.invocations_per_minute", "throttle_recent"] {
                assert!(whole(&out, word), "{args:?} at {width} breaks {word}:\n{out}");
            }
        }
    }
}

#[test]
fn runbook_list_keeps_words_whole_at_80_columns() {
    let out = at(80, &["runbook", "list"]);
    for name in ["priority-inversion", "underutilization", "batch-backlog"] {
        assert!(whole(&out, name), "{out}");
    }
}

#[test]
fn every_embedded_diagnosis_fits_100_columns_with_its_outcome_ids_and_commands_whole() {
    for scenario in
        ["flash-sale", "batch-backlog", "priority-inversion", "conservative-limits", "dlq-retryable", "healthy"]
    {
        let (_, json, _) = run(masst().args(["diagnose", "all", "--scenario", scenario, "--output", "json"]));
        let doc: Value = serde_json::from_str(&json).unwrap();
        let out = at(100, &["diagnose", "all", "--scenario", scenario]);
        for r in doc["results"].as_array().unwrap() {
            if let Some(outcome) = r["outcome"].as_str() {
                assert!(whole(&out, outcome), "{scenario}: the outcome id {outcome} is broken:\n{out}");
            }
            for c in r["commands"].as_array().into_iter().flatten() {
                let c = c.as_str().unwrap();
                assert!(c.len() > 96 || whole(&out, c), "{scenario}: `{c}` is not on one line:\n{out}");
            }
        }
    }
}
