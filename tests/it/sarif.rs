//! Checks of the CI formats: SARIF 2.1.0's required structure (the schema's `required` and
//! enumerations for what masst writes) and JUnit XML that parses, with its counts.

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
