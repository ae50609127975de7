//! The remediation verbs (`analytics`, `concurrency`, `routing`, `batch`, `producer`, `queue`,
//! `alarms`, `quota`), `undo` and `journal`: their clap `Args` here, their thin `run`s in
//! `verbs` and `journal`. Every change goes through the one runner (`actions::runner`): a verb
//! only turns its arguments into a family's typed request.

mod journal;
mod verbs;

pub use journal::{list_journal, undo};
pub use verbs::{alarms, analytics, batch, concurrency, producer, queue, quota_sync, routing};

use super::ChangeFlags;
use clap::{Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub enum PauseResume {
    /// Pause (journaled; `masst undo` reverses it).
    Pause(ChangeFlags),
    /// Resume.
    Resume(ChangeFlags),
}

#[derive(Debug, Subcommand)]
pub enum ConcurrencyCommand {
    /// Set a pool's max_concurrency for a model; refused if the model's pools would exceed its quota.
    Set {
        /// The model key (sonnet, haiku).
        model: String,
        /// The new max_concurrency (1 to 1000).
        #[arg(value_parser = clap::value_parser!(u32).range(1..=1000))]
        value: u32,
        /// The pool: realtime, batch or analytics.
        #[arg(long, default_value = "realtime", value_parser = ["realtime", "batch", "analytics"])]
        pool: String,
        #[command(flatten)]
        flags: ChangeFlags,
    },
}

#[derive(Debug, Subcommand)]
pub enum RoutingCommand {
    /// Route simple queries (FAQ, store hours) to Haiku, or stop.
    Haiku {
        #[arg(value_enum)]
        state: OnOff,
        #[command(flatten)]
        flags: ChangeFlags,
    },
}

/// on or off.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum OnOff {
    On,
    Off,
}

#[derive(Debug, Subcommand)]
pub enum BatchCommand {
    /// Pause batch processing.
    Pause(ChangeFlags),
    /// Resume batch processing.
    Resume(ChangeFlags),
    /// Give batch a dedicated pool of N slots of its model (no longer shared with real-time).
    Concurrency {
        /// Slots of the dedicated batch pool (0 to 1000).
        #[arg(value_parser = clap::value_parser!(u32).range(0..=1000))]
        value: u32,
        #[command(flatten)]
        flags: ChangeFlags,
    },
    /// The time-of-day batch concurrency table (JST).
    #[command(subcommand)]
    Schedule(ScheduleCommand),
    /// Switch the batch model (its dedicated pool follows).
    Model {
        model: String,
        #[command(flatten)]
        flags: ChangeFlags,
    },
    /// Set the batch-worker ECS desired count.
    Scale {
        /// The desired count (0 to 200).
        #[arg(value_parser = clap::value_parser!(i32).range(0..=200))]
        count: i32,
        #[command(flatten)]
        flags: ChangeFlags,
    },
}

#[derive(Debug, Subcommand)]
pub enum ScheduleCommand {
    /// Show the table (the seed's, or --file) with the current JST hour marked.
    Show {
        /// A JSON or TOML table of hour = slots, or a list of 24 numbers.
        #[arg(long, value_name = "FILE")]
        file: Option<PathBuf>,
    },
    /// Deploy the table (the seed's, or --file) as batch.schedule_jst.
    Apply {
        #[arg(long, value_name = "FILE")]
        file: Option<PathBuf>,
        #[command(flatten)]
        flags: ChangeFlags,
    },
}

#[derive(Debug, Subcommand)]
pub enum ProducerCommand {
    /// Stop the batch producer (ECS desired count 0); the count is saved in the journal.
    Pause(ChangeFlags),
    /// Restore the count saved by the last `producer pause` (or --count N).
    Resume {
        #[arg(long, value_name = "N")]
        count: Option<i32>,
        #[command(flatten)]
        flags: ChangeFlags,
    },
}

#[derive(Debug, Subcommand)]
pub enum AlarmsCommand {
    /// Create (or bring back in line) the seed's alarms: ThrottleRate, DegradationRate, circuit
    /// OPEN per model, batch QueueDepth and QueueAge, DLQ depth.
    Install {
        /// Notify this SNS topic when an alarm fires.
        #[arg(long, value_name = "ARN")]
        sns_topic: Option<String>,
        #[command(flatten)]
        flags: ChangeFlags,
    },
}

#[derive(Debug, Subcommand)]
pub enum QueueCommand {
    /// Set VisibilityTimeout and maxReceiveCount on the primary queue, keeping its DLQ.
    Fix {
        /// Seconds (0 to 43200, SQS's range).
        #[arg(long, default_value_t = 300, value_parser = clap::value_parser!(u32).range(0..=43_200))]
        visibility_timeout: u32,
        /// Receives before the DLQ (1 to 1000, SQS's range).
        #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u32).range(1..=1000))]
        max_receive_count: u32,
        #[command(flatten)]
        flags: ChangeFlags,
    },
}

#[derive(Debug, Subcommand)]
pub enum QuotaCommand {
    /// Copy each model's applied Service Quotas value (quota codes in `[quotas]` of masst.toml)
    /// into `account_quota` (journaled; `masst undo` reverses it).
    Sync(ChangeFlags),
}
