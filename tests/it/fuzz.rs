//! Property-based fuzzing of every parser masst exposes to a user or to AWS data: snapshot
//! files, runbook files and their expressions, `masst.toml`, journal lines, DLQ bodies and
//! attributes, schedule files. Inputs are valid files mutated at random (bytes flipped,
//! inserted, cut, hostile tokens spliced in); each case must end in a valid result or a clean
//! error, without a panic, in bounded time.
//!
//! The default run is short (`PROPTEST_CASES`, 256 cases a property). A long campaign:
//! `PROPTEST_CASES=20000 cargo test --test it fuzz -- --test-threads 2`.

use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

/// Tokens that broke parsers before, or could: non-finite numbers, huge numbers, deep
/// nesting, control characters, type confusion.
const HOSTILE: &[&str] = &[
    "-inf",
    "NaN",
    "\"nan\"",
    "1e999",
    "-1",
    "18446744073709551615",
    "null",
    "[[[[[[[[[[",
    "{\"a\":",
    "\u{0}",
    "\u{1b}[2J",
    "\u{202e}",
    "\"\"",
    "0.0/0.0",
    " + x + x + x",
    ".size().string()",
    "true",
    "[]",
    "{}",
    "\\",
];

/// A mutation of `seed`: a few edits, each a flip, an insertion of a hostile token, or a cut.
fn mutated(seed: &'static str) -> impl Strategy<Value = Vec<u8>> {
    let edits = prop::collection::vec((0usize..3, any::<prop::sample::Index>(), any::<u8>(), 0..HOSTILE.len()), 1..6);
    edits.prop_map(move |edits| {
        let mut b = seed.as_bytes().to_vec();
        for (kind, at, byte, tok) in edits {
            let i = at.index(b.len().max(1));
            match kind {
                0 if !b.is_empty() => {
                    let last = b.len() - 1;
                    b[i.min(last)] = byte;
                }
                1 => {
                    let t = HOSTILE[tok].as_bytes();
                    b.splice(i.min(b.len())..i.min(b.len()), t.iter().copied());
                }
                _ => b.truncate(i),
            }
        }
        b
    })
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256)
}

/// Runs `check` on every generated input in a thread with the main thread's stack (masst
/// parses on its main thread), failing on a panic or on a case slower than two seconds.
fn fuzz<S>(strategy: S, check: fn(&S::Value))
where
    S: Strategy + Send + 'static,
    S::Value: std::fmt::Debug + Send + 'static,
{
    std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(move || {
            let mut runner = TestRunner::new(Config { cases: cases(), failure_persistence: None, ..Config::default() });
            runner
                .run(&strategy, |input| {
                    let t0 = Instant::now();
                    check(&input);
                    prop_assert!(t0.elapsed() < Duration::from_secs(2), "took {:?}", t0.elapsed());
                    Ok(())
                })
                .unwrap();
        })
        .unwrap()
        .join()
        .unwrap();
}

fn snapshot_seed() -> &'static str {
    let ev = masst::evidence::scenario::Scenario::embedded("dlq-retryable").unwrap().evidence(None);
    Box::leak(masst::evidence::snapshot::to_json(&ev).into_boxed_str())
}

#[test]
fn snapshots_parse_or_fail_cleanly() {
    fuzz(mutated(snapshot_seed()), |bytes| {
        if let Ok(ev) = masst::evidence::snapshot::parse("fuzz.json", bytes) {
            // What loads must be judgeable: the walk runs on it without a panic.
            ev.check().unwrap();
            let set = masst::engine::load_embedded(masst::actions::catalog());
            let cx = masst::engine::WalkContext {
                models: vec!["sonnet".into(), "haiku".into()],
                answers: Default::default(),
            };
            let _ = masst::engine::walk::walk_all(set.runbooks.iter(), &ev, &cx);
        }
    });
}

#[test]
fn runbooks_and_their_expressions_parse_or_fail_cleanly() {
    let seed: &'static str = include_str!("../../runbooks/throttling.toml");
    fuzz(mutated(seed), |bytes| {
        let text = String::from_utf8_lossy(bytes);
        if let Err(e) = masst::engine::Runbook::parse("fuzz.toml", &text, masst::actions::catalog()) {
            assert_eq!(e.file, "fuzz.toml", "a runbook error names the file: {e}");
        }
    });
    fuzz("[ -~]{0,300}", |src| {
        let _ = masst::engine::expr::Expr::compile(src).map(|e| e.eval(&Default::default()));
    });
}

#[test]
fn configuration_files_parse_or_fail_cleanly() {
    let seed = "[aws]\nregion = \"ap-northeast-1\"\ncall_timeout_s = 10\n\n[resources]\nqueue = \"q\"\ndlq = \"d\"\n\n[models]\nsonnet = \"anthropic.claude-3-sonnet-20240229-v1:0\"\n";
    fuzz(mutated(seed), |bytes| {
        let _ = masst::settings::Settings::parse(&String::from_utf8_lossy(bytes));
    });
}

#[test]
fn journal_lines_are_read_or_skipped_by_number() {
    fuzz_journal();
}

const JOURNAL_SEED: &str = r#"{"id":"20261201T000000Z-0001","time":"2026-12-01T00:00:00Z","user":"oncall","region":"us-east-1","action":"batch.scale","command":"masst batch scale 5","target":"ECS mangaassist/batch-worker","before":{"desired":3},"after":{"desired":5},"state":"applied"}
"#;

fn fuzz_journal() {
    fuzz(mutated(JOURNAL_SEED), |bytes| {
        let seed = JOURNAL_SEED;
        let dir = tempfile::tempdir().unwrap();
        let j = masst::actions::journal::Journal { path: dir.path().join("j.jsonl") };
        let mut all = seed.as_bytes().to_vec();
        all.extend_from_slice(bytes);
        all.push(b'\n');
        all.extend_from_slice(seed.replace("0001", "0002").as_bytes());
        std::fs::write(&j.path, &all).unwrap();
        let (entries, _) = j.read().unwrap();
        assert!(entries.iter().any(|e| e.id.ends_with("0002")), "a bad line never hides the ones after it");
    });
}

#[test]
fn dlq_bodies_and_attributes_classify_without_panicking() {
    let seed = r#"{"original_request": {"job_id": "j", "kind": "enrich", "payload": {}, "_retry_count": 3}, "error_type": "ThrottlingException", "retry_count": 3, "exhausted_at": 1}"#;
    fuzz((mutated(seed), proptest::option::of("\\PC{0,40}")), |(bytes, attr)| {
        let p = masst::evidence::dlq::parse(&masst::evidence::dlq::Incoming {
            body: bytes,
            error_type_attr: attr.as_deref(),
        });
        let shown = masst::actions::redrive::show_body(&String::from_utf8_lossy(bytes), 400);
        assert!(!shown.contains('\u{1b}') && !shown.contains('\u{202e}'), "{shown:?}");
        let _ = p.class;
    });
}

#[test]
fn schedule_files_parse_or_fail_cleanly() {
    let seed: &'static str = Box::leak(
        (0..24)
            .map(|h| format!("\"{h}\" = {}\n", masst::actions::doc::SEED_SCHEDULE[h]))
            .collect::<String>()
            .into_boxed_str(),
    );
    fuzz(mutated(seed), |bytes| {
        if let Ok(t) = masst::actions::doc::parse_schedule(&String::from_utf8_lossy(bytes)) {
            assert_eq!(t.len(), 24);
            assert!(t.iter().all(|v| *v <= masst::actions::doc::MAX_SLOTS));
        }
    });
}
