//! `masst watch`: the on-call dashboard. Every `--every` it reads the evidence again and
//! redraws the board (every runbook trigger: its signals now, a sparkline of each metric's
//! window, the threshold in words, the state), marking with `Δ` what changed since the last
//! refresh. On a terminal it draws in the alternate screen with ratatui and leaves on `q`,
//! `Esc` or Ctrl-C, restoring the terminal; without one it prints a frame per refresh;
//! `--once` prints one frame and exits. Refreshes reuse the resolved queue URLs and AppConfig
//! ids and read only the signals the triggers need.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use crate::cli::{Global, WatchArgs};
use crate::engine::walk::{walk_all, Answers, WalkContext};
use crate::engine::Runbook;
use crate::error::{Error, Outcome, Result};
use crate::evidence::{collect, Evidence};
use crate::settings::Settings;
use crate::ui::board::{self, Row};
use crate::ui::Printer;

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
                    collect::plan(self.runbooks, &models)
                } else {
                    collect::refresh_plan(self.runbooks, &models)
                };
                let c = self.clients.as_ref().expect("set above");
                self.rt.block_on(collect::collect(c, self.settings, &plan, 60, jiff::Timestamp::now()))?
            }
        };
        let cx = WalkContext { models, answers: Answers::default() };
        let results = walk_all(self.runbooks.iter().copied(), &ev, &cx);
        let mut rows = board::rows(&results, prev);
        for r in &mut rows {
            match self.first_states.get(&r.result) {
                Some(first) if first != "ok" && (r.state.starts_with("FIRING") || r.state.starts_with("UNKNOWN")) => {
                    r.state = first.clone();
                }
                Some(_) => {}
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
        let (rows, head) = src.frame(prev.as_deref(), every)?;
        if printer.json() {
            printer.json_value(&serde_json::json!({ "header": head, "rows": rows }));
        } else {
            printer.line(crate::ui::wrap(&head));
            printer.line(board::table(&rows, crate::ui::width(), printer.verbose > 0));
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
        let footer = failure.clone().unwrap_or_default();
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
