//! The command line, as clap types only: the doc comments are the help text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::ui::OutputFormat;

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

/// Options every command takes.
#[derive(Debug, Args, Clone)]
pub struct Global {
    /// Output format: human text, or one JSON document on stdout; `audit` and `diagnose` also
    /// write SARIF 2.1.0 or JUnit XML for CI.
    #[arg(long, global = true, value_enum, default_value_t = OutputFormat::Human)]
    pub output: OutputFormat,
    /// Print only results and errors.
    #[arg(long, short, global = true)]
    pub quiet: bool,
    /// Log more (-v: each AWS call with its duration; -vv: debug).
    #[arg(long, short, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    /// Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml).
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Add the runbooks of this folder (or file) to the embedded ones; one with the name of an
    /// embedded runbook replaces it.
    #[arg(long, global = true, value_name = "DIR", conflicts_with = "only_runbooks")]
    pub runbooks: Option<PathBuf>,
    /// Use exactly the runbooks of this folder (or file), none of the embedded ones.
    #[arg(long, global = true, value_name = "DIR")]
    pub only_runbooks: Option<PathBuf>,
    /// AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml).
    #[arg(long, global = true, value_name = "NAME")]
    pub profile: Option<String>,
    /// AWS region (default: AWS_REGION, then the profile, then [aws] region).
    #[arg(long, global = true, value_name = "REGION")]
    pub region: Option<String>,
    /// Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url).
    #[arg(long, global = true, value_name = "URL")]
    pub endpoint_url: Option<String>,
    /// The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl).
    #[arg(long, global = true, value_name = "PATH")]
    pub journal: Option<PathBuf>,
}

/// Flags every change to AWS takes.
#[derive(Debug, Args, Clone, Default)]
pub struct ChangeFlags {
    /// Apply without asking (needed when stdin is not a terminal).
    #[arg(long, short = 'y')]
    pub yes: bool,
    /// Show the plan and change nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Override the quota guard (for undo: a state that changed since).
    #[arg(long)]
    pub force: bool,
    /// Return once an AppConfig deployment has started instead of following it.
    #[arg(long)]
    pub no_wait: bool,
    /// The diagnosis that offered this action (set by `diagnose --apply`).
    #[arg(long, hide = true)]
    pub diagnosis: Option<String>,
    /// After the change, watch the runbook that offered it (or those whose outcomes list the
    /// action) until the incident recovers; on `worse`, offer `masst undo` on a terminal.
    #[arg(long)]
    pub verify: bool,
    /// With --verify: give up after this long (default: the outcome's recovery budget).
    #[arg(long, value_name = "DURATION", value_parser = duration, requires = "verify")]
    pub verify_timeout: Option<std::time::Duration>,
    /// With --verify: read the evidence again this often.
    #[arg(long, value_name = "DURATION", value_parser = duration, default_value = "30s")]
    pub verify_every: std::time::Duration,
}

impl ChangeFlags {
    /// The flags an offered action runs with (`diagnose --apply`, an offer on a terminal,
    /// `audit --fix`): tagged with what offered it, no verification unless asked.
    pub fn offered(yes: bool, dry_run: bool, origin: String) -> Self {
        ChangeFlags {
            yes,
            dry_run,
            force: false,
            no_wait: false,
            diagnosis: Some(origin),
            verify: false,
            verify_timeout: None,
            verify_every: std::time::Duration::from_secs(30),
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum PauseResume {
    /// Pause (journaled; `masst undo` reverses it).
    Pause(ChangeFlags),
    /// Resume.
    Resume(ChangeFlags),
}

#[derive(Debug, Subcommand)]
pub enum ConcurrencyCommand {
    /// Set a pool's max_concurrency for a model; refused if the model's pools would exceed its quota.
    Set {
        /// The model key (sonnet, haiku).
        model: String,
        /// The new max_concurrency (1 to 1000).
        #[arg(value_parser = clap::value_parser!(u32).range(1..=1000))]
        value: u32,
        /// The pool: realtime, batch or analytics.
        #[arg(long, default_value = "realtime", value_parser = ["realtime", "batch", "analytics"])]
        pool: String,
        #[command(flatten)]
        flags: ChangeFlags,
    },
}

#[derive(Debug, Subcommand)]
pub enum RoutingCommand {
    /// Route simple queries (FAQ, store hours) to Haiku, or stop.
    Haiku {
        #[arg(value_enum)]
        state: OnOff,
        #[command(flatten)]
        flags: ChangeFlags,
    },
}

/// on or off.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum OnOff {
    On,
    Off,
}

#[derive(Debug, Subcommand)]
pub enum BatchCommand {
    /// Pause batch processing.
    Pause(ChangeFlags),
    /// Resume batch processing.
    Resume(ChangeFlags),
    /// Give batch a dedicated pool of N slots of its model (no longer shared with real-time).
    Concurrency {
        /// Slots of the dedicated batch pool (0 to 1000).
        #[arg(value_parser = clap::value_parser!(u32).range(0..=1000))]
        value: u32,
        #[command(flatten)]
        flags: ChangeFlags,
    },
    /// The time-of-day batch concurrency table (JST).
    #[command(subcommand)]
    Schedule(ScheduleCommand),
    /// Switch the batch model (its dedicated pool follows).
    Model {
        model: String,
        #[command(flatten)]
        flags: ChangeFlags,
    },
    /// Set the batch-worker ECS desired count.
    Scale {
        /// The desired count (0 to 200).
        #[arg(value_parser = clap::value_parser!(i32).range(0..=200))]
        count: i32,
        #[command(flatten)]
        flags: ChangeFlags,
    },
}

#[derive(Debug, Subcommand)]
pub enum ScheduleCommand {
    /// Show the table (the seed's, or --file) with the current JST hour marked.
    Show {
        /// A JSON or TOML table of hour = slots, or a list of 24 numbers.
        #[arg(long, value_name = "FILE")]
        file: Option<PathBuf>,
    },
    /// Deploy the table (the seed's, or --file) as batch.schedule_jst.
    Apply {
        #[arg(long, value_name = "FILE")]
        file: Option<PathBuf>,
        #[command(flatten)]
        flags: ChangeFlags,
    },
}

#[derive(Debug, Subcommand)]
pub enum ProducerCommand {
    /// Stop the batch producer (ECS desired count 0); the count is saved in the journal.
    Pause(ChangeFlags),
    /// Restore the count saved by the last `producer pause` (or --count N).
    Resume {
        #[arg(long, value_name = "N")]
        count: Option<i32>,
        #[command(flatten)]
        flags: ChangeFlags,
    },
}

#[derive(Debug, Subcommand)]
pub enum AlarmsCommand {
    /// Create (or bring back in line) the seed's alarms: ThrottleRate, DegradationRate, circuit
    /// OPEN per model, batch QueueDepth and QueueAge, DLQ depth.
    Install {
        /// Notify this SNS topic when an alarm fires.
        #[arg(long, value_name = "ARN")]
        sns_topic: Option<String>,
        #[command(flatten)]
        flags: ChangeFlags,
    },
}

#[derive(Debug, Subcommand)]
pub enum DlqCommand {
    /// Show what the DLQ holds without consuming it: error types, retryable or not, formats,
    /// ages, receive counts; `--show N` prints example bodies.
    Inspect {
        /// Read at most N messages instead of the whole DLQ.
        #[arg(long, value_name = "N")]
        sample: Option<usize>,
        /// Print N example bodies (truncated; binary bodies are described).
        #[arg(long, value_name = "N", default_value_t = 0)]
        show: usize,
        /// Publish the composition as MangaAssist/DLQ metrics Retryable, NonRetryable and
        /// Unknown (the seed's "DLQ composition monitoring"; `alarms install` alarms on
        /// Retryable > 0).
        #[arg(long)]
        publish: bool,
    },
    /// Move DLQ messages back to their source queue: job body with _retry_count reset, message
    /// attributes kept (but error_type), each DLQ copy deleted only after SQS confirmed the send.
    Redrive(RedriveArgs),
}

/// Which messages to redrive, and how fast.
#[derive(Debug, Args)]
pub struct RedriveArgs {
    /// Move messages whose error type is retryable (the default selection).
    #[arg(long, conflicts_with = "all")]
    pub retryable_only: bool,
    /// Move messages of this error type, even a non-retryable one. Repeatable.
    #[arg(long = "error-type", value_name = "TYPE", conflicts_with = "all")]
    pub error_types: Vec<String>,
    /// Move every message that carries a job body, whatever its error type.
    #[arg(long)]
    pub all: bool,
    /// Move exactly min(N, selected) messages (1 to 1,000,000,000).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=1_000_000_000))]
    pub max: Option<u64>,
    /// At most this many messages a second (1 to 100,000).
    #[arg(long, value_name = "MSGS_PER_SEC", value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub rate: Option<u32>,
    /// Batches in flight at once (1 to 64).
    #[arg(long, default_value_t = 8, value_name = "C", value_parser = clap::value_parser!(u16).range(1..=64))]
    pub concurrency: u16,
    /// The destination queue (default: the queue whose RedrivePolicy names the DLQ).
    #[arg(long, value_name = "QUEUE")]
    pub to: Option<String>,
    /// Seconds a batch stays hidden in the DLQ while it is copied and deleted (1 to 43,200).
    #[arg(long, default_value_t = 120, value_name = "SECONDS", value_parser = clap::value_parser!(i32).range(1..=43_200))]
    pub visibility_timeout: i32,
    #[command(flatten)]
    pub flags: ChangeFlags,
}

#[derive(Debug, Subcommand)]
pub enum QueueCommand {
    /// Set VisibilityTimeout and maxReceiveCount on the primary queue, keeping its DLQ.
    Fix {
        /// Seconds (0 to 43200, SQS's range).
        #[arg(long, default_value_t = 300, value_parser = clap::value_parser!(u32).range(0..=43_200))]
        visibility_timeout: u32,
        /// Receives before the DLQ (1 to 1000, SQS's range).
        #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u32).range(1..=1000))]
        max_receive_count: u32,
        #[command(flatten)]
        flags: ChangeFlags,
    },
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
    /// Print shell completions (also committed under completions/).
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: Shell,
    },
}

/// Which evidence to diagnose.
#[derive(Debug, Args)]
pub struct DiagnoseArgs {
    /// The runbook to walk, or `all`.
    /// The seed's: throttling, batch-backlog, underutilization, priority-inversion, dlq.
    #[arg(default_value = "all")]
    pub runbook: String,
    /// Use an embedded scenario instead of live AWS (no account needed).
    #[arg(long, value_name = "NAME", conflicts_with = "from", value_parser = crate::evidence::scenario::names())]
    pub scenario: Option<String>,
    /// Use a snapshot file written by `masst snapshot capture`.
    #[arg(long, value_name = "FILE", conflicts_with = "scenario_file")]
    pub from: Option<PathBuf>,
    /// Use a scenario file (TOML, as in scenarios/; `extends` may name an embedded one).
    #[arg(long, value_name = "FILE", conflicts_with = "scenario")]
    pub scenario_file: Option<PathBuf>,
    /// Answer a runbook question up front: NODE=yes|no (or RUNBOOK.NODE=yes|no). Repeatable.
    #[arg(long, value_name = "NODE=yes|no")]
    pub answer: Vec<String>,
    /// Exit 1 when a finding is at least this severe.
    #[arg(long, value_enum, default_value_t = FailOn::Warning)]
    pub fail_on: FailOn,
    /// How much metric history to read live, e.g. `60m`, `2h`.
    #[arg(long, value_name = "DURATION", default_value = "60m", value_parser = window_minutes)]
    pub window: u32,
    /// After the diagnosis, run this offered action (an id such as analytics.pause).
    #[arg(long, value_name = "ACTION")]
    pub apply: Vec<String>,
    /// With --apply: do not ask.
    #[arg(long, short = 'y')]
    pub yes: bool,
    /// With --apply: show the plan and change nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// With --apply: skip the verification that follows the change by default.
    #[arg(long)]
    pub no_verify: bool,
    /// With --apply: give up verifying after this long (default: the outcome's budget).
    #[arg(long, value_name = "DURATION", value_parser = duration)]
    pub verify_timeout: Option<std::time::Duration>,
    /// With --apply: read the evidence again this often while verifying.
    #[arg(long, value_name = "DURATION", value_parser = duration, default_value = "30s")]
    pub verify_every: std::time::Duration,
}

/// `masst verify` options.
#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The runbook to verify, or `all`.
    #[arg(default_value = "all")]
    pub runbook: String,
    /// Give up after this long, e.g. `6m` (default: the longest recovery budget of the results
    /// that fired, from the runbook files).
    #[arg(long, value_name = "DURATION", value_parser = duration)]
    pub timeout: Option<std::time::Duration>,
    /// Read the evidence again this often, e.g. `30s`.
    #[arg(long, value_name = "DURATION", default_value = "30s", value_parser = duration)]
    pub every: std::time::Duration,
}

#[derive(Debug, Subcommand)]
pub enum QuotaCommand {
    /// Copy each model's applied Service Quotas value (quota codes in `[quotas]` of masst.toml)
    /// into `account_quota` (journaled; `masst undo` reverses it).
    Sync(ChangeFlags),
}

/// `masst audit` options.
#[derive(Debug, Args)]
pub struct AuditArgs {
    /// Run only these checks (contract §8 ids). Repeatable.
    #[arg(long = "check", value_name = "ID")]
    pub checks: Vec<String>,
    /// Exit 1 when a failing or unknown check is at least this severe.
    #[arg(long, value_enum, default_value_t = FailOn::Warning)]
    pub fail_on: FailOn,
    /// Offer each failing check's fix in turn (preview, confirmation, journal), then check again.
    #[arg(long)]
    pub fix: bool,
    /// With --fix: do not ask.
    #[arg(long, short = 'y')]
    pub yes: bool,
    /// More audit files: every *.toml of this folder, added to the embedded checks.
    #[arg(long, value_name = "DIR")]
    pub audits: Option<PathBuf>,
    /// Use an embedded scenario instead of live AWS.
    #[arg(long, value_name = "NAME", conflicts_with = "from", value_parser = crate::evidence::scenario::names())]
    pub scenario: Option<String>,
    /// Use a snapshot file.
    #[arg(long, value_name = "FILE")]
    pub from: Option<PathBuf>,
}

/// `masst report` options.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The file to write: `.html` (self-contained, the default) or `.md` (Markdown + Mermaid).
    #[arg(short = 'o', long = "out", value_name = "FILE")]
    pub out: PathBuf,
    /// Use an embedded scenario instead of live AWS.
    #[arg(long, value_name = "NAME", conflicts_with = "from", value_parser = crate::evidence::scenario::names())]
    pub scenario: Option<String>,
    /// Use a snapshot file.
    #[arg(long, value_name = "FILE")]
    pub from: Option<PathBuf>,
    /// Journal entries from this time (a timestamp, or a duration before the evidence such as
    /// `2h`); default: the evidence's window.
    #[arg(long, value_name = "TIME")]
    pub since: Option<String>,
    /// How much metric history to read live, e.g. `60m`, `2h`.
    #[arg(long, value_name = "DURATION", default_value = "60m", value_parser = window_minutes)]
    pub window: u32,
}

/// `masst watch` options.
#[derive(Debug, Args)]
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

/// A duration such as `30s`, `6m` or `1h` (1 s to 24 h), checked by clap.
pub fn duration(text: &str) -> Result<std::time::Duration, String> {
    crate::engine::runbook::parse_duration(text)
}

/// Parses a metric window such as `60m`, `2h` or `90 minutes` into whole minutes (5 to 1440).
pub fn window_minutes(text: &str) -> Result<u32, String> {
    let d: jiff::SignedDuration = text
        .parse()
        .or_else(|_| text.parse::<jiff::Span>().and_then(|s| s.to_duration(jiff::SpanRelativeTo::days_are_24_hours())))
        .map_err(|e| format!("`{text}` is not a duration such as 60m or 2h ({e})"))?;
    let minutes = d.as_secs() / 60;
    if !(5..=1440).contains(&minutes) {
        return Err(format!("`{text}` must be between 5m and 24h"));
    }
    Ok(minutes as u32)
}

/// `masst status` options.
#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Use an embedded scenario instead of live AWS.
    #[arg(long, value_name = "NAME", conflicts_with = "from", value_parser = crate::evidence::scenario::names())]
    pub scenario: Option<String>,
    /// Use a snapshot file.
    #[arg(long, value_name = "FILE")]
    pub from: Option<PathBuf>,
    /// How much metric history to read live.
    #[arg(long, value_name = "DURATION", default_value = "60m", value_parser = window_minutes)]
    pub window: u32,
}

#[derive(Debug, Subcommand)]
pub enum LabCommand {
    /// Create the scenario's queues, messages, AppConfig document, ECS services and an hour
    /// of metric history. Refuses any endpoint that is not on this machine.
    Up {
        /// The scenario to build.
        #[arg(long, value_name = "NAME", value_parser = crate::evidence::scenario::names(), required_unless_present = "scenario_file")]
        scenario: Option<String>,
        /// Build the world of a scenario file instead (TOML, as in scenarios/).
        #[arg(long, value_name = "FILE", conflicts_with = "scenario")]
        scenario_file: Option<PathBuf>,
    },
    /// Remove what `lab up` created (metric history stays: CloudWatch cannot delete it).
    Down,
    /// Run a practice incident: build the scenario, then step it minute by minute against
    /// what you change (with masst or anything else), and score how it went.
    Drill(crate::commands::drill::DrillArgs),
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print every setting with its value and origin.
    Show,
}

#[derive(Debug, Subcommand)]
pub enum SnapshotCommand {
    /// Collect the evidence the runbooks need and write it as a snapshot (stdout by default).
    Capture(CaptureArgs),
    /// Rewrite a snapshot file (format 1 or 2) as the compact format 2, in place.
    Upgrade {
        /// The snapshot file.
        file: PathBuf,
    },
}

/// Where to capture from and to.
#[derive(Debug, Args)]
pub struct CaptureArgs {
    /// Write to FILE instead of stdout.
    #[arg(short = 'o', long = "out", value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// How much metric history to read, e.g. `60m`, `2h` (one datapoint a minute).
    #[arg(long, value_name = "DURATION", default_value = "60m", value_parser = window_minutes)]
    pub window: u32,
    /// Capture an embedded scenario's evidence instead of live AWS.
    #[arg(long, value_name = "NAME", value_parser = crate::evidence::scenario::names())]
    pub scenario: Option<String>,
}

/// The severities `--fail-on` accepts.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FailOn {
    Info,
    Warning,
    Critical,
}

#[derive(Debug, Subcommand)]
pub enum RunbookCommand {
    /// List the loaded runbooks.
    List,
    /// Show a runbook's tree, or print it as a Mermaid flowchart.
    Show {
        /// The runbook's name.
        name: String,
        /// Print a Mermaid flowchart instead (like the seed's).
        #[arg(long)]
        mermaid: bool,
    },
    /// Check a runbook file or a folder of them; exit 2 with the fix on the first error.
    Validate {
        /// A runbook file or a folder of *.toml runbooks.
        path: PathBuf,
    },
}

/// Shells clap can complete for.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Powershell,
}
