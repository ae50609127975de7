//! Closing the loop: `masst verify` watches a labbed world recover, stall or get worse while
//! the test writes new datapoints; an action with `--verify` offers its undo when things got
//! worse; `masst watch` fits the screen and leaves cleanly; refreshes are cheap.

use std::time::Duration;

use aws_sdk_cloudwatch::types::MetricDatum;
use serde_json::Value;

use crate::actions::{exit_code, pty, World};
use crate::cli::run;
use crate::emulator::{block_on, Emulator};

/// Writes `value` thirty times a minute for the last six minutes: enough datapoints that the
/// one-minute averages the runbooks read really move.
fn flood(emu: &Emulator, namespace: &str, metric: &str, value: f64) {
    let c = emu.clients();
    let now = jiff::Timestamp::now().as_second();
    let data: Vec<MetricDatum> = (0..6)
        .flat_map(|m| {
            (0..30).map(move |_| {
                MetricDatum::builder()
                    .metric_name(metric)
                    .value(value)
                    .timestamp(aws_smithy_types::DateTime::from_secs(now - m * 60))
                    .build()
            })
        })
        .collect();
    block_on(c.cloudwatch.put_metric_data().namespace(namespace).set_metric_data(Some(data)).send()).unwrap();
}

fn spawn(w: &World, args: &[&str]) -> std::process::Child {
    let mut cmd = w.emu.process();
    cmd.arg("--journal")
        .arg(&w.journal)
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    cmd.spawn().unwrap()
}

fn finish(child: std::process::Child) -> (i32, Value, String) {
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    let doc = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("not one JSON document ({e}): {err}"));
    (out.status.code().unwrap_or(-1), doc, err)
}

#[test]
fn a_world_that_recovers_while_verify_runs_ends_recovered() {
    let w = World::up("flash-sale");
    let child = spawn(&w, &["verify", "throttling", "--every", "1s", "--timeout", "60s", "--output", "json"]);
    std::thread::sleep(Duration::from_secs(2));
    flood(&w.emu, "MangaAssist/Throughput", "ThrottleRate", 0.0);
    flood(&w.emu, "MangaAssist/Analytics", "ActiveConcurrency_Sonnet", 0.0);
    let (code, doc, err) = finish(child);
    assert_eq!(code, 0, "{doc}\n{err}");
    assert_eq!(doc["verdict"], "recovered");
    let r = &doc["results"][0];
    assert_eq!(
        (r["runbook"].as_str(), r["outcome"].as_str()),
        (Some("throttling"), Some("other-workloads-consuming-quota"))
    );
    let throttle = r["signals"].as_array().unwrap().iter().find(|s| s["name"] == "throttle_now").unwrap();
    assert_eq!(throttle["start"], 0.12);
    assert!(throttle["now"].as_f64().unwrap() < 0.05, "the readings really changed: {throttle}");
    assert!(doc["readings"].as_array().unwrap().len() >= 2);
}

#[test]
fn a_world_that_does_not_recover_ends_not_yet_at_the_timeout() {
    let w = World::up("flash-sale");
    let (code, doc, err) =
        finish(spawn(&w, &["verify", "throttling", "--every", "1s", "--timeout", "3s", "--output", "json"]));
    assert_eq!(code, 1, "{err}");
    assert_eq!(doc["verdict"], "not-yet");
    assert!(doc["results"][0]["why"].as_str().unwrap().contains("still fires"), "{doc}");
    let (code, out, _) = w.masst(&["verify", "throttling", "--every", "1s", "--timeout", "2s"]);
    assert_eq!(code, 1);
    for line in out.lines() {
        assert!(console::measure_text_width(line) <= 100, "{line}");
    }
    assert!(out.contains("verdict: not-yet") && out.contains("throttle_now"), "{out}");
}

#[test]
fn a_world_that_gets_worse_after_an_action_offers_its_undo_on_a_terminal() {
    let w = World::up("flash-sale");
    let mut p = pty(&w, &["analytics", "pause", "--verify", "--verify-every", "1s", "--verify-timeout", "60s"]);
    p.exp_string("Apply analytics.pause").unwrap();
    p.send_line("y").unwrap();
    p.exp_string("verifying analytics.pause").unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    flood(&w.emu, "MangaAssist/Throughput", "ThrottleRate", 0.9);
    p.exp_string("masst offers to undo it").unwrap();
    p.exp_string("Apply undo").unwrap();
    p.send_line("y").unwrap();
    p.exp_string("applied undo").unwrap();
    assert_eq!(exit_code(&mut p), 1, "the incident did not recover");
    assert_eq!(w.doc().1["analytics"]["paused"], false, "the change was undone");
    let journal = std::fs::read_to_string(&w.journal).unwrap();
    assert!(journal.contains("\"verified\":\"worse\""), "the verdict is journaled: {journal}");
}

#[test]
fn verify_without_a_terminal_says_worse_and_exits_1() {
    let w = World::up("flash-sale");
    let child = spawn(&w, &["verify", "throttling", "--every", "1s", "--timeout", "60s", "--output", "json"]);
    std::thread::sleep(Duration::from_secs(2));
    flood(&w.emu, "MangaAssist/Throughput", "ThrottleRate", 0.9);
    let (code, doc, _) = finish(child);
    assert_eq!(code, 1);
    assert_eq!(doc["verdict"], "worse");
    assert!(doc["results"][0]["why"].as_str().unwrap().contains("worse than at the start"), "{doc}");
}

#[test]
fn verify_against_a_dead_endpoint_exits_3() {
    let mut c = crate::cli::masst();
    crate::emulator::with_test_aws(&mut c);
    let (code, out, err) =
        run(c.args(["--endpoint-url", "http://127.0.0.1:1", "verify", "--every", "1s", "--timeout", "2s"]));
    assert_eq!(code, 3, "{err}");
    assert!(out.is_empty());
}

#[test]
fn watch_once_fits_100_columns_with_a_sparkline_per_metric_signal() {
    let w = World::up("flash-sale");
    let (code, out, err) = run(w.emu.masst().env("COLUMNS", "100").args(["watch", "--once"]));
    assert_eq!(code, 0, "{err}");
    for line in out.lines() {
        assert!(console::measure_text_width(line) <= 100, "{} columns: {line}", console::measure_text_width(line));
    }
    // Bedrock's own view stands under the board beside the app's.
    let bedrock = out.lines().find(|l| l.starts_with("throttled: app ")).unwrap_or_else(|| panic!("{out}"));
    assert!(bedrock.starts_with("throttled: app 12 % · Bedrock ") && bedrock.contains("sonnet 12 %"), "{bedrock}");
    let (_, json, _) = run(w.emu.masst().args(["watch", "--once", "--output", "json"]));
    let doc: Value = serde_json::from_str(&json).unwrap();
    let throttling = doc["rows"].as_array().unwrap().iter().find(|r| r["result"] == "throttling (sonnet)").unwrap();
    assert!(
        throttling["signals"].as_array().unwrap().iter().all(|s| !s["spark"].as_str().unwrap().is_empty()),
        "{throttling}"
    );
    assert!(out.contains(throttling["signals"][0]["spark"].as_str().unwrap()), "{out}");
}

#[test]
fn watch_in_a_terminal_draws_refreshes_and_leaves_cleanly_on_q() {
    let w = World::up("flash-sale");
    let cmd = w.emu.process_sized(100, 40, &["watch", "--every", "1s"]);
    let mut p = rexpect::session::spawn_command(cmd, Some(30_000)).unwrap();
    // Words are drawn one cursor move at a time: look for them one by one.
    p.exp_string("watch").unwrap();
    p.exp_string("throttling").unwrap();
    // A refresh redraws the time; wait for two.
    std::thread::sleep(Duration::from_millis(2500));
    p.send("q").unwrap();
    p.flush().unwrap();
    p.exp_string("\u{1b}[?1049l").unwrap(); // the alternate screen is left
    assert_eq!(exit_code(&mut p), 0);
}

/// The longest chain of calls each of which started after the previous one ended.
fn depth(calls: &[(String, f64, f64)]) -> usize {
    let mut d = vec![0usize; calls.len()];
    for i in 0..calls.len() {
        d[i] = 1
            + (0..calls.len()).filter(|&j| calls[j].2 <= calls[i].1 + 1e-4 && j != i).map(|j| d[j]).max().unwrap_or(0);
    }
    d.into_iter().max().unwrap_or(0)
}

fn log(emu: &Emulator) -> Vec<(String, f64, f64)> {
    let (_, body) = crate::emulator::http(emu.port, "GET", "/_masst/log", "").unwrap();
    let v: Value = serde_json::from_str(&body).unwrap();
    let mut calls: Vec<(String, f64, f64)> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["op"].as_str().unwrap().to_string(), c["start"].as_f64().unwrap(), c["end"].as_f64().unwrap()))
        .collect();
    calls.sort_by(|a, b| a.1.total_cmp(&b.1));
    calls
}

#[test]
fn a_refresh_costs_at_most_two_sequential_round_trips_and_resolves_nothing_again() {
    let w = World::up("flash-sale");
    w.emu.set(40.0, 0.0);
    w.emu.reset_calls();
    let (code, _, err) = w.masst(&["verify", "throttling", "--every", "1s", "--timeout", "2s"]);
    assert_eq!(code, 1, "{err}");
    let calls = log(&w.emu);
    // The refresh: every call that started after the first reading's calls had all ended.
    let first_end = calls.iter().take_while(|c| c.1 < calls[0].1 + 0.9).map(|c| c.2).fold(0.0, f64::max);
    let refresh: Vec<(String, f64, f64)> = calls.iter().filter(|c| c.1 > first_end + 0.2).cloned().collect();
    assert!(!refresh.is_empty(), "{calls:?}");
    for (op, _, _) in &refresh {
        assert!(
            ![
                "sqs.GetQueueUrl",
                "appconfig.ListApplications",
                "appconfig.ListEnvironments",
                "appconfig.ListConfigurationProfiles"
            ]
            .contains(&op.as_str()),
            "a refresh resolved {op} again: {refresh:?}"
        );
    }
    assert!(refresh.len() <= 5, "{refresh:?}");
    assert!(depth(&refresh) <= 2, "depth {}: {refresh:?}", depth(&refresh));

    // With the AppConfig ids in masst.toml, even the first collection is two round trips deep.
    let c = w.emu.clients();
    let ids = block_on(masst::aws::appconfig::ids(&c, &masst::settings::Settings::default())).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let conf = dir.path().join("masst.toml");
    std::fs::write(
        &conf,
        format!(
            "[appconfig]\napplication_id = \"{}\"\nenvironment_id = \"{}\"\nprofile_id = \"{}\"\n",
            ids.application, ids.environment, ids.profile
        ),
    )
    .unwrap();
    w.emu.reset_calls();
    let (code, _, err) = run(w.emu.masst().arg("--config").arg(&conf).args(["diagnose", "throttling"]));
    assert_eq!(code, 1, "{err}");
    let first = log(&w.emu);
    assert!(depth(&first) <= 2, "depth {}: {first:?}", depth(&first));
}
