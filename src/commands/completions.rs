//! `masst completions SHELL`: the same text that is committed under `completions/`.

use clap::ValueEnum;

/// Shells clap can complete for.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Powershell,
}

/// The completion script for `shell`, of the whole command line `cmd` (the top-level parser
/// hands itself in: commands sit below the parser and do not name it).
pub fn script(mut cmd: clap::Command, shell: Shell) -> String {
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
