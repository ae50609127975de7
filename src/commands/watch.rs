//! `masst watch`: the on-call dashboard. Every `--every` it reads the evidence again and
//! redraws the board (every runbook trigger: its signals now, a sparkline of each metric's
//! window, the threshold in words, the state), marking with `Δ` what changed since the last
//! refresh. On a terminal it draws in the alternate screen with ratatui and leaves on `q`,
//! `Esc` or Ctrl-C, restoring the terminal; without one it prints a frame per refresh;
//! `--once` prints one frame and exits. Refreshes reuse the resolved queue URLs and AppConfig
//! ids and read only the signals the triggers need.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use super::duration;
use super::Global;
use crate::engine::walk::{walk_all, Answers, WalkContext};
use crate::engine::Runbook;
use crate::error::{Error, Outcome, Result};
use crate::evidence::{collect, Evidence};
use crate::settings::Settings;
use crate::ui::board::{self, Row};
use crate::ui::Printer;
use clap::Args;
use std::path::PathBuf;

/// `masst watch` options.
#[derive(Debug, Clone, Args)]
pub struct WatchArgs {
    /// Refresh this often, e.g. `60s`.
    #[arg(long, value_name = "DURATION", default_value = "60s", value_parser = duration)]
    pub every: std::time::Duration,
    /// Print one frame and exit.
    #[arg(long)]
    pub once: bool,
    /// Use an embedded scenario instead of live AWS.
    #[arg(long, value_name = "NAME", conflicts_with = "from", value_parser = crate::evidence::scenario::names())]
    pub scenario: Option<String>,
    /// Use a snapshot file.
    #[arg(long, value_name = "FILE")]
    pub from: Option<PathBuf>,
}

/// Where frames come from: a fixed snapshot or scenario, or live AWS.
struct Source<'a> {
    global: &'a Global,
    settings: &'a Settings,
    runbooks: &'a [&'a Runbook],
    offline: Option<Evidence>,
    rt: tokio::runtime::Runtime,
    clients: Option<crate::aws::Clients>,
    /// Each result's state on the first, full reading: a refresh reads only what the triggers
    /// need, so a firing trigger keeps the cause the full walk found.
    first_states: BTreeMap<String, String>,
    /// The latest log line a walk matched (kept from the full reading: a refresh reads only
    /// the triggers), for the line under the board.
    latest_log: Option<(jiff::Timestamp, String)>,
    /// Bedrock's view beside the app's in the latest reading.
    bedrock: Option<crate::ui::bedrock::View>,
}

impl Source<'_> {
    fn frame(&mut self, prev: Option<&[Row]>, every: Duration) -> Result<(Vec<Row>, String)> {
        let models = self.settings.model_keys();
        let ev = match &self.offline {
            Some(ev) => ev.clone(),
            None => {
                let full = self.clients.is_none();
                if full {
                    self.clients = Some(self.rt.block_on(super::clients(self.global, self.settings))?);
                }
                let plan = if full {
                    crate::engine::needs::plan(self.runbooks, &models)
                } else {
                    crate::engine::needs::refresh_plan(self.runbooks, &models)
                };
                let c = self.clients.as_ref().expect("set above");
                // A reading is bounded by the time until the next one (at least a few seconds):
                // a board that stops answering cannot freeze the dashboard.
                let bound = every.max(MIN_READING);
                let reading = collect::collect(c, self.settings, &plan, 60, jiff::Timestamp::now());
                self.rt.block_on(async { tokio::time::timeout(bound, reading).await }).map_err(|_| {
                    Error::Evidence(format!("the reading did not finish within {} s.", bound.as_secs()))
                })??
            }
        };
        let cx = WalkContext { models, answers: Answers::default() };
        let results = walk_all(self.runbooks.iter().copied(), &ev, &cx);
        let latest = results
            .iter()
            .flat_map(crate::ui::logs::of_diagnosis)
            .flat_map(|(_, l)| l.lines.iter().map(move |x| (x.at, format!("{}: {}", l.group, x.text))))
            .max_by_key(|(at, _)| *at);
        if latest.is_some() {
            self.latest_log = latest;
        }
        self.bedrock = crate::ui::bedrock::view(&ev, 5);
        let mut rows = board::rows(&results, prev);
        for r in &mut rows {
            match self.first_states.get(&r.result) {
                Some(first) => {
                    if let Some(kept) = keep_cause(first, &r.state) {
                        r.state = kept;
                    }
                }
                None => {
                    self.first_states.insert(r.result.clone(), r.state.clone());
                }
            }
        }
        let head = format!(
            "{} · taken {} · refresh every {} s",
            ev.source,
            ev.taken_at.strftime("%H:%M:%S UTC"),
            every.as_secs()
        );
        Ok((rows, head))
    }
}

impl Source<'_> {
    /// The line of Bedrock's view beside the app's, fitted to `width` (none without Bedrock
    /// series in this reading).
    fn bedrock_line(&self, width: u16) -> Option<String> {
        let line = crate::ui::bedrock::line(self.bedrock.as_ref()?);
        Some(console::truncate_str(&line, width as usize, "…").into_owned())
    }

    /// The line under the board: the latest matching log line, fitted to `width`.
    fn log_line(&self, width: u16) -> Option<String> {
        let (at, text) = self.latest_log.as_ref()?;
        let line = format!("latest log {}", crate::ui::logs::line_text(at, text));
        Some(console::truncate_str(&line, width as usize, "…").into_owned())
    }
}

/// The shortest time a reading may take before a refresh gives up on it.
const MIN_READING: Duration = Duration::from_secs(5);

/// The state to show instead of a refresh's `now`, given the first full reading's `first`: a
/// trigger that still fires keeps the cause the full walk found (a refresh reads only the
/// triggers). Anything else shows as it is now: data that went missing is UNKNOWN, never the
/// old verdict.
fn keep_cause(first: &str, now: &str) -> Option<String> {
    (first != "ok" && !first.starts_with("UNKNOWN") && now.starts_with("FIRING")).then(|| first.to_string())
}

/// `masst watch`.
pub fn run(global: &Global, args: &WatchArgs, printer: &Printer) -> Result<Outcome> {
    let set = super::runbooks(global)?;
    let all: Vec<&Runbook> = set.runbooks.iter().collect();
    let settings = Settings::load(global.config.as_deref())?.settings;
    let offline = super::offline_evidence(args.scenario.as_deref(), args.from.as_deref())?;
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a tokio runtime starts");
    let mut src = Source {
        global,
        settings: &settings,
        runbooks: &all,
        offline,
        rt,
        clients: None,
        first_states: BTreeMap::new(),
        latest_log: None,
        bedrock: None,
    };
    let every = args.every;
    let tty = std::io::IsTerminal::is_terminal(&std::io::stdout()) && printer.interactive;
    if args.once || printer.json() || !tty {
        return plain(&mut src, args.once || printer.json(), every, printer);
    }
    live(&mut src, every, printer)
}

/// Frames as text: one (`--once`, JSON) or one per refresh.
fn plain(src: &mut Source<'_>, once: bool, every: Duration, printer: &Printer) -> Result<Outcome> {
    let mut prev: Option<Vec<Row>> = None;
    loop {
        let (rows, head) = match src.frame(prev.as_deref(), every) {
            Ok(frame) => frame,
            Err(e) if once || prev.is_none() => return Err(e),
            // A dashboard survives a blip: the frame says the refresh failed and the next one
            // tries again; the last good frame is the one above.
            Err(e) => {
                let at = jiff::Timestamp::now().strftime("%H:%M:%S UTC");
                printer.line(crate::ui::wrap(&format!(
                    "refresh failed at {at}: {e} The last good frame is above; retrying in {} s",
                    every.as_secs()
                )));
                std::thread::sleep(every);
                continue;
            }
        };
        if printer.json() {
            printer.json_value(&serde_json::json!({ "header": head, "rows": rows }));
        } else {
            printer.line(crate::ui::wrap(&head));
            printer.line(board::table(&rows, crate::ui::width(), printer.verbose > 0));
            if let Some(l) = src.bedrock_line(crate::ui::width()) {
                printer.line(l);
            }
            if let Some(l) = src.log_line(crate::ui::width()) {
                printer.line(l);
            }
        }
        if once {
            return Ok(Outcome::Clear);
        }
        prev = Some(rows);
        std::thread::sleep(every);
    }
}

/// The dashboard in the alternate screen, redrawn in place until `q`, `Esc` or Ctrl-C.
fn live(src: &mut Source<'_>, every: Duration, printer: &Printer) -> Result<Outcome> {
    use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
    use ratatui::widgets::{Block, Paragraph};
    let (mut rows, mut head) = src.frame(None, every)?;
    let mut terminal = ratatui::init();
    let mut next = Instant::now() + every;
    let mut failure: Option<String> = None;
    let result = loop {
        // Inside the border: two columns fewer than the terminal.
        let width = terminal.size().map(|s| s.width).unwrap_or(100).saturating_sub(2);
        let table = board::table(&rows, width, printer.verbose > 0);
        let title = format!(" masst watch · {} · q to quit ", head);
        let logs: String =
            [src.bedrock_line(width), src.log_line(width)].into_iter().flatten().map(|l| format!("{l}\n")).collect();
        let footer = format!("{logs}{}", failure.clone().unwrap_or_default());
        let drawn = terminal.draw(|f| {
            let text = format!("{table}\n{footer}");
            f.render_widget(Paragraph::new(text).block(Block::bordered().title(title.clone())), f.area());
        });
        if let Err(e) = drawn {
            break Err(Error::Usage(format!("cannot draw on the terminal: {e}")));
        }
        let wait = next.saturating_duration_since(Instant::now()).min(Duration::from_millis(250));
        if event::poll(wait).unwrap_or(false) {
            if let Ok(Event::Key(k)) = event::read() {
                let ctrl_c = k.code == KeyCode::Char('c') && k.modifiers.contains(KeyModifiers::CONTROL);
                if k.kind == KeyEventKind::Press && (matches!(k.code, KeyCode::Char('q') | KeyCode::Esc) || ctrl_c) {
                    break Ok(Outcome::Clear);
                }
            }
        }
        if Instant::now() >= next {
            next = Instant::now() + every;
            match src.frame(Some(&rows), every) {
                Ok((r, h)) => {
                    (rows, head) = (r, h);
                    failure = None;
                }
                // A refresh that could not look says so on the board and keeps the last frame.
                Err(e) => failure = Some(format!("refresh failed: {e}")),
            }
        }
    };
    ratatui::restore();
    result
}

#[cfg(test)]
mod tests {
    use super::keep_cause;

    #[test]
    fn a_firing_trigger_keeps_its_cause_and_missing_data_is_unknown_not_the_old_verdict() {
        let first = "CRITICAL account-quota-contention";
        assert_eq!(keep_cause(first, "FIRING, cause unknown").as_deref(), Some(first));
        assert_eq!(keep_cause(first, "UNKNOWN (missing data)"), None, "as watch --once says at that moment");
        assert_eq!(keep_cause(first, "ok"), None);
        assert_eq!(keep_cause("ok", "FIRING, cause unknown"), None);
    }
}
