//! Changes that never lie: two engineers acting at once lose nothing, a change that may be live
//! is always in the journal, undo touches only its own keys, a closed pipe never turns an
//! action into a silent no-op, and `lab up` builds exactly the world it names.

use std::process::Stdio;

use serde_json::{json, Value};

use crate::actions::World;
use crate::live::{json as json_of, verdicts};

/// Starts `masst ARGS` as a child process with the world's journal.
fn spawn(w: &World, args: &[&str]) -> std::process::Child {
    let mut cmd = w.emu.process();
    cmd.arg("--journal").arg(&w.journal).args(args).stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    cmd.spawn().unwrap()
}

fn finish(child: std::process::Child) -> (i32, String) {
    let out = child.wait_with_output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stderr).into_owned())
}

/// Every entry of the journal, the outcome line of each id.
fn journal(w: &World) -> Vec<Value> {
    let (_, out, _) = w.masst(&["journal", "--output", "json"]);
    let doc: Value = serde_json::from_str(&out).unwrap();
    doc["entries"].as_array().unwrap().clone()
}

#[test]
fn two_engineers_changing_different_keys_at_once_both_land_every_time() {
    let w = World::up("flash-sale");
    // A little latency so the two really overlap: each reads, plans and deploys in ~10 calls.
    w.emu.set(15.0, 0.0);
    let mut replays = 0;
    for round in 0..20 {
        let sonnet = 30 + round;
        let paused = round % 2 == 0;
        let a = spawn(
            &w,
            &["concurrency", "set", "sonnet", &sonnet.to_string(), "--pool", "analytics", "--yes", "--force"],
        );
        let b = spawn(&w, &["analytics", if paused { "pause" } else { "resume" }, "--yes"]);
        let ((ca, ea), (cb, eb)) = (finish(a), finish(b));
        let (_, d) = w.doc();
        let a_landed = d["pools"]["analytics"]["sonnet"] == json!(sonnet);
        let b_landed = d["analytics"]["paused"] == json!(paused);
        assert!(ca == 0 || ca == 4, "round {round}: {ea}");
        assert!(cb == 0 || cb == 4, "round {round}: {eb}");
        assert!(ca != 0 || a_landed, "round {round}: concurrency set said it succeeded but was lost: {ea}\n{eb}\n{d}");
        assert!(cb != 0 || b_landed, "round {round}: analytics said it succeeded but was lost: {ea}\n{eb}\n{d}");
        if ca == 4 {
            assert!(ea.contains("deployment"), "a refusal names the other deployment: {ea}");
        }
        replays += usize::from(ea.contains("replay")) + usize::from(eb.contains("replay"));
    }
    eprintln!("{replays} of 20 rounds overlapped and were replayed");
}

#[test]
fn two_engineers_changing_the_same_key_at_once_end_with_one_refused() {
    let w = World::up("flash-sale");
    w.emu.set(15.0, 0.0);
    let a = spawn(&w, &["concurrency", "set", "sonnet", "20", "--yes"]);
    let b = spawn(&w, &["concurrency", "set", "sonnet", "25", "--yes"]);
    let ((ca, ea), (cb, eb)) = (finish(a), finish(b));
    let (_, d) = w.doc();
    let live = d["pools"]["realtime"]["sonnet"].as_i64().unwrap();
    match (ca, cb) {
        (0, 4) => assert_eq!(live, 20, "{eb}"),
        (4, 0) => assert_eq!(live, 25, "{ea}"),
        // One ran wholly after the other (it read the first's document): the later one stands.
        (0, 0) => {
            let entries = journal(&w);
            let last = entries.last().unwrap();
            assert_eq!(last["after"]["document"]["pools"]["realtime"]["sonnet"], json!(live));
            assert_eq!(
                last["before"]["document"]["pools"]["realtime"]["sonnet"],
                entries[0]["after"]["document"]["pools"]["realtime"]["sonnet"],
                "the later change was based on the earlier one"
            );
        }
        other => panic!("unexpected exits {other:?}: {ea}\n{eb}"),
    }
    let refused = if ca == 4 { &ea } else { &eb };
    if ca == 4 || cb == 4 {
        assert!(refused.contains("both changed pools.realtime.sonnet"), "{refused}");
    }
}

#[test]
fn under_faults_every_live_change_has_a_journal_entry() {
    let w = World::up("healthy");
    let (_, start) = w.doc();
    w.emu.set(0.0, 0.5);
    let steps: [&[&str]; 6] = [
        &["analytics", "pause", "--yes"],
        &["routing", "haiku", "on", "--yes"],
        &["concurrency", "set", "haiku", "21", "--yes"],
        &["undo", "--yes"],
        &["analytics", "resume", "--yes"],
        &["batch", "pause", "--yes"],
    ];
    for i in 0..30 {
        let (code, out, err) = w.masst(steps[i % steps.len()]);
        assert!([0, 3, 4].contains(&code), "{out}{err}");
        assert!(!err.contains("panicked"), "{err}");
    }
    w.emu.set(0.0, 0.0);
    let (_, live) = w.doc();
    let entries = journal(&w);
    for (path, value) in masst::actions::doc::leaf_diff(&start, &live) {
        let explained = entries.iter().any(|e| {
            e["state"] != "failed" && masst::actions::doc::value_at(&e["after"]["document"], &path) == value.as_ref()
        });
        assert!(explained, "{} is {value:?} live, and no journal entry says so: {entries:#?}", path.join("."));
    }
}

#[test]
fn undo_keeps_a_change_someone_else_made_since() {
    let w = World::up("healthy");
    w.ok(&["analytics", "pause", "--yes"]);
    let (_, mut theirs) = w.doc();
    theirs["routing"]["simple_queries_to_haiku"] = json!(true);
    crate::live::deploy_raw(&w.emu, &theirs.to_string());
    w.ok(&["undo", "--yes"]);
    let (_, d) = w.doc();
    assert_eq!(d["analytics"]["paused"], false, "undo restored its own key");
    assert_eq!(d["routing"]["simple_queries_to_haiku"], true, "and kept theirs");
    // Someone changes the undone key itself: undo refuses, and --force restores only that key.
    w.ok(&["batch", "pause", "--yes"]);
    theirs = w.doc().1;
    theirs["batch"]["paused"] = json!("manual");
    theirs["routing"]["simple_queries_to_haiku"] = json!(false);
    crate::live::deploy_raw(&w.emu, &theirs.to_string());
    let (code, _, err) = w.masst(&["undo", "--yes"]);
    assert_eq!(code, 4);
    assert!(err.contains("batch.paused changed"), "{err}");
    w.ok(&["undo", "--yes", "--force"]);
    let (_, d) = w.doc();
    assert_eq!(d["batch"]["paused"], false);
    assert_eq!(d["routing"]["simple_queries_to_haiku"], false, "--force never widens what is restored");
}

#[test]
fn an_action_whose_stdout_is_closed_applies_and_journals_or_exits_non_zero() {
    let w = World::up("healthy");
    for (args, applied) in [
        (
            vec!["batch", "scale", "6", "--yes"],
            Box::new(|w: &World| w.desired("batch-worker") == 6) as Box<dyn Fn(&World) -> bool>,
        ),
        (
            vec!["concurrency", "set", "sonnet", "22", "--yes"],
            Box::new(|w: &World| w.doc().1["pools"]["realtime"]["sonnet"] == 22),
        ),
    ] {
        let mut child = spawn(&w, &args);
        drop(child.stdout.take()); // `| true`: the reader is gone before masst writes
        let (code, err) = finish(child);
        let journaled = std::fs::read_to_string(&w.journal).unwrap_or_default().contains("\"state\":\"applied\"");
        if code == 0 {
            assert!(applied(&w) && journaled, "{args:?} exited 0 without applying and journaling: {err}");
        } else {
            assert_eq!(code, 4, "{err}");
            assert!(!applied(&w), "{args:?} failed but changed AWS: {err}");
            assert!(err.contains("stdout was closed"), "{err}");
        }
        let _ = std::fs::remove_file(&w.journal);
    }
}

#[test]
fn a_diagnosis_piped_into_head_keeps_its_exit_status() {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("masst"));
    cmd.args(["diagnose", "all", "--scenario", "flash-sale"])
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    let mut child = cmd.spawn().unwrap();
    drop(child.stdout.take());
    assert_eq!(child.wait().unwrap().code(), Some(1), "a critical finding exits 1 even when nobody reads the output");
}

#[test]
fn lab_up_builds_the_same_world_whatever_was_there_before() {
    let scenarios =
        ["flash-sale", "batch-backlog", "conservative-limits", "priority-inversion", "dlq-retryable", "healthy"];
    let offline: Vec<Vec<Value>> = scenarios
        .iter()
        .map(|s| verdicts(&json_of(crate::cli::masst().args(["diagnose", "all", "--scenario", s])).1))
        .collect();
    let emu = crate::emulator::Emulator::start();
    // An Eulerian walk of the complete graph: every scenario comes right after every other once.
    let mut order = vec![0usize];
    for a in 0..scenarios.len() {
        for b in (a + 1)..scenarios.len() {
            order.extend([b, a]);
        }
    }
    for (step, &i) in order.iter().enumerate() {
        let (code, out, err) =
            crate::cli::run(emu.masst().args(["lab", "up", "--scenario", scenarios[i], "--output", "json"]));
        assert_eq!(code, 0, "{err}");
        let report: Value = serde_json::from_str(&out).unwrap();
        let want_dlq = if scenarios[i] == "dlq-retryable" { report["queues"]["dlq"].as_u64().unwrap() } else { 0 };
        assert_eq!(report["queues"]["dlq"].as_u64().unwrap(), want_dlq, "step {step}: {}", scenarios[i]);
        let (_, live) = json_of(emu.masst().args(["diagnose", "all"]));
        assert_eq!(
            verdicts(&live),
            offline[i],
            "step {step}: {} after {}",
            scenarios[i],
            scenarios[order[step.saturating_sub(1)]]
        );
    }
}

#[test]
fn a_snapshot_that_cannot_be_written_fails_naming_where() {
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("masst"))
        .args(["snapshot", "capture", "--scenario", "flash-sale"])
        .stdout(std::fs::File::create("/dev/full").unwrap())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("cannot write the snapshot to stdout"), "{err}");
}

#[test]
fn conflicting_answers_to_one_question_are_refused() {
    let (code, _, err) = crate::cli::run(crate::cli::masst().args([
        "diagnose",
        "throttling",
        "--scenario",
        "flash-sale",
        "--answer",
        "service-health=yes",
        "--answer",
        "throttling.service-health=no",
    ]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("give one answer per question"), "{err}");
}
