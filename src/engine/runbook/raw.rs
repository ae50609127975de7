//! The runbook file as it is written: serde types that only parse (unknown fields refused),
//! with no meaning checked yet. `check` turns them into the checked [`super::Runbook`].

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{ModelScope, Severity};
use crate::engine::alarm::RawAlarm;
use crate::engine::signal::{Kind, Stat};

pub(super) fn default_order() -> u32 {
    100
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRunbook {
    pub(crate) name: String,
    /// Where the runbook's results come in a report (lower first; then by name).
    #[serde(default = "default_order")]
    pub(crate) order: u32,
    pub(crate) title: String,
    #[serde(default)]
    pub(crate) summary: String,
    #[serde(default)]
    pub(crate) scope: RawScope,
    pub(crate) trigger: RawTrigger,
    pub(crate) start: String,
    /// Placeholders this runbook's signals may use besides `{m}`/`{M}`: a name and the config
    /// key whose value (a model key) fills it, `{name}` as is and `{NAME}` capitalised.
    #[serde(default)]
    pub(crate) placeholders: BTreeMap<String, RawPlaceholder>,
    /// The CloudWatch statistic of each one-minute datapoint, by namespace, where it is not
    /// `Average` (AWS's own counters are summed: `"AWS/Bedrock" = "Sum"`).
    #[serde(default)]
    pub(crate) statistics: BTreeMap<String, String>,
    /// Numbers stated once: the conditions read them by name, and so do the alarms.
    #[serde(default)]
    pub(crate) thresholds: BTreeMap<String, f64>,
    /// The CloudWatch alarms that stand for this runbook's trigger (`masst alarms install`).
    #[serde(default)]
    pub(crate) alarms: Vec<RawAlarm>,
    #[serde(default)]
    pub(crate) signals: BTreeMap<String, RawSignal>,
    pub(crate) nodes: Vec<RawNode>,
    pub(crate) outcomes: BTreeMap<String, RawOutcome>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPlaceholder {
    /// The config key (dotted) of the deployed document that names the model.
    pub(crate) model_at: String,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct RawScope {
    #[serde(default)]
    pub(crate) models: ModelScope,
    pub(crate) pick_by: Option<String>,
    /// What `pick_by` measures, in words, for the printer (`share of quota in flight`).
    pub(crate) pick_says: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawTrigger {
    pub(crate) when: String,
    pub(crate) says: String,
    /// When the incident is getting worse than it was when `masst verify` started (it may
    /// use `start_<signal>`, the signal's value at the first reading).
    pub(crate) worse: Option<String>,
    pub(crate) worse_says: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRecovery {
    pub(crate) when: String,
    pub(crate) says: String,
    /// The seed's time budget for it (`3m`, `6m`).
    pub(crate) within: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSignal {
    pub(crate) metric: Option<String>,
    #[serde(default)]
    pub(crate) dims: BTreeMap<String, String>,
    /// Metrics of the same namespace whose sum divides this one, minute by minute.
    #[serde(default)]
    pub(crate) divided_by: Vec<String>,
    pub(crate) stat: Option<Stat>,
    pub(crate) over: Option<usize>,
    pub(crate) config: Option<String>,
    pub(crate) default: Option<toml::Value>,
    pub(crate) queue: Option<String>,
    pub(crate) ecs: Option<String>,
    pub(crate) dlq: Option<String>,
    pub(crate) expr: Option<String>,
    /// `missing`: how many of the alarms `masst alarms install` creates do not exist.
    pub(crate) alarms: Option<String>,
    /// A model key (or `{m}`): the applied Service Quotas value of its quota code.
    pub(crate) quota: Option<String>,
    /// With `quota`: `tokens` or `requests`, the on-demand per-minute quota found by name.
    pub(crate) per_minute: Option<String>,
    /// An ECS service role: how many Application Auto Scaling policies it has.
    pub(crate) autoscaling: Option<String>,
    /// `open-events`: how many open Bedrock events AWS Health shows in the region.
    pub(crate) health: Option<String>,
    /// Signals to take the first value of (a fallback from one view to another).
    pub(crate) first: Option<Vec<String>>,
    /// A signal's name: true when it has a value (both views have data).
    pub(crate) has: Option<String>,
    /// A log role (`chat-api`, `batch-worker`, `controller`): lines of its CloudWatch Logs group.
    pub(crate) logs: Option<String>,
    /// The CloudWatch Logs filter pattern sent with the read: the line's literal words.
    pub(crate) filter: Option<String>,
    /// masst's own regular expression over what comes back; `{id}` is the walked model's
    /// Bedrock model id, `{m}` its key.
    pub(crate) matches: Option<String>,
    /// How far back a log signal looks (`15m`, the default).
    pub(crate) window: Option<String>,
    /// The value is the number the expression's capture group N holds in the latest matching
    /// line, instead of the count of matching lines.
    pub(crate) capture: Option<usize>,
    #[serde(rename = "type")]
    pub(crate) kind: Option<Kind>,
    pub(crate) label: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawNode {
    pub(crate) id: String,
    pub(crate) title: String,
    #[serde(default)]
    pub(crate) tests: Vec<RawTest>,
    /// Signals shown at the node as evidence, never deciding it (a log's lines).
    #[serde(default)]
    pub(crate) shows: Vec<String>,
    #[serde(rename = "else")]
    pub(crate) otherwise: Option<String>,
    pub(crate) ask: Option<RawAsk>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawTest {
    pub(crate) when: String,
    pub(crate) then: String,
    pub(crate) says: Option<String>,
    /// A test that corroborates: when its inputs are missing (AWS Health unavailable, a
    /// metric AWS does not publish here) it is passed over and the node goes on.
    #[serde(default)]
    pub(crate) optional: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawAsk {
    pub(crate) prompt: String,
    pub(crate) yes: String,
    pub(crate) no: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawOutcome {
    pub(crate) title: String,
    pub(crate) severity: Severity,
    pub(crate) cause: String,
    #[serde(default)]
    pub(crate) resolution: Vec<String>,
    #[serde(default)]
    pub(crate) actions: Vec<String>,
    pub(crate) recovery: Option<RawRecovery>,
    /// Signals shown with the verdict as its evidence (Bedrock's latency beside the app's).
    #[serde(default)]
    pub(crate) shows: Vec<String>,
}

impl RawSignal {
    /// The signal with each declared placeholder (`from`) written in its internal form (`to`).
    pub(super) fn with_placeholders(mut self, forms: &[(String, String)]) -> Self {
        let fill = |t: &mut String| {
            for (from, to) in forms {
                *t = t.replace(from.as_str(), to);
            }
        };
        for t in [&mut self.metric, &mut self.config, &mut self.quota].into_iter().flatten() {
            fill(t);
        }
        self.dims.values_mut().for_each(fill);
        self
    }

    /// The placeholders left in the signal that nothing fills: `{m}`/`{M}` and the declared
    /// ones (already in their internal form) are known.
    pub(super) fn unknown_placeholder(&self) -> Option<String> {
        let texts = [&self.metric, &self.config, &self.quota].into_iter().flatten().chain(self.dims.values());
        for t in texts {
            let mut rest = t.as_str();
            while let Some(i) = rest.find('{') {
                let Some(j) = rest[i..].find('}') else { break };
                let token = &rest[i..i + j + 1];
                let known =
                    matches!(token, "{m}" | "{M}") || token.starts_with("{model@") || token.starts_with("{Model@");
                if !known {
                    return Some(token.to_string());
                }
                rest = &rest[i + j + 1..];
            }
        }
        None
    }
}
