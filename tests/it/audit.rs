//! `masst audit` against deployments built in the emulator: one with every control of
//! contract §8 violated, a compliant one, one with a single control off, one with a missing
//! input; the CI formats; `--fix`; and the alarms `audit` looks for.

use serde_json::{json, Value};

use crate::actions::World;
use crate::emulator::block_on;

const CONFIG: &str = "[quotas.codes]\nsonnet = \"L-SONNET\"\nhaiku = \"L-HAIKU\"\n";

struct Deployment {
    w: World,
    conf: std::path::PathBuf,
    _dir: tempfile::TempDir,
}

impl Deployment {
    fn audit(&self, args: &[&str]) -> (i32, String, String) {
        let mut all = vec!["--config", self.conf.to_str().unwrap(), "audit"];
        all.extend_from_slice(args);
        self.w.masst(&all)
    }

    fn checks(&self) -> (i32, Vec<Value>) {
        let (code, out, err) = self.audit(&["--output", "json"]);
        let doc: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}{err}"));
        (code, doc["checks"].as_array().unwrap().clone())
    }

    fn state(&self, id: &str) -> String {
        let (_, checks) = self.checks();
        checks.iter().find(|c| c["id"] == id).unwrap()["state"].as_str().unwrap().to_string()
    }
}

fn set_queue(w: &World, name: &str, attrs: &[(&str, String)]) {
    let c = w.emu.clients();
    let url = block_on(c.sqs.get_queue_url().queue_name(name).send()).unwrap().queue_url().unwrap().to_string();
    let mut req = c.sqs.set_queue_attributes().queue_url(url);
    for (k, v) in attrs {
        req = req.attributes(aws_sdk_sqs::types::QueueAttributeName::from(*k), v);
    }
    block_on(req.send()).unwrap();
}

fn dlq_arn(w: &World) -> String {
    let c = w.emu.clients();
    let url = block_on(c.sqs.get_queue_url().queue_name("mangaassist-batch-dlq").send())
        .unwrap()
        .queue_url()
        .unwrap()
        .to_string();
    let a = block_on(
        c.sqs
            .get_queue_attributes()
            .queue_url(url)
            .attribute_names(aws_sdk_sqs::types::QueueAttributeName::QueueArn)
            .send(),
    )
    .unwrap();
    a.attributes().unwrap()[&aws_sdk_sqs::types::QueueAttributeName::QueueArn].clone()
}

fn scaling_policy(w: &World) {
    use aws_sdk_applicationautoscaling::types::{
        MetricType, PolicyType, PredefinedMetricSpecification, ScalableDimension, ServiceNamespace,
        TargetTrackingScalingPolicyConfiguration,
    };
    let c = w.emu.clients();
    block_on(async {
        c.autoscaling
            .register_scalable_target()
            .service_namespace(ServiceNamespace::Ecs)
            .resource_id("service/mangaassist/batch-worker")
            .scalable_dimension(ScalableDimension::EcsServiceDesiredCount)
            .min_capacity(1)
            .max_capacity(10)
            .send()
            .await
            .unwrap();
        c.autoscaling
            .put_scaling_policy()
            .policy_name("batch-backlog")
            .service_namespace(ServiceNamespace::Ecs)
            .resource_id("service/mangaassist/batch-worker")
            .scalable_dimension(ScalableDimension::EcsServiceDesiredCount)
            .policy_type(PolicyType::TargetTrackingScaling)
            .target_tracking_scaling_policy_configuration(
                TargetTrackingScalingPolicyConfiguration::builder()
                    .target_value(50.0)
                    .predefined_metric_specification(
                        PredefinedMetricSpecification::builder()
                            .predefined_metric_type(MetricType::EcsServiceAverageCpuUtilization)
                            .build()
                            .unwrap(),
                    )
                    .build()
                    .unwrap(),
            )
            .send()
            .await
            .unwrap();
    });
}

/// A deployment with every control of contract §8 in place.
fn compliant() -> Deployment {
    let w = World::up("healthy");
    let dir = tempfile::tempdir().unwrap();
    let conf = dir.path().join("masst.toml");
    std::fs::write(&conf, CONFIG).unwrap();
    w.emu.set_json(r#"{"quotas": {"bedrock": {"L-SONNET": 40, "L-HAIKU": 80}}}"#);
    let (_, mut doc) = w.doc();
    doc["batch"]["shares_realtime_pool"] = json!(false);
    crate::live::deploy_raw(&w.emu, &doc.to_string());
    scaling_policy(&w);
    set_queue(
        &w,
        "mangaassist-batch",
        &[
            ("VisibilityTimeout", "300".into()),
            ("MessageRetentionPeriod", "345600".into()),
            ("RedrivePolicy", json!({"deadLetterTargetArn": dlq_arn(&w), "maxReceiveCount": 5}).to_string()),
        ],
    );
    set_queue(&w, "mangaassist-batch-dlq", &[("MessageRetentionPeriod", "1209600".into())]);
    let (code, out, err) = w.masst(&["alarms", "install", "--yes"]);
    assert_eq!(code, 0, "{out}{err}");
    Deployment { w, conf, _dir: dir }
}

/// Every control off.
fn violated() -> Deployment {
    let d = compliant();
    d.w.emu.set_json(r#"{"quotas": {"bedrock": {"L-SONNET": 60, "L-HAIKU": 80}}}"#);
    let (_, mut doc) = d.w.doc();
    doc["pools"]["realtime"]["sonnet"] = json!(45);
    doc["adaptive"]["enabled"] = json!(false);
    doc["batch"]["shares_realtime_pool"] = json!(true);
    doc["batch"]["schedule_jst"]["11"] = json!(5);
    doc["retry"]["track_in_body"] = json!(false);
    crate::live::deploy_raw(&d.w.emu, &doc.to_string());
    let c = d.w.emu.clients();
    block_on(
        c.autoscaling
            .delete_scaling_policy()
            .policy_name("batch-backlog")
            .service_namespace(aws_sdk_applicationautoscaling::types::ServiceNamespace::Ecs)
            .resource_id("service/mangaassist/batch-worker")
            .scalable_dimension(aws_sdk_applicationautoscaling::types::ScalableDimension::EcsServiceDesiredCount)
            .send(),
    )
    .unwrap();
    set_queue(
        &d.w,
        "mangaassist-batch",
        &[
            ("VisibilityTimeout", "30".into()),
            ("RedrivePolicy", json!({"deadLetterTargetArn": dlq_arn(&d.w), "maxReceiveCount": 3}).to_string()),
        ],
    );
    set_queue(&d.w, "mangaassist-batch-dlq", &[("MessageRetentionPeriod", "345600".into())]);
    block_on(c.cloudwatch.delete_alarms().alarm_names("MangaAssist-ThrottleRate").send()).unwrap();
    d
}

#[test]
fn a_deployment_with_every_control_violated_fails_every_check_with_the_numbers() {
    let d = violated();
    let (code, checks) = d.checks();
    assert_eq!(code, 1);
    let ids: Vec<&str> = checks.iter().map(|c| c["id"].as_str().unwrap()).collect();
    assert_eq!(ids, masst::engine::audit::CONTRACT_IDS);
    for c in &checks {
        assert_eq!(c["state"], "fail", "{c:#}");
        assert!(!c["evidence"].as_array().unwrap().is_empty(), "{c:#}");
    }
    let by = |id: &str| checks.iter().find(|c| c["id"] == id).unwrap().clone();
    let quota = by("quota-propagated");
    assert!(quota["evidence"].to_string().contains("60"), "the applied value is in the evidence: {quota:#}");
    assert_eq!(by("pools-within-quota")["fix"], "masst concurrency set sonnet 32");
    assert_eq!(by("quota-propagated")["fix"], "masst quota sync");
    assert_eq!(by("alarms-present")["fix"], "masst alarms install");
    assert!(by("alarms-present")["evidence"].to_string().contains("MangaAssist-ThrottleRate"));
}

#[test]
fn a_compliant_deployment_passes_every_check_and_one_control_off_fails_exactly_that() {
    let d = compliant();
    let (code, checks) = d.checks();
    for c in &checks {
        assert_eq!(c["state"], "pass", "{c:#}");
    }
    assert_eq!(code, 0);
    set_queue(&d.w, "mangaassist-batch", &[("VisibilityTimeout", "30".into())]);
    let (code, checks) = d.checks();
    assert_eq!(code, 1);
    let failing: Vec<&str> =
        checks.iter().filter(|c| c["state"] != "pass").map(|c| c["id"].as_str().unwrap()).collect();
    assert_eq!(failing, ["visibility-covers-backoff"]);
}

#[test]
fn a_missing_input_is_unknown_never_pass_and_fails_the_run() {
    let d = compliant();
    let (_, mut doc) = d.w.doc();
    doc["retry"].as_object_mut().unwrap().remove("track_in_body");
    crate::live::deploy_raw(&d.w.emu, &doc.to_string());
    let (code, checks) = d.checks();
    assert_eq!(code, 1);
    let c = checks.iter().find(|c| c["id"] == "retry-tracked-in-body").unwrap();
    assert_eq!(c["state"], "unknown", "{c:#}");
    // A check that does not apply (no quota codes) is skipped and never fails.
    let (code, out, _) = d.w.masst(&["audit", "--check", "quota-propagated", "--output", "json"]);
    let doc: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["checks"][0]["state"], "skipped");
    assert_eq!(code, 0);
}

#[test]
fn sarif_and_junit_carry_the_same_verdicts() {
    let d = violated();
    let (code, out, _) = d.audit(&["--output", "sarif"]);
    assert_eq!(code, 1);
    let sarif: Value = serde_json::from_str(&out).unwrap();
    crate::sarif::assert_valid(&sarif);
    crate::sarif::assert_schema_valid(&sarif);
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 11);
    assert!(results.iter().all(|r| r["kind"] == "fail"));
    let pools = results.iter().find(|r| r["ruleId"] == "pools-within-quota").unwrap();
    assert_eq!(pools["level"], "error", "critical is error");
    assert!(pools["message"]["text"].as_str().unwrap().contains("pools_sum = 53"), "{pools}");
    let (_, xml, _) = d.audit(&["--output", "junit"]);
    let (cases, failures) = crate::sarif::junit_counts(&xml);
    assert_eq!((cases, failures), (11, 11));
    // diagnose speaks the same formats.
    let (_, out, _) = d.w.masst(&["diagnose", "all", "--scenario", "flash-sale", "--output", "sarif"]);
    let diag: Value = serde_json::from_str(&out).unwrap();
    crate::sarif::assert_valid(&diag);
    crate::sarif::assert_schema_valid(&diag);
    let (_, xml, _) = d.w.masst(&["diagnose", "all", "--scenario", "flash-sale", "--output", "junit"]);
    assert_eq!(crate::sarif::junit_counts(&xml).1, 1, "one finding in the flash sale");
}

#[test]
fn audit_fix_mends_the_fixable_checks_and_undo_reverses_each_fix() {
    let d = violated();
    let (_, before) = d.w.doc();
    let (code, out, err) = d.audit(&["--fix", "--yes", "--output", "json"]);
    assert_eq!(code, 1, "the checks without a fix still fail: {err}");
    let doc: Value = serde_json::from_str(&out).unwrap();
    for id in [
        "pools-within-quota",
        "quota-propagated",
        "batch-off-peak",
        "visibility-covers-backoff",
        "max-receive-count",
        "alarms-present",
    ] {
        let c = doc["checks"].as_array().unwrap().iter().find(|c| c["id"] == id).unwrap();
        assert_eq!(c["state"], "pass", "{id} after --fix: {c:#}\n{err}");
    }
    // Every fix is journaled; undo them all, newest first.
    for _ in 0..5 {
        let (code, out, err) = d.w.masst(&["undo", "--yes"]);
        assert_eq!(code, 0, "{out}{err}");
    }
    let (_, after) = d.w.doc();
    assert_eq!(after, before, "the document is as before the fixes");
    assert_eq!(d.state("visibility-covers-backoff"), "fail");
    assert_eq!(d.state("alarms-present"), "fail");
}

#[test]
fn audit_fix_without_a_terminal_refuses_every_fix_and_exits_4() {
    let d = violated();
    let (_, before) = d.w.doc();
    let (code, out, err) = d.audit(&["--fix"]);
    assert_eq!(code, 4, "every fix was refused (no terminal, no --yes): {out}{err}");
    assert!(err.contains("--yes") && err.contains("pools-within-quota"), "{err}");
    assert_eq!(d.w.doc().1, before, "nothing changed");
}

#[test]
fn audit_fix_dry_run_previews_each_fix_and_changes_nothing() {
    let d = violated();
    let (_, before) = d.w.doc();
    let entries = || {
        let (_, out, _) = d.w.masst(&["journal", "--output", "json"]);
        serde_json::from_str::<Value>(&out).unwrap()["entries"].as_array().unwrap().len()
    };
    let journaled = entries();
    let (code, out, err) = d.audit(&["--fix", "--dry-run"]);
    assert_eq!(code, 1, "the checks still fail: {out}{err}");
    let both = format!("{out}{err}");
    assert!(both.contains("concurrency.set: ") && err.contains("dry run: nothing was changed"), "{both}");
    assert!(out.contains("pools-within-quota"), "the audit table: {out}");
    assert_eq!(d.w.doc().1, before, "nothing changed");
    assert_eq!(entries(), journaled, "nothing journaled");
    let (code, _, err) = d.audit(&["--dry-run"]);
    assert_eq!(code, 2, "--dry-run previews fixes, so it needs --fix: {err}");
}

#[test]
fn a_document_without_pools_is_unknown_in_every_format_not_passed() {
    let d = compliant();
    let (_, mut doc) = d.w.doc();
    doc.as_object_mut().unwrap().remove("pools");
    doc["batch"].as_object_mut().unwrap().remove("shares_realtime_pool");
    crate::live::deploy_raw(&d.w.emu, &doc.to_string());
    let (code, checks) = d.checks();
    assert_eq!(code, 1, "an unknown check fails the run");
    for id in ["pools-within-quota", "dedicated-batch-pool"] {
        let c = checks.iter().find(|c| c["id"] == id).unwrap();
        assert_eq!(c["state"], "unknown", "{c:#}");
    }
    let (_, out, _) = d.audit(&["--output", "sarif"]);
    let sarif: Value = serde_json::from_str(&out).unwrap();
    for id in ["pools-within-quota", "dedicated-batch-pool"] {
        let r = sarif["runs"][0]["results"].as_array().unwrap().iter().find(|r| r["ruleId"] == id).unwrap();
        assert_ne!(r["kind"], "pass", "{r:#}");
    }
    let (_, xml, _) = d.audit(&["--output", "junit"]);
    assert!(crate::sarif::junit_counts(&xml).1 >= 2, "unknown is not a passed test case: {xml}");
}
