//! Live diagnosis against the bridged emulator: each scenario's world is written with
//! `masst lab up`, then read back through the real AWS APIs.

use crate::cli::{findings, masst, run};
use crate::emulator::{block_on, with_test_aws, Emulator};

/// What must agree between two diagnoses of the same world.
pub(crate) fn verdicts(doc: &serde_json::Value) -> Vec<serde_json::Value> {
    doc["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            serde_json::json!([
                r["runbook"],
                r["model"],
                r["triggered"],
                r["outcome"],
                r["severity"],
                r["path"],
                r["actions"],
                r["unknown"]
            ])
        })
        .collect()
}

pub(crate) fn json(cmd: &mut assert_cmd::Command) -> (i32, serde_json::Value) {
    let (code, out, err) = run(cmd.args(["--output", "json"]));
    let doc = serde_json::from_str(&out).unwrap_or_else(|e| panic!("not JSON ({e}): {out}\n{err}"));
    (code, doc)
}

fn live_matches_offline(scenario: &str) {
    let emu = Emulator::start();
    emu.lab_up(scenario);
    let (live_code, live) = json(emu.masst().args(["diagnose", "all"]));
    let (offline_code, offline) = json(masst().args(["diagnose", "all", "--scenario", scenario]));
    assert_eq!(verdicts(&live), verdicts(&offline), "{scenario}: live and offline disagree");
    assert_eq!(live_code, offline_code, "{scenario}");
    assert!(live["source"].as_str().unwrap().starts_with("aws:"), "{scenario}");
}

#[test]
fn live_flash_sale_finds_what_the_offline_scenario_finds() {
    live_matches_offline("flash-sale");
}

#[test]
fn live_batch_backlog_finds_what_the_offline_scenario_finds() {
    live_matches_offline("batch-backlog");
}

#[test]
fn live_conservative_limits_finds_what_the_offline_scenario_finds() {
    live_matches_offline("conservative-limits");
}

#[test]
fn live_priority_inversion_finds_what_the_offline_scenario_finds() {
    live_matches_offline("priority-inversion");
}

#[test]
fn live_dlq_retryable_finds_what_the_offline_scenario_finds() {
    live_matches_offline("dlq-retryable");
}

#[test]
fn live_healthy_world_is_clear() {
    live_matches_offline("healthy");
}

#[test]
fn a_captured_snapshot_replays_to_the_same_verdicts_as_the_live_diagnosis() {
    let emu = Emulator::start();
    emu.lab_up("dlq-retryable");
    let dir = tempfile::tempdir().unwrap();
    let snap = dir.path().join("incident.json");
    let (code, _, err) = run(emu.masst().args(["snapshot", "capture", "-o", snap.to_str().unwrap()]));
    assert_eq!(code, 0, "{err}");
    let (_, live) = json(emu.masst().args(["diagnose", "all"]));
    let (_, replay) = json(masst().args(["diagnose", "all", "--from", snap.to_str().unwrap()]));
    assert_eq!(verdicts(&replay), verdicts(&live));
    assert_eq!(findings(&replay), vec![("dlq".to_string(), None, Some("retry-count-is-receive-count".to_string()))]);
    // Sampling the DLQ left every message in it, visible.
    let (_, status) = json(emu.masst().args(["status"]));
    let dlq = status["rows"].as_array().unwrap().iter().find(|r| r["runbook"] == "dlq").unwrap();
    assert_eq!(dlq["inputs"][0]["value"], 120.0, "{dlq}");
}

#[test]
fn one_live_diagnosis_makes_only_the_planned_aws_calls() {
    let emu = Emulator::start();
    emu.lab_up("healthy");
    emu.reset_calls();
    let (code, _) = json(emu.masst().args(["diagnose", "all"]));
    assert_eq!(code, 0);
    let calls = emu.calls();
    let expected = serde_json::json!({
        "monitoring.GetMetricData": 1,
        "sqs.GetQueueUrl": 2,
        "sqs.GetQueueAttributes": 2,
        "ecs.DescribeServices": 1,
        "appconfig.ListApplications": 1,
        "appconfig.ListEnvironments": 1,
        "appconfig.ListConfigurationProfiles": 1,
        "appconfig.ListDeployments": 1,
        "appconfig.GetHostedConfigurationVersion": 1,
        // One read per log role and filter pattern (contract §9), beside the others.
        "logs.FilterLogEvents": 6,
        "health.DescribeEvents": 1,
        "servicequotas.ListServiceQuotas": 1,
    });
    assert_eq!(calls["by_operation"], expected, "a healthy world (empty DLQ) needs no DLQ sample");
    assert_eq!(calls["total"], 19);

    // -v logs each call with its duration.
    let (_, _, err) = run(emu.masst().args(["-v", "diagnose", "dlq"]));
    assert!(err.contains("sqs:GetQueueAttributes") && err.contains(" ms"), "{err}");
    assert!(!err.contains('\u{1b}'), "no colour codes when stderr is not a terminal: {err:?}");

    // With 120 messages in the DLQ, the sample of 100 costs 10 receives and 10 releases.
    let emu = Emulator::start();
    emu.lab_up("dlq-retryable");
    emu.reset_calls();
    json(emu.masst().args(["diagnose", "all"]));
    let calls = emu.calls();
    assert!(calls["by_operation"]["sqs.ReceiveMessage"].as_u64().unwrap() <= 11, "{calls}");
    assert!(calls["by_operation"]["sqs.ChangeMessageVisibilityBatch"].as_u64().unwrap() <= 10, "{calls}");
    // And AWS Health and the Service Quotas list, one call each.
    assert!(calls["total"].as_u64().unwrap() <= 40, "{calls}");
}

#[test]
fn a_dead_endpoint_exits_3_and_says_what_to_check() {
    let mut c = masst();
    with_test_aws(&mut c);
    let (code, out, err) = run(c.args(["--endpoint-url", "http://127.0.0.1:1", "diagnose", "all"]));
    assert_eq!(code, 3, "{err}");
    assert!(out.is_empty(), "no verdict without evidence");
    assert!(err.contains("could not reach http://127.0.0.1:1") && err.contains("--endpoint-url"), "{err}");
}

#[test]
fn no_credentials_exit_3_naming_the_credential_chain() {
    let mut c = masst();
    with_test_aws(&mut c);
    c.env_remove("AWS_ACCESS_KEY_ID").env_remove("AWS_SECRET_ACCESS_KEY").env("HOME", "/nonexistent-masst-home");
    let (code, _, err) = run(c.args(["--endpoint-url", "http://127.0.0.1:1", "diagnose", "dlq"]));
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("no credentials were found in the chain"), "{err}");
}

#[test]
fn a_missing_queue_or_service_exits_3_naming_the_setting_to_fix() {
    let emu = Emulator::start();
    emu.lab_up("healthy");
    let dir = tempfile::tempdir().unwrap();
    let conf = dir.path().join("masst.toml");
    std::fs::write(&conf, "[resources]\nqueue = \"mangaassist-batch-typo\"\n").unwrap();
    let (code, out, err) = run(emu.masst().args(["--config", conf.to_str().unwrap(), "diagnose", "all"]));
    assert_eq!(code, 3, "{err}");
    assert!(out.is_empty());
    assert!(err.contains("`mangaassist-batch-typo` does not exist") && err.contains("[resources] queue"), "{err}");

    std::fs::write(&conf, "[resources.services]\nbatch-worker = \"ghost-worker\"\n").unwrap();
    let (code, _, err) = run(emu.masst().args(["--config", conf.to_str().unwrap(), "diagnose", "batch-backlog"]));
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("ghost-worker") && err.contains("[resources.services]"), "{err}");
}

/// Deploys `content` as a new hosted version behind masst's back.
pub(crate) fn deploy_raw(emu: &Emulator, content: &str) {
    let c = emu.clients();
    let settings = masst::settings::Settings::default();
    block_on(async {
        let ids = masst::aws::appconfig::ids(&c, &settings).await.unwrap();
        let v = c
            .appconfig
            .create_hosted_configuration_version()
            .application_id(&ids.application)
            .configuration_profile_id(&ids.profile)
            .content(aws_sdk_appconfig::primitives::Blob::new(content.as_bytes().to_vec()))
            // moto parses application/json bodies itself; AppConfig's freeform profiles do not.
            .content_type("text/plain")
            .send()
            .await
            .unwrap()
            .version_number();
        let strategy = masst::aws::appconfig::ensure_strategy(&c, "masst-all-at-once").await.unwrap();
        c.appconfig
            .start_deployment()
            .application_id(&ids.application)
            .environment_id(&ids.environment)
            .configuration_profile_id(&ids.profile)
            .deployment_strategy_id(strategy)
            .configuration_version(v.to_string())
            .send()
            .await
            .unwrap();
    });
}

#[test]
fn a_deployed_document_that_is_not_json_or_lacks_keys_exits_3() {
    let emu = Emulator::start();
    emu.lab_up("healthy");
    deploy_raw(&emu, "{\"account_quota\": {\"sonnet\": 40,");
    let (code, out, err) = run(emu.masst().args(["diagnose", "all"]));
    assert_eq!(code, 3, "{err}");
    assert!(out.is_empty());
    assert!(err.contains("is not valid JSON") && err.contains("version 2"), "{err}");

    deploy_raw(&emu, "{\"pools\": {}}");
    let (code, _, err) = run(emu.masst().args(["diagnose", "throttling"]));
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("lacks keys the runbooks need") && err.contains("account_quota.sonnet"), "{err}");
}

#[test]
fn lab_refuses_any_endpoint_that_is_not_loopback() {
    let mut c = masst();
    with_test_aws(&mut c);
    let (code, _, err) =
        run(c.args(["--endpoint-url", "http://10.20.30.40:4566", "lab", "up", "--scenario", "healthy"]));
    assert_eq!(code, 2);
    assert!(err.contains("not a loopback address"), "{err}");
    let (code, _, err) = run(masst().args(["lab", "up", "--scenario", "healthy"]));
    assert_eq!(code, 2);
    assert!(err.contains("--endpoint-url"), "{err}");
}

#[test]
fn lab_down_on_a_dead_endpoint_fails_instead_of_finding_nothing() {
    let mut c = masst();
    with_test_aws(&mut c);
    let (code, out, err) = run(c.args(["--endpoint-url", "http://127.0.0.1:1", "lab", "down"]));
    assert_eq!(code, 3, "{out}{err}");
    assert!(!out.contains("nothing to remove"), "{out}");
}

#[test]
fn lab_down_removes_what_lab_up_made() {
    let emu = Emulator::start();
    emu.lab_up("dlq-retryable");
    let (code, out, err) = run(emu.masst().args(["lab", "down"]));
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("removed SQS queue mangaassist-batch-dlq") && out.contains("removed ECS cluster mangaassist"),
        "{out}"
    );
    let (code, _, err) = run(emu.masst().args(["diagnose", "dlq"]));
    assert_eq!(code, 3);
    assert!(err.contains("does not exist"), "{err}");
}

#[test]
fn collection_survives_a_flaky_endpoint_with_retries() {
    let emu = Emulator::start();
    emu.lab_up("flash-sale");
    emu.set(0.0, 0.2);
    let mut c = emu.masst();
    c.env("AWS_MAX_ATTEMPTS", "8");
    let (code, doc) = json(c.args(["diagnose", "throttling"]));
    assert_eq!(code, 1);
    assert_eq!(doc["results"][0]["outcome"], "other-workloads-consuming-quota");
}
