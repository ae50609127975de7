//! `masst iam-policy [--read-only]`: the least-privilege IAM policy for what masst calls,
//! derived from the one table of operations at the edge (`aws::operations`), so the policy a
//! team deploys is the list masst's own tests hold its calls to.

use crate::error::{Outcome, Result};
use crate::ui::Printer;
use clap::Args;

/// `masst iam-policy` options.
#[derive(Debug, Args)]
pub struct IamPolicyArgs {
    /// Only what diagnosis needs (diagnose, status, audit, verify, watch, snapshot, report,
    /// dlq inspect): the policy of the read-only role each account creates for masst.
    #[arg(long)]
    pub read_only: bool,
}

/// Prints the policy document; it is JSON in either output format.
pub fn run(args: &IamPolicyArgs, printer: &Printer) -> Result<Outcome> {
    printer.json_value(&crate::aws::operations::policy(args.read_only));
    Ok(Outcome::Clear)
}
