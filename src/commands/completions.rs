//! `masst completions SHELL`: the same text that is committed under `completions/`.

use crate::cli::Shell;

/// The completion script for `shell`.
pub fn script(shell: Shell) -> String {
    let mut cmd = crate::cli::command();
    let mut buf = Vec::new();
    let sh = match shell {
        Shell::Bash => clap_complete::Shell::Bash,
        Shell::Zsh => clap_complete::Shell::Zsh,
        Shell::Fish => clap_complete::Shell::Fish,
        Shell::Powershell => clap_complete::Shell::PowerShell,
    };
    clap_complete::generate(sh, &mut cmd, "masst", &mut buf);
    String::from_utf8(buf).expect("clap_complete writes UTF-8")
}

/// The committed file name for each shell, as packagers expect them.
pub fn file_name(shell: Shell) -> &'static str {
    match shell {
        Shell::Bash => "masst.bash",
        Shell::Zsh => "_masst",
        Shell::Fish => "masst.fish",
        Shell::Powershell => "_masst.ps1",
    }
}
