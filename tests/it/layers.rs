//! The house as drawn: `ARCHITECTURE.md`'s layers block, top floor first, checked against every
//! `crate::` path in shipped code. A module may name itself and any module on a lower floor;
//! a module on a higher floor, or a neighbour on its own floor, is an arrow that runs back up
//! (or sideways into a circle) and fails here with the file and line. The AWS SDK's crates are
//! named only under `src/aws/`: the edge is the one place the SDK is touched.

use std::collections::BTreeMap;
use std::path::Path;

/// Floors, top first, as the `layers` block writes them (several modules to a line share one).
fn floors(architecture: &str) -> BTreeMap<String, usize> {
    let block = architecture.split("```layers\n").nth(1).expect("ARCHITECTURE.md has a ```layers block");
    let block = block.split("```").next().unwrap();
    let mut out = BTreeMap::new();
    for (floor, line) in block.lines().enumerate() {
        for module in line.split_whitespace() {
            out.insert(module.to_string(), floor);
        }
    }
    out
}

/// Code lines without comments, doc comments, and `#[cfg(test)]` items (tests may reach
/// anywhere: they check, they do not ship).
fn shipped_lines(source: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut skip_depth: Option<i32> = None;
    let mut pending_test_item = false;
    for (n, raw) in source.lines().enumerate() {
        let line = match raw.find("//") {
            Some(i) if !raw[..i].contains('"') => &raw[..i],
            _ => raw,
        };
        let trimmed = line.trim();
        if let Some(depth) = skip_depth.as_mut() {
            *depth += line.matches('{').count() as i32 - line.matches('}').count() as i32;
            if *depth <= 0 {
                skip_depth = None;
            }
            continue;
        }
        if trimmed.starts_with("#[cfg(test)]") {
            pending_test_item = true;
            continue;
        }
        if pending_test_item {
            if trimmed.starts_with("#[") || trimmed.is_empty() {
                continue;
            }
            pending_test_item = false;
            let depth = line.matches('{').count() as i32 - line.matches('}').count() as i32;
            if depth > 0 {
                skip_depth = Some(depth);
            }
            continue;
        }
        out.push((n + 1, line.to_string()));
    }
    out
}

/// The top-level modules a line names through `crate::`, including `use crate::{a, b::c}`.
fn named_modules(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(i) = rest.find("crate::") {
        rest = &rest[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let inner = group.split('}').next().unwrap_or("");
            out.extend(inner.split(',').filter_map(|p| p.trim().split("::").next()).map(str::to_string));
        } else {
            let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            out.push(name);
        }
    }
    out.retain(|m| !m.is_empty() && m != "self");
    out
}

/// The module a file belongs to: its first path component under `src/` (lib.rs and main.rs
/// are `main`).
fn module_of(relative: &str) -> String {
    let first = relative.split('/').next().unwrap();
    match first.trim_end_matches(".rs") {
        "lib" | "main" => "main".into(),
        m => m.into(),
    }
}

/// Every arrow that breaks the drawing, as `file:line: from -> to (why)`.
fn violations(files: &[(String, String)], floors: &BTreeMap<String, usize>) -> Vec<String> {
    let mut out = Vec::new();
    for (path, source) in files {
        let from = module_of(path);
        let Some(&from_floor) = floors.get(&from) else {
            out.push(format!("src/{path}: module `{from}` is on no floor of ARCHITECTURE.md's layers block"));
            continue;
        };
        let in_tests = path.ends_with("/tests.rs") || path.ends_with("_tests.rs") || path.contains("/tests/");
        if in_tests {
            continue;
        }
        for (n, line) in shipped_lines(source) {
            for to in named_modules(&line) {
                if to == from {
                    continue;
                }
                let Some(&to_floor) = floors.get(&to) else { continue };
                if to_floor < from_floor {
                    out.push(format!("src/{path}:{n}: {from} -> {to} runs back up"));
                } else if to_floor == from_floor {
                    out.push(format!("src/{path}:{n}: {from} -> {to} are neighbours on one floor"));
                }
            }
            if from != "aws"
                && ["aws_sdk_", "aws_smithy", "aws_config", "aws_credential_types"].iter().any(|c| line.contains(c))
            {
                out.push(format!("src/{path}:{n}: the AWS SDK is touched outside src/aws/"));
            }
        }
    }
    out
}

fn sources(dir: &Path, root: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, root, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let relative = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
            out.push((relative, std::fs::read_to_string(&path).unwrap()));
        }
    }
}

/// The arrows ARCHITECTURE.md owns up to as debts still to pay (its ```debts block: one
/// `file: from -> to` per line): the check allows exactly these, and fails when one is paid
/// and still listed, so the list can only shrink.
fn debts(architecture: &str) -> Vec<String> {
    let Some(block) = architecture.split("```debts\n").nth(1) else { return Vec::new() };
    block.split("```").next().unwrap().lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect()
}

/// `src/aws/lab.rs:19: aws -> evidence runs back up` as the debt it is: `src/aws/lab.rs: aws -> evidence`.
fn as_debt(violation: &str) -> String {
    let (place, rest) = violation.split_once(": ").unwrap();
    let file = place.split(':').next().unwrap();
    let arrow = rest.trim_end_matches(" runs back up").trim_end_matches(" are neighbours on one floor");
    format!("{file}: {arrow}")
}

#[test]
fn every_import_in_shipped_code_looks_down_the_house_as_architecture_md_draws_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let architecture = std::fs::read_to_string(root.join("ARCHITECTURE.md")).unwrap();
    let floors = floors(&architecture);
    let owned = debts(&architecture);
    let mut files = Vec::new();
    sources(&root.join("src"), &root.join("src"), &mut files);
    files.sort();
    let found = violations(&files, &floors);
    let unowned: Vec<&String> = found.iter().filter(|v| !owned.contains(&as_debt(v))).collect();
    assert!(
        unowned.is_empty(),
        "arrows that break ARCHITECTURE.md's layers:\n{}",
        unowned.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n")
    );
    let seen: Vec<String> = found.iter().map(|v| as_debt(v)).collect();
    let paid: Vec<&String> = owned.iter().filter(|d| !seen.contains(d)).collect();
    assert!(paid.is_empty(), "debts ARCHITECTURE.md lists that the code no longer has (remove them): {paid:?}");
}

#[test]
fn the_check_fails_when_a_lower_layer_imports_a_higher_one() {
    let floors = floors("```layers\nui\nengine\nevidence\n```\n");
    let files = vec![
        ("evidence/mod.rs".to_string(), "use crate::ui::escape;\n".to_string()),
        ("engine/walk.rs".to_string(), "use crate::{evidence::Evidence, engine::x};\n".to_string()),
        (
            "evidence/collect.rs".to_string(),
            "// crate::ui in a comment is no arrow\n#[cfg(test)]\nmod tests {\n    use crate::ui::x;\n}\n".to_string(),
        ),
        ("engine/sdk.rs".to_string(), "fn f(_: aws_sdk_sqs::Client) {}\n".to_string()),
    ];
    let found = violations(&files, &floors);
    assert_eq!(
        found,
        [
            "src/evidence/mod.rs:1: evidence -> ui runs back up",
            "src/engine/sdk.rs:1: the AWS SDK is touched outside src/aws/",
        ]
    );
}
