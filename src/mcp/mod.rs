//! `masst mcp`: the read-only agent interface (contract §11). An MCP server over stdio whose
//! tools are masst's reads (diagnose, status, audit, one verification reading, the DLQ's
//! composition, the runbooks, an outcome explained, the journal), each returning its command's
//! `--output json` document.
//!
//! Read-only by construction: `reads` is the only code the tools run, and it names no action
//! family, no action runner, no redrive and no prompt (a test below reads the sources to keep it
//! so). A fix comes back as the command line a person runs. Logs go to stderr; stdout carries
//! the protocol alone.

mod reads;
mod schema;
mod server;
mod summary;

use std::time::Duration;

use rmcp::ServiceExt;

use clap::Args;

use crate::commands::Global;
use crate::error::{Error, Outcome, Result};

pub use server::{Masst, INSTRUCTIONS};

/// Serves MCP on stdin/stdout until the client closes stdin.
pub fn serve(global: Global, window: u32, deadline: Duration) -> Result<Outcome> {
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a tokio runtime starts");
    let served = rt.block_on(async move {
        let running = Masst::new(global, window, deadline)
            .serve(rmcp::transport::stdio())
            .await
            .map_err(|e| Error::Usage(format!("the MCP client did not complete the handshake: {e}")))?;
        tracing::info!("masst mcp: serving on stdio");
        running.waiting().await.map_err(|e| Error::Evidence(format!("the MCP server stopped: {e}")))?;
        Ok::<_, Error>(())
    });
    // A read still in flight when the client left is abandoned, not waited for.
    rt.shutdown_timeout(Duration::from_millis(200));
    served.map(|()| Outcome::Clear)
}

#[cfg(test)]
mod tests {
    /// The tools' code, read as text: what it may call is the point of this module.
    const SOURCES: [(&str, &str); 3] = [
        ("reads.rs", include_str!("reads.rs")),
        ("server.rs", include_str!("server.rs")),
        ("mod.rs", include_str!("mod.rs")),
    ];

    #[test]
    fn the_tools_name_no_way_to_change_aws() {
        // Everything that changes AWS goes through these: the action runner, the families'
        // apply, the redrive and the confirmation prompt.
        let forbidden = [
            "commands::act",
            "act::",
            "run_call",
            "runner::",
            "Family",
            ".apply(",
            "::apply(",
            "redrive::run",
            "dlq::run",
            "dlq::redrive",
            ".confirm(",
            "divert_stdout",
        ];
        for (file, text) in SOURCES {
            let code: String = text.split("#[cfg(test)]").next().unwrap_or(text).to_string();
            let code: String =
                code.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n");
            for word in forbidden {
                assert!(!code.contains(word), "src/mcp/{file} names `{word}`: the MCP server must not reach a change");
            }
        }
    }
}

/// `masst mcp` options.
#[derive(Debug, Args)]
pub struct McpArgs {
    /// Give each tool call this long before answering with an error, e.g. `2m`.
    #[arg(long, value_name = "DURATION", default_value = "2m", value_parser = crate::commands::duration)]
    pub deadline: std::time::Duration,
    /// How much metric history `diagnose` and `status` read, e.g. `60m`, `2h`.
    #[arg(long, value_name = "DURATION", default_value = "60m", value_parser = crate::commands::window_minutes)]
    pub window: u32,
}

/// `masst mcp`: the command line's entry, here rather than in `commands/` because the
/// server sits above the commands it calls.
pub fn run(global: &Global, args: &McpArgs) -> crate::error::Result<crate::error::Outcome> {
    serve(global.clone(), args.window, args.deadline)
}
