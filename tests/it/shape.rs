//! The shape that keeps growth cheap: every data file embedded without a list in Rust, a sixth
//! runbook that is a file and nothing else, one JSON document from every command that speaks
//! JSON, and exit codes by kind of failure.

use serde_json::Value;

use crate::cli::{masst, run};
use crate::emulator::Emulator;

fn dir(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(name)
}

#[test]
fn every_runbook_scenario_and_audit_file_is_embedded() {
    for (folder, embedded) in [
        ("runbooks", masst::embedded::RUNBOOKS),
        ("scenarios", masst::embedded::SCENARIOS),
        ("audits", masst::embedded::AUDITS),
    ] {
        let mut files: Vec<String> = std::fs::read_dir(dir(folder))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|f| f.ends_with(".toml"))
            .collect();
        files.sort();
        let names: Vec<&str> = embedded.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, files, "{folder}/ and what the binary embeds differ");
    }
}

#[test]
fn a_sixth_runbook_is_a_file_and_a_scenario_another() {
    let rb = dir("docs/sixth-runbook/degradation.toml");
    let sc = dir("docs/sixth-runbook/degraded.toml");
    let (code, out, err) = run(masst()
        .args(["diagnose", "all", "--output", "json", "--runbooks"])
        .arg(&rb)
        .arg("--scenario-file")
        .arg(&sc));
    assert_eq!(code, 1, "{err}");
    let doc: Value = serde_json::from_str(&out).unwrap();
    let runbooks: Vec<&str> =
        doc["results"].as_array().unwrap().iter().map(|r| r["runbook"].as_str().unwrap()).collect();
    assert!(
        runbooks.contains(&"throttling") && runbooks.last() == Some(&"degradation"),
        "added after the seed's: {runbooks:?}"
    );
    let d = doc["results"].as_array().unwrap().iter().find(|r| r["runbook"] == "degradation").unwrap();
    assert_eq!(
        (d["outcome"].as_str(), d["actions"][0].as_str()),
        (Some("fallbacks-from-throttling"), Some("routing.haiku"))
    );
    let (_, out, _) = run(masst().args(["runbook", "list", "--output", "json", "--only-runbooks"]).arg(&rb));
    assert!(out.contains("degradation") && !out.contains("throttling"), "{out}");
    // A scenario file is checked on load like an embedded one.
    let bad = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(bad.path(), "name = \"x\"\ntitle = \"x\"\n[metrics]\n\"NoColon\" = 1\n").unwrap();
    let (code, _, err) = run(masst().args(["diagnose", "all", "--scenario-file"]).arg(bad.path()));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("is not `Namespace:Name`"), "{err}");
}

/// Exactly one JSON document on stdout.
fn one_document(args: &[&str], out: &str, err: &str) {
    let docs: Vec<Value> = serde_json::Deserializer::from_str(out)
        .into_iter::<Value>()
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| panic!("{args:?}: stdout is not JSON ({e}):\n{out}\nstderr: {err}"));
    assert_eq!(docs.len(), 1, "{args:?} printed {} documents:\n{out}", docs.len());
}

#[test]
fn every_command_that_speaks_json_prints_exactly_one_document() {
    let emu = Emulator::start();
    emu.lab_up("dlq-retryable");
    let tmp = tempfile::tempdir().unwrap();
    let journal = tmp.path().join("journal.jsonl");
    let snap = tmp.path().join("s.json");
    let report = tmp.path().join("r.md");
    let (_, out, _) = run(masst().args(["snapshot", "capture", "--scenario", "flash-sale"]));
    std::fs::write(&snap, out).unwrap();
    let offline: Vec<Vec<&str>> = vec![
        vec!["diagnose", "all", "--scenario", "flash-sale"],
        vec!["status", "--scenario", "healthy"],
        vec!["watch", "--once", "--scenario", "healthy"],
        vec!["audit", "--scenario", "healthy"],
        vec!["runbook", "list"],
        vec!["runbook", "show", "dlq"],
        vec!["config", "show"],
        vec!["batch", "schedule", "show"],
        vec!["snapshot", "upgrade", snap.to_str().unwrap()],
        vec!["snapshot", "capture", "--scenario", "flash-sale", "-o", snap.to_str().unwrap()],
        vec!["report", "--scenario", "flash-sale", "-o", report.to_str().unwrap()],
        vec!["diagnose", "all", "--scenario", "nosuch"],
    ];
    for args in offline {
        let (_, out, err) = run(masst().arg("--journal").arg(&journal).args(["--output", "json"]).args(&args));
        one_document(&args, &out, &err);
    }
    let live: Vec<Vec<&str>> = vec![
        vec!["diagnose", "all"],
        vec!["dlq", "inspect"],
        vec!["dlq", "redrive", "--dry-run"],
        vec!["diagnose", "dlq", "--apply", "queue.fix", "--yes", "--no-verify"],
        vec!["analytics", "pause", "--dry-run"],
        vec!["analytics", "pause", "--yes"],
        vec!["journal"],
        vec!["undo", "--yes"],
        vec!["undo", "--yes"],
        vec!["verify", "dlq", "--every", "1s", "--timeout", "1s"],
        vec!["audit"],
        vec!["snapshot", "capture", "-o", snap.to_str().unwrap()],
        vec!["lab", "up", "--scenario", "healthy"],
    ];
    for args in live {
        let (_, out, err) = run(emu.masst().arg("--journal").arg(&journal).args(["--output", "json"]).args(&args));
        one_document(&args, &out, &err);
    }
}

#[test]
fn each_kind_of_failure_has_its_exit_code() {
    let dead = "http://127.0.0.1:1";
    let bad_toml = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(bad_toml.path(), "[aws]\nnope = 1\n").unwrap();
    let runbooks = tempfile::tempdir().unwrap();
    std::fs::write(runbooks.path().join("broken.toml"), "name = \"broken\"\n").unwrap();
    let journal = tempfile::tempdir().unwrap();
    let journal = journal.path().join("j").display().to_string();
    let s = |v: &[&str]| v.iter().map(|a| a.to_string()).collect::<Vec<String>>();
    // (arguments, exit code, the `kind` of the JSON error document, what it is)
    let cases: Vec<(Vec<String>, i32, Option<&str>, &str)> = vec![
        (s(&["diagnose", "--fail-on", "sometimes"]), 2, Some("usage"), "a bad flag value"),
        (s(&["--config", &bad_toml.path().display().to_string(), "diagnose"]), 2, Some("config"), "configuration"),
        (
            s(&["--runbooks", &runbooks.path().display().to_string(), "diagnose", "--scenario", "healthy"]),
            2,
            Some("file"),
            "a runbook that does not load",
        ),
        (s(&["diagnose", "--scenario", "flash-sale"]), 1, None, "findings"),
        (s(&["diagnose", "--endpoint-url", dead]), 3, Some("aws:unreachable"), "evidence could not be collected"),
        (
            s(&["--journal", &journal, "batch", "pause", "--endpoint-url", dead, "--yes"]),
            4,
            Some("aws:unreachable"),
            "a read on the way to a change that failed",
        ),
        (s(&["--journal", &journal, "undo", "--endpoint-url", dead, "--yes"]), 4, Some("action"), "nothing to undo"),
    ];
    for (args, want, kind, what) in cases {
        let mut c = masst();
        crate::emulator::with_test_aws(&mut c);
        let (code, out, err) = run(c.arg("--output").arg("json").args(&args));
        assert_eq!(code, want, "{what}: {args:?}: {err}");
        let doc: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{what}: one document: {e}: {out}"));
        assert_eq!(doc["error"]["kind"].as_str(), kind, "{what}: {doc}");
        if kind.is_some() {
            assert_eq!(doc["error"]["exit_code"], want, "{what}: {doc}");
            assert!(err.contains("error: "), "{what}: the paragraph on stderr too: {err}");
        }
    }
}

#[test]
fn snapshot_capture_to_a_file_says_in_json_what_it_wrote() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("incident.json");
    let (code, out, err) =
        run(masst().args(["--output", "json", "snapshot", "capture", "--scenario", "flash-sale", "-o"]).arg(&file));
    assert_eq!(code, 0, "{err}");
    let doc: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("one document ({e}): {out:?}"));
    assert_eq!(doc["file"], file.display().to_string());
    assert_eq!(doc["bytes"], std::fs::metadata(&file).unwrap().len());
    assert_eq!(doc["source"], "scenario:flash-sale");
    assert!(doc["captured"]["metric_series"].as_u64().unwrap() > 0, "{doc}");
}
