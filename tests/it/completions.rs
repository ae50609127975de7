//! The shell completions committed under completions/ must match what the binary generates.

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
