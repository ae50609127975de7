//! `masst dlq inspect|redrive`: the DLQ as the on-call engineer of scenario 5 needs it.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use super::ChangeFlags;
use super::Global;
use crate::actions::journal::{Entry, Journal, State};
use crate::actions::redrive::{self, Inspection, Options, Redrive, RedriveRequest, Selection};
use crate::actions::{Applied, Ctx, Family, Run};
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

/// `masst dlq redrive`.
pub fn redrive(global: &Global, args: &RedriveArgs, printer: &Printer) -> Result<Outcome> {
    let command = std::env::args().collect::<Vec<_>>().join(" ");
    run(global, printer, &args.flags, request(args), command)
}

/// A redrive as asked for (typed, or offered by a diagnosis): preview, confirm (or the dry
/// run's count of what would move), journal ahead, stream, report what moved and what was
/// left, and exit 0 only when every selected message moved.
pub fn run(
    global: &Global,
    printer: &Printer,
    flags: &ChangeFlags,
    req: RedriveRequest,
    command: String,
) -> Result<Outcome> {
    let settings = Settings::load(global.config.as_deref())?.settings;
    let journal = Journal::open(global.journal.as_deref())?;
    super::block_on(async {
        let clients = super::clients(global, &settings).await?;
        let runbooks = super::runbooks(global)?;
        let cx = Ctx { clients: &clients, settings: &settings, journal: &[], runbooks: &runbooks };
        // A read that fails on the way to a change is a failed action (exit 4), not a failed look.
        let route = Redrive::read(&cx, &req).await.map_err(Error::during_change)?;
        let plan = Redrive::plan(&req, route, &settings, flags.force)?;
        printer.note(format!("dlq.redrive: {}", plan.preview));
        let route = &plan.change.route;
        if flags.dry_run {
            return dry_run(&clients, printer, &req, route).await;
        }
        printer
            .confirm(flags.yes, &format!("Move {} from {} to {}?", req.described, route.dlq_name, route.dest_name))?;
        let pending = Entry {
            diagnosis: flags.diagnosis.clone(),
            ..Entry::record(
                &clients,
                Redrive::NAME,
                &plan.action,
                command,
                &plan.target,
                plan.before.clone(),
                plan.after.clone(),
            )
        };
        journal.begin(&pending)?;
        let started = std::time::Instant::now();
        let mut out = Applied::default();
        let (report, fatal) = stream(&cx, printer, &req, &plan, &pending.id, &mut out).await?;
        let secs = started.elapsed().as_secs_f64();
        // Every run is accounted for, also one that ended early: what moved is journaled.
        let entry = Entry {
            account: clients.account().await,
            state: if out.sent { State::Applied } else { State::Failed },
            after: out.after,
            notes: out.notes,
            ..pending
        };
        let journaled = journal.append(&entry);
        crate::ui::tables::redrive_report(printer, &report, secs, &entry.id);
        if let Some(e) = fatal {
            // Once the run has begun it is a change: a fault that cuts it short is a failed
            // action (exit 4, the counts above), never a failed look.
            let e = e.during_change();
            return Err(match journaled {
                Ok(()) => e,
                Err(j) => Error::Action(format!("{e}\n{j}")),
            });
        }
        journaled?;
        finished(&report, &route.dlq_name)
    })
}

/// `--dry-run`: reads the DLQ as the redrive would and counts what would move.
async fn dry_run(
    clients: &crate::aws::Clients,
    printer: &Printer,
    req: &RedriveRequest,
    route: &redrive::Route,
) -> Result<Outcome> {
    let max = req.options.max.map(|m| m as usize);
    let ins = redrive::inspect(clients, &route.dlq_url, &route.dlq_name, max, 0, Some(&req.options.selection)).await?;
    let n = ins.would_move.unwrap_or(0);
    if printer.json() {
        printer.json_value(&serde_json::json!({"dry_run": true, "would_move": n, "inspection": ins}));
    } else {
        crate::ui::tables::dlq_inspection(printer, &ins);
        printer.line(format!(
            "dry run: {n} of {} message(s) would move to {}; nothing was moved",
            ins.messages, route.dest_name
        ));
    }
    Ok(Outcome::Clear)
}

/// Runs the redrive with a progress bar on a terminal, stopping cleanly on Ctrl-C.
async fn stream(
    cx: &Ctx<'_>,
    printer: &Printer,
    req: &RedriveRequest,
    plan: &crate::actions::Plan<redrive::Move>,
    who: &str,
    out: &mut Applied,
) -> Result<(redrive::Report, Option<Error>)> {
    let route = &plan.change.route;
    let stop = Arc::new(AtomicBool::new(false));
    let flag = stop.clone();
    let ctrl_c = tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            flag.store(true, Ordering::SeqCst);
        }
    });
    let bar = printer.action_bar(Some(req.options.max.unwrap_or(route.depth).min(route.depth)));
    let progress = |s: crate::actions::Step<'_>| crate::ui::show_step(bar.as_ref(), s);
    let run = Run { who, wait: true, progress: &progress, stop };
    let done = Redrive::apply(cx, plan, &run, out).await;
    ctrl_c.abort();
    done
}

/// The exit of a redrive that ran to its end: 0 only when every selected message moved.
fn finished(report: &redrive::Report, dlq: &str) -> Result<Outcome> {
    if report.interrupted {
        return Err(Error::Interrupted);
    }
    let short = report.shortfall(dlq);
    if !short.is_empty() {
        return Err(Error::Action(format!(
            "the redrive did not finish: {}. Fix the cause and re-run; re-running is always safe",
            short.join("; ")
        )));
    }
    Ok(Outcome::Clear)
}
