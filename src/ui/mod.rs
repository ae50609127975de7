//! Everything the user sees goes through here: one [`Printer`] decides colour, quietness,
//! JSON vs human output and whether progress or prompts may appear at all.

pub mod bedrock;
pub mod board;
pub mod ci;
pub mod drill;
pub mod fit;
pub mod logs;
pub mod render;
pub mod report;
mod runner;
pub mod tables;

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};

/// Set once a write to stdout found the reader gone (`masst ... | head`).
static STDOUT_CLOSED: AtomicBool = AtomicBool::new(false);
/// Set while a command runs inside another whose stdout carries one document (`audit --fix
/// --output json`): its output goes to stderr instead.
static DIVERTED: AtomicBool = AtomicBool::new(false);

/// Sends what nested commands print to stderr (`true`) or back to stdout (`false`).
pub fn divert_stdout(on: bool) {
    DIVERTED.store(on, Ordering::Relaxed);
}

/// JSON documents kept instead of printed, while a command gathers what the commands it runs
/// would print into its own one document (`diagnose --apply ... --output json`).
static CAPTURED: std::sync::Mutex<Option<Vec<serde_json::Value>>> = std::sync::Mutex::new(None);

/// Starts keeping JSON documents (`true`), or stops and hands back what was kept (`false`).
pub fn capture_json(on: bool) -> Vec<serde_json::Value> {
    let mut c = CAPTURED.lock().expect("lock");
    if on {
        *c = Some(Vec::new());
        Vec::new()
    } else {
        c.take().unwrap_or_default()
    }
}

thread_local! {
    /// What this thread's commands print, kept instead of written while a fan-out runs one
    /// target on it (`masst diagnose --all-targets`): each target's output becomes a section.
    static SINK: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
    /// The last `--output json` document a command on this thread built (see [`tap`]).
    static TAPPED: std::cell::RefCell<Option<Option<serde_json::Value>>> = const { std::cell::RefCell::new(None) };
}

/// Starts keeping this thread's stdout (`true`), or stops and hands back what was kept, with
/// the last document [`tap`]ped (`false`).
pub fn keep_thread_output(on: bool) -> (String, Option<serde_json::Value>) {
    if on {
        SINK.with(|s| *s.borrow_mut() = Some(String::new()));
        TAPPED.with(|t| *t.borrow_mut() = Some(None));
        (String::new(), None)
    } else {
        let text = SINK.with(|s| s.borrow_mut().take()).unwrap_or_default();
        let doc = TAPPED.with(|t| t.borrow_mut().take()).flatten();
        (text, doc)
    }
}

/// Hands the document a command's JSON output would print to a fan-out that keeps this
/// thread's output, whatever the format: the summary over targets reads a target's verdicts
/// from it. Built only when a fan-out is listening.
pub fn tap(doc: impl FnOnce() -> serde_json::Value) {
    if TAPPED.with(|t| t.borrow().is_some()) {
        let d = doc();
        TAPPED.with(|t| *t.borrow_mut() = Some(Some(d)));
    }
}

/// Set once anything was written to stdout, so a failure in JSON mode knows whether its error
/// document would be a second one.
static STDOUT_USED: AtomicBool = AtomicBool::new(false);

/// The width human output must fit: the terminal's, else `COLUMNS`, else 100 columns.
pub fn width() -> u16 {
    console::Term::stdout()
        .size_checked()
        .map(|(_, w)| w)
        .or_else(|| std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()))
        .unwrap_or(100)
        .clamp(40, 400)
}

/// A paragraph wrapped to the terminal's width (see [`width`]).
pub fn wrap(text: &str) -> String {
    textwrap::fill(text, textwrap::Options::new(width() as usize).subsequent_indent("  "))
}

/// Text of many lines wrapped to the terminal's width, each line keeping its indentation and
/// its continuation indented two more (a runbook's tree stays a tree at 100 columns). The
/// indentation includes a walk's tree bars (`│`), so a wrapped evidence line stays inside
/// its branch.
pub fn wrap_lines(text: &str) -> String {
    let w = width() as usize;
    let mut out = String::new();
    for line in text.lines() {
        if textwrap::core::display_width(line) <= w {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let indent: String = line.chars().take_while(|c| *c == ' ' || *c == '│').collect();
        let more = format!("{indent}  ");
        let opts = textwrap::Options::new(w)
            .initial_indent(&indent)
            .subsequent_indent(&more)
            .word_separator(textwrap::WordSeparator::AsciiSpace)
            .word_splitter(textwrap::WordSplitter::NoHyphenation);
        out.push_str(&textwrap::fill(&line[indent.len()..], opts));
        out.push('\n');
    }
    out
}

/// Human text or one JSON document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum OutputFormat {
    #[default]
    Human,
    Json,
    /// SARIF 2.1.0 (`audit`, `diagnose`).
    Sarif,
    /// JUnit XML (`audit`, `diagnose`).
    Junit,
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

    /// Writes to stdout. A closed pipe (`masst ... | head`) is remembered, not fatal: the
    /// command goes on to its own end, so a diagnosis keeps its exit status and an action can
    /// refuse to go ahead when its preview was not seen ([`Printer::stdout_open`]).
    pub fn out(&self, text: &str) {
        let kept = SINK.with(|s| s.borrow_mut().as_mut().map(|k| k.push_str(text)).is_some());
        if kept {
            return;
        }
        if DIVERTED.load(Ordering::Relaxed) {
            eprint!("{text}");
            return;
        }
        if STDOUT_CLOSED.load(Ordering::Relaxed) {
            return;
        }
        STDOUT_USED.store(true, Ordering::Relaxed);
        let mut o = std::io::stdout().lock();
        if let Err(e) = o.write_all(text.as_bytes()).and_then(|_| o.flush()) {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                STDOUT_CLOSED.store(true, Ordering::Relaxed);
            } else {
                // A full disk or a closed descriptor: say so once; the exit status is the command's.
                STDOUT_CLOSED.store(true, Ordering::Relaxed);
                eprintln!("masst: warning: cannot write to stdout ({e}); the rest of the output is lost");
            }
        }
    }

    /// Writes a file's worth of output to stdout and says whether it arrived: for output that
    /// is the whole point of the command (a snapshot), where a lost write is a failure.
    pub fn out_checked(&self, text: &str) -> std::io::Result<()> {
        if SINK.with(|s| s.borrow_mut().as_mut().map(|k| k.push_str(text)).is_some()) {
            return Ok(());
        }
        STDOUT_USED.store(true, Ordering::Relaxed);
        let mut o = std::io::stdout().lock();
        o.write_all(text.as_bytes()).and_then(|_| o.flush())
    }

    /// Can stdout still be read? False once a write failed, or when it is a pipe whose reader
    /// has gone (checked without writing, so an action can stop before it changes anything).
    pub fn stdout_open(&self) -> bool {
        if STDOUT_CLOSED.load(Ordering::Relaxed) {
            return false;
        }
        let mut fd = libc::pollfd { fd: 1, events: 0, revents: 0 };
        // SAFETY: one valid pollfd, zero timeout.
        let n = unsafe { libc::poll(&mut fd, 1, 0) };
        let gone = n > 0 && (fd.revents & (libc::POLLERR | libc::POLLHUP | libc::POLLNVAL)) != 0;
        if gone {
            STDOUT_CLOSED.store(true, Ordering::Relaxed);
        }
        !gone
    }

    /// Has anything been written to stdout?
    pub fn stdout_used(&self) -> bool {
        STDOUT_USED.load(Ordering::Relaxed)
    }

    /// The failure as the one document `--output json` promises, when nothing else was
    /// printed: `{"error": {"message", "kind", "exit_code", "iam_action"?}}`. Human output prints nothing
    /// here: `main` writes the paragraph to stderr either way.
    pub fn error_document(&self, e: &crate::error::Error) {
        if self.json() && !self.stdout_used() {
            let mut doc = serde_json::json!({"message": e.to_string(), "kind": e.kind(), "exit_code": e.exit_code()});
            if let Some(action) = e.denied_action() {
                doc["iam_action"] = action.into();
            }
            self.json_value(&serde_json::json!({ "error": doc }));
        }
    }

    /// A line that must reach the engineer: stdout, or stderr when stdout is gone.
    pub fn must(&self, text: impl AsRef<str>) {
        self.line(text.as_ref());
        if !self.stdout_open() {
            eprintln!("{}", text.as_ref());
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
        if let Some(kept) = CAPTURED.lock().expect("lock").as_mut() {
            kept.push(serde_json::to_value(v).expect("serializable"));
            return;
        }
        tap(|| serde_json::to_value(v).expect("serializable"));
        self.line(serde_json::to_string_pretty(v).expect("serializable"));
    }

    /// The bar an AppConfig deployment is followed with, only when progress is allowed.
    pub fn deploy_bar(&self) -> Option<indicatif::ProgressBar> {
        self.action_bar(None)
    }

    /// A bar for an action's [`Step`](crate::actions::Step) reports, only when progress is
    /// allowed: a deployment's percent, or (`moving: Some(n)`) messages moved of about `n`.
    pub fn action_bar(&self, moving: Option<u64>) -> Option<indicatif::ProgressBar> {
        self.progress.then(|| {
            let (len, template) = match moving {
                Some(n) => (n.max(1), "{bar:30} {pos}/{len} moved · {msg} · {per_sec} · ETA {eta}"),
                None => (100, "deploying {bar:30} {pos}% {msg}"),
            };
            let b = indicatif::ProgressBar::new(len);
            b.set_style(indicatif::ProgressStyle::with_template(template).expect("template"));
            b
        })
    }

    /// Asks a yes/no question on the terminal; `None` when it was not answered (Esc, no
    /// terminal).
    pub fn ask(&self, question: &str) -> Option<bool> {
        dialoguer::Confirm::new().with_prompt(question).wait_for_newline(true).interact_opt().ok().flatten()
    }

    /// Asks before a change, unless `yes`; refuses to ask without a terminal.
    pub fn confirm(&self, yes: bool, question: &str) -> crate::error::Result<()> {
        use crate::error::Error;
        if yes {
            return Ok(());
        }
        if !self.interactive {
            return Err(Error::Action(
                "refusing to change AWS without a confirmation, and stdin is not a terminal to ask on: pass --yes to apply, or --dry-run to preview"
                    .into(),
            ));
        }
        // The answer is taken with its Enter, so the Enter cannot answer the next question.
        match dialoguer::Confirm::new().with_prompt(question).default(false).wait_for_newline(true).interact_opt() {
            Ok(Some(true)) => Ok(()),
            _ => Err(Error::Action("declined: nothing was changed".into())),
        }
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

/// Shows one [`Step`](crate::actions::Step) of an action on its bar (see
/// [`Printer::action_bar`]); without a bar, nothing.
pub fn show_step(bar: Option<&indicatif::ProgressBar>, step: crate::actions::Step<'_>) {
    use crate::actions::Step;
    let Some(b) = bar else { return };
    match step {
        Step::Deploying(pct, state) => {
            b.set_position(pct as u64);
            b.set_message(state.to_string());
        }
        Step::Moving { moved, skipped, failed } => {
            b.set_position(moved);
            b.set_message(format!("skipped {skipped} · failed {failed}"));
        }
        Step::Done => b.finish_and_clear(),
        Step::Stopped => b.abandon(),
    }
}
