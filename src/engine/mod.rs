//! The pure runbook engine: runbooks as validated data, and a walk over plain evidence.
//!
//! Nothing in here touches AWS, a terminal or the clock. `walk` takes a checked [`Runbook`],
//! an [`Evidence`](crate::evidence::Evidence) value and the engineer's answers, and returns
//! [`Diagnosis`] values that carry every input and threshold that produced them, so the same
//! verdict can be shown, serialized, replayed from a snapshot and unit-tested without a network.

pub mod action;
pub mod alarm;
pub mod audit;
pub mod expr;
pub mod needs;
pub(crate) mod reads;
pub mod runbook;
pub mod signal;
pub mod verify;
pub mod walk;

pub use action::{ActionCall, ActionInfo, Arg, Param};
pub use runbook::{load_dir, load_embedded, Runbook, RunbookSet, Severity};
pub use walk::{walk, Answers, Diagnosis, Unknown, WalkContext};

/// Loading errors are the error layer's type; re-exported where runbooks are loaded.
pub use crate::error::LoadError;

#[cfg(test)]
mod bedrock_tests;
#[cfg(test)]
mod tests;
