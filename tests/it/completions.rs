//! The shell completions committed under completions/ and the man pages under man/ must match
//! what the binary generates.

use crate::cli::{masst, run};

#[test]
fn committed_completions_are_current() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("completions");
    let update = std::env::var_os("UPDATE_COMPLETIONS").is_some();
    for (shell, file) in
        [("bash", "masst.bash"), ("zsh", "_masst"), ("fish", "masst.fish"), ("powershell", "_masst.ps1")]
    {
        let (code, generated, _) = run(masst().args(["completions", shell]));
        assert_eq!(code, 0);
        let path = root.join(file);
        if update {
            std::fs::write(&path, &generated).unwrap();
            continue;
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == generated,
            "completions/{file} is stale; regenerate with: UPDATE_COMPLETIONS=1 cargo test --test it completions"
        );
    }
}

/// The command and its subcommands, depth first: (file stem, command).
fn pages(cmd: clap::Command, prefix: &str) -> Vec<(String, clap::Command)> {
    let name = if prefix.is_empty() { cmd.get_name().to_string() } else { format!("{prefix}-{}", cmd.get_name()) };
    let mut out = vec![(name.clone(), cmd.clone())];
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set() && s.get_name() != "help") {
        out.extend(pages(sub.clone(), &name));
    }
    out
}

#[test]
fn committed_man_pages_are_current() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("man");
    let update = std::env::var_os("UPDATE_MAN").is_some();
    if update {
        std::fs::create_dir_all(&root).unwrap();
    }
    let mut cmd = masst::cli::command();
    cmd.build();
    let all = pages(cmd, "");
    for (stem, c) in &all {
        let mut page = Vec::new();
        let name: &'static str = Box::leak(stem.clone().into_boxed_str());
        clap_mangen::Man::new(c.clone().name(name)).render(&mut page).unwrap();
        let path = root.join(format!("{stem}.1"));
        if update {
            std::fs::write(&path, &page).unwrap();
            continue;
        }
        let committed = std::fs::read(&path).unwrap_or_default();
        assert!(
            committed == page,
            "man/{stem}.1 is stale; regenerate with: UPDATE_MAN=1 cargo test --test it man_pages"
        );
    }
    let files = std::fs::read_dir(&root).unwrap().count();
    assert_eq!(files, all.len(), "man/ holds a page no command has; regenerate with UPDATE_MAN=1");
}

#[test]
fn the_shell_may_be_spelled_as_the_readme_does() {
    for shell in ["PowerShell", "powershell", "BASH", "Zsh", "fish"] {
        let (code, out, err) = run(masst().args(["completions", shell]));
        assert_eq!(code, 0, "{shell}: {err}");
        assert!(out.contains("masst"), "{shell}");
    }
}

#[test]
fn output_help_offers_sarif_and_junit_only_where_they_exist() {
    for cmd in [&["status"][..], &["dlq", "inspect"], &["snapshot", "capture"], &["report"]] {
        let (_, help, _) = run(masst().args(cmd).arg("--help"));
        let output = help.split("--output").nth(1).unwrap_or_default().split("\n      -").next().unwrap_or_default();
        assert!(output.contains("human") && output.contains("json"), "{cmd:?}: {output}");
        assert!(!output.contains("sarif") && !output.contains("junit"), "{cmd:?} lists a format it refuses: {output}");
    }
    for cmd in ["audit", "diagnose"] {
        let (_, help, _) = run(masst().args([cmd, "--help"]));
        assert!(help.contains("sarif") && help.contains("junit"), "{cmd}: {help}");
    }
    // What the help no longer lists is still refused in words.
    let (code, _, err) = run(masst().args(["--output", "sarif", "status", "--scenario", "healthy"]));
    assert_eq!(code, 2);
    assert!(err.contains("for `masst audit` and `masst diagnose`"), "{err}");
}
