//! The top-level parser only: the global flags and the list of commands, each naming the
//! `Args` that live next to its command in `commands/` (cargo's style). The doc comments are
//! the help text.

use clap::{Parser, Subcommand};

use crate::ui::OutputFormat;

use crate::commands::act::{
    AlarmsCommand, BatchCommand, ConcurrencyCommand, PauseResume, ProducerCommand, QueueCommand, QuotaCommand,
    RoutingCommand,
};
use crate::commands::audit::AuditArgs;
use crate::commands::completions::Shell;
use crate::commands::config::ConfigCommand;
use crate::commands::diagnose::DiagnoseArgs;
use crate::commands::dlq::DlqCommand;
use crate::commands::lab::LabCommand;
use crate::commands::report::ReportArgs;
use crate::commands::runbook::RunbookCommand;
use crate::commands::snapshot::SnapshotCommand;
use crate::commands::status::StatusArgs;
use crate::commands::verify::VerifyArgs;
use crate::commands::watch::WatchArgs;
use crate::commands::{ChangeFlags, Global};

const EXIT_CODES: &str = "\
Exit status:
  0    no finding at or above --fail-on; or the command succeeded
  1    findings at or above --fail-on (default: warning); an unknown verdict counts
       as the worst outcome it could have reached
  2    usage error: bad arguments, runbook, snapshot, answer or masst.toml
  3    evidence could not be collected (AWS error, no credentials, missing resource)
  4    an action failed, was declined, or was refused by a guard
  130  interrupted";

/// masst: the MangaAssist on-call toolkit for Bedrock throughput incidents.
///
/// Walks the seed's decision trees against live metrics (or a snapshot, or an embedded
/// scenario), shows the evidence at every step, names the root cause and offers the fix.
#[derive(Debug, Parser)]
#[command(name = "masst", version, after_help = EXIT_CODES, max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Walk runbooks against evidence and report root causes.
    #[command(after_help = EXIT_CODES)]
    Diagnose(DiagnoseArgs),
    /// Capture evidence to a snapshot file, to replay with `diagnose --from`.
    #[command(subcommand)]
    Snapshot(SnapshotCommand),
    /// One screen of every runbook's trigger: current values, thresholds, state.
    Status(StatusArgs),
    /// After a fix: watch the signals that matter until the incident has recovered, got worse,
    /// or the time is up (exit 0 recovered, 1 not recovered or worse, 3 could not look).
    #[command(after_help = EXIT_CODES)]
    Verify(VerifyArgs),
    /// The on-call dashboard, redrawn every `--every`: every trigger's signals, a sparkline of
    /// each metric's window, the threshold, the state (q or Ctrl-C leaves).
    Watch(WatchArgs),
    /// Write the incident report: one self-contained HTML page (or Markdown, by extension)
    /// with the charts, the walk and what was done.
    Report(ReportArgs),
    /// Write a scenario's world into a local AWS emulator (for tests, demos, drills).
    #[command(subcommand)]
    Lab(LabCommand),
    /// Show the effective configuration and where each value came from.
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Pause or resume the analytics pipeline's Bedrock calls.
    #[command(subcommand)]
    Analytics(PauseResume),
    /// Change a pool's max_concurrency.
    #[command(subcommand)]
    Concurrency(ConcurrencyCommand),
    /// Route simple queries to Haiku.
    #[command(subcommand)]
    Routing(RoutingCommand),
    /// Batch processing: pause, resume, concurrency, schedule, model, scale.
    #[command(subcommand)]
    Batch(BatchCommand),
    /// The batch producer (catalog-enrichment): pause, resume.
    #[command(subcommand)]
    Producer(ProducerCommand),
    /// The primary batch queue.
    #[command(subcommand)]
    Queue(QueueCommand),
    /// CloudWatch alarms for the seed's detection signals.
    #[command(subcommand)]
    Alarms(AlarmsCommand),
    /// The account quota in the configuration document.
    #[command(subcommand)]
    Quota(QuotaCommand),
    /// Check the deployment against the seed's Prevention controls (contract §8); for CI as
    /// SARIF or JUnit too.
    #[command(after_help = EXIT_CODES)]
    Audit(AuditArgs),
    /// The dead-letter queue: inspect it, redrive it losslessly.
    #[command(subcommand)]
    Dlq(DlqCommand),
    /// List the changes masst made.
    Journal,
    /// Reverse a change (the latest by default), through the same preview and confirmation.
    Undo {
        /// The journal entry id.
        id: Option<String>,
        #[command(flatten)]
        flags: ChangeFlags,
    },
    /// List, show or validate runbooks.
    #[command(subcommand)]
    Runbook(RunbookCommand),
    /// Print the least-privilege IAM policy (JSON) for what masst calls: the read-only one
    /// for diagnosis, or the one that also allows its actions.
    IamPolicy(crate::commands::iam_policy::IamPolicyArgs),
    /// Serve masst's reads to an AI assistant over MCP on stdio; it changes nothing.
    ///
    /// The tools: diagnose, status, audit, verify_once, dlq_inspect, runbooks, runbook,
    /// explain, journal; each returns its command's `--output json` document. A fix comes back
    /// as the command line a person runs. Logs go to stderr.
    Mcp(crate::mcp::McpArgs),
    /// Print shell completions (also committed under completions/).
    Completions {
        /// The shell to complete for (any case: `PowerShell`, `powershell`).
        #[arg(value_enum, ignore_case = true)]
        shell: Shell,
    },
}

/// The commands that write SARIF and JUnit besides human text and JSON.
pub const CI_FORMAT_COMMANDS: [&str; 2] = ["audit", "diagnose"];

/// The command line as masst parses it and documents it (help, man pages, completions): the
/// derived one, with `--output` under every other command offering only `human` and `json`,
/// so no command's help lists a format it refuses.
pub fn command() -> clap::Command {
    use clap::builder::TypedValueParser;
    use clap::ValueEnum;
    let mut cmd = <Cli as clap::CommandFactory>::command();
    let output = cmd.get_arguments().find(|a| a.get_id() == "output").cloned().expect("--output is declared");
    // sarif and junit are still parsed there (and refused in words by the command), but are
    // hidden from help, man pages and completions.
    let values = [("human", false), ("json", false), ("sarif", true), ("junit", true)]
        .map(|(v, hide)| clap::builder::PossibleValue::new(v).hide(hide));
    let narrowed = output
        .value_parser(
            clap::builder::PossibleValuesParser::new(values)
                .map(|v| <OutputFormat as ValueEnum>::from_str(&v, false).expect("every possible value is a format")),
        )
        .help("Output format: human text, or one JSON document on stdout");
    // A subcommand's own copy of the global flag wins over the one clap would propagate, and
    // is propagated in its turn to the subcommand's own subcommands.
    for sub in cmd.get_subcommands_mut().filter(|s| !CI_FORMAT_COMMANDS.contains(&s.get_name())) {
        let taken = std::mem::take(sub);
        *sub = taken.arg(narrowed.clone());
    }
    cmd
}

impl Cli {
    /// Parses the process's arguments with [`command`].
    pub fn parse_args() -> Result<Self, clap::Error> {
        let matches = command().try_get_matches()?;
        <Cli as clap::FromArgMatches>::from_arg_matches(&matches)
    }
}
