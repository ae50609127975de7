//! The error type every command returns, its kinds, and the exit code each kind maps to.
//!
//! Exit codes are a small documented table (README, `--help`): 0 clear, 1 findings, 2 usage or
//! configuration error (a bad flag, `masst.toml`, runbook, scenario or snapshot), 3 evidence
//! could not be collected, 4 an action failed or was refused, 5 a change was applied but its
//! verification could not read the evidence, 130 interrupted. A command that
//! could not look never exits 0. The code is chosen here, from the kind, and nowhere else; the
//! words come with the kind (for AWS, from [`crate::aws::explain`]), never the other way round.

/// A failure, with the one-paragraph message the engineer sees.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Bad arguments or a bad input file (snapshot, answer, schedule): exit 2.
    #[error("{0}")]
    Usage(String),
    /// A bad `masst.toml`: exit 2.
    #[error("{0}")]
    Config(String),
    /// A runbook, scenario or audit file that does not load; the message names the file, the
    /// node or check, and the fix: exit 2.
    #[error("{file}: {message}")]
    File { file: String, message: String },
    /// An AWS call failed: its kind, the IAM action and what it was about (exit 3 while
    /// reading, 4 while changing).
    #[error("{}", .0.text)]
    Aws(Box<AwsError>),
    /// Evidence could not be read or made sense of, for a reason other than a failed call: exit 3.
    #[error("{0}")]
    Evidence(String),
    /// A change was refused, failed, or was declined: exit 4.
    #[error("{0}")]
    Action(String),
    /// A change was applied, but verifying it could not read the evidence: exit 5. The change
    /// is live and journaled; only the verdict is missing (`verified: could-not-read`).
    #[error("{0}")]
    Unverified(String),
    /// Ctrl-C: exit 130.
    #[error("interrupted")]
    Interrupted,
}

/// Whether masst was looking or changing when an AWS call failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Reading,
    Changing,
}

/// A failed AWS call, typed.
#[derive(Debug)]
pub struct AwsError {
    pub failure: Failure,
    /// The IAM action of the call (`cloudwatch:GetMetricData`): the one to grant when denied.
    pub action: String,
    /// What masst was reading or changing.
    pub what: String,
    pub stage: Stage,
    /// The paragraph the engineer sees.
    pub text: String,
}

/// Why an AWS call failed, as a kind: what the engineer does next depends on it, and the exit
/// code and the words are chosen from it in one place ([`explain`]), never from message text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// The credential chain found nothing (or a provider in it failed).
    NoCredentials(String),
    /// AWS refused the call for this identity; names the IAM action to grant.
    AccessDenied,
    /// The session's token has expired.
    Expired,
    /// AWS does not accept the key or the signature.
    BadCredentials(String),
    /// AWS kept throttling the call.
    Throttled,
    /// The resource does not exist.
    NotFound,
    /// Nothing answered at the endpoint (connection refused, no route, DNS).
    Unreachable(String),
    /// The call took longer than the per-call timeout.
    TimedOut,
    /// The reply was not one masst could read (not AWS, or a broken connection mid-reply).
    BadResponse,
    /// An error reply without an AWS error code (an HTTP 500 page from a proxy or emulator).
    NotAws { status: Option<u16>, message: String },
    /// Any other error code AWS answered with.
    Service { code: String, message: String },
    /// The request could not be built or sent for another reason.
    Other(String),
}

impl Failure {
    /// The failure is about who masst is (credentials, permissions), not about one request:
    /// retrying another request will not help.
    pub fn is_about_identity(&self) -> bool {
        matches!(
            self,
            Failure::AccessDenied | Failure::NoCredentials(_) | Failure::Expired | Failure::BadCredentials(_)
        )
    }

    /// AWS answered with a refusal (or the request was never built): nothing changed. A
    /// time-out or a lost connection may have changed something.
    pub fn aws_refused(&self) -> bool {
        !matches!(self, Failure::Unreachable(_) | Failure::TimedOut | Failure::BadResponse | Failure::NotAws { .. })
    }

    /// The kind as a word for the JSON error document (`access-denied`).
    pub fn as_str(&self) -> &'static str {
        match self {
            Failure::NoCredentials(_) => "no-credentials",
            Failure::AccessDenied => "access-denied",
            Failure::Expired => "expired-credentials",
            Failure::BadCredentials(_) => "bad-credentials",
            Failure::Throttled => "throttled",
            Failure::NotFound => "not-found",
            Failure::Unreachable(_) => "unreachable",
            Failure::TimedOut => "timed-out",
            Failure::BadResponse => "bad-response",
            Failure::NotAws { .. } => "not-aws",
            Failure::Service { .. } => "service-error",
            Failure::Other(_) => "other",
        }
    }
}

impl Error {
    /// The process exit status for this failure: the one place it is decided.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Usage(_) | Error::Config(_) | Error::File { .. } => 2,
            Error::Aws(a) if a.stage == Stage::Reading => 3,
            Error::Evidence(_) => 3,
            Error::Aws(_) | Error::Action(_) => 4,
            Error::Unverified(_) => 5,
            Error::Interrupted => 130,
        }
    }

    /// The kind, for the JSON error document and scripts: `usage`, `config`, `file`,
    /// `aws:<failure>`, `evidence`, `action`, `interrupted`.
    pub fn kind(&self) -> String {
        match self {
            Error::Usage(_) => "usage".into(),
            Error::Config(_) => "config".into(),
            Error::File { .. } => "file".into(),
            Error::Aws(a) => format!("aws:{}", a.failure.as_str()),
            Error::Evidence(_) => "evidence".into(),
            Error::Action(_) => "action".into(),
            Error::Unverified(_) => "unverified".into(),
            Error::Interrupted => "interrupted".into(),
        }
    }

    /// The same failure met on the way to a change: a read that fails while an action plans
    /// is a failed action (exit 4), not a failed look.
    pub fn during_change(self) -> Error {
        match self {
            Error::Aws(mut a) => {
                a.stage = Stage::Changing;
                Error::Aws(a)
            }
            Error::Evidence(m) => Error::Action(m),
            other => other,
        }
    }

    /// The IAM action to grant, when AWS denied one.
    pub fn denied_action(&self) -> Option<&str> {
        match self {
            Error::Aws(a) if a.failure == Failure::AccessDenied => Some(&a.action),
            _ => None,
        }
    }
}

/// What every command and library call returns.
pub type Result<T> = std::result::Result<T, Error>;

/// What a successful command reports: nothing wrong, or findings to exit 1 on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Clear,
    Findings,
}

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

impl From<LoadError> for Error {
    fn from(e: LoadError) -> Self {
        Error::File { file: e.file, message: e.message }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn aws(failure: Failure, stage: Stage) -> Error {
        let (action, what) = ("sqs:GetQueueAttributes".to_string(), "the DLQ".to_string());
        Error::Aws(Box::new(AwsError { failure, action, what, stage, text: "t".into() }))
    }

    #[test]
    fn each_kind_has_one_exit_code_and_a_read_on_the_way_to_a_change_is_a_failed_action() {
        assert_eq!(Error::Usage("u".into()).exit_code(), 2);
        assert_eq!(Error::File { file: "r.toml".into(), message: "m".into() }.exit_code(), 2);
        let denied = aws(Failure::AccessDenied, Stage::Reading);
        assert_eq!((denied.exit_code(), denied.kind()), (3, "aws:access-denied".to_string()));
        assert_eq!(denied.denied_action(), Some("sqs:GetQueueAttributes"));
        assert_eq!(denied.during_change().exit_code(), 4);
        assert_eq!(aws(Failure::Throttled, Stage::Changing).exit_code(), 4);
        assert_eq!(Error::Evidence("e".into()).during_change().exit_code(), 4);
        assert_eq!(Error::Interrupted.exit_code(), 130);
        assert_eq!(
            (Error::Unverified("u".into()).exit_code(), Error::Unverified("u".into()).kind()),
            (5, "unverified".into())
        );
    }
}
