//! Audit checks: the seed's Prevention tables as checks of the deployment (contract §8), as
//! data. An audit file declares signals exactly as runbooks do (plus the alarms masst installs,
//! Service Quotas values and ECS scaling policies) and a list of checks, each a CEL condition
//! that holds when the control is in place, the words for pass and fail, and the fix as a
//! contract §7 action. Checked at load like runbooks: every failure names the file, the check
//! and the fix. Evaluation is pure: evidence in, one verdict per check out.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::engine::action::{ActionCall, ActionInfo};
use crate::engine::expr::{Eval, Expr, SigValue};
use crate::engine::runbook::{
    check_derived_cycles, check_signal, parse_action, signal_is_per_model, type_check, ActionRef, RawSignal,
};
use crate::engine::signal::{Kind, Placeholders, Resolved, Resolver, Signal, NOT_CONFIGURED};
use crate::engine::walk::resolve_call;
use crate::engine::LoadError;
use crate::engine::Severity;
use crate::evidence::Evidence;

/// The audit files compiled into the binary: every file of `audits/` (see `build.rs`).
pub const EMBEDDED: &[(&str, &str)] = crate::embedded::AUDITS;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAudit {
    #[serde(default)]
    signals: BTreeMap<String, RawSignal>,
    #[serde(default)]
    checks: Vec<RawCheck>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCheck {
    id: String,
    title: String,
    /// The seed control it comes from (`5: visibility timeout ≫ max backoff`).
    control: String,
    severity: Severity,
    /// Judged once per model (`{m}` in signals); fails when any model fails.
    #[serde(default)]
    per_model: bool,
    passes: String,
    pass_says: String,
    fail_says: String,
    fix: Option<String>,
    /// What to do when there is no action for it.
    advice: Option<String>,
}

/// One checked control.
#[derive(Debug)]
pub struct Check {
    pub id: String,
    pub title: String,
    pub control: String,
    pub severity: Severity,
    pub per_model: bool,
    pub passes: Expr,
    pub pass_says: String,
    pub fail_says: String,
    pub fix: Option<ActionRef>,
    pub advice: Option<String>,
}

/// Every check of the audit files, with the signals they read.
#[derive(Debug, Default)]
pub struct AuditSet {
    pub signals: BTreeMap<String, Signal>,
    pub checks: Vec<Check>,
}

/// Where a check stands (contract §8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum State {
    Pass,
    Fail,
    Unknown,
    Skipped,
}

impl State {
    pub fn as_str(self) -> &'static str {
        match self {
            State::Pass => "pass",
            State::Fail => "fail",
            State::Unknown => "unknown",
            State::Skipped => "skipped",
        }
    }
}

/// A check judged over the evidence.
#[derive(Debug, Clone, Serialize)]
pub struct Verdict {
    pub id: String,
    pub title: String,
    pub control: String,
    pub state: State,
    pub severity: Severity,
    /// The words for the state, with the model when one failed.
    pub message: String,
    /// The inputs the condition read, with their values and sources.
    pub evidence: Vec<Resolved>,
    /// The fix as data, when the check failed and has one; the printer renders it as the
    /// command (`fix` in JSON).
    #[serde(rename = "fix_call", skip_serializing_if = "Option::is_none")]
    pub fix: Option<ActionCall>,
    /// The fix as data: the contract §7 action id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix_action: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub advice: Option<String>,
}

impl AuditSet {
    /// Parses and checks one audit file, adding its signals and checks.
    pub fn add(&mut self, file: &str, text: &str, actions: &[ActionInfo]) -> Result<(), LoadError> {
        let err = |what: String| LoadError::new(file, what);
        let raw: RawAudit = toml::from_str(text)
            .map_err(|e| err(crate::text::toml::syntax_error("not a valid audit file", text, &e)))?;
        for (name, s) in raw.signals {
            if self.signals.contains_key(&name) {
                return Err(err(format!("signal `{name}` is declared in another audit file too; rename one")));
            }
            let sig = check_signal(&name, s).map_err(|e| err(format!("signal `{name}`: {e}")))?;
            self.signals.insert(name, sig);
        }
        check_derived_cycles(&self.signals).map_err(err)?;
        for c in raw.checks {
            let here = format!("check `{}`", c.id);
            if self.checks.iter().any(|x| x.id == c.id) {
                return Err(err(format!("{here} is defined twice; give one of them another id")));
            }
            let passes =
                Expr::compile(&c.passes).map_err(|m| err(format!("{here}: `{}` does not parse: {m}", c.passes)))?;
            type_check(&passes, &self.signals, Kind::Bool).map_err(|m| err(format!("{here}: {m}")))?;
            let per_model_signal =
                passes.identifiers().iter().any(|i| self.signals.get(i).is_some_and(signal_is_per_model));
            if per_model_signal && !c.per_model {
                return Err(err(format!("{here} reads a per-model signal ({{m}}); set `per_model = true`")));
            }
            let fix = match &c.fix {
                Some(f) => {
                    Some(parse_action(f, &self.signals, actions).map_err(|m| err(format!("{here}, fix `{f}`: {m}")))?)
                }
                None => None,
            };
            self.checks.push(Check {
                id: c.id,
                title: c.title,
                control: c.control,
                severity: c.severity,
                per_model: c.per_model,
                passes,
                pass_says: c.pass_says,
                fail_says: c.fail_says,
                fix,
                advice: c.advice,
            });
        }
        Ok(())
    }

    /// The embedded audit files, whose fixes are actions of `actions`.
    pub fn embedded(actions: &[ActionInfo]) -> AuditSet {
        let mut set = AuditSet::default();
        for (file, text) in EMBEDDED {
            set.add(file, text, actions).unwrap_or_else(|e| panic!("embedded audit {file} is invalid: {e}"));
        }
        set
    }

    /// The embedded files and every `*.toml` of `dir` (`--audits DIR`).
    pub fn with_dir(dir: &Path, actions: &[ActionInfo]) -> Result<AuditSet, LoadError> {
        let mut set = AuditSet::embedded(actions);
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .map_err(|e| LoadError::new(dir.display().to_string(), format!("cannot read the audit folder: {e}")))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        files.sort();
        for f in files {
            let text = std::fs::read_to_string(&f)
                .map_err(|e| LoadError::new(f.display().to_string(), format!("cannot read: {e}")))?;
            set.add(&f.display().to_string(), &text, actions)?;
        }
        Ok(set)
    }

    /// Judges the checks (all, or those named) over the evidence.
    pub fn run(&self, ev: &Evidence, models: &[String], only: &[String]) -> Vec<Verdict> {
        self.checks
            .iter()
            .filter(|c| only.is_empty() || only.contains(&c.id))
            .map(|c| self.judge(c, ev, models))
            .collect()
    }

    fn judge(&self, c: &Check, ev: &Evidence, models: &[String]) -> Verdict {
        let targets: Vec<Option<String>> =
            if c.per_model { models.iter().map(|m| Some(m.clone())).collect() } else { vec![None] };
        let mut judged: Vec<Judged> = Vec::new();
        for model in targets {
            let r = Resolver::new(&self.signals, ev, Placeholders { model: model.clone() });
            let (out, inputs) = r.eval(&c.passes);
            let state = match out {
                Eval::Value(SigValue::Bool(true)) => State::Pass,
                Eval::Value(SigValue::Bool(false)) => State::Fail,
                _ => {
                    let missing: Vec<&String> = inputs.iter().flat_map(|i| i.missing.iter()).collect();
                    if !missing.is_empty() && missing.iter().all(|m| m.starts_with(NOT_CONFIGURED)) {
                        State::Skipped
                    } else {
                        State::Unknown
                    }
                }
            };
            let fix = (state == State::Fail).then(|| c.fix.as_ref().map(|f| resolve_call(&r, ev, f))).flatten();
            judged.push((model, state, inputs, fix));
        }
        // The worst model speaks for the check: a failure, then an unknown, then a pass.
        let rank = |s: State| match s {
            State::Fail => 3,
            State::Unknown => 2,
            State::Pass => 1,
            State::Skipped => 0,
        };
        let worst = judged.iter().max_by_key(|(_, s, _, _)| rank(*s)).cloned().expect("at least one target");
        let (model, state, evidence, fix) = worst;
        let state = if judged.iter().all(|j| j.1 == State::Skipped) { State::Skipped } else { state };
        let who = model.map(|m| format!(" ({m})")).unwrap_or_default();
        let message = match state {
            State::Pass => c.pass_says.clone(),
            State::Fail => format!("{}{who}", c.fail_says),
            State::Unknown => {
                let missing: Vec<String> = evidence.iter().flat_map(|i| i.missing.clone()).collect();
                format!("could not be judged{who}: {}", missing.join("; "))
            }
            State::Skipped => {
                let missing: Vec<String> = evidence.iter().flat_map(|i| i.missing.clone()).collect();
                format!("does not apply: {}", missing.join("; ").replace(NOT_CONFIGURED, "").trim())
            }
        };
        Verdict {
            id: c.id.clone(),
            title: c.title.clone(),
            control: c.control.clone(),
            state,
            severity: c.severity,
            message,
            evidence,
            fix_action: fix.as_ref().map(|f| f.id.clone()),
            fix,
            advice: c.advice.clone(),
        }
    }
}

/// One target (a model, or the deployment) judged: the model, the state, the inputs, the fix.
type Judged = (Option<String>, State, Vec<Resolved>, Option<ActionCall>);

/// The contract §8 check ids, in its order.
pub const CONTRACT_IDS: &[&str] = &[
    "pools-within-quota",
    "quota-propagated",
    "adaptive-enabled",
    "dedicated-batch-pool",
    "batch-off-peak",
    "batch-autoscaling",
    "visibility-covers-backoff",
    "max-receive-count",
    "dlq-retention",
    "retry-tracked-in-body",
    "alarms-present",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::scenario::Scenario;

    fn models() -> Vec<String> {
        vec!["sonnet".into(), "haiku".into()]
    }

    #[test]
    fn the_embedded_audit_has_every_contract_check_in_order() {
        let set = AuditSet::embedded(crate::actions::catalog());
        let ids: Vec<&str> = set.checks.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, CONTRACT_IDS);
    }

    #[test]
    fn the_flash_sale_deployment_fails_pools_within_quota_with_the_numbers() {
        let ev = Scenario::embedded("flash-sale").unwrap().evidence(None);
        let v =
            AuditSet::embedded(crate::actions::catalog()).run(&ev, &models(), &["pools-within-quota".into()]).remove(0);
        assert_eq!(v.state, State::Fail, "{v:?}");
        assert!(v.message.contains("sonnet"), "{}", v.message);
        let fix = v.fix.as_ref().unwrap();
        assert_eq!((fix.id.as_str(), &fix.args[0]), ("concurrency.set", &crate::engine::Arg::Word("sonnet".into())));
        let pools = v.evidence.iter().find(|e| e.name == "pools_sum").unwrap();
        assert_eq!(pools.value, Some(SigValue::Num(58.0)));
    }

    #[test]
    fn a_check_with_no_quota_code_is_skipped_and_missing_data_is_unknown() {
        let ev = Scenario::embedded("healthy").unwrap().evidence(None);
        let verdicts = AuditSet::embedded(crate::actions::catalog()).run(&ev, &models(), &[]);
        let by_id = |id: &str| verdicts.iter().find(|v| v.id == id).unwrap().state;
        assert_eq!(by_id("quota-propagated"), State::Skipped);
        assert_eq!(by_id("alarms-present"), State::Unknown, "a scenario holds no alarms: unknown, never pass");
    }

    #[test]
    fn a_document_without_pools_or_the_pool_sharing_key_is_unknown_never_pass() {
        let mut ev = Scenario::embedded("healthy").unwrap().evidence(None);
        let doc = ev.config.as_mut().unwrap().as_object_mut().unwrap();
        doc.remove("pools");
        doc["batch"].as_object_mut().unwrap().remove("shares_realtime_pool");
        let verdicts = AuditSet::embedded(crate::actions::catalog()).run(&ev, &models(), &[]);
        let by_id = |id: &str| verdicts.iter().find(|v| v.id == id).unwrap();
        for id in ["pools-within-quota", "dedicated-batch-pool"] {
            assert_eq!(by_id(id).state, State::Unknown, "contract §8: missing input is unknown: {:?}", by_id(id));
        }
        // Where the pools exist, a model a pool does not list has no slots there (contract §3's
        // example: the batch pool is Haiku's only).
        let ev = Scenario::embedded("healthy").unwrap().evidence(None);
        let v = AuditSet::embedded(crate::actions::catalog()).run(&ev, &models(), &["pools-within-quota".into()]);
        assert_ne!(v[0].state, State::Unknown, "{:?}", v[0]);
    }

    #[test]
    fn a_broken_audit_file_names_the_check_and_the_fix() {
        let mut set = AuditSet::default();
        let err = set
            .add("bad.toml", "[signals]\nx = { config = \"a\" }\n[[checks]]\nid = \"c\"\ntitle = \"t\"\ncontrol = \"1\"\nseverity = \"warning\"\npasses = \"y > 1.0\"\npass_says = \"ok\"\nfail_says = \"no\"\n", crate::actions::catalog())
            .unwrap_err();
        assert_eq!(err.file, "bad.toml");
        assert!(err.message.contains("check `c`") && err.message.contains("unknown signal `y`"), "{err}");
    }
}
