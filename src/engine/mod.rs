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
pub mod runbook;
pub mod signal;
pub mod toml_text;
pub mod verify;
pub mod walk;

pub use action::{ActionCall, ActionInfo, Arg, Param};
pub use runbook::{load_dir, load_embedded, Runbook, RunbookSet, Severity};
pub use walk::{walk, Answers, Diagnosis, Unknown, WalkContext};

/// A runbook, audit or scenario file that does not load: the file, and what is wrong where,
/// in words that say how to fix it. Typed so the caller maps it to an exit code by kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub file: String,
    pub message: String,
}

impl LoadError {
    pub fn new(file: impl Into<String>, message: impl Into<String>) -> Self {
        LoadError { file: file.into(), message: message.into() }
    }
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.file, self.message)
    }
}

impl From<LoadError> for crate::error::Error {
    fn from(e: LoadError) -> Self {
        crate::error::Error::File { file: e.file, message: e.message }
    }
}

#[cfg(test)]
mod tests;
