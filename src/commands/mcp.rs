//! `masst mcp`: serve masst's reads to an AI assistant over the Model Context Protocol
//! (stdio), read-only; the server lives in `crate::mcp`.

use clap::Args;

use crate::cli::Global;
use crate::error::{Outcome, Result};

/// `masst mcp` options.
#[derive(Debug, Args)]
pub struct McpArgs {
    /// Give each tool call this long before answering with an error, e.g. `2m`.
    #[arg(long, value_name = "DURATION", default_value = "2m", value_parser = crate::cli::duration)]
    pub deadline: std::time::Duration,
    /// How much metric history `diagnose` and `status` read, e.g. `60m`, `2h`.
    #[arg(long, value_name = "DURATION", default_value = "60m", value_parser = crate::cli::window_minutes)]
    pub window: u32,
}

/// `masst mcp`.
pub fn run(global: &Global, args: &McpArgs) -> Result<Outcome> {
    crate::mcp::serve(global.clone(), args.window, args.deadline)
}
