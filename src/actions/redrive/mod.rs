//! The DLQ: a non-consuming scan for `dlq inspect`, and the lossless, selective redrive.
//!
//! The redrive is a pipeline of concurrent workers, each moving batches of ten: receive (with
//! a visibility timeout), send the job bodies of the selected messages with `SendMessageBatch`,
//! then delete from the DLQ exactly the messages SQS confirmed in that batch's response. A
//! message is never deleted before its copy is confirmed, so a crash or a kill at any point
//! leaves every job in the DLQ or the destination (at worst one batch in both). Messages that
//! are not selected are made visible again at once. Memory is bounded by the workers' batches,
//! whatever the queue holds.
//!
//! Files: `select` (which messages), `route` (from where to where), `inspect` (the scan),
//! `pipeline` (the workers), `send` (batches, copies and deletes); this file is the family.

mod inspect;
mod pipeline;
mod route;
mod select;
mod send;

use super::journal::Entry;
use super::runner::{Console, Shape, Shown};
use super::{not_mine, Applied, Ctx, Family, Plan, Run, Step};
use crate::aws::sqs::{self, queue_url, receive, release, Outgoing, Received};
use crate::aws::Clients;
use crate::engine::{ActionInfo, Arg};
use crate::error::{Error, Outcome};
use crate::evidence::collect::{parse_message, scan};
use crate::evidence::dlq::{Class, Parsed};
use crate::settings::Settings;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::num::NonZeroU32;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

pub use inspect::*;
pub use pipeline::*;
pub use route::*;
pub use select::*;
pub use send::*;

/// The DLQ redrive family. Its apply streams (the report comes back as [`Family::Done`]),
/// and it has no undo: the messages it moved may already be processed.
pub struct Redrive;

/// A redrive as asked for: what to move, how fast, and where.
#[derive(Debug, Clone)]
pub struct RedriveRequest {
    pub options: Options,
    /// The destination queue (default: the queue whose RedrivePolicy names the DLQ).
    pub to: Option<String>,
    /// The selection in words, for the preview and the question.
    pub described: String,
}

impl RedriveRequest {
    /// The offered redrive: retryable messages only, eight batches in flight, each hidden for
    /// two minutes while it is copied (the defaults of `masst dlq redrive`).
    pub fn retryable() -> Self {
        RedriveRequest {
            options: Options {
                selection: Selection { retryable: true, ..Default::default() },
                max: None,
                rate: None,
                concurrency: 8,
                visibility: 120,
            },
            to: None,
            described: "retryable error types only".into(),
        }
    }
}

/// A planned redrive: the route, the options, and the selection in words.
#[derive(Debug, Clone)]
pub struct Move {
    pub route: Route,
    pub options: Options,
    pub described: String,
}

impl Family for Redrive {
    const NAME: &'static str = "sqs-redrive";
    const ACTIONS: &'static [ActionInfo] = &[ActionInfo {
        id: "dlq.redrive",
        command: "dlq redrive --retryable-only",
        summary: "move retryable DLQ messages back, losslessly",
        params: &[],
    }];
    type Request = RedriveRequest;
    type State = Route;
    type Change = Move;
    type Done = (Report, Option<Error>);
    const SHAPE: Shape = Shape::Stream;

    fn request(id: &str, _args: &[Arg]) -> Result<RedriveRequest, Error> {
        match id {
            "dlq.redrive" => Ok(RedriveRequest::retryable()),
            other => Err(not_mine(Self::NAME, other)),
        }
    }

    async fn read(cx: &Ctx<'_>, req: &RedriveRequest) -> Result<Route, Error> {
        route(cx.clients, cx.settings, req.to.as_deref()).await
    }

    fn plan(req: &RedriveRequest, route: Route, _settings: &Settings, _force: bool) -> Result<Plan<Move>, Error> {
        let o = &req.options;
        let limits = [
            o.max.map(|m| format!("at most {m} messages")),
            o.rate.map(|r| format!("at most {r}/s")),
            Some(format!("{} batches in flight", o.concurrency)),
        ];
        let limits: Vec<String> = limits.into_iter().flatten().collect();
        let fifo =
            if route.fifo { " (FIFO: group ids kept, deduplication ids from the original message ids)" } else { "" };
        Ok(Plan {
            action: "dlq.redrive".into(),
            target: format!("SQS {} → {}", route.dlq_name, route.dest_name),
            preview: format!(
                "{} (≈{} messages) → {}{fifo}\n  selection: {}\n  {}",
                route.dlq_name,
                route.depth,
                route.dest_name,
                req.described,
                limits.join(", ")
            ),
            before: serde_json::json!({"dlq_depth": route.depth, "selection": o.selection, "max": o.max}),
            after: serde_json::json!({}),
            // How much moves is known only by moving: the count is approximate, the run exact.
            noop: false,
            change: Move { route, options: o.clone(), described: req.described.clone() },
        })
    }

    async fn apply(cx: &Ctx<'_>, plan: &Plan<Move>, run: &Run<'_>, out: &mut Applied) -> Result<Self::Done, Error> {
        let Move { route, options, .. } = &plan.change;
        let batches = |r: &Report| {
            (run.progress)(Step::Moving {
                moved: r.moved,
                skipped: r.skipped.values().sum::<u64>(),
                failed: r.failed.len() as u64,
            })
        };
        let (report, fatal) = redrive(cx.clients, route, options, run.stop.clone(), &batches).await;
        (run.progress)(Step::Done);
        out.sent = report.moved > 0 || !report.copied_not_deleted.is_empty();
        out.after = serde_json::json!({
            "moved": report.moved, "moved_ids": report.moved_ids, "skipped": report.skipped,
            "failed": report.failed, "copied_not_deleted": report.copied_not_deleted,
            "complete": fatal.is_none() && report.complete(),
        });
        out.notes = fatal.iter().map(|e| e.to_string()).chain(report.shortfall(&route.dlq_name)).collect();
        Ok((report, fatal))
    }

    async fn read_undo(_cx: &Ctx<'_>, e: &Entry) -> Result<Route, Error> {
        Err(no_undo(e))
    }

    fn plan_undo(e: &Entry, _route: Route, _settings: &Settings, _force: bool) -> Result<Plan<Move>, Error> {
        Err(no_undo(e))
    }

    fn question(_label: &str, plan: &Plan<Move>) -> String {
        let m = &plan.change;
        format!("Move {} from {} to {}?", m.described, m.route.dlq_name, m.route.dest_name)
    }

    /// `--dry-run` reads the DLQ as the redrive would and counts what would move.
    async fn rehearse(cx: &Ctx<'_>, plan: &Plan<Move>, console: &dyn Console) -> Result<Option<Outcome>, Error> {
        let Move { route, options, .. } = &plan.change;
        let max = options.max.map(|m| m as usize);
        let ins = inspect(cx.clients, &route.dlq_url, &route.dlq_name, max, 0, Some(&options.selection)).await?;
        console.show(Shown::Rehearsal { inspection: &ins, dest: &route.dest_name });
        Ok(Some(Outcome::Clear))
    }

    fn expected(plan: &Plan<Move>) -> Option<u64> {
        let Move { route, options, .. } = &plan.change;
        Some(options.max.unwrap_or(route.depth).min(route.depth))
    }

    /// Shows what moved and what was left; exits 0 only when every selected message moved.
    fn report(
        (report, fatal): Self::Done,
        plan: &Plan<Move>,
        entry: &Entry,
        secs: f64,
        console: &dyn Console,
    ) -> Result<Outcome, Error> {
        console.show(Shown::Moved { report: &report, secs, entry: &entry.id });
        if let Some(e) = fatal {
            // Once the run has begun it is a change: a fault that cuts it short is a failed
            // action (exit 4, the counts above), never a failed look.
            return Err(e.during_change());
        }
        if report.interrupted {
            return Err(Error::Interrupted);
        }
        let short = report.shortfall(&plan.change.route.dlq_name);
        if !short.is_empty() {
            return Err(Error::Action(format!(
                "the redrive did not finish: {}. Fix the cause and re-run; re-running is always safe",
                short.join("; ")
            )));
        }
        Ok(Outcome::Clear)
    }
}

fn no_undo(e: &Entry) -> Error {
    Error::Action(format!(
        "entry {} moved messages from the DLQ to the primary queue; they may already be processed, so masst does not move them back",
        e.id
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aws::sqs::Attr;
    use crate::evidence::dlq::{self, Incoming};

    fn parsed(body: &str, attr: Option<&str>) -> Parsed {
        dlq::parse(&Incoming { body: body.as_bytes(), error_type_attr: attr })
    }

    #[test]
    fn selection_moves_retryable_by_default_and_named_types_only_when_asked() {
        let retry = parsed(r#"{"job_id":"a","_retry_count":3}"#, Some("ThrottlingException"));
        let invalid = parsed(r#"{"job_id":"b"}"#, Some("ValidationException"));
        let text = parsed("boom", None);
        let hollow = parsed(r#"{"error_type":"ThrottlingException","retry_count":3}"#, None);
        let default = Selection { retryable: true, ..Default::default() };
        assert!(matches!(default.pick(&retry), Pick::Move(_)));
        assert_eq!(default.pick(&invalid), Pick::Skip("non-retryable"));
        assert!(matches!(default.pick(&text), Pick::Skip(_)));
        let named = Selection { error_types: vec!["ValidationException".into()], ..Default::default() };
        assert!(matches!(named.pick(&invalid), Pick::Move(_)));
        assert!(matches!(named.pick(&retry), Pick::Skip(_)));
        let all = Selection { all: true, ..Default::default() };
        assert!(matches!(all.pick(&invalid), Pick::Move(_)));
        assert!(matches!(all.pick(&text), Pick::Skip(_)), "no job body, nothing to send");
        assert!(matches!(all.pick(&hollow), Pick::Skip(_)));
        assert_eq!(hollow.format, crate::evidence::dlq::Format::Unknown);
    }

    #[test]
    fn the_redriven_body_resets_the_retry_count_and_keeps_the_rest() {
        let job = serde_json::json!({"job_id": "j", "kind": "enrich", "payload": {"x": [1, 2]}, "_retry_count": 5, "extra": true});
        let body: serde_json::Value = serde_json::from_str(&redriven_body(&job)).unwrap();
        assert_eq!(body["_retry_count"], 0);
        assert_eq!(body["payload"], job["payload"]);
        assert_eq!(body["extra"], true);
    }

    #[test]
    fn dedup_ids_are_stable_and_valid() {
        assert_eq!(dedup_id("0a1b-2c3d"), "masst-0a1b-2c3d");
        assert_eq!(dedup_id(&"x".repeat(300)).len(), 128);
    }

    #[test]
    fn binary_bodies_are_described_not_printed() {
        assert!(show_body("\u{FFFD}PNG\r\n\u{E000}", 100).starts_with("<binary, "));
        assert_eq!(show_body("hello", 100), "hello");
        assert!(show_body(&"a".repeat(500), 10).ends_with("(500 bytes)"));
    }

    #[test]
    fn batches_stay_under_the_request_limit() {
        let m = Received { id: "x".into(), ..Default::default() };
        let item = |body: String| Item { msg: &m, size: body.len(), body, attempts: 0 };
        let groups = pack((0..5).map(|_| item("a".repeat(400_000))).collect());
        assert_eq!(groups.iter().map(Vec::len).collect::<Vec<_>>(), [2, 2, 1]);
        let small = pack((0..25).map(|_| item("{}".into())).collect());
        assert_eq!(small.iter().map(Vec::len).collect::<Vec<_>>(), [10, 10, 5]);
    }

    #[test]
    fn a_message_is_as_large_as_its_body_and_the_attributes_it_keeps() {
        let attr = |v: &str| Attr { data_type: "String".into(), string: Some(v.into()), binary: None };
        let bin = Attr { data_type: "Binary".into(), string: None, binary: Some(vec![0u8; 100]) };
        let m = Received {
            id: "x".into(),
            attributes: [
                ("tenant".into(), attr("acme")),
                ("blob".into(), bin),
                ("error_type".into(), attr("ThrottlingException")),
            ]
            .into_iter()
            .collect(),
            ..Default::default()
        };
        // body 10 + tenant (6 + 6 + 4) + blob (4 + 6 + 100); error_type is not sent.
        assert_eq!(message_size(&m, "0123456789"), 10 + 16 + 110);
    }
}
