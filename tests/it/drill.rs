//! `masst lab drill` live, at `--speed 60` (a simulated minute each second): for each incident
//! the engineer diagnoses the running drill with masst alone, applies what it offers, and
//! `masst verify` says recovered before the drill ends, whose score calls the change helpful;
//! the flash sale's wrong fix is called worse by verify and harmful by the score; a
//! non-loopback endpoint is refused before any call.

use std::io::Read;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::cli::run;
use crate::emulator::Emulator;

/// A drill running in the background against its own emulator, with its own journal.
struct Drill {
    emu: Emulator,
    _dir: tempfile::TempDir,
    journal: std::path::PathBuf,
    child: Child,
    stderr: std::path::PathBuf,
}

impl Drill {
    fn start(scenario: &str, minutes: u32) -> Drill {
        let emu = Emulator::start();
        let dir = tempfile::tempdir().unwrap();
        let journal = dir.path().join("journal.jsonl");
        let stderr = dir.path().join("drill.err");
        let child = emu
            .process()
            .arg("--journal")
            .arg(&journal)
            .args(["lab", "drill", "--scenario", scenario, "--speed", "60", "--seed", "3", "--output", "json"])
            .args(["--minutes", &minutes.to_string()])
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(&stderr).unwrap())
            .spawn()
            .unwrap();
        let d = Drill { emu, _dir: dir, journal, child, stderr };
        // Running once its third minute is out: the world is built and the hour is current.
        let deadline = Instant::now() + Duration::from_secs(120);
        while !d.progress().lines().any(|l| l.starts_with("m3 ")) {
            assert!(Instant::now() < deadline, "the drill did not start: {}", d.progress());
            std::thread::sleep(Duration::from_millis(200));
        }
        d
    }

    fn progress(&self) -> String {
        std::fs::read_to_string(&self.stderr).unwrap_or_default()
    }

    fn masst(&self, args: &[&str]) -> (i32, String, String) {
        run(self.emu.masst().arg("--journal").arg(&self.journal).args(args))
    }

    /// The commands masst offers for `runbook`'s results, as argument lists.
    fn offered(&self, runbook: &str, outcome: &str) -> Vec<Vec<String>> {
        let (_, out, err) = self.masst(&["diagnose", runbook, "--output", "json"]);
        let doc: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}{err}"));
        let mut cmds = vec![];
        for r in doc["results"].as_array().unwrap() {
            if r["triggered"] != true {
                continue;
            }
            assert_eq!(r["outcome"], outcome, "{r}\n{}", self.progress());
            for c in r["commands"].as_array().unwrap() {
                let words: Vec<String> = c.as_str().unwrap().split_whitespace().skip(1).map(String::from).collect();
                cmds.push(words);
            }
        }
        assert!(!cmds.is_empty(), "{doc}");
        cmds
    }

    fn apply(&self, cmd: &[String], extra: &[&str]) {
        let mut args: Vec<&str> = cmd.iter().map(String::as_str).collect();
        args.push("--yes");
        args.extend_from_slice(extra);
        let (code, out, err) = self.masst(&args);
        assert_eq!(code, 0, "masst {args:?}: {out}{err}\n{}", self.progress());
    }

    fn verify(&self, runbook: &str) -> (i32, Value) {
        self.verify_started(runbook).finish()
    }

    /// `masst verify` started now, in the background.
    fn verify_started(&self, runbook: &str) -> Verifying {
        let child = self
            .emu
            .process()
            .arg("--journal")
            .arg(&self.journal)
            .args(["verify", runbook, "--every", "1s", "--timeout", "90s", "--output", "json"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        Verifying(child)
    }

    /// Waits for the drill's end (Ctrl-C first when `interrupt`) and returns its score.
    fn score(mut self, interrupt: bool) -> Value {
        if interrupt {
            // SAFETY: signalling our own child by its id.
            unsafe { libc::kill(self.child.id() as i32, libc::SIGINT) };
        }
        let deadline = Instant::now() + Duration::from_secs(180);
        while self.child.try_wait().unwrap().is_none() {
            assert!(Instant::now() < deadline, "the drill did not end: {}", self.progress());
            std::thread::sleep(Duration::from_millis(200));
        }
        let mut out = String::new();
        self.child.stdout.take().unwrap().read_to_string(&mut out).unwrap();
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("not one JSON document ({e}): {out}\n{}", self.progress()))
    }
}

/// A verification running in the background.
struct Verifying(Child);

impl Verifying {
    fn finish(self) -> (i32, Value) {
        let out = self.0.wait_with_output().unwrap();
        let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        (
            out.status.code().unwrap_or(-1),
            serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}{stderr}")),
        )
    }
}

fn labels(score: &Value, key: &str) -> String {
    score[key].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string()).collect::<Vec<_>>().join("\n")
}

/// When `masst verify` starts: after the fix, or before it (when the fix changes what the
/// runbook concludes, so that a verification started afterwards would judge another outcome).
#[derive(PartialEq)]
enum Verify {
    After,
    Before,
}

/// Diagnose, apply everything offered (commands starting with `first` first), verify, score.
fn fix_it(scenario: &str, runbook: &str, outcome: &str, first: Option<&str>, when: Verify, helpful: &[&str]) {
    let d = Drill::start(scenario, 120);
    let mut cmds = d.offered(runbook, outcome);
    if let Some(word) = first {
        cmds.sort_by_key(|c| c.first().map(String::as_str) != Some(word));
    }
    let early = (when == Verify::Before).then(|| d.verify_started(runbook));
    if early.is_some() {
        std::thread::sleep(Duration::from_secs(2));
    }
    for c in &cmds {
        d.apply(c, &[]);
    }
    let (code, doc) = match early {
        Some(v) => v.finish(),
        None => d.verify(runbook),
    };
    assert_eq!(code, 0, "{doc}\n{}", d.progress());
    assert_eq!(doc["verdict"], "recovered");
    let running = d.child.id();
    let score = d.score(false);
    assert_eq!(score["ended"], "recovered", "drill {running}: {score}");
    assert!(score["minutes"].as_u64().unwrap() < 120, "verify recovered before the drill ended: {score}");
    let helped = labels(&score, "helpful");
    for id in helpful {
        assert!(helped.contains(id), "{id} not helpful in {score}");
    }
    assert_eq!(labels(&score, "harmful"), "", "{score}");
}

#[test]
fn flash_sale_drill_recovers_after_the_offered_fix() {
    fix_it(
        "flash-sale",
        "throttling",
        "other-workloads-consuming-quota",
        None,
        Verify::After,
        &["analytics.pause", "concurrency.set"],
    );
}

#[test]
fn batch_backlog_drill_drains_after_the_offered_fix() {
    fix_it(
        "batch-backlog",
        "batch-backlog",
        "batch-competing-with-realtime",
        None,
        // The dedicated pool ends the competition: a walk after it finds workers merely slow.
        Verify::Before,
        &["producer.pause", "batch.concurrency", "batch.scale"],
    );
}

#[test]
fn conservative_limits_drill_ramps_after_the_offered_fix() {
    fix_it("conservative-limits", "underutilization", "ceiling-too-low", None, Verify::After, &["concurrency.set"]);
}

#[test]
fn priority_inversion_drill_recovers_after_the_offered_fix() {
    fix_it(
        "priority-inversion",
        "priority-inversion",
        "account-quota-contention",
        None,
        Verify::After,
        &["batch.pause"],
    );
}

#[test]
fn dlq_drill_empties_after_the_offered_fix() {
    // The queue is fixed first, so that nothing lands in the DLQ while the redrive empties it.
    fix_it(
        "dlq-retryable",
        "dlq",
        "retry-count-is-receive-count",
        Some("queue"),
        Verify::After,
        &["queue.fix", "dlq.redrive"],
    );
}

#[test]
fn flash_sale_drill_raising_sonnet_above_the_quota_is_worse_and_harmful() {
    let d = Drill::start("flash-sale", 300);
    let (code, out, err) = d.masst(&["concurrency", "set", "sonnet", "60", "--yes", "--force"]);
    assert_eq!(code, 0, "{out}{err}");
    let (code, doc) = d.verify("throttling");
    assert_eq!(code, 1, "{doc}");
    assert_eq!(doc["verdict"], "worse", "{doc}");
    // Ctrl-C ends the drill with the score so far.
    let score = d.score(true);
    assert_eq!(score["ended"], "interrupted", "{score}");
    assert!(labels(&score, "harmful").contains("concurrency.set"), "{score}");
    assert!(score["worst"]["throttle_rate"].as_f64().unwrap() > 0.15, "{score}");
}

#[test]
fn drill_refuses_a_non_loopback_endpoint_before_any_call() {
    let started = Instant::now();
    let mut c = crate::cli::masst();
    crate::emulator::with_test_aws(&mut c);
    // A routable address that would hang if anything were sent to it.
    let (code, out, err) =
        run(c.args(["--endpoint-url", "http://10.255.255.1:4566", "lab", "drill", "--scenario", "flash-sale"]));
    assert_eq!(code, 2, "{out}{err}");
    assert!(err.contains("not a loopback address"), "{err}");
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[test]
fn conservative_limits_drill_logs_the_controller_pinned_at_its_ceiling_in_cloudwatch_logs() {
    // The seed's `grep "growing .* -> "` shows `growing 15 -> 15`: the drill writes the
    // controller's line where MangaAssist's controller would (contract §9's group), so
    // whatever reads logs reads the drill's.
    let d = Drill::start("conservative-limits", 6);
    let clients = d.emu.clients();
    let lines: Vec<String> = masst::commands::block_on(async {
        let out = clients
            .logs
            .filter_log_events()
            .log_group_name("/mangaassist/concurrency-controller")
            .send()
            .await
            .expect("the drill created the controller's log group");
        out.events().iter().filter_map(|e| e.message().map(String::from)).collect()
    });
    assert!(lines.iter().any(|l| l.contains("growing 15 -> 15")), "{lines:?}");
    let score = d.score(true);
    assert!(score.is_object(), "Ctrl-C still ends it with a score: {score}");
}
