//! `masst dlq inspect|redrive`: the DLQ as the on-call engineer of scenario 5 needs it.

use super::ChangeFlags;
use super::Global;
use crate::actions::redrive::{self, Inspection, Options, Redrive, RedriveRequest, Selection};
use crate::actions::runner::{self, Ask};
use crate::aws::sqs::queue_url;
use crate::error::{Error, Outcome, Result};
use crate::settings::Settings;
use crate::ui::Printer;
use clap::{Args, Subcommand};

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

/// Writes the DLQ's composition as the seed asks ("a CloudWatch metric for retryable vs
/// non-retryable DLQ messages"): one `PutMetricData` of Retryable, NonRetryable and Unknown.
async fn publish_composition(c: &crate::aws::Clients, settings: &Settings, ins: &Inspection) -> Result<()> {
    let ns = settings.physical_namespace("MangaAssist/DLQ");
    let data: Vec<(String, f64)> =
        [("Retryable", "retryable"), ("NonRetryable", "non-retryable"), ("Unknown", "unknown")]
            .iter()
            .map(|(metric, class)| {
                let (_, name) = settings.physical_metric("MangaAssist/DLQ", metric);
                (name, *ins.by_class.get(*class).unwrap_or(&0) as f64)
            })
            .collect();
    crate::aws::cloudwatch::put_counts(c, &ns, &data, "the DLQ composition metrics").await
}

/// What the DLQ holds, read without consuming it (each message received is handed back): the
/// reading `masst dlq inspect` prints and `masst mcp`'s `dlq_inspect` tool returns.
pub async fn read_dlq(
    c: &crate::aws::Clients,
    settings: &Settings,
    sample: Option<usize>,
    show: usize,
) -> Result<Inspection> {
    let url = queue_url(c, &settings.resources.dlq, "dlq").await?;
    redrive::inspect(c, &url, &settings.resources.dlq, sample, show, None).await
}

/// `masst dlq inspect`.
pub fn inspect(
    global: &Global,
    sample: Option<usize>,
    show: usize,
    publish: bool,
    printer: &Printer,
) -> Result<Outcome> {
    let settings = Settings::load(global.config.as_deref())?.settings;
    let spinner = printer.spinner("reading the DLQ…");
    let ins = super::block_on(async {
        let c = super::clients(global, &settings).await?;
        let ins = read_dlq(&c, &settings, sample, show).await?;
        if publish {
            publish_composition(&c, &settings, &ins).await?;
        }
        Ok::<_, Error>(ins)
    });
    if let Some(s) = spinner {
        s.finish_and_clear();
    }
    let ins = ins?;
    if printer.json() {
        printer.json_value(&ins);
    } else {
        crate::ui::tables::dlq_inspection(printer, &ins);
    }
    // A count of part of the queue is not the queue: say so, unless a sample was asked for.
    if sample.is_none() && ins.coverage.unread() > 0 {
        printer.note(format!(
            "warning: {}: {}. The counts above are of what was read; re-run when those messages are visible",
            settings.resources.dlq,
            ins.coverage.describe()
        ));
        return Ok(Outcome::Findings);
    }
    Ok(Outcome::Clear)
}

/// The request `masst dlq redrive` makes of its flags.
fn request(args: &RedriveArgs) -> RedriveRequest {
    let (selection, described) = if args.all {
        (Selection { all: true, ..Default::default() }, "every message with a job body (--all)".to_string())
    } else if !args.error_types.is_empty() {
        let s =
            Selection { error_types: args.error_types.clone(), retryable: args.retryable_only, ..Default::default() };
        let also = if args.retryable_only { " and every retryable type" } else { "" };
        (s, format!("error types {}{also}", args.error_types.join(", ")))
    } else {
        let default = if args.retryable_only { "" } else { " (the default; --error-type T or --all to choose others)" };
        (Selection { retryable: true, ..Default::default() }, format!("retryable error types only{default}"))
    };
    RedriveRequest {
        options: Options {
            selection,
            max: args.max,
            rate: args.rate,
            concurrency: args.concurrency as usize,
            visibility: args.visibility_timeout,
        },
        to: args.to.clone(),
        described,
    }
}

/// `masst dlq redrive`: through the runner like every change (preview, confirm or the dry
/// run's count of what would move, journal ahead, stream, report what moved and what was left);
/// exit 0 only when every selected message moved.
pub fn redrive(global: &Global, args: &RedriveArgs, printer: &Printer) -> Result<Outcome> {
    let desk = super::desk(global)?;
    let watcher = super::watcher(global, printer);
    let opts = args.flags.options(runner::typed());
    runner::change::<Redrive>(&desk, printer, &watcher, &opts, Ask::Do(request(args)))
}
