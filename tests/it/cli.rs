//! Helpers shared by the integration tests.

use assert_cmd::Command;

/// `masst` with a clean, colourless environment and no user config in reach.
pub fn masst() -> Command {
    let mut c = Command::cargo_bin("masst").expect("the masst binary is built");
    c.env("NO_COLOR", "1")
        .env("XDG_CONFIG_HOME", "/nonexistent-masst-test")
        .env_remove("AWS_PROFILE")
        .current_dir(std::env::temp_dir());
    c
}

/// Runs and returns (exit code, stdout, stderr).
/// Human output with its wrapping undone: every run of spaces, line breaks and tree bars is
/// one space, so a test can look for a sentence wherever the 100-column layout broke it.
pub fn flat(out: &str) -> String {
    out.split_whitespace().filter(|w| *w != "│").collect::<Vec<_>>().join(" ")
}

pub fn run(cmd: &mut Command) -> (i32, String, String) {
    let out = cmd.output().expect("masst runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Runs `masst diagnose ... -o json` and returns the parsed document.
pub fn diagnose_json(args: &[&str]) -> (i32, serde_json::Value) {
    let (code, out, err) = run(masst().arg("diagnose").args(args).args(["--output", "json"]));
    let v = serde_json::from_str(&out).unwrap_or_else(|e| panic!("not JSON ({e}): {out}\nstderr: {err}"));
    (code, v)
}

/// The `(runbook, model, outcome)` of every triggered result.
pub fn findings(doc: &serde_json::Value) -> Vec<(String, Option<String>, Option<String>)> {
    doc["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["triggered"] != false)
        .map(|r| {
            (
                r["runbook"].as_str().unwrap().to_string(),
                r["model"].as_str().map(String::from),
                r["outcome"].as_str().map(String::from),
            )
        })
        .collect()
}
