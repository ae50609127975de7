//! The MCP server: one `#[tool]` per read of contract §11, each run on a thread of its own
//! (the reads are the commands' own, which may block) under the call's deadline and its
//! cancellation, answering with the command's document as structured content, a two-line
//! summary, and masst's one paragraph with `isError` when it could not answer.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use rmcp::handler::server::wrapper::Parameters;
use rmcp::model::{CallToolResult, ContentBlock, Implementation, ServerCapabilities, ServerConfig};
use rmcp::{tool, tool_handler, tool_router, ServerHandler};
use serde_json::Value;
use tokio_util::sync::CancellationToken;

use super::reads::{self, DiagnoseArgs, DlqArgs, ExplainArgs, JournalArgs, RunbookArgs, TargetArgs, VerifyArgs};
use super::{schema, summary};
use crate::commands::Global;
use crate::error::Error;

/// What the server tells a client it is for.
pub const INSTRUCTIONS: &str = "masst diagnoses MangaAssist's Bedrock throughput incidents (throttling, batch \
backlog, under-used quota, priority inversion, a filling DLQ) by walking the seed's runbooks over live \
CloudWatch, SQS, ECS and AppConfig evidence, and names the root cause with the evidence for each step. \
This server only reads: no tool changes anything in AWS. A fix comes back as a masst command line \
(`masst analytics pause`, `masst concurrency set sonnet 50`): a person runs it in a terminal, first with \
--dry-run to see what it would change, then without it to apply it (it asks, and is journaled; \
`masst undo` reverses it). Start with `status` or `diagnose`; `explain` an outcome for its cause and fix; \
where a diagnosis lists `open_questions`, ask the person and call `diagnose` again with `answers`.";

/// The server: the global flags it was started with, and how long a call may take.
#[derive(Clone)]
pub struct Masst {
    global: Arc<Global>,
    window: u32,
    deadline: Duration,
}

impl Masst {
    /// A server reading what `global` names, over `window` minutes of metrics, each call
    /// within `deadline`.
    pub fn new(global: Global, window: u32, deadline: Duration) -> Self {
        Masst { global: Arc::new(global), window, deadline }
    }

    /// Runs `read` on a thread of its own with a runtime of its own (the reads hold runbooks
    /// that are not `Send`), until it answers, the call is cancelled, or the deadline passes.
    async fn answer<F, Fut>(&self, ct: CancellationToken, tool: &'static str, read: F) -> CallToolResult
    where
        F: FnOnce(Arc<Global>) -> Fut + Send + 'static,
        Fut: Future<Output = crate::error::Result<Value>> + 'static,
    {
        let (global, deadline) = (self.global.clone(), self.deadline);
        let ran = tokio::task::spawn_blocking(move || {
            let rt =
                tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a tokio runtime starts");
            rt.block_on(async move {
                tokio::select! {
                    r = read(global) => r,
                    _ = ct.cancelled() => Err(Error::Interrupted),
                    _ = tokio::time::sleep(deadline) => Err(Error::Evidence(format!(
                        "`{tool}` did not answer within its deadline of {} s (AWS slow or unreachable?); \
                         call it again, or start the server with a longer --deadline",
                        deadline.as_secs()
                    ))),
                }
            })
        })
        .await;
        give_back_freed_memory();
        match ran {
            Ok(Ok(doc)) => success(tool, doc),
            Ok(Err(e)) => failure(&e),
            Err(panic) => failure(&Error::Evidence(format!("`{tool}` failed inside masst: {panic}"))),
        }
    }
}

/// Hands the memory a finished call freed back to the system. Each call reads on a thread of
/// its own, and glibc keeps what such a thread freed in that thread's arena, so a server that
/// has answered a few live calls would otherwise sit idle on the peak of them all.
fn give_back_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free heap pages to the kernel; no pointer is touched.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// The document as structured content, with the summary and the document as text (for
/// clients that read only text).
fn success(tool: &str, doc: Value) -> CallToolResult {
    let text = summary::two_lines(tool, &doc);
    let mut r = CallToolResult::success(vec![ContentBlock::text(text), ContentBlock::text(doc.to_string())]);
    r.structured_content = Some(doc);
    r
}

/// masst's one paragraph, `isError`, and the error document `--output json` prints.
fn failure(e: &Error) -> CallToolResult {
    let mut doc = serde_json::json!({"message": e.to_string(), "kind": e.kind(), "exit_code": e.exit_code()});
    if let Some(action) = e.denied_action() {
        doc["iam_action"] = action.into();
    }
    let mut r = CallToolResult::error(vec![ContentBlock::text(e.to_string())]);
    r.structured_content = Some(serde_json::json!({ "error": doc }));
    r
}

#[tool_router]
impl Masst {
    /// Walks the runbooks over the evidence (live AWS, or a snapshot) and names each root cause
    /// with its severity, the path walked, the evidence and the fix as command lines: what
    /// `masst diagnose --output json` prints, plus the questions the walk stopped at.
    #[tool(annotations(read_only_hint = true, open_world_hint = true), output_schema = schema::diagnose())]
    async fn diagnose(&self, Parameters(args): Parameters<DiagnoseArgs>, ct: CancellationToken) -> CallToolResult {
        let window = self.window;
        self.answer(ct, "diagnose", move |g| async move { reads::diagnose(&g, window, &args).await }).await
    }

    /// Every runbook's trigger now: its current values, the condition and whether it fires
    /// (`masst status --output json`).
    #[tool(annotations(read_only_hint = true, open_world_hint = true), output_schema = schema::status())]
    async fn status(&self, Parameters(args): Parameters<TargetArgs>, ct: CancellationToken) -> CallToolResult {
        let window = self.window;
        self.answer(ct, "status", move |g| async move { reads::status(&g, window, &args).await }).await
    }

    /// The deployment checked against the seed's prevention controls, each check with its
    /// state, evidence and fix command (`masst audit --output json`).
    #[tool(annotations(read_only_hint = true, open_world_hint = true), output_schema = schema::audit())]
    async fn audit(&self, Parameters(args): Parameters<TargetArgs>, ct: CancellationToken) -> CallToolResult {
        self.answer(ct, "audit", move |g| async move { reads::audit(&g, &args).await }).await
    }

    /// One reading of `masst verify`: each result judged against its outcome's recovery
    /// expectation (recovered, not-yet, worse). Call it again later to follow a fix.
    #[tool(annotations(read_only_hint = true, open_world_hint = true), output_schema = schema::verify())]
    async fn verify_once(&self, Parameters(args): Parameters<VerifyArgs>, ct: CancellationToken) -> CallToolResult {
        self.answer(ct, "verify_once", move |g| async move { reads::verify_once(&g, &args).await }).await
    }

    /// What the dead-letter queue holds, without consuming it: error types, retryable or not,
    /// formats, ages, receive counts (`masst dlq inspect --output json`).
    #[tool(annotations(read_only_hint = true, open_world_hint = true), output_schema = schema::dlq())]
    async fn dlq_inspect(&self, Parameters(args): Parameters<DlqArgs>, ct: CancellationToken) -> CallToolResult {
        self.answer(ct, "dlq_inspect", move |g| async move { reads::dlq_inspect(&g, &args).await }).await
    }

    /// The runbooks loaded, each with its trigger and its outcomes (`masst runbook list`).
    #[tool(annotations(read_only_hint = true, open_world_hint = false), output_schema = schema::runbooks())]
    async fn runbooks(&self, ct: CancellationToken) -> CallToolResult {
        self.answer(ct, "runbooks", move |g| async move { reads::runbooks(&g) }).await
    }

    /// One runbook's decision tree: nodes, tests, questions and outcomes, as data, as text and
    /// as a Mermaid flowchart (`masst runbook show NAME --mermaid`).
    #[tool(annotations(read_only_hint = true, open_world_hint = false), output_schema = schema::runbook())]
    async fn runbook(&self, Parameters(args): Parameters<RunbookArgs>, ct: CancellationToken) -> CallToolResult {
        self.answer(ct, "runbook", move |g| async move { reads::runbook(&g, &args) }).await
    }

    /// An outcome's cause, the seed's resolution and the masst commands that act on it.
    #[tool(annotations(read_only_hint = true, open_world_hint = false), output_schema = schema::explain())]
    async fn explain(&self, Parameters(args): Parameters<ExplainArgs>, ct: CancellationToken) -> CallToolResult {
        self.answer(ct, "explain", move |g| async move { reads::explain(&g, &args) }).await
    }

    /// The latest changes masst made (who, what, before and after, undone or not): `masst
    /// journal --output json`.
    #[tool(annotations(read_only_hint = true, open_world_hint = false), output_schema = schema::journal())]
    async fn journal(&self, Parameters(args): Parameters<JournalArgs>, ct: CancellationToken) -> CallToolResult {
        self.answer(ct, "journal", move |g| async move { reads::journal(&g, &args) }).await
    }
}

#[tool_handler]
impl ServerHandler for Masst {
    fn get_info(&self) -> ServerConfig {
        ServerConfig::new(ServerCapabilities::builder().enable_tools().build())
            .with_server_info(Implementation::new("masst", env!("CARGO_PKG_VERSION")))
            .with_instructions(INSTRUCTIONS)
    }
}
