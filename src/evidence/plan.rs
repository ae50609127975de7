//! What to collect, as plain data: the engine derives it from the runbooks' signals
//! (`engine::needs`), the collector reads exactly it. Kept in the evidence layer so the
//! collector never needs the engine: the arrow runs from the engine down to here.

use std::collections::{BTreeMap, BTreeSet};

/// What to collect: derived from the runbooks' signals, so nothing unused is read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Plan {
    /// Logical metric keys.
    pub metrics: BTreeSet<String>,
    /// The CloudWatch statistic by namespace where not `Average`, as the runbooks declare it.
    pub statistics: BTreeMap<String, String>,
    pub config: bool,
    /// Config keys (dotted) the runbooks need and have no default for.
    pub config_keys: BTreeSet<String>,
    pub queues: BTreeSet<String>,
    pub dlq_sample: bool,
    /// ECS service roles.
    pub services: BTreeSet<String>,
    /// Whether the alarms masst installs are read (`DescribeAlarms`).
    pub alarms: bool,
    /// Their names, as the runbooks in force declare them (filled by the command).
    pub alarm_names: Vec<String>,
    /// Whether Service Quotas values are read for the models with a quota code.
    pub quotas: bool,
    /// ECS service roles whose scaling policies are read.
    pub autoscaling: BTreeSet<String>,
    /// Whether AWS Health is asked for open Bedrock events (`DescribeEvents`).
    pub health: bool,
    /// Whether each model's on-demand quotas are found by name (`ListServiceQuotas`).
    pub named_quotas: bool,
    /// CloudWatch Logs reads: log role → filter pattern → the widest window (minutes) a signal
    /// of it looks back over.
    pub logs: BTreeMap<String, BTreeMap<String, u32>>,
}
