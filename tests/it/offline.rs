//! Offline diagnosis of the embedded scenarios, as an engineer with no AWS account runs it.

use crate::cli::{diagnose_json, findings, masst, run};

fn f(rb: &str, model: Option<&str>, outcome: &str) -> (String, Option<String>, Option<String>) {
    (rb.into(), model.map(String::from), Some(outcome.into()))
}

#[test]
fn each_seed_scenario_finds_exactly_its_root_cause_and_exits_1() {
    let cases = [
        ("flash-sale", vec![f("throttling", Some("sonnet"), "other-workloads-consuming-quota")]),
        ("batch-backlog", vec![f("batch-backlog", None, "batch-competing-with-realtime")]),
        (
            "conservative-limits",
            vec![
                f("underutilization", Some("sonnet"), "ceiling-too-low"),
                f("underutilization", Some("haiku"), "ceiling-too-low"),
            ],
        ),
        ("priority-inversion", vec![f("priority-inversion", Some("sonnet"), "account-quota-contention")]),
        ("dlq-retryable", vec![f("dlq", None, "retry-count-is-receive-count")]),
    ];
    for (scenario, want) in cases {
        let (code, doc) = diagnose_json(&["all", "--scenario", scenario]);
        assert_eq!(findings(&doc), want, "{scenario}");
        assert_eq!(code, 1, "{scenario}");
    }
}

#[test]
fn the_json_result_carries_the_contract_fields() {
    let (_, doc) = diagnose_json(&["throttling", "--scenario", "flash-sale"]);
    let r = &doc["results"][0];
    assert_eq!(r["runbook"], "throttling");
    assert_eq!(r["model"], "sonnet");
    assert_eq!(r["triggered"], true);
    assert_eq!(r["outcome"], "other-workloads-consuming-quota");
    assert_eq!(r["severity"], "critical");
    assert_eq!(r["path"], serde_json::json!(["service-health", "quota-usage", "shared-quota"]));
    assert_eq!(r["actions"], serde_json::json!(["analytics.pause", "concurrency.set"]));
    assert_eq!(doc["results"].as_array().unwrap().len(), 1);
}

#[test]
fn the_healthy_world_triggers_nothing_and_exits_0() {
    let (code, doc) = diagnose_json(&["all", "--scenario", "healthy"]);
    assert_eq!(code, 0);
    assert!(findings(&doc).is_empty());
    for r in doc["results"].as_array().unwrap() {
        assert_eq!(r["outcome"], serde_json::Value::Null);
        assert_eq!(r["severity"], serde_json::Value::Null);
    }
}

#[test]
fn fail_on_critical_ignores_warnings_but_not_critical_findings() {
    assert_eq!(diagnose_json(&["all", "--scenario", "batch-backlog", "--fail-on", "critical"]).0, 0);
    assert_eq!(diagnose_json(&["all", "--scenario", "flash-sale", "--fail-on", "critical"]).0, 1);
    assert_eq!(diagnose_json(&["all", "--scenario", "conservative-limits", "--fail-on", "info"]).0, 1);
}

#[test]
fn a_snapshot_with_a_missing_metric_is_diagnosed_unknown_naming_the_metric() {
    let dir = tempfile::tempdir().unwrap();
    let (_, out, _) = run(masst().args(["diagnose", "--scenario", "flash-sale", "--output", "json"]));
    assert!(!out.is_empty());
    // Build a snapshot of the flash sale without the Bedrock server-error metric.
    let (code, snap, err) = run(masst().args(["snapshot", "capture", "--scenario", "flash-sale"]));
    assert_eq!(code, 0, "{err}");
    let mut v: serde_json::Value = serde_json::from_str(&snap).unwrap();
    v["metrics"].as_object_mut().unwrap().remove("AWS/Bedrock:InvocationServerErrors{ModelId=sonnet}");
    let path = dir.path().join("incident.json");
    std::fs::write(&path, v.to_string()).unwrap();
    let (code, doc) = diagnose_json(&["throttling", "--from", path.to_str().unwrap()]);
    assert_eq!(code, 1, "an unknown verdict is never a clean exit");
    let r = &doc["results"][0];
    assert_eq!(r["outcome"], serde_json::Value::Null);
    assert_eq!(r["unknown"]["node"], "service-health");
    assert!(r["unknown"]["missing"][0].as_str().unwrap().contains("InvocationServerErrors"));

    // The engineer answers the question: the walk goes on.
    let (_, doc) = diagnose_json(&["throttling", "--from", path.to_str().unwrap(), "--answer", "service-health=no"]);
    assert_eq!(doc["results"][0]["outcome"], "other-workloads-consuming-quota");
}

#[test]
fn malformed_snapshots_exit_2_with_a_message_naming_the_problem() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, &[u8], &str); 5] = [
        ("binary.json", b"\x89PNG\r\n\x1a\n\x00\x00", "not valid JSON"),
        ("truncated.json", b"{\"format\": 1, \"taken_at\": \"2026-01-01T00:00:00Z\", \"metr", "not valid JSON"),
        ("future.json", b"{\"format\": 7}", "format 7"),
        ("noversion.json", b"{\"metrics\": {}}", "no numeric \"format\""),
        ("wrongtype.json", b"{\"format\": 1, \"taken_at\": \"2026-01-01T00:00:00Z\", \"source\": \"x\", \"metrics\": {\"A:B\": \"high\"}}", "not a valid masst snapshot"),
    ];
    for (name, bytes, want) in cases {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        let (code, out, err) = run(masst().args(["diagnose", "--from", p.to_str().unwrap()]));
        assert_eq!(code, 2, "{name}: {err}");
        assert!(err.contains(want) && err.contains(name), "{name}: {err}");
        assert!(out.is_empty(), "{name}: no verdict on bad input");
        assert!(!err.contains("panicked"), "{name}");
    }
    let (code, _, err) = run(masst().args(["diagnose", "--from", "/nonexistent/snap.json"]));
    assert_eq!(code, 2);
    assert!(err.contains("cannot read snapshot"), "{err}");
}

#[test]
fn bad_answers_exit_2_and_say_which_questions_exist() {
    let cases = [
        ("service-health=maybe", "is not yes or no"),
        ("service-health", "must be NODE=yes"),
        ("no-such-node=yes", "no selected runbook has a node"),
        ("quota-usage=yes", "decides from metrics and asks nothing"),
    ];
    for (answer, want) in cases {
        let (code, _, err) = run(masst().args(["diagnose", "--scenario", "flash-sale", "--answer", answer]));
        assert_eq!(code, 2, "{answer}");
        assert!(err.contains(want), "{answer}: {err}");
        assert!(err.contains("throttling.service-health") || !want.contains("node"), "{answer}: {err}");
    }
}

#[test]
fn an_unknown_scenario_or_runbook_is_a_usage_error() {
    let (code, _, err) = run(masst().args(["diagnose", "--scenario", "nope"]));
    assert_eq!(code, 2);
    assert!(err.contains("flash-sale"), "{err}");
    let (code, _, err) = run(masst().args(["diagnose", "nope", "--scenario", "healthy"]));
    assert_eq!(code, 2);
    assert!(err.contains("there is no runbook `nope`"), "{err}");
}

#[test]
fn human_output_of_the_flash_sale_shows_the_evidence_at_every_step() {
    let (code, out, _) = run(masst().args(["diagnose", "all", "--scenario", "flash-sale"]));
    assert_eq!(code, 1);
    insta::assert_snapshot!("flash_sale_human", out);
}

#[test]
fn human_output_of_the_dlq_scenario_offers_the_redrive() {
    let (code, out, _) = run(masst().args(["diagnose", "dlq", "--scenario", "dlq-retryable"]));
    assert_eq!(code, 1);
    insta::assert_snapshot!("dlq_retryable_human", out);
}

#[test]
fn quiet_output_hides_clear_runbooks() {
    let (_, out, _) = run(masst().args(["diagnose", "--scenario", "priority-inversion", "-q"]));
    assert!(out.contains("account-quota-contention") || out.contains("Account quota shared"));
    assert!(!out.contains("clear\n"), "{out}");
}

#[test]
fn help_documents_the_commands_and_exit_codes() {
    let (code, out, _) = run(masst().arg("--help"));
    assert_eq!(code, 0);
    insta::assert_snapshot!("help", out);
    let (_, out, _) = run(masst().args(["diagnose", "--help"]));
    insta::assert_snapshot!("diagnose_help", out);
}

#[test]
fn config_show_says_where_each_value_came_from() {
    let dir = tempfile::tempdir().unwrap();
    let conf = dir.path().join("masst.toml");
    std::fs::write(&conf, "[resources]\nqueue = \"jobs-prod\"\n[aws]\nregion = \"ap-northeast-1\"\n").unwrap();
    let (code, out, err) = run(masst().args(["--config", conf.to_str().unwrap(), "config", "show"]));
    assert_eq!(code, 0, "{err}");
    let line = |key: &str| {
        out.lines()
            .find(|l| l.starts_with(&format!("{key} = ")))
            .unwrap_or_else(|| panic!("{key} missing: {out}"))
            .to_string()
    };
    assert!(
        line("resources.queue").contains("\"jobs-prod\"") && line("resources.queue").contains("masst.toml"),
        "{out}"
    );
    assert!(line("resources.dlq").ends_with("# default"), "{out}");
    let (_, out, _) =
        run(masst().args(["--config", conf.to_str().unwrap(), "--region", "eu-west-1", "config", "show"]));
    assert!(out.contains("aws.region = \"eu-west-1\"    # --region"), "flags win over the file: {out}");
    std::fs::write(&conf, "[resources]\nqueeu = \"typo\"\n").unwrap();
    let (code, _, err) = run(masst().args(["--config", conf.to_str().unwrap(), "config", "show"]));
    assert_eq!(code, 2);
    assert!(err.contains("queeu"), "{err}");
}

#[test]
fn the_batch_schedule_is_shown_in_jst_with_the_current_hour_marked() {
    let (code, out, _) = run(masst().args(["batch", "schedule", "show"]));
    assert_eq!(code, 0);
    assert_eq!(out.matches("◀ now").count(), 1, "{out}");
    assert!(out.contains("10:00") && out.contains("JST"), "{out}");
    let (_, out, _) = run(masst().args(["batch", "schedule", "show", "--output", "json"]));
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["schedule_jst"][10], 0);
    assert_eq!(doc["schedule_jst"].as_array().unwrap().len(), 24);
}

/// The peak resident memory of `masst ARGS`, in KiB, measured by Python (the emulator's
/// interpreter, already a prerequisite of the suite) so only that one process counts.
fn peak_kib(args: &[&str]) -> (i32, u64) {
    let bin = assert_cmd::cargo::cargo_bin("masst");
    let script = "import resource, subprocess, sys\n\
                  r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n\
                  print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)";
    let out = std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&bin)
        .args(args)
        .env("NO_COLOR", "1")
        .env("XDG_CONFIG_HOME", "/nonexistent-masst-test")
        .output()
        .expect("python3 runs");
    let text = String::from_utf8_lossy(&out.stdout);
    let mut it = text.split_whitespace().map(|w| w.parse::<i64>().unwrap());
    (it.next().unwrap() as i32, it.next().unwrap() as u64)
}

#[test]
fn a_large_snapshot_is_read_in_a_small_multiple_of_its_size() {
    // The flash sale with a week of minutes in 96 more series: about 7.5 MB.
    let mut ev = masst::evidence::scenario::Scenario::embedded("flash-sale").unwrap().evidence(None);
    let end = ev.taken_at.as_second();
    for i in 0..96 {
        let pts: Vec<(i64, f64)> = (0..10_080)
            .map(|m| (end - (10_080 - m) * 60, ((m * 7919 + i * 104_729) % 100_000) as f64 / 1000.0))
            .collect();
        ev.metrics.insert(format!("MangaAssist/Extra:Series{i}"), pts);
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("big.json");
    std::fs::write(&file, masst::evidence::snapshot::to_json(&ev)).unwrap();
    let size = std::fs::metadata(&file).unwrap().len();
    assert!(size > 7_000_000, "{size} bytes");
    let (code, kib) = peak_kib(&["diagnose", "all", "--from", file.to_str().unwrap()]);
    assert_eq!(code, 1, "the flash sale's finding");
    assert!(kib < 150 * 1024, "a {} MB snapshot peaked at {} MiB", size / 1_000_000, kib / 1024);
}

#[test]
fn applying_an_action_to_a_scenario_or_snapshot_is_refused_before_any_output() {
    let snap = tempfile::NamedTempFile::new().unwrap();
    let (_, json, _) = run(masst().args(["snapshot", "capture", "--scenario", "flash-sale"]));
    std::fs::write(snap.path(), json).unwrap();
    let from = snap.path().display().to_string();
    for source in [vec!["--scenario", "flash-sale"], vec!["--from", from.as_str()]] {
        let (code, out, err) =
            run(masst().args(["diagnose", "throttling", "--apply", "analytics.pause", "--yes"]).args(&source));
        assert_eq!(code, 2, "{source:?}: {err}");
        assert!(out.is_empty(), "{source:?}: no diagnosis printed first: {out}");
        assert!(err.contains("--apply analytics.pause needs a live deployment"), "{err}");
        assert_eq!(err.lines().count(), 1, "only the refusal: {err}");
    }
}
