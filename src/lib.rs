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
    match &cli.command {
        Command::Diagnose(args) => commands::diagnose::run(&cli.global, args, &printer),
        Command::Snapshot(commands::snapshot::SnapshotCommand::Capture(args)) => {
            commands::snapshot::capture(&cli.global, args, &printer)
        }
        Command::Snapshot(commands::snapshot::SnapshotCommand::Upgrade { file }) => {
            commands::snapshot::upgrade(file, &printer)
        }
        Command::Status(args) => commands::status::run(&cli.global, args, &printer),
        Command::Verify(args) => commands::verify::run(&cli.global, args, &printer),
        Command::Watch(args) => commands::watch::run(&cli.global, args, &printer),
        Command::Audit(args) => commands::audit::run(&cli.global, args, &printer),
        Command::Quota(commands::act::QuotaCommand::Sync(flags)) => {
            commands::act::quota_sync(&cli.global, flags, &printer)
        }
        Command::Report(args) => commands::report::run(&cli.global, args, &printer),
        Command::Lab(cmd) => commands::lab::run(&cli.global, cmd, &printer),
        Command::Config(commands::config::ConfigCommand::Show) => commands::config::show(&cli.global, &printer),
        Command::Analytics(cmd) => commands::act::analytics(&cli.global, cmd, &printer),
        Command::Concurrency(cmd) => commands::act::concurrency(&cli.global, cmd, &printer),
        Command::Routing(cmd) => commands::act::routing(&cli.global, cmd, &printer),
        Command::Batch(cmd) => commands::act::batch(&cli.global, cmd, &printer),
        Command::Producer(cmd) => commands::act::producer(&cli.global, cmd, &printer),
        Command::Queue(cmd) => commands::act::queue(&cli.global, cmd, &printer),
        Command::Alarms(commands::act::AlarmsCommand::Install { sns_topic, flags }) => {
            commands::act::alarms(&cli.global, sns_topic.as_deref(), flags, &printer)
        }
        Command::Dlq(commands::dlq::DlqCommand::Inspect { sample, show, publish }) => {
            commands::dlq::inspect(&cli.global, *sample, *show, *publish, &printer)
        }
        Command::Dlq(commands::dlq::DlqCommand::Redrive(args)) => commands::dlq::redrive(&cli.global, args, &printer),
        Command::Journal => commands::act::list_journal(&cli.global, &printer),
        Command::Undo { id, flags } => commands::act::undo(&cli.global, id, flags, &printer),
        Command::Runbook(cmd) => commands::runbook::run(&cli.global, cmd, &printer),
        Command::Mcp(args) => mcp::run(&cli.global, args),
        Command::Completions { shell } => {
            printer.out(&commands::completions::script(cli::command(), *shell));
            Ok(Outcome::Clear)
        }
    }
}
