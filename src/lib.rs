//! masst: the MangaAssist on-call toolkit. The binary is a thin shell over this library:
//! `engine` (pure runbook walks), `evidence` (the one data type and its sources), `actions`
//! (the remediation catalogue), `ui` (the one printer) and `commands` (one file per verb).

pub mod actions;
pub mod cli;
pub mod commands;
pub mod engine;
pub mod error;
pub mod evidence;
pub mod settings;
pub mod ui;

use cli::{Cli, Command};
use error::{Outcome, Result};

/// Runs a parsed command line; `main` only maps the result to an exit code.
pub fn run(cli: Cli) -> Result<Outcome> {
    let printer = ui::Printer::new(cli.global.output, cli.global.quiet, cli.global.verbose);
    match &cli.command {
        Command::Diagnose(args) => commands::diagnose::run(&cli.global, args, &printer),
        Command::Snapshot(cli::SnapshotCommand::Capture(args)) => {
            commands::snapshot::capture(&cli.global, args, &printer)
        }
        Command::Runbook(cmd) => commands::runbook::run(&cli.global, cmd, &printer),
        Command::Completions { shell } => {
            printer.out(&commands::completions::script(*shell));
            Ok(Outcome::Clear)
        }
    }
}
