//! The error type every command returns, and the exit code each kind maps to.
//!
//! Exit codes are a small documented table (README, `--help`): 0 clear, 1 findings, 2 usage or
//! configuration error, 3 evidence could not be collected, 4 an action failed or was refused,
//! 130 interrupted. A command that could not look never exits 0.

/// A failure, with the one-paragraph message the engineer sees.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Bad arguments or a bad input file (runbook, snapshot, answer): exit 2.
    #[error("{0}")]
    Usage(String),
    /// A bad `masst.toml`: exit 2.
    #[error("{0}")]
    Config(String),
    /// AWS could not be read (credentials, permissions, endpoint, missing resource): exit 3.
    #[error("{0}")]
    Evidence(String),
    /// A change was refused, failed, or was declined: exit 4.
    #[error("{0}")]
    Action(String),
    /// Ctrl-C: exit 130.
    #[error("interrupted")]
    Interrupted,
}

impl Error {
    /// The process exit status for this failure.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Usage(_) | Error::Config(_) => 2,
            Error::Evidence(_) => 3,
            Error::Action(_) => 4,
            Error::Interrupted => 130,
        }
    }
}

pub type Result<T> = std::result::Result<T, Error>;

/// What a successful command reports: nothing wrong, or findings to exit 1 on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Clear,
    Findings,
}
