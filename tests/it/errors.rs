//! Every failure in one clear paragraph: what masst was doing, what went wrong in words, what
//! to do next; never the SDK's Debug structures, a request body or a panic.

use std::io::Read;
use std::net::TcpListener;
use std::time::{Duration, Instant};

use crate::cli::{masst, run};
use crate::emulator::with_test_aws;

/// A failure message fit for 3 a.m.: short, no SDK internals, no request bytes.
fn one_paragraph(err: &str) {
    assert!(err.len() < 450, "{} bytes: {err}", err.len());
    for internal in ["DispatchFailure", "ConnectorError", "SdkBody", "extensions", "Os {", "{ ", "\\x"] {
        assert!(!err.contains(internal), "SDK internals ({internal}) in: {err}");
    }
    assert_eq!(err.trim_end().lines().count(), 1, "one paragraph: {err}");
}

fn with_config(toml: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("masst.toml");
    std::fs::write(&path, toml).unwrap();
    (dir, path)
}

#[test]
fn no_credentials_say_so_in_one_paragraph() {
    let mut c = masst();
    with_test_aws(&mut c);
    let (code, _, err) = run(c.env_remove("AWS_ACCESS_KEY_ID").env_remove("AWS_SECRET_ACCESS_KEY").args([
        "diagnose",
        "all",
        "--endpoint-url",
        "http://127.0.0.1:9",
    ]));
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("no credentials were found in the chain") && err.contains("AWS_PROFILE"), "{err}");
    one_paragraph(&err);
}

#[test]
fn a_missing_profile_is_named() {
    let mut c = masst();
    with_test_aws(&mut c);
    let (code, _, err) = run(c.args(["diagnose", "all", "--profile", "nosuch"]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("the AWS profile `nosuch` does not exist"), "{err}");
    one_paragraph(&err);
}

#[test]
fn a_closed_port_is_connection_refused_at_the_url() {
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    for cmd in [&["diagnose", "all"][..], &["dlq", "inspect"][..]] {
        let mut c = masst();
        with_test_aws(&mut c);
        let (code, _, err) = run(c.args(cmd).args(["--endpoint-url", &format!("http://127.0.0.1:{port}")]));
        assert_eq!(code, 3, "{err}");
        assert!(
            err.contains(&format!("could not reach http://127.0.0.1:{port}")) && err.contains("connection refused"),
            "{err}"
        );
        one_paragraph(&err);
    }
}

#[test]
fn a_hanging_endpoint_times_out_after_the_configured_seconds() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    // Accepts and reads, never answers.
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for s in listener.incoming().flatten() {
            let mut s2 = s.try_clone().unwrap();
            std::thread::spawn(move || {
                let mut buf = [0u8; 4096];
                while let Ok(n) = s2.read(&mut buf) {
                    if n == 0 {
                        break;
                    }
                }
            });
            held.push(s);
        }
    });
    let (_dir, conf) = with_config("[aws]\ncall_timeout_s = 1\n");
    let mut c = masst();
    with_test_aws(&mut c);
    let started = Instant::now();
    let (code, _, err) = run(c.arg("--config").arg(&conf).args([
        "diagnose",
        "all",
        "--endpoint-url",
        &format!("http://127.0.0.1:{port}"),
    ]));
    assert_eq!(code, 3, "{err}");
    assert!(started.elapsed() < Duration::from_secs(20));
    assert!(err.contains("timed out after 1 s"), "{err}");
    one_paragraph(&err);
}

#[test]
fn a_malformed_endpoint_url_is_refused_at_the_door() {
    let (_dir, conf) = with_config("[aws]\nendpoint_url = \"not a url\"\n");
    let mut c = masst();
    with_test_aws(&mut c);
    let (code, _, err) = run(c.arg("--config").arg(&conf).args(["diagnose", "all"]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("`not a url` is not an http:// or https:// URL"), "{err}");
    one_paragraph(&err);
}

#[test]
fn configuration_values_out_of_range_are_refused_not_panicked_on() {
    for v in ["18446744073709551615", "9223372036854775807", "0"] {
        let (_dir, conf) = with_config(&format!("[aws]\ncall_timeout_s = {v}\n"));
        let mut c = masst();
        with_test_aws(&mut c);
        let (code, _, err) =
            run(c.arg("--config").arg(&conf).args(["diagnose", "all", "--endpoint-url", "http://127.0.0.1:9"]));
        assert_eq!(code, 2, "{v}: {err}");
        assert!(err.contains("use 1 to 3600 seconds"), "{err}");
    }
}

#[test]
fn a_runbook_condition_too_large_to_evaluate_is_refused_with_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/runbooks/dlq.toml")).unwrap();
    for (name, huge) in [
        ("chained", vec!["dlq_visible"; 10_000].join(" + ") + " > 0.0"),
        ("calls", format!("dlq_visible{} > 0.0", ".size().string()".repeat(5_000))),
    ] {
        let path = dir.path().join(format!("{name}.toml"));
        std::fs::write(
            &path,
            text.replace("when = \"dlq_visible + dlq_inflight > dlq_expected\"", &format!("when = \"{huge}\"")),
        )
        .unwrap();
        let (code, _, err) = run(masst().args(["runbook", "validate"]).arg(&path));
        assert_eq!(code, 2, "{name}: {err}");
        assert!(err.contains("the limit is"), "{name}: {err}");
    }
}

#[test]
fn a_snapshot_with_a_non_finite_count_is_refused_not_walked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    let (_, out, _) = run(masst().args(["snapshot", "capture", "--scenario", "dlq-retryable"]));
    let mut snap: serde_json::Value = serde_json::from_str(&out).unwrap();
    snap["queues"]["dlq"]["attributes"]["ApproximateNumberOfMessages"] = serde_json::json!("-inf");
    std::fs::write(&path, snap.to_string()).unwrap();
    let (code, _, err) = run(masst().args(["diagnose", "dlq", "--from"]).arg(&path));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("queues.dlq.attributes.ApproximateNumberOfMessages") && err.contains("-inf"), "{err}");
    snap["queues"]["dlq"]["attributes"]["ApproximateNumberOfMessages"] = serde_json::json!("3");
    snap["queues"]["dlq"]["name"] = serde_json::json!(30);
    std::fs::write(&path, snap.to_string()).unwrap();
    let (code, _, err) = run(masst().args(["diagnose", "dlq", "--from"]).arg(&path));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("at `queues.dlq.name`"), "{err}");
}

#[test]
fn a_schedule_over_the_cap_states_the_cap() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    let mut hours = vec![5u32; 24];
    hours[3] = 100_000;
    std::fs::write(&path, serde_json::to_string(&hours).unwrap()).unwrap();
    let (code, _, err) = run(masst().args(["batch", "schedule", "show", "--file"]).arg(&path));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("hour 3: `100000` is not a whole number of slots from 0 to 10000"), "{err}");
}

#[test]
fn an_http_500_that_is_not_an_aws_error_says_so_and_what_to_do() {
    let emu = crate::emulator::Emulator::start();
    emu.set_json(r#"{"fault_rate": 1.0, "fault_kind": "http-500"}"#);
    let (code, out, err) = run(emu.masst().args(["diagnose", "all", "--output", "json"]));
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("with HTTP 500 that is not an AWS error") && err.contains("Retry"), "{err}");
    assert!(!err.contains(": \n") && !err.trim_end().ends_with(':'), "nothing missing after a colon: {err}");
    one_paragraph(&err);
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["error"]["kind"], "aws:not-aws", "{doc}");
}
