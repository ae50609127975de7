//! The README is what a person sees: its set-up lines and the install step say what the binary
//! does today.

use crate::cli::{masst, run};

fn readme() -> String {
    std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap()
}

#[test]
fn the_install_step_says_what_masst_version_prints() {
    let text = readme();
    assert!(text.contains("cargo install --path ."), "the README gives the install step");
    let said = text
        .lines()
        .find_map(|l| l.strip_prefix("masst --version").and_then(|r| r.split("# prints: ").nth(1)))
        .expect("the README says what `masst --version` prints");
    let (code, out, _) = run(masst().arg("--version"));
    assert_eq!(code, 0);
    assert_eq!(out.trim(), said.trim(), "what `masst --version` prints");
    // The prerequisites the two set-up commands need are listed, and Node is not one of them.
    for needed in ["Rust toolchain", "python3", "venv", "pip"] {
        assert!(text.contains(needed), "the README lists {needed}");
    }
    let first: Vec<&str> =
        text.lines().skip_while(|l| !l.starts_with("```sh")).skip(1).take_while(|l| !l.starts_with("```")).collect();
    assert_eq!(first.len(), 2, "the README opens with exactly two set-up commands: {first:?}");
}
