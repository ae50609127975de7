//! Everything the user sees goes through here: one [`Printer`] decides colour, quietness,
//! JSON vs human output and whether progress or prompts may appear at all.

pub mod render;

use std::io::{IsTerminal, Write};

/// Human text or one JSON document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum OutputFormat {
    #[default]
    Human,
    Json,
}

/// The one object that writes to the terminal.
#[derive(Debug, Clone)]
pub struct Printer {
    pub format: OutputFormat,
    pub quiet: bool,
    pub verbose: u8,
    /// Colour on stdout (a terminal, and `NO_COLOR` unset).
    pub color: bool,
    /// Spinners and progress bars are allowed (stderr is a terminal, not quiet, not JSON).
    pub progress: bool,
    /// Questions may be asked (stdin and stderr are terminals).
    pub interactive: bool,
}

impl Printer {
    /// Builds the printer from the flags and the process's terminals and environment.
    pub fn new(format: OutputFormat, quiet: bool, verbose: u8) -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let color = !no_color && std::io::stdout().is_terminal();
        console::set_colors_enabled(color);
        console::set_colors_enabled_stderr(!no_color && std::io::stderr().is_terminal());
        let stderr_tty = std::io::stderr().is_terminal();
        Printer {
            format,
            quiet,
            verbose,
            color,
            progress: stderr_tty && !quiet && format == OutputFormat::Human,
            interactive: std::io::stdin().is_terminal() && stderr_tty,
        }
    }

    pub fn json(&self) -> bool {
        self.format == OutputFormat::Json
    }

    /// Writes to stdout. A closed pipe (`masst ... | head`) ends the process quietly, as
    /// ripgrep does: the reader has all it wanted.
    pub fn out(&self, text: &str) {
        let mut o = std::io::stdout().lock();
        if let Err(e) = o.write_all(text.as_bytes()).and_then(|_| o.flush()) {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                std::process::exit(0);
            }
        }
    }

    /// Writes a line to stdout.
    pub fn line(&self, text: impl AsRef<str>) {
        self.out(&format!("{}\n", text.as_ref()));
    }

    /// A status note on stderr, hidden by `--quiet`.
    pub fn note(&self, text: impl AsRef<str>) {
        if !self.quiet {
            eprintln!("{}", text.as_ref());
        }
    }

    /// Prints a value as pretty JSON on stdout.
    pub fn json_value<T: serde::Serialize>(&self, v: &T) {
        self.line(serde_json::to_string_pretty(v).expect("serializable"));
    }

    /// A spinner on stderr while `msg` runs, only when progress is allowed.
    pub fn spinner(&self, msg: &str) -> Option<indicatif::ProgressBar> {
        if !self.progress {
            return None;
        }
        let pb = indicatif::ProgressBar::new_spinner();
        pb.set_message(msg.to_string());
        pb.enable_steady_tick(std::time::Duration::from_millis(80));
        Some(pb)
    }
}
