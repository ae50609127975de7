//! Checks of the CI formats: SARIF 2.1.0 validated against the OASIS schema (vendored under
//! `tests/schemas/` with its notice, checked with the `jsonschema` crate: no Node, no Python),
//! its structure checked field by field too, and JUnit XML that parses, with its counts.

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

/// The SARIF 2.1.0 JSON schema, vendored from the OASIS TC's repository with its notice
/// (`tests/schemas/NOTICE.md`): the suite needs nothing from the network or another toolchain.
const SCHEMA: &str = include_str!("../schemas/sarif-schema-2.1.0.json");

/// Validates a SARIF log against the 2.1.0 schema (draft-04, as its `$schema` says) with the
/// `jsonschema` crate, listing every violation with where it is.
pub fn assert_schema_valid(log: &Value) {
    let schema: Value = serde_json::from_str(SCHEMA).expect("the vendored schema is JSON");
    let validator = jsonschema::draft4::new(&schema).expect("the SARIF 2.1.0 schema compiles");
    let errors: Vec<String> =
        validator.iter_errors(log).take(12).map(|e| format!("at {}: {e}", e.instance_path())).collect();
    assert!(errors.is_empty(), "the SARIF log does not validate against the 2.1.0 schema:\n{}", errors.join("\n"));
}

#[test]
fn the_schema_check_catches_a_log_that_breaks_the_schema() {
    let bad =
        serde_json::json!({"version": "2.1.0", "runs": [{"tool": {"driver": {}}, "results": [{"level": "loud"}]}]});
    let caught = std::panic::catch_unwind(|| assert_schema_valid(&bad));
    let why = caught.expect_err("a driver without a name and a level the schema does not allow are refused");
    let text = why.downcast_ref::<String>().cloned().unwrap_or_default();
    assert!(text.contains("name") && text.contains("loud"), "{text}");
}

#[test]
fn the_flash_sale_diagnosis_as_sarif_validates_against_the_schema() {
    let (code, out, err) =
        crate::cli::run(crate::cli::masst().args(["diagnose", "all", "--scenario", "flash-sale", "--output", "sarif"]));
    assert_eq!(code, 1, "{err}");
    let log: Value = serde_json::from_str(&out).unwrap();
    assert_valid(&log);
    assert_schema_valid(&log);
}
