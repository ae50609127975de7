//! Remediation actions against the emulator: each changes exactly what it should (read back
//! through the AWS API), `undo` restores it, and nothing changes without a confirmation.

use serde_json::{json, Value};

use crate::cli::run;
use crate::emulator::{block_on, Emulator};

pub(crate) struct World {
    pub(crate) emu: Emulator,
    _dir: tempfile::TempDir,
    pub(crate) journal: std::path::PathBuf,
}

impl World {
    pub(crate) fn up(scenario: &str) -> World {
        let emu = Emulator::start();
        emu.lab_up(scenario);
        let dir = tempfile::tempdir().unwrap();
        let journal = dir.path().join("journal.jsonl");
        World { emu, _dir: dir, journal }
    }

    pub(crate) fn masst(&self, args: &[&str]) -> (i32, String, String) {
        run(self.emu.masst().arg("--journal").arg(&self.journal).args(args))
    }

    pub(crate) fn ok(&self, args: &[&str]) -> String {
        let (code, out, err) = self.masst(args);
        assert_eq!(code, 0, "masst {args:?}: {out}{err}");
        out
    }

    /// The deployed document and its version, read through AppConfig.
    pub(crate) fn doc(&self) -> (i32, Value) {
        let c = self.emu.clients();
        let s = block_on(masst::actions::appconfig::read_doc(&c, &masst::settings::Settings::default())).unwrap();
        (s.version, s.doc)
    }

    pub(crate) fn desired(&self, service: &str) -> i32 {
        let c = self.emu.clients();
        block_on(masst::actions::ecs::read_desired(&c, &masst::settings::Settings::default(), service)).unwrap().1
    }

    fn queue(&self) -> (String, Value) {
        let c = self.emu.clients();
        let attrs =
            block_on(masst::actions::queue::read_queue(&c, &masst::settings::Settings::default())).unwrap().attrs;
        (attrs["VisibilityTimeout"].clone(), serde_json::from_str(&attrs["RedrivePolicy"]).unwrap())
    }
}

#[test]
fn each_configuration_action_changes_its_keys_and_undo_restores_the_document() {
    let w = World::up("healthy");
    let dir = tempfile::tempdir().unwrap();
    let schedule = dir.path().join("schedule.json");
    std::fs::write(&schedule, serde_json::to_string(&vec![5; 24]).unwrap()).unwrap();
    let schedule = schedule.to_str().unwrap().to_string();
    let cases: Vec<(Vec<&str>, &str, Value)> = vec![
        (vec!["analytics", "pause"], "/analytics/paused", json!(true)),
        (vec!["concurrency", "set", "sonnet", "32"], "/pools/realtime/sonnet", json!(32)),
        (vec!["concurrency", "set", "haiku", "20", "--pool", "analytics"], "/pools/analytics/haiku", json!(20)),
        (vec!["routing", "haiku", "on"], "/routing/simple_queries_to_haiku", json!(true)),
        (vec!["batch", "pause"], "/batch/paused", json!(true)),
        (vec!["batch", "concurrency", "10"], "/batch/shares_realtime_pool", json!(false)),
        (vec!["batch", "schedule", "apply", "--file", &schedule], "/batch/schedule_jst/10", json!(5)),
        (vec!["batch", "model", "sonnet"], "/batch/model", json!("sonnet")),
    ];
    for (args, pointer, want) in cases {
        let (v0, before) = w.doc();
        let mut args = args.clone();
        args.push("--yes");
        w.ok(&args);
        let (v1, after) = w.doc();
        assert_eq!(after.pointer(pointer), Some(&want), "{args:?}");
        assert_eq!(v1, v0 + 1, "{args:?} deploys one new version");
        let changed: Vec<&String> =
            after.as_object().unwrap().keys().filter(|k| after[k.as_str()] != before[k.as_str()]).collect();
        assert!(changed.len() <= 2, "{args:?} touched {changed:?}");
        w.ok(&["undo", "--yes"]);
        assert_eq!(w.doc().1, before, "undo of {args:?} restores the document");
    }
    let (_, out, _) = w.masst(&["journal"]);
    assert_eq!(out.matches("undone by").count(), 8, "{out}");
}

#[test]
fn the_quota_guard_refuses_and_force_overrides() {
    let w = World::up("healthy");
    let (v0, _) = w.doc();
    let (code, _, err) = w.masst(&["concurrency", "set", "sonnet", "40", "--yes"]);
    assert_eq!(code, 4);
    assert!(err.contains("add up to 48, 8 over the account quota of 40"), "{err}");
    assert_eq!(w.doc().0, v0, "a refused change deploys nothing");
    w.ok(&["concurrency", "set", "sonnet", "40", "--yes", "--force"]);
    assert_eq!(w.doc().1["pools"]["realtime"]["sonnet"], 40);
}

#[test]
fn bad_values_are_refused_before_anything_changes() {
    let w = World::up("healthy");
    let (v0, _) = w.doc();
    for (args, want) in [
        (vec!["concurrency", "set", "opus", "5", "--yes"], "unknown model `opus`"),
        (vec!["concurrency", "set", "sonnet", "5", "--pool", "vip", "--yes"], "'vip'"),
        (vec!["batch", "model", "gpt", "--yes"], "unknown model `gpt`"),
        (vec!["batch", "scale", "500", "--yes"], "500 is not in 0..=200"),
        (vec!["queue", "fix", "--max-receive-count", "0", "--yes"], "0 is not in 1..=1000"),
    ] {
        let (code, _, err) = w.masst(&args);
        assert_eq!(code, 2, "a value masst does not take is a usage error: {args:?}: {err}");
        assert!(err.contains(want), "{args:?}: {err}");
    }
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "\"0\" = 1\n").unwrap();
    let (code, _, err) = w.masst(&["batch", "schedule", "apply", "--file", bad.to_str().unwrap(), "--yes"]);
    assert_eq!(code, 2);
    assert!(err.contains("hour 1 is missing"), "{err}");
    assert_eq!(w.doc().0, v0);
}

#[test]
fn ecs_actions_set_desired_counts_and_producer_resume_restores_the_saved_count() {
    let w = World::up("batch-backlog");
    w.ok(&["batch", "scale", "5", "--yes"]);
    assert_eq!(w.desired("batch-worker"), 5);
    w.ok(&["undo", "--yes"]);
    assert_eq!(w.desired("batch-worker"), 3);

    w.ok(&["producer", "pause", "--yes"]);
    assert_eq!(w.desired("catalog-enrichment"), 0);
    w.ok(&["producer", "resume", "--yes"]);
    assert_eq!(w.desired("catalog-enrichment"), 1, "resume restores the count pause saved");
    w.ok(&["undo", "--yes"]);
    assert_eq!(w.desired("catalog-enrichment"), 0);
}

#[test]
fn queue_fix_sets_visibility_and_max_receive_keeping_the_dlq_and_undo_restores() {
    let w = World::up("dlq-retryable");
    let (vis, policy) = w.queue();
    assert_eq!((vis.as_str(), policy["maxReceiveCount"].as_i64()), ("30", Some(3)));
    w.ok(&["queue", "fix", "--yes"]);
    let (vis2, policy2) = w.queue();
    assert_eq!((vis2.as_str(), policy2["maxReceiveCount"].as_i64()), ("300", Some(5)));
    assert_eq!(policy2["deadLetterTargetArn"], policy["deadLetterTargetArn"]);
    w.ok(&["undo", "--yes"]);
    let (vis3, policy3) = w.queue();
    assert_eq!((vis3.as_str(), policy3["maxReceiveCount"].as_i64()), ("30", Some(3)));
}

#[test]
fn dry_run_and_a_missing_terminal_change_nothing() {
    let w = World::up("healthy");
    let (v0, d0) = w.doc();
    let out = w.ok(&["analytics", "pause", "--dry-run"]);
    assert!(out.contains("+    \"paused\": true"), "the dry run shows the diff: {out}");
    let (code, _, err) = w.masst(&["analytics", "pause"]);
    assert_eq!(code, 4);
    assert!(err.contains("--yes"), "{err}");
    let (code, _, _) = w.masst(&["batch", "scale", "9"]);
    assert_eq!(code, 4);
    assert_eq!(w.doc(), (v0, d0));
    assert_eq!(w.desired("batch-worker"), 3);
    assert!(!w.journal.exists(), "nothing was journaled");
}

#[test]
fn undo_refuses_when_the_state_moved_since_unless_forced() {
    let w = World::up("healthy");
    w.ok(&["batch", "scale", "5", "--yes"]);
    let c = w.emu.clients();
    block_on(c.ecs.update_service().cluster("mangaassist").service("batch-worker").desired_count(7).send()).unwrap();
    let (code, _, err) = w.masst(&["undo", "--yes"]);
    assert_eq!(code, 4);
    assert!(err.contains("desired count is 7, not the 5 it left"), "{err}");
    assert_eq!(w.desired("batch-worker"), 7);
    w.ok(&["undo", "--yes", "--force"]);
    assert_eq!(w.desired("batch-worker"), 3);
}

#[test]
fn a_corrupt_journal_line_is_named_and_the_rest_still_undoes() {
    let w = World::up("healthy");
    w.ok(&["batch", "scale", "4", "--yes"]);
    std::fs::OpenOptions::new()
        .append(true)
        .open(&w.journal)
        .map(|mut f| std::io::Write::write_all(&mut f, b"{not json\n\xff\xfe not UTF-8 at all\n"))
        .unwrap()
        .unwrap();
    let (code, out, err) = w.masst(&["journal"]);
    assert_eq!(code, 0);
    // Line 1 is the change written ahead as pending, line 2 its outcome.
    assert!(err.contains("line 3 is not a valid entry"), "{err}");
    assert!(err.contains("line 4 is not UTF-8"), "a line of other bytes is named too: {err}");
    assert!(out.contains("batch.scale"), "{out}");
    w.ok(&["undo", "--yes"]);
    assert_eq!(w.desired("batch-worker"), 3);
}

#[test]
fn undo_of_an_entry_no_family_wrote_or_that_lost_its_data_is_refused_not_guessed() {
    let w = World::up("healthy");
    w.ok(&["batch", "pause", "--yes"]);
    let journal = std::fs::read_to_string(&w.journal).unwrap();
    let mut entry: Value = serde_json::from_str(journal.lines().last().unwrap()).unwrap();
    assert_eq!(entry["family"], "appconfig");
    let append = |e: &Value| {
        let mut f = std::fs::OpenOptions::new().append(true).open(&w.journal).unwrap();
        std::io::Write::write_all(&mut f, format!("{e}\n").as_bytes()).unwrap();
    };
    // A family this masst does not have (written by a newer masst, or by hand).
    entry["id"] = "x-unknown-family".into();
    entry["family"] = "sqs-purge".into();
    append(&entry);
    let (code, _, err) = w.masst(&["undo", "x-unknown-family", "--yes"]);
    assert_eq!(code, 4, "{err}");
    assert!(err.contains("of family `sqs-purge`, which this masst does not know how to undo"), "{err}");
    // A document entry without its documents: refused, naming what is missing.
    entry["id"] = "x-no-documents".into();
    entry["family"] = "appconfig".into();
    entry["before"] = serde_json::json!({"version": 1});
    append(&entry);
    let (code, _, err) = w.masst(&["undo", "x-no-documents", "--yes"]);
    assert_eq!(code, 4, "{err}");
    assert!(err.contains("has no before and after documents"), "{err}");
    assert_eq!(w.doc().1["batch"]["paused"], true, "nothing was changed by either refusal");
}

/// Spawns masst in a real pseudo-terminal, as an engineer runs it.
pub(crate) fn pty(w: &World, args: &[&str]) -> rexpect::session::PtySession {
    let mut cmd = w.emu.process();
    cmd.arg("--journal").arg(&w.journal).args(args);
    rexpect::session::spawn_command(cmd, Some(30_000)).unwrap()
}

pub(crate) fn exit_code(p: &mut rexpect::session::PtySession) -> i32 {
    // WaitStatus is nix's; its Debug form is `Exited(Pid(n), code)`.
    let status = format!("{:?}", p.process_mut().wait().unwrap());
    status
        .strip_prefix("Exited(")
        .and_then(|s| s.rsplit(", ").next())
        .and_then(|s| s.trim_end_matches(')').parse().ok())
        .unwrap_or_else(|| panic!("masst did not exit normally: {status}"))
}

#[test]
fn a_declined_prompt_changes_nothing() {
    let w = World::up("healthy");
    let before = w.doc();
    let mut p = pty(&w, &["analytics", "pause"]);
    p.exp_string("Apply analytics.pause").unwrap();
    p.send_line("n").unwrap();
    p.exp_string("declined").unwrap();
    assert_eq!(exit_code(&mut p), 4);
    assert_eq!(w.doc(), before);
}

#[test]
fn a_deployment_of_other_keys_made_while_the_engineer_reads_the_diff_is_kept() {
    let w = World::up("healthy");
    let mut p = pty(&w, &["analytics", "pause"]);
    p.exp_string("Apply analytics.pause").unwrap();
    // Someone else deploys another key while the prompt is open.
    let (_, mut theirs) = w.doc();
    theirs["routing"]["simple_queries_to_haiku"] = json!(true);
    crate::live::deploy_raw(&w.emu, &theirs.to_string());
    let (their_version, _) = w.doc();
    p.send_line("y").unwrap();
    p.exp_string(&format!("replayed onto deployment 2 (version {their_version})")).unwrap();
    assert_eq!(exit_code(&mut p), 0);
    let (v, d) = w.doc();
    assert_eq!(v, their_version + 1, "masst deployed on top of theirs");
    assert_eq!(d["routing"]["simple_queries_to_haiku"], true, "their change stands");
    assert_eq!(d["analytics"]["paused"], true, "and so does this one");
}

#[test]
fn a_deployment_of_the_same_key_made_while_the_engineer_reads_the_diff_stops_the_change() {
    let w = World::up("healthy");
    let mut p = pty(&w, &["concurrency", "set", "sonnet", "25"]);
    p.exp_string("Apply concurrency.set").unwrap();
    let (_, mut theirs) = w.doc();
    theirs["pools"]["realtime"]["sonnet"] = json!(35);
    crate::live::deploy_raw(&w.emu, &theirs.to_string());
    let (their_version, _) = w.doc();
    p.send_line("y").unwrap();
    p.exp_string("both changed pools.realtime.sonnet").unwrap();
    assert_eq!(exit_code(&mut p), 4);
    let (v, d) = w.doc();
    assert_eq!(v, their_version, "their deployment stands");
    assert_eq!(d["pools"]["realtime"]["sonnet"], 35, "no lost update: masst did not overwrite it");
}

#[test]
fn a_deployment_in_progress_stops_a_change() {
    let w = World::up("healthy");
    let c = w.emu.clients();
    let settings = masst::settings::Settings::default();
    block_on(async {
        let masst::actions::appconfig::DocState { ids, doc, .. } =
            masst::actions::appconfig::read_doc(&c, &settings).await.unwrap();
        let slow = c
            .appconfig
            .create_deployment_strategy()
            .name("slow")
            .deployment_duration_in_minutes(30)
            .growth_factor(10.0)
            .replicate_to(aws_sdk_appconfig::types::ReplicateTo::None)
            .send()
            .await
            .unwrap();
        let v = c
            .appconfig
            .create_hosted_configuration_version()
            .application_id(&ids.application)
            .configuration_profile_id(&ids.profile)
            .content(aws_sdk_appconfig::primitives::Blob::new(doc.to_string().into_bytes()))
            .content_type("application/json")
            .send()
            .await
            .unwrap();
        c.appconfig
            .start_deployment()
            .application_id(&ids.application)
            .environment_id(&ids.environment)
            .configuration_profile_id(&ids.profile)
            .deployment_strategy_id(slow.id().unwrap())
            .configuration_version(v.version_number().to_string())
            .send()
            .await
            .unwrap();
    });
    let (code, _, err) = w.masst(&["batch", "pause", "--yes"]);
    assert_eq!(code, 4);
    assert!(err.contains("still in progress"), "{err}");
}

#[test]
fn raising_the_ceiling_for_scenario_3_shows_in_the_next_diagnosis() {
    let w = World::up("conservative-limits");
    let (_, out, _) = w.masst(&["diagnose", "underutilization", "--output", "json"]);
    let doc: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["results"][0]["outcome"], "ceiling-too-low");
    assert_eq!(doc["results"][0]["commands"][0], "masst concurrency set sonnet 72");
    assert_eq!(doc["config"]["pools"]["realtime"]["sonnet"], 15);
    w.ok(&["concurrency", "set", "sonnet", "72", "--yes"]);
    w.ok(&["concurrency", "set", "haiku", "80", "--yes"]);
    let (_, out, _) = w.masst(&["diagnose", "underutilization", "--output", "json"]);
    let doc: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["config_version"], 3);
    assert_eq!(doc["config"]["pools"]["realtime"]["sonnet"], 72);
    assert_eq!(doc["config"]["pools"]["realtime"]["haiku"], 80);
}

#[test]
fn diagnose_apply_runs_the_offered_action_and_journals_the_diagnosis() {
    let w = World::up("flash-sale");
    let (code, out, err) = w.masst(&["diagnose", "throttling", "--apply", "analytics.pause", "--yes", "--no-verify"]);
    assert_eq!(code, 1, "findings still exit 1: {out}{err}");
    assert!(out.contains("→ masst analytics pause"), "{out}");
    assert_eq!(w.doc().1["analytics"]["paused"], true);
    let journal = std::fs::read_to_string(&w.journal).unwrap();
    let first: Value = serde_json::from_str(journal.lines().next().unwrap()).unwrap();
    assert_eq!(first["state"], "pending", "the entry is written before the change");
    let entry: Value = serde_json::from_str(journal.lines().last().unwrap()).unwrap();
    assert_eq!(entry["state"], "applied");
    assert_eq!(entry["id"], first["id"]);
    assert_eq!(entry["diagnosis"], "throttling/sonnet/other-workloads-consuming-quota");
    assert_eq!(entry["action"], "analytics.pause");
    assert_eq!(entry["family"], "appconfig", "the family that can undo it is journaled");
    assert_eq!(entry["command"], "masst analytics pause", "the offer, not the diagnose command line");
    assert_eq!(entry["account"], "123456789012");

    // Offered actions run as data with every global option: with --output json, stdout is one
    // document, the diagnosis with what the action did under `applied`.
    let (code, out, err) =
        w.masst(&["--output", "json", "diagnose", "throttling", "--apply", "concurrency.set", "--yes", "--no-verify"]);
    assert_eq!(code, 1, "{out}{err}");
    let doc: Value = serde_json::from_str(&out).expect("one JSON document on stdout");
    let sonnet = doc["results"].as_array().unwrap().iter().find(|r| r["model"] == "sonnet").unwrap();
    assert_eq!(sonnet["actions"], serde_json::json!(["analytics.pause", "concurrency.set"]));
    assert_eq!(sonnet["calls"][1]["args"][0], "sonnet", "{sonnet}");
    assert!(sonnet["commands"][1].as_str().unwrap().starts_with("masst concurrency set sonnet "), "{sonnet}");
    let applied = &doc["applied"][0];
    assert_eq!(
        (applied["action"].as_str(), applied["changed"].as_bool()),
        (Some("concurrency.set"), Some(true)),
        "{doc}"
    );
    assert_eq!(applied["entry"]["diagnosis"], "throttling/sonnet/other-workloads-consuming-quota");
    assert!(!err.contains("\"action\":"), "no second document on stderr: {err}");

    let (code, _, err) = w.masst(&["diagnose", "throttling", "--apply", "batch.pause", "--yes"]);
    assert_eq!(code, 2);
    assert!(err.contains("did not offer it"), "{err}");
    let (code, _, err) = w.masst(&["diagnose", "--scenario", "flash-sale", "--apply", "analytics.pause", "--yes"]);
    assert_eq!(code, 2);
    assert!(err.contains("needs a live deployment"), "{err}");
}

#[test]
fn a_document_that_is_not_json_or_a_missing_service_is_refused_and_nothing_changes() {
    let w = World::up("healthy");
    crate::live::deploy_raw(&w.emu, "{\"analytics\": {\"paused\": fal");
    let (code, _, err) = w.masst(&["analytics", "pause", "--yes"]);
    assert_eq!(code, 4);
    assert!(err.contains("is not valid JSON") && err.contains("will not edit it"), "{err}");

    let dir = tempfile::tempdir().unwrap();
    let conf = dir.path().join("masst.toml");
    std::fs::write(&conf, "[resources.services]\nbatch-worker = \"ghost-worker\"\n").unwrap();
    let (code, _, err) = w.masst(&["--config", conf.to_str().unwrap(), "batch", "scale", "4", "--yes"]);
    assert_eq!(code, 4);
    assert!(err.contains("`ghost-worker` does not exist"), "{err}");
    assert_eq!(w.desired("batch-worker"), 3);
    assert!(!w.journal.exists());
}

#[test]
fn a_deployment_stopped_while_masst_follows_it_fails_the_action() {
    let w = World::up("healthy");
    let c = w.emu.clients();
    // A strategy that takes 30 "minutes" (30 s in the emulator), so there is time to stop it.
    block_on(
        c.appconfig
            .create_deployment_strategy()
            .name("slow-rollout")
            .deployment_duration_in_minutes(30)
            .growth_factor(10.0)
            .replicate_to(aws_sdk_appconfig::types::ReplicateTo::None)
            .send(),
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let conf = dir.path().join("masst.toml");
    std::fs::write(&conf, "[appconfig]\nstrategy = \"slow-rollout\"\n").unwrap();
    let child = w
        .emu
        .process()
        .arg("--journal")
        .arg(&w.journal)
        .arg("--config")
        .arg(&conf)
        .args(["batch", "pause", "--yes"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Wait until masst's deployment is rolling out, then stop it.
    let settings = masst::settings::Settings::default();
    block_on(async {
        let ids = masst::aws::appconfig::ids(&c, &settings).await.unwrap();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        let running = loop {
            let deps = c
                .appconfig
                .list_deployments()
                .application_id(&ids.application)
                .environment_id(&ids.environment)
                .send()
                .await
                .unwrap();
            let deploying =
                deps.items().iter().find(|d| d.state() == Some(&aws_sdk_appconfig::types::DeploymentState::Deploying));
            if let Some(d) = deploying {
                break d.deployment_number();
            }
            assert!(std::time::Instant::now() < deadline, "masst never started its deployment");
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        };
        c.appconfig
            .stop_deployment()
            .application_id(&ids.application)
            .environment_id(&ids.environment)
            .deployment_number(running)
            .send()
            .await
            .unwrap();
    });
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(4), "{err}");
    assert!(err.contains("was stopped or rolled back"), "{err}");
    assert_eq!(w.doc().1["batch"]["paused"], false, "the deployed configuration is still the old one");
}

#[test]
fn on_a_terminal_the_diagnosis_offers_its_actions_and_runs_the_one_accepted() {
    let w = World::up("flash-sale");
    let mut p = pty(&w, &["diagnose", "throttling", "--verify-timeout", "2s", "--verify-every", "1s"]);
    // An answer is a key and Enter, taken together (so the Enter cannot answer the next one).
    let key = |p: &mut rexpect::session::PtySession, k: &str| {
        p.send_line(k).unwrap();
    };
    // One question per offer: the change is shown, then asked about once.
    p.exp_string("offered: `masst analytics pause`").unwrap();
    p.exp_string("+    \"paused\": true").unwrap();
    p.exp_string("Apply analytics.pause").unwrap();
    key(&mut p, "y");
    p.exp_string("applied analytics.pause").unwrap();
    // The verification that follows by default: the lab world does not recover by itself.
    p.exp_string("verdict: not-yet").unwrap();
    p.exp_string("offered: `masst concurrency set sonnet 32`").unwrap();
    p.exp_string("Apply concurrency.set").unwrap();
    key(&mut p, "n");
    assert_eq!(exit_code(&mut p), 1, "the findings still stand");
    let (_, doc) = w.doc();
    assert_eq!(doc["analytics"]["paused"], true);
    assert_eq!(doc["pools"]["realtime"]["sonnet"], 50, "the declined offer changed nothing");
}

#[test]
fn on_a_terminal_a_runbook_question_is_asked_and_the_answer_decides() {
    let w = World::up("flash-sale");
    // A snapshot of the incident without Bedrock's server-error metric.
    let dir = tempfile::tempdir().unwrap();
    let snap = dir.path().join("incident.json");
    w.ok(&["snapshot", "capture", "-o", snap.to_str().unwrap()]);
    let mut v: Value = serde_json::from_str(&std::fs::read_to_string(&snap).unwrap()).unwrap();
    v["metrics"].as_object_mut().unwrap().retain(|k, _| !k.starts_with("AWS/Bedrock"));
    std::fs::write(&snap, v.to_string()).unwrap();
    let mut p = pty(&w, &["diagnose", "throttling", "--from", snap.to_str().unwrap()]);
    p.exp_string("AWS Health Dashboard").unwrap();
    p.send_line("n").unwrap();
    p.exp_string("Other workloads are consuming the Bedrock quota").unwrap();
    p.exp_string("answered by the engineer: no").unwrap();
    assert_eq!(exit_code(&mut p), 1);
}

#[test]
fn alarms_install_creates_the_seed_alarms_once_and_undo_removes_them() {
    let w = World::up("healthy");
    let out = w.ok(&["alarms", "install", "--sns-topic", "arn:aws:sns:us-east-1:123456789012:oncall", "--yes"]);
    assert!(out.contains("create    MangaAssist-ThrottleRate"), "{out}");
    let c = w.emu.clients();
    let defs = masst::actions::alarms::declared(&masst::engine::load_embedded(masst::actions::catalog()));
    let names: Vec<String> = masst::actions::alarms::names(&masst::settings::Settings::default(), &defs);
    let held = block_on(masst::aws::cloudwatch::alarms(&c, &names)).unwrap();
    let throttle = held["MangaAssist-ThrottleRate"].as_ref().expect("created");
    assert_eq!((throttle.threshold, throttle.datapoints_to_alarm, throttle.evaluation_periods), (0.05, 3, 5));
    assert_eq!(throttle.actions, ["arn:aws:sns:us-east-1:123456789012:oncall"]);
    assert!(held.values().all(Option::is_some));
    // The scenario 3 alarms are metric math, stored with their queries.
    let under = held["MangaAssist-Underutilized-Sonnet"].as_ref().expect("created");
    assert_eq!(under.queries.len(), 5, "{under:?}");
    assert_eq!(under.queries[4].expression.as_deref(), Some("IF(e > 0.9 * l AND t == 0 AND p < 0.5 * 1200, 1, 0)"));
    assert!(
        held["MangaAssist-ControllerStuck-Haiku"].as_ref().unwrap().queries[2].expression.as_deref() == Some("mx - mn")
    );
    assert!(held["MangaAssist-DLQRetryable"].is_some());
    let again = w.ok(&["alarms", "install", "--sns-topic", "arn:aws:sns:us-east-1:123456789012:oncall", "--yes"]);
    assert!(again.contains("nothing to change"), "{again}");
    // A teammate moves one threshold: undo refuses, naming that alarm.
    let put = |threshold: f64| {
        block_on(
            c.cloudwatch
                .put_metric_alarm()
                .alarm_name("MangaAssist-ThrottleRate")
                .namespace(&throttle.namespace)
                .metric_name(&throttle.metric)
                .statistic(aws_sdk_cloudwatch::types::Statistic::from(throttle.statistic.as_str()))
                .period(throttle.period)
                .evaluation_periods(throttle.evaluation_periods)
                .datapoints_to_alarm(throttle.datapoints_to_alarm)
                .threshold(threshold)
                .comparison_operator(aws_sdk_cloudwatch::types::ComparisonOperator::from(throttle.comparison.as_str()))
                .alarm_actions("arn:aws:sns:us-east-1:123456789012:oncall")
                .send(),
        )
        .unwrap();
    };
    put(0.2);
    let (code, _, err) = w.masst(&["undo", "--yes"]);
    assert_eq!(code, 4, "{err}");
    assert!(err.contains("the alarm MangaAssist-ThrottleRate changed since"), "{err}");
    w.ok(&["undo", "--yes", "--force"]);
    let held = block_on(masst::aws::cloudwatch::alarms(&c, &names)).unwrap();
    assert!(held.values().all(Option::is_none), "undo deletes what install created");
}
