//! Checks of the CI formats: SARIF 2.1.0 validated against the OASIS schema (the copy npm's
//! `@microsoft/jest-sarif` ships, fetched once into `tests/.cache` by the harness; validated with
//! Python's `jsonschema` from the emulator's virtualenv), its structure checked field by field
//! too, and JUnit XML that parses, with its counts.

use serde_json::Value;

/// Asserts the parts of the SARIF 2.1.0 schema a log of masst's uses: `version`, `runs`, each
/// run's `tool.driver.name`, rules with ids, results with `message.text`, and only the enum
/// values the schema allows for `level` and `kind`.
pub fn assert_valid(log: &Value) {
    assert_eq!(log["version"], "2.1.0", "{log}");
    let runs = log["runs"].as_array().expect("runs is an array");
    assert!(!runs.is_empty());
    for run in runs {
        let driver = &run["tool"]["driver"];
        assert!(driver["name"].is_string(), "tool.driver.name is required");
        let rules = driver["rules"].as_array().expect("rules");
        for r in rules {
            assert!(r["id"].is_string());
            if let Some(l) = r["defaultConfiguration"]["level"].as_str() {
                assert!(["none", "note", "warning", "error"].contains(&l), "{l}");
            }
        }
        for res in run["results"].as_array().expect("results") {
            assert!(res["message"]["text"].is_string(), "result.message.text is required: {res}");
            let level = res["level"].as_str().unwrap_or("warning");
            assert!(["none", "note", "warning", "error"].contains(&level), "{level}");
            let kind = res["kind"].as_str().unwrap_or("fail");
            assert!(["notApplicable", "pass", "fail", "review", "open", "informational"].contains(&kind), "{kind}");
            let idx = res["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(rules[idx]["id"], res["ruleId"], "ruleIndex points at the rule");
        }
    }
}

/// (test cases, failures) of a JUnit XML report, read with an XML parser.
pub fn junit_counts(xml: &str) -> (usize, usize) {
    let mut reader = quick_xml::Reader::from_str(xml);
    let (mut cases, mut failures) = (0, 0);
    loop {
        match reader.read_event().expect("well-formed XML") {
            quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e) => match e.name().as_ref() {
                b"testcase" => cases += 1,
                b"failure" => failures += 1,
                _ => {}
            },
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    (cases, failures)
}

/// The SARIF 2.1.0 JSON schema, fetched once from the npm registry (`npm pack`) under a lock.
fn schema() -> std::path::PathBuf {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/.cache");
    std::fs::create_dir_all(&root).unwrap();
    let path = root.join("sarif-schema-2.1.0.json");
    let lock = std::fs::File::create(root.join(".sarif.lock")).unwrap();
    // SAFETY: flock on a file this function holds open.
    unsafe { libc::flock(std::os::unix::io::AsRawFd::as_raw_fd(&lock), libc::LOCK_EX) };
    if !path.exists() {
        let tmp = tempfile::tempdir().unwrap();
        let pack = std::process::Command::new("npm")
            .args(["pack", "@microsoft/jest-sarif@1.0.0-beta.0", "--silent"])
            .current_dir(tmp.path())
            .output()
            .expect("npm is needed to fetch the SARIF 2.1.0 schema (npm pack @microsoft/jest-sarif)");
        assert!(pack.status.success(), "npm pack failed: {}", String::from_utf8_lossy(&pack.stderr));
        let tgz = String::from_utf8_lossy(&pack.stdout).trim().lines().last().unwrap().to_string();
        let untar = std::process::Command::new("tar")
            .args(["xzf", &tgz, "package/lib/schemas/sarif-2.1.0-rtm.5.json"])
            .current_dir(tmp.path())
            .status()
            .unwrap();
        assert!(untar.success());
        std::fs::copy(tmp.path().join("package/lib/schemas/sarif-2.1.0-rtm.5.json"), &path).unwrap();
    }
    path
}

/// Validates a SARIF log against the 2.1.0 schema with Python's `jsonschema`.
pub fn assert_schema_valid(log: &Value) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("log.sarif");
    std::fs::write(&file, log.to_string()).unwrap();
    let python = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/emulator/.venv/bin/python");
    let script = "import json,sys,jsonschema; s=json.load(open(sys.argv[1])); jsonschema.validate(json.load(open(sys.argv[2])), s, cls=jsonschema.Draft7Validator); print('valid')";
    let out = std::process::Command::new(python).args(["-c", script]).arg(schema()).arg(&file).output().unwrap();
    assert!(
        out.status.success(),
        "the SARIF log does not validate against the 2.1.0 schema: {}",
        String::from_utf8_lossy(&out.stderr).lines().rev().take(12).collect::<Vec<_>>().join("\n")
    );
}
