//! masst: the MangaAssist on-call toolkit. The binary is a thin shell over this library:
//! `engine` (pure runbook walks), `evidence` (the one data type and its sources), `actions`
//! (the remediation catalogue), `ui` (the one printer) and `commands` (one file per verb).

pub mod actions;
pub mod aws;
pub mod cli;
pub mod commands;
pub mod embedded;
pub mod engine;
pub mod error;
pub mod evidence;
pub mod lab;
pub mod mcp;
pub mod settings;
pub mod text;
pub mod ui;

use cli::{Cli, Command};
use error::{Outcome, Result};

/// Runs a parsed command line; `main` only maps the result to an exit code.
pub fn run(cli: Cli) -> Result<Outcome> {
    let printer = ui::Printer::new(cli.global.output, cli.global.quiet, cli.global.verbose);
    if cli.global.verbose > 0 {
        let level = if cli.global.verbose > 1 { "debug" } else { "masst=info" };
        let _ = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::new(level))
            .with_writer(std::io::stderr)
            .with_ansi(console::colors_enabled_stderr())
            .with_target(false)
            .without_time()
            .try_init();
    }
    let ci_format = matches!(cli.global.output, ui::OutputFormat::Sarif | ui::OutputFormat::Junit);
    if ci_format && !matches!(cli.command, Command::Diagnose(_) | Command::Audit(_)) {
        return Err(error::Error::Usage(
            "--output sarif and --output junit are for `masst audit` and `masst diagnose`; use human or json here"
                .into(),
        ));
    }
    let targets = commands::fanout::chosen(&cli.global)?;
    if !targets.is_empty() {
        return with_targets(cli, targets, &printer);
    }
    dispatch(&cli.global, &cli.command, &printer)
}

/// One command, with the global options as given (or bound to one target).
fn dispatch(global: &commands::Global, command: &Command, printer: &ui::Printer) -> Result<Outcome> {
    match command {
        Command::Diagnose(args) => commands::diagnose::run(global, args, printer),
        Command::Snapshot(commands::snapshot::SnapshotCommand::Capture(args)) => {
            commands::snapshot::capture(global, args, printer)
        }
        Command::Snapshot(commands::snapshot::SnapshotCommand::Upgrade { file }) => {
            commands::snapshot::upgrade(file, printer)
        }
        Command::Status(args) => commands::status::run(global, args, printer),
        Command::Verify(args) => commands::verify::run(global, args, printer),
        Command::Watch(args) => commands::watch::run(global, args, printer),
        Command::Audit(args) => commands::audit::run(global, args, printer),
        Command::Quota(commands::act::QuotaCommand::Sync(flags)) => commands::act::quota_sync(global, flags, printer),
        Command::Report(args) => commands::report::run(global, args, printer),
        Command::Lab(cmd) => commands::lab::run(global, cmd, printer),
        Command::Config(commands::config::ConfigCommand::Show) => commands::config::show(global, printer),
        Command::Analytics(cmd) => commands::act::analytics(global, cmd, printer),
        Command::Concurrency(cmd) => commands::act::concurrency(global, cmd, printer),
        Command::Routing(cmd) => commands::act::routing(global, cmd, printer),
        Command::Batch(cmd) => commands::act::batch(global, cmd, printer),
        Command::Producer(cmd) => commands::act::producer(global, cmd, printer),
        Command::Queue(cmd) => commands::act::queue(global, cmd, printer),
        Command::Alarms(commands::act::AlarmsCommand::Install { sns_topic, flags }) => {
            commands::act::alarms(global, sns_topic.as_deref(), flags, printer)
        }
        Command::Dlq(commands::dlq::DlqCommand::Inspect { sample, show, publish }) => {
            commands::dlq::inspect(global, *sample, *show, *publish, printer)
        }
        Command::Dlq(commands::dlq::DlqCommand::Redrive(args)) => commands::dlq::redrive(global, args, printer),
        Command::Journal => commands::act::list_journal(global, printer),
        Command::Undo { id, flags } => {
            commands::act::undo(&commands::fanout::for_undo(global, id.as_deref())?, id, flags, printer)
        }
        Command::Runbook(cmd) => commands::runbook::run(global, cmd, printer),
        Command::Mcp(args) => mcp::run(global, args),
        Command::IamPolicy(args) => commands::iam_policy::run(args, printer),
        Command::Completions { shell } => {
            printer.out(&commands::completions::script(cli::command(), *shell));
            Ok(Outcome::Clear)
        }
    }
}

/// A run with `--target`/`--all-targets`/`MASST_TARGET` (contract §10): a read-only command
/// fans out over the targets; a change takes exactly one and checks its account first; a
/// command that reads nothing of AWS runs as it always does.
fn with_targets(cli: Cli, targets: Vec<settings::targets::Chosen>, printer: &ui::Printer) -> Result<Outcome> {
    use commands::fanout::{self, One, DEADLINE};
    use commands::snapshot::SnapshotCommand;
    use std::sync::Arc;
    let global = cli.global.clone();
    let read = |name: &str, deadline: std::time::Duration, one: One| {
        fanout::read(&global, printer, name, targets.clone(), deadline, one)
    };
    let command = Arc::new(cli.command);
    let again = {
        let command = command.clone();
        Arc::new(move |g: &commands::Global, p: &ui::Printer| dispatch(g, &command, p)) as One
    };
    match &*command {
        Command::Diagnose(a) if a.apply.is_empty() => read("diagnose", DEADLINE, again),
        Command::Status(_) => read("status", DEADLINE, again),
        Command::Audit(a) if !a.fix => read("audit", DEADLINE, again),
        Command::Dlq(commands::dlq::DlqCommand::Inspect { .. }) => read("dlq inspect", DEADLINE, again),
        Command::Verify(a) => {
            let deadline = a.timeout.map(|t| t + std::time::Duration::from_secs(60));
            read("verify", deadline.unwrap_or(std::time::Duration::from_secs(3600)), again)
        }
        Command::Snapshot(SnapshotCommand::Capture(a)) => {
            let args = a.clone();
            let one: One = Arc::new(move |g: &commands::Global, p: &ui::Printer| {
                let mut a = args.clone();
                a.out = a.out.as_ref().map(|dir| per_target(dir, g, "json"));
                commands::snapshot::capture(g, &a, p)
            });
            if let Some(dir) = &a.out {
                std::fs::create_dir_all(dir).map_err(|e| error::Error::File {
                    file: dir.display().to_string(),
                    message: format!("cannot create the snapshot folder: {e}"),
                })?;
            }
            read("snapshot capture", DEADLINE, one)
        }
        Command::Report(a) => {
            let args = a.clone();
            let one: One = Arc::new(move |g: &commands::Global, p: &ui::Printer| {
                let mut a = args.clone();
                let ext = a.out.extension().and_then(|e| e.to_str()).unwrap_or("html").to_string();
                let stem = a.out.with_extension("");
                a.out = std::path::PathBuf::from(format!("{}.{}", stem.display(), target_name(g))).with_extension(ext);
                commands::report::run(g, &a, p)
            });
            read("report", DEADLINE, one)
        }
        Command::Undo { .. }
        | Command::Lab(_)
        | Command::Analytics(_)
        | Command::Concurrency(_)
        | Command::Routing(_)
        | Command::Batch(_)
        | Command::Producer(_)
        | Command::Queue(_)
        | Command::Alarms(_)
        | Command::Quota(_)
        | Command::Dlq(_)
        | Command::Diagnose(_)
        | Command::Audit(_) => {
            let bound = fanout::guard(&global, targets, &format!("`masst {}`", command_name(&command)))?;
            dispatch(&bound, &command, printer)
        }
        Command::Watch(_) => {
            let bound = fanout::guard(&global, targets, "`masst watch` (one target per board for now)")?;
            dispatch(&bound, &command, printer)
        }
        _ => dispatch(&global, &command, printer),
    }
}

/// The bound target's name, for per-target file names.
fn target_name(g: &commands::Global) -> String {
    g.bound.as_ref().map(|c| c.name.clone()).unwrap_or_else(|| "default".into())
}

/// `DIR/TARGET.EXT`: where a target's file goes under a folder given for all of them.
fn per_target(dir: &std::path::Path, g: &commands::Global, ext: &str) -> std::path::PathBuf {
    dir.join(format!("{}.{ext}", target_name(g)))
}

/// The command's name as typed (`analytics`), for refusals.
fn command_name(command: &Command) -> String {
    let debug = format!("{command:?}");
    let head: String = debug.chars().take_while(|c| c.is_alphanumeric()).collect();
    head.to_lowercase()
}
