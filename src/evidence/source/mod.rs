//! Signal sources: each kind of evidence masst reads from AWS is one file here behind the one
//! small [`Source`] trait, and one line in [`SOURCES`]. The collector runs every source at once
//! (nothing here depends on another's answer) and lets each write its part of the [`Evidence`];
//! a snapshot records what they wrote. A new kind of evidence (CloudWatch Logs, AWS Health) is a
//! new file here with its calls in `src/aws/`, and a line in the registry: nothing else moves.

pub mod alarms;
pub mod config;
pub mod dlq_sample;
pub mod health;
pub mod logs;
pub mod metrics;
pub mod named_quotas;
pub mod queues;
pub mod quotas;
pub mod scaling;
pub mod services;

use futures::future::BoxFuture;

use crate::aws::Clients;
use crate::error::Error;
use crate::evidence::{Evidence, Plan};
use crate::settings::Settings;

/// What every source is given: the clients, the deployment's names, what to read, and the
/// window (whole minutes, epoch seconds).
pub struct Cx<'a> {
    pub clients: &'a Clients,
    pub settings: &'a Settings,
    pub plan: &'a Plan,
    pub start: i64,
    pub end: i64,
}

/// What a source found, as the change it makes to the evidence: sources run concurrently and
/// their findings are applied one after the other once all have answered, so none sees a half-built
/// evidence and none can fail another.
pub type Found = Box<dyn FnOnce(&mut Evidence) + Send>;

/// One kind of evidence read from AWS. A source reads only what the plan asks of it (nothing,
/// and no call, when the plan asks nothing) and fails the whole collection when a call fails: no
/// verdict is built on what could not be read.
pub trait Source: Sync {
    /// Its name, for logs and the map in ARCHITECTURE.md.
    fn name(&self) -> &'static str;
    /// Reads its part of the plan.
    fn read<'a>(&'a self, cx: &'a Cx<'a>) -> BoxFuture<'a, Result<Found, Error>>;
}

/// Every source the collector runs: the one place a new source registers.
pub static SOURCES: &[&dyn Source] = &[
    &metrics::Metrics,
    &queues::Queues,
    &dlq_sample::DlqSampler,
    &services::Services,
    &config::Config,
    &alarms::Alarms,
    &quotas::Quotas,
    &scaling::Scaling,
    &health::Health,
    &named_quotas::NamedQuotas,
    &logs::Logs,
];
