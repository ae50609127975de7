//! `masst dlq inspect|redrive`: the DLQ as the on-call engineer of scenario 5 needs it.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use comfy_table::{presets::UTF8_FULL_CONDENSED, Table};

use crate::actions::journal::{Entry, Journal, State};
use crate::actions::redrive::{self, Inspection, Options, Redrive, RedriveRequest, Selection};
use crate::actions::{Applied, Ctx, Family, Run};
use crate::aws::sqs::queue_url;
use crate::cli::{ChangeFlags, Global, RedriveArgs};
use crate::error::{Error, Outcome, Result};
use crate::settings::Settings;
use crate::ui::Printer;

fn print_inspection(printer: &Printer, ins: &Inspection) {
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED).set_header(["error type", "class", "messages"]);
    for row in &ins.by_error_type {
        t.add_row([
            crate::ui::escape(&row.error_type).into_owned(),
            row.class.as_str().to_string(),
            row.messages.to_string(),
        ]);
    }
    printer.line(format!("{}: {} message(s) read; {}", ins.queue, ins.messages, ins.coverage.describe()));
    printer.line(t.to_string());
    let join = |m: &std::collections::BTreeMap<String, usize>| {
        m.iter().map(|(k, v)| format!("{k} {v}")).collect::<Vec<_>>().join(", ")
    };
    printer.line(format!("classes: {} (unknown counts as non-retryable)", join(&ins.by_class)));
    printer.line(format!("formats: {}", join(&ins.by_format)));
    if let (Some(o), Some(n)) = (ins.oldest, ins.newest) {
        printer.line(format!("oldest sent {o}, newest sent {n}"));
    }
    if !ins.receive_counts.is_empty() {
        let rc: Vec<String> = ins.receive_counts.iter().map(|(k, v)| format!("{k}×{v}")).collect();
        printer.line(format!("receive counts: {}", rc.join(", ")));
    }
    for e in &ins.examples {
        printer.line(format!(
            "\n{} [{}, {}]\n  {}",
            crate::ui::escape(&e.id),
            crate::ui::escape(e.error_type.as_deref().unwrap_or("no error_type")),
            e.class.as_str(),
            e.body
        ));
    }
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

/// The end of a redrive, in numbers: selected, moved, and what was left and why.
fn print_report(printer: &Printer, report: &redrive::Report, secs: f64, entry: &str) {
    if printer.json() {
        let mut doc = serde_json::to_value(report).expect("report serializes");
        doc["seconds"] = secs.into();
        doc["complete"] = report.complete().into();
        doc["journal_entry"] = entry.into();
        if let Some(o) = doc.as_object_mut() {
            o.remove("moved_ids");
        }
        printer.json_value(&doc);
        return;
    }
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED).set_header(["result", "messages"]);
    t.add_row(["selected (seen by this run)".to_string(), report.selected.to_string()]);
    t.add_row(["moved".to_string(), report.moved.to_string()]);
    for (why, n) in &report.skipped {
        t.add_row([format!("left: not selected ({why})"), n.to_string()]);
    }
    t.add_row(["left: failed (named below)".to_string(), report.failed.len().to_string()]);
    if !report.copied_not_deleted.is_empty() {
        t.add_row(["copied but not deleted (duplicates)".to_string(), report.copied_not_deleted.len().to_string()]);
    }
    if report.in_flight_elsewhere > 0 {
        t.add_row(["left: in flight elsewhere (not seen)".to_string(), report.in_flight_elsewhere.to_string()]);
    }
    if report.unreached > 0 {
        let why = if report.max_reached { "--max reached" } else { "not reached" };
        t.add_row([format!("left: {why}"), report.unreached.to_string()]);
    }
    printer.must(t.to_string());
    printer.must(format!(
        "{:.1} s, {:.0} messages/s, {} AWS calls; journal entry {entry}",
        secs,
        report.moved as f64 / secs.max(0.001),
        report.aws_calls
    ));
    for (id, why) in report.failed.iter().take(10) {
        printer.must(format!("  failed {id}: {}", crate::ui::escape(why)));
    }
    if report.failed.len() > 10 {
        printer
            .must(format!("  … and {} more (`masst journal --output json` lists them all)", report.failed.len() - 10));
    }
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
        let url = queue_url(&c, &settings.resources.dlq, "dlq").await?;
        let ins = redrive::inspect(&c, &url, &settings.resources.dlq, sample, show, None).await?;
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
        print_inspection(printer, &ins);
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
        let cx = Ctx { clients: &clients, settings: &settings, journal: &[] };
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
        print_report(printer, &report, secs, &entry.id);
        if let Some(e) = fatal {
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
        print_inspection(printer, &ins);
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
