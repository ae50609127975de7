//! The JSON documents of the offline scenarios are a contract with whoever parses them: for
//! the same snapshot, `masst diagnose all` and `masst audit` print byte for byte what the
//! committed golden files hold, so a refactor that changes a document fails here.
//! `UPDATE_GOLDEN=1 cargo test --test it golden` rewrites them after a change that means to.

use crate::cli::{masst, run};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// Every scenario embedded in the binary: `build.rs` embeds each file in `scenarios/`.
fn scenarios() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root().join("scenarios"))
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().to_str()?.strip_suffix(".toml").map(String::from))
        .collect();
    names.sort();
    names
}

/// Compares what `masst ARGS --scenario NAME --output json` prints with `golden/KIND/NAME.json`.
/// The documents hold no clock or timing field for an offline scenario (the scenario fixes its
/// own taken-at), so nothing is normalised: a field that starts to vary fails here too.
fn check(kind: &str, args: &[&str]) {
    let dir = root().join("tests/it/golden").join(kind);
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut differ = Vec::new();
    for name in scenarios() {
        let (code, out, err) = run(masst().args(args).args(["--scenario", &name, "--output", "json"]));
        assert!(code == 0 || code == 1, "{kind} {name}: exit {code}: {err}");
        serde_json::from_str::<serde_json::Value>(&out).unwrap_or_else(|e| panic!("{kind} {name}: not JSON ({e})"));
        let path = dir.join(format!("{name}.json"));
        if update {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &out).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {e}; write it with UPDATE_GOLDEN=1", path.display()));
        if want != out {
            differ.push(name);
        }
    }
    assert!(
        differ.is_empty(),
        "{kind}: the JSON of {differ:?} is not byte-identical to tests/it/golden/{kind}/; \
         if the change is meant, regenerate with UPDATE_GOLDEN=1 cargo test --test it golden"
    );
}

#[test]
fn every_offline_diagnosis_prints_its_golden_document_byte_for_byte() {
    check("diagnose", &["diagnose", "all"]);
}

#[test]
fn every_offline_audit_prints_its_golden_document_byte_for_byte() {
    check("audit", &["audit"]);
}
