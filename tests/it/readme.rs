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

/// Every block of the README marked `<!-- generated: masst ARGS -->` is what `masst ARGS`
/// prints at 100 columns; `UPDATE_DOCS=1` rewrites them.
#[test]
fn the_walk_through_is_what_masst_prints_today() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let text = readme();
    let marker = "<!-- generated: masst ";
    let mut out = String::new();
    let mut rest = text.as_str();
    let mut blocks = 0;
    while let Some(at) = rest.find(marker) {
        let (before, from) = rest.split_at(at);
        out.push_str(before);
        let line_end = from.find('\n').unwrap() + 1;
        let args: Vec<&str> =
            from[marker.len()..line_end].trim_end().trim_end_matches("-->").split_whitespace().collect();
        let body = &from[line_end..];
        assert!(body.starts_with("```text\n"), "a generated block is a text fence: {args:?}");
        let end = body["```text\n".len()..]
            .find("\n```\n")
            .map(|i| "```text\n".len() + i + 5)
            .unwrap_or_else(|| body.find("```\n").map(|i| i + 4).unwrap());
        let (code, printed, err) = run(masst().env("COLUMNS", "100").args(&args));
        assert!(code == 0 || code == 1, "{args:?}: {err}");
        out.push_str(&from[..line_end]);
        out.push_str(&format!("```text\n$ masst {}\n{}```\n", args.join(" "), printed));
        rest = &body[end..];
        blocks += 1;
    }
    out.push_str(rest);
    assert!(blocks >= 2, "the walk-through's examples are generated");
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, &out).unwrap();
        return;
    }
    if out != text {
        let diff = similar::TextDiff::from_lines(&text, &out);
        let shown: String =
            diff.unified_diff().context_radius(1).to_string().lines().take(40).collect::<Vec<_>>().join("\n");
        panic!("the README's examples are not what masst prints; regenerate with UPDATE_DOCS=1 cargo test --test it readme\n{shown}");
    }
}
