//! Pure plans for changes to the throughput configuration document (contract §3).
//!
//! Each plan takes the deployed document and returns the new one, touching only the keys its
//! action owns: everything else, unknown keys included, is carried over as it was. Guards
//! (the quota sum, value ranges, the 24-hour schedule) live here, so they are unit-tested
//! without AWS and hold the same way for a change and for its undo.

use serde_json::{json, Map, Value};

/// Why a plan was refused; `force` tells whether `--force` may override it.
#[derive(Debug, Clone, PartialEq)]
pub struct Refusal {
    pub message: String,
    pub forceable: bool,
}

fn refuse(message: impl Into<String>) -> Refusal {
    Refusal { message: message.into(), forceable: false }
}

/// The seed's time-of-day batch concurrency table (hour in JST → max batch concurrency).
pub const SEED_SCHEDULE: [u32; 24] =
    [20, 20, 20, 20, 20, 20, 15, 10, 5, 3, 0, 0, 0, 0, 3, 3, 5, 5, 5, 10, 10, 15, 15, 20];

/// The pools a change may set.
pub const POOLS: &[&str] = &["realtime", "batch", "analytics"];

fn obj<'a>(doc: &'a mut Value, key: &str) -> Result<&'a mut Map<String, Value>, Refusal> {
    let root = doc.as_object_mut().ok_or_else(|| refuse("the deployed document is not a JSON object"))?;
    let v = root.entry(key.to_string()).or_insert_with(|| json!({}));
    v.as_object_mut()
        .ok_or_else(|| refuse(format!("`{key}` in the deployed document is not an object; fix it by hand first")))
}

fn set_path(doc: &mut Value, path: &[&str], value: Value) -> Result<(), Refusal> {
    let (last, parents) = path.split_last().expect("a path has a key");
    let mut cur = doc;
    for p in parents {
        let o = cur
            .as_object_mut()
            .ok_or_else(|| refuse(format!("`{p}`'s parent in the deployed document is not an object")))?;
        cur = o.entry(p.to_string()).or_insert_with(|| json!({}));
    }
    let o = cur
        .as_object_mut()
        .ok_or_else(|| refuse(format!("cannot set `{}`: its parent is not an object", path.join("."))))?;
    o.insert(last.to_string(), value);
    Ok(())
}

fn num(doc: &Value, path: &str) -> Option<f64> {
    doc.pointer(&format!("/{}", path.replace('.', "/"))).and_then(Value::as_f64)
}

/// The sum of `model`'s configured pools as contract §3 counts it: a batch pool that shares the
/// real-time pool is a cap inside it, not an addition.
pub fn pools_sum(doc: &Value, model: &str) -> f64 {
    let shares = doc.pointer("/batch/shares_realtime_pool").and_then(Value::as_bool).unwrap_or(false);
    let rt = num(doc, &format!("pools.realtime.{model}")).unwrap_or(0.0);
    let an = num(doc, &format!("pools.analytics.{model}")).unwrap_or(0.0);
    let ba = if shares { 0.0 } else { num(doc, &format!("pools.batch.{model}")).unwrap_or(0.0) };
    rt + an + ba
}

/// Refuses a document whose pools of `model` exceed its account quota (overridable).
pub fn quota_guard(doc: &Value, model: &str) -> Result<(), Refusal> {
    let Some(quota) = num(doc, &format!("account_quota.{model}")) else {
        return Err(refuse(format!(
            "the deployed document has no account_quota.{model}; add it before changing pools"
        )));
    };
    let sum = pools_sum(doc, model);
    if sum > quota {
        return Err(Refusal {
            message: format!(
                "the {model} pools would add up to {sum}, {} over the account quota of {quota} (contract §3); \
                 lower another pool first, or pass --force to deploy it anyway",
                sum - quota
            ),
            forceable: true,
        });
    }
    Ok(())
}

fn check_model(model: &str, models: &[String]) -> Result<(), Refusal> {
    if models.iter().any(|m| m == model) {
        Ok(())
    } else {
        Err(refuse(format!("unknown model `{model}`; use one of {}", models.join(", "))))
    }
}

/// The document changes masst can make.
#[derive(Debug, Clone, PartialEq)]
pub enum DocChange {
    AnalyticsPaused(bool),
    Concurrency {
        model: String,
        pool: String,
        value: u32,
    },
    RoutingHaiku(bool),
    BatchPaused(bool),
    BatchConcurrency(u32),
    BatchSchedule(Vec<u32>),
    BatchModel(String),
    /// `account_quota.<m>` set to each model's applied Service Quotas value.
    QuotaSync(std::collections::BTreeMap<String, f64>),
}

impl DocChange {
    /// The contract §7 action id.
    pub fn action_id(&self) -> &'static str {
        match self {
            DocChange::AnalyticsPaused(true) => "analytics.pause",
            DocChange::AnalyticsPaused(false) => "analytics.resume",
            DocChange::Concurrency { .. } => "concurrency.set",
            DocChange::RoutingHaiku(_) => "routing.haiku",
            DocChange::BatchPaused(true) => "batch.pause",
            DocChange::BatchPaused(false) => "batch.resume",
            DocChange::BatchConcurrency(_) => "batch.concurrency",
            DocChange::BatchSchedule(_) => "batch.schedule",
            DocChange::BatchModel(_) => "batch.model",
            DocChange::QuotaSync(_) => "quota.sync",
        }
    }

    /// Applies the change to a copy of `doc`. `models` are the known model keys; `force`
    /// overrides the quota guard only.
    pub fn plan(&self, doc: &Value, models: &[String], force: bool) -> Result<Value, Refusal> {
        let mut new = doc.clone();
        if !new.is_object() {
            return Err(refuse("the deployed document is not a JSON object; fix it in AppConfig first"));
        }
        let guard = |d: &Value, m: &str| match quota_guard(d, m) {
            Err(r) if r.forceable && force => Ok(()),
            other => other,
        };
        match self {
            DocChange::AnalyticsPaused(p) => set_path(&mut new, &["analytics", "paused"], json!(p))?,
            DocChange::RoutingHaiku(on) => set_path(&mut new, &["routing", "simple_queries_to_haiku"], json!(on))?,
            DocChange::BatchPaused(p) => set_path(&mut new, &["batch", "paused"], json!(p))?,
            DocChange::Concurrency { model, pool, value } => {
                check_model(model, models)?;
                if !POOLS.contains(&pool.as_str()) {
                    return Err(refuse(format!("unknown pool `{pool}`; use one of {}", POOLS.join(", "))));
                }
                if *value == 0 || *value > 1000 {
                    return Err(refuse(format!("max_concurrency {value} is out of range; use 1 to 1000")));
                }
                set_path(&mut new, &["pools", pool, model], json!(value))?;
                guard(&new, model)?;
            }
            DocChange::BatchConcurrency(value) => {
                if *value > 1000 {
                    return Err(refuse(format!("batch concurrency {value} is out of range; use 0 to 1000")));
                }
                let model = new
                    .pointer("/batch/model")
                    .and_then(Value::as_str)
                    .ok_or_else(|| refuse("the deployed document has no batch.model; set it with `masst batch model`"))?
                    .to_string();
                set_path(&mut new, &["pools", "batch", &model], json!(value))?;
                set_path(&mut new, &["batch", "shares_realtime_pool"], json!(false))?;
                guard(&new, &model)?;
            }
            DocChange::BatchSchedule(table) => {
                if table.len() != 24 {
                    return Err(refuse(format!("a schedule has 24 hours (0-23 JST); this one has {}", table.len())));
                }
                let map: Map<String, Value> =
                    table.iter().enumerate().map(|(h, v)| (h.to_string(), json!(v))).collect();
                obj(&mut new, "batch")?.insert("schedule_jst".into(), Value::Object(map));
            }
            DocChange::QuotaSync(values) => {
                if values.is_empty() {
                    return Err(refuse(
                        "no model has a quota code in [quotas] of masst.toml, so there is nothing to copy",
                    ));
                }
                for (m, v) in values {
                    check_model(m, models)?;
                    if !v.is_finite() || *v < 0.0 {
                        return Err(refuse(format!("Service Quotas gave {v} for {m}, which is not a quota")));
                    }
                    let value = if v.fract() == 0.0 { json!(*v as i64) } else { json!(v) };
                    set_path(&mut new, &["account_quota", m], value)?;
                }
            }
            DocChange::BatchModel(model) => {
                check_model(model, models)?;
                let old = new.pointer("/batch/model").and_then(Value::as_str).map(String::from);
                set_path(&mut new, &["batch", "model"], json!(model))?;
                // The dedicated batch pool follows the model it is for.
                if let Some(old) = old.filter(|o| o != model) {
                    let pool =
                        new.pointer_mut("/pools/batch").and_then(Value::as_object_mut).and_then(|b| b.remove(&old));
                    if let Some(slots) = pool {
                        set_path(&mut new, &["pools", "batch", model], slots)?;
                    }
                }
                guard(&new, model)?;
            }
        }
        Ok(new)
    }
}

/// The most batch slots a schedule may give one hour.
pub const MAX_SLOTS: u32 = 10_000;

/// Parses a schedule file: a JSON or TOML table of hour → slots (`{"0": 20, ...}`), or a list
/// of 24 numbers. Every hour 0-23 must be there, each a non-negative integer.
pub fn parse_schedule(text: &str) -> Result<Vec<u32>, String> {
    let value: Value = serde_json::from_str(text)
        .or_else(|_| {
            toml::from_str::<toml::Value>(text)
                .map_err(|e| e.to_string())
                .and_then(|t| serde_json::to_value(t).map_err(|e| e.to_string()))
        })
        .map_err(|e| format!("the schedule is neither JSON nor TOML: {e}"))?;
    let value = match value {
        Value::Object(mut o) if o.len() == 1 && o.contains_key("schedule_jst") => {
            o.remove("schedule_jst").unwrap_or_default()
        }
        v => v,
    };
    let slot = |v: &Value, hour: &str| -> Result<u32, String> {
        v.as_u64()
            .filter(|n| *n <= MAX_SLOTS as u64)
            .map(|n| n as u32)
            .ok_or_else(|| format!("hour {hour}: `{v}` is not a whole number of slots from 0 to {MAX_SLOTS}"))
    };
    match value {
        Value::Array(items) => {
            if items.len() != 24 {
                return Err(format!("the schedule lists {} hours; it needs 24 (0-23 JST)", items.len()));
            }
            items.iter().enumerate().map(|(h, v)| slot(v, &h.to_string())).collect()
        }
        Value::Object(map) => {
            let mut out = [None; 24];
            for (k, v) in &map {
                let h: usize =
                    k.parse().ok().filter(|h| *h < 24).ok_or_else(|| format!("`{k}` is not an hour 0-23"))?;
                out[h] = Some(slot(v, k)?);
            }
            out.iter()
                .enumerate()
                .map(|(h, v)| v.ok_or_else(|| format!("hour {h} is missing; give all 24 hours (0-23 JST)")))
                .collect()
        }
        _ => Err("the schedule must be a table of hour = slots, or a list of 24 numbers".into()),
    }
}

/// One leaf of a document change: the key path and the value it takes (`None`: removed).
/// A change is described by the leaves it touches, so that it can be replayed onto a newer
/// document (a rebase) and undone without touching anyone else's keys.
pub type Patch = Vec<(Vec<String>, Option<Value>)>;

/// The leaves that differ between `old` and `new`, in key order. Objects are compared key by
/// key; anything else (numbers, strings, arrays) is one leaf.
pub fn leaf_diff(old: &Value, new: &Value) -> Patch {
    fn walk(path: &mut Vec<String>, old: Option<&Value>, new: Option<&Value>, out: &mut Patch) {
        match (old, new) {
            (Some(Value::Object(a)), Some(Value::Object(b))) => {
                let mut keys: Vec<&String> = a.keys().chain(b.keys().filter(|k| !a.contains_key(*k))).collect();
                keys.sort();
                for k in keys {
                    path.push(k.clone());
                    walk(path, a.get(k), b.get(k), out);
                    path.pop();
                }
            }
            (a, b) if a != b => out.push((path.clone(), b.cloned())),
            _ => {}
        }
    }
    let mut out = Patch::new();
    walk(&mut Vec::new(), Some(old), Some(new), &mut out);
    out
}

/// The value at a key path, if there is one.
pub fn value_at<'a>(doc: &'a Value, path: &[String]) -> Option<&'a Value> {
    path.iter().try_fold(doc, |cur, k| cur.as_object()?.get(k))
}

/// A key path as the engineer reads it (`pools.realtime.sonnet`; the whole document: `(document)`).
pub fn path_str(path: &[String]) -> String {
    if path.is_empty() {
        "(document)".into()
    } else {
        path.join(".")
    }
}

/// `doc` with `patch` applied: each leaf set (creating parent objects) or removed.
pub fn apply_patch(doc: &Value, patch: &Patch) -> Result<Value, Refusal> {
    let mut new = doc.clone();
    for (path, value) in patch {
        match (path.split_last(), value) {
            (None, Some(v)) => new = v.clone(),
            (None, None) => return Err(refuse("a change cannot remove the whole document")),
            (Some(_), Some(v)) => {
                let keys: Vec<&str> = path.iter().map(String::as_str).collect();
                set_path(&mut new, &keys, v.clone())?;
            }
            (Some((last, parents)), None) => {
                if let Some(Value::Object(o)) = value_at_mut(&mut new, parents) {
                    o.remove(last);
                }
            }
        }
    }
    Ok(new)
}

fn value_at_mut<'a>(doc: &'a mut Value, path: &[String]) -> Option<&'a mut Value> {
    path.iter().try_fold(doc, |cur, k| cur.as_object_mut()?.get_mut(k))
}

/// Do two key paths touch the same value (one is a prefix of the other)?
fn overlaps(a: &[String], b: &[String]) -> bool {
    a.iter().zip(b).all(|(x, y)| x == y)
}

/// The keys both `mine` and `theirs` changed from `base`, to different values: replaying
/// `mine` onto `theirs` would overwrite these.
pub fn conflicts(base: &Value, mine: &Value, theirs: &Value) -> Vec<String> {
    let their_patch = leaf_diff(base, theirs);
    let mut out: Vec<String> = leaf_diff(base, mine)
        .into_iter()
        .filter(|(p, v)| their_patch.iter().any(|(q, _)| overlaps(p, q)) && value_at(theirs, p) != v.as_ref())
        .map(|(p, _)| path_str(&p))
        .collect();
    out.dedup();
    out
}

/// Replays the change that took `base` to `mine` onto `theirs`, a document someone deployed
/// in between. With a `change`, it is planned again on `theirs` (so its guards judge the newer
/// document); without one (an undo), its leaves are copied. When both changed a key, the
/// refusal names the keys, and `force` keeps ours.
pub fn rebase(
    base: &Value,
    mine: &Value,
    theirs: &Value,
    change: Option<&DocChange>,
    models: &[String],
    force: bool,
) -> Result<Value, Refusal> {
    let both = conflicts(base, mine, theirs);
    if !both.is_empty() && !force {
        return Err(Refusal { message: format!("both changed {}", both.join(", ")), forceable: true });
    }
    match change {
        Some(c) => c.plan(theirs, models, force),
        None => apply_patch(theirs, &leaf_diff(base, mine)),
    }
}

/// A unified diff of two documents, pretty-printed, for the preview.
pub fn diff(old: &Value, new: &Value) -> String {
    let a = serde_json::to_string_pretty(old).expect("json") + "\n";
    let b = serde_json::to_string_pretty(new).expect("json") + "\n";
    similar::TextDiff::from_lines(&a, &b).unified_diff().context_radius(2).header("deployed", "proposed").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Value {
        crate::evidence::scenario::Scenario::embedded("flash-sale").unwrap().config
    }

    fn models() -> Vec<String> {
        vec!["sonnet".into(), "haiku".into()]
    }

    #[test]
    fn pausing_analytics_changes_one_key_and_keeps_unknown_ones() {
        let mut d = doc();
        d["vendor_extension"] = json!({"keep": [1, 2, 3]});
        let new = DocChange::AnalyticsPaused(true).plan(&d, &models(), false).unwrap();
        assert_eq!(new["analytics"]["paused"], true);
        assert_eq!(new["vendor_extension"], d["vendor_extension"]);
        let mut back = new.clone();
        back["analytics"]["paused"] = json!(false);
        assert_eq!(back, d);
    }

    #[test]
    fn the_quota_guard_refuses_pools_over_the_quota_and_says_by_how_much() {
        // flash sale: realtime sonnet 50 + analytics 8 = 58 > 40; lowering realtime to 40 is still 48.
        let err = DocChange::Concurrency { model: "sonnet".into(), pool: "realtime".into(), value: 40 }
            .plan(&doc(), &models(), false)
            .unwrap_err();
        assert!(err.forceable);
        assert!(err.message.contains("add up to 48, 8 over the account quota of 40"), "{}", err.message);
        let forced = DocChange::Concurrency { model: "sonnet".into(), pool: "realtime".into(), value: 40 }.plan(
            &doc(),
            &models(),
            true,
        );
        assert_eq!(forced.unwrap()["pools"]["realtime"]["sonnet"], 40);
        let fits = DocChange::Concurrency { model: "sonnet".into(), pool: "realtime".into(), value: 32 }.plan(
            &doc(),
            &models(),
            false,
        );
        assert_eq!(fits.unwrap()["pools"]["realtime"]["sonnet"], 32);
    }

    #[test]
    fn bad_models_pools_and_values_are_refused_and_force_does_not_help() {
        for (change, want) in [
            (
                DocChange::Concurrency { model: "opus".into(), pool: "realtime".into(), value: 5 },
                "unknown model `opus`",
            ),
            (DocChange::Concurrency { model: "sonnet".into(), pool: "vip".into(), value: 5 }, "unknown pool `vip`"),
            (DocChange::Concurrency { model: "sonnet".into(), pool: "realtime".into(), value: 0 }, "out of range"),
            (DocChange::BatchModel("gpt".into()), "unknown model"),
        ] {
            let err = change.plan(&doc(), &models(), true).unwrap_err();
            assert!(err.message.contains(want), "{}", err.message);
            assert!(!err.forceable);
        }
        assert!(DocChange::AnalyticsPaused(true).plan(&json!([1]), &models(), false).is_err());
    }

    #[test]
    fn batch_concurrency_gives_batch_a_dedicated_pool_within_the_quota() {
        let new = DocChange::BatchConcurrency(10).plan(&doc(), &models(), false).unwrap();
        assert_eq!(new["pools"]["batch"]["haiku"], 10);
        assert_eq!(new["batch"]["shares_realtime_pool"], false);
        // haiku: realtime 50 + batch 10 = 60 <= 80.
        let err = DocChange::BatchConcurrency(40).plan(&doc(), &models(), false).unwrap_err();
        assert!(err.message.contains("90, 10 over"), "{}", err.message);
    }

    #[test]
    fn switching_the_batch_model_moves_its_dedicated_pool() {
        let pi = crate::evidence::scenario::Scenario::embedded("priority-inversion").unwrap().config;
        let new = DocChange::BatchModel("haiku".into()).plan(&pi, &models(), false).unwrap();
        assert_eq!(new["batch"]["model"], "haiku");
        assert_eq!(new["pools"]["batch"]["haiku"], 10);
        assert!(new["pools"]["batch"].get("sonnet").is_none());
    }

    #[test]
    fn schedules_need_24_non_negative_whole_hours() {
        assert_eq!(parse_schedule(&serde_json::to_string(&SEED_SCHEDULE).unwrap()).unwrap(), SEED_SCHEDULE.to_vec());
        let toml_table: String = (0..24).map(|h| format!("\"{h}\" = {}\n", SEED_SCHEDULE[h])).collect();
        assert_eq!(parse_schedule(&toml_table).unwrap(), SEED_SCHEDULE.to_vec());
        assert!(parse_schedule("[1, 2]").unwrap_err().contains("24"));
        assert!(parse_schedule(&toml_table.replace("\"5\" = 20", "\"5\" = -1")).unwrap_err().contains("hour 5"));
        assert!(parse_schedule(&toml_table.replace("\"7\" = 10\n", "")).unwrap_err().contains("hour 7 is missing"));
        assert!(parse_schedule(&toml_table.replace("\"7\" = 10", "\"7\" = 2.5")).is_err());
        assert!(parse_schedule("\"25\" = 1").unwrap_err().contains("not an hour"));
        let new = DocChange::BatchSchedule(SEED_SCHEDULE.to_vec()).plan(&doc(), &models(), false).unwrap();
        assert_eq!(new["batch"]["schedule_jst"]["10"], 0);
    }

    #[test]
    fn a_change_replays_onto_a_newer_document_unless_both_changed_the_same_key() {
        let base = doc();
        let mine = DocChange::AnalyticsPaused(true).plan(&base, &models(), false).unwrap();
        let mut theirs = base.clone();
        theirs["routing"]["simple_queries_to_haiku"] = json!(true);
        let both = rebase(&base, &mine, &theirs, Some(&DocChange::AnalyticsPaused(true)), &models(), false).unwrap();
        assert_eq!(
            (both["analytics"]["paused"].clone(), both["routing"]["simple_queries_to_haiku"].clone()),
            (json!(true), json!(true))
        );
        // Without the change (an undo), the leaves are copied.
        assert_eq!(rebase(&base, &mine, &theirs, None, &models(), false).unwrap(), both);
        // Both set the same key to different values: refused, naming it; force keeps ours.
        let c = DocChange::Concurrency { model: "sonnet".into(), pool: "analytics".into(), value: 5 };
        let mine = c.plan(&base, &models(), true).unwrap();
        theirs["pools"]["analytics"]["sonnet"] = json!(2);
        let err = rebase(&base, &mine, &theirs, Some(&c), &models(), false).unwrap_err();
        assert_eq!(err.message, "both changed pools.analytics.sonnet");
        assert_eq!(
            rebase(&base, &mine, &theirs, Some(&c), &models(), true).unwrap()["pools"]["analytics"]["sonnet"],
            5
        );
        // Both set it to the same value: nothing is overwritten.
        theirs["pools"]["analytics"]["sonnet"] = json!(5);
        assert!(conflicts(&base, &mine, &theirs).is_empty());
    }

    #[test]
    fn leaf_diffs_apply_back_and_removals_are_leaves_too() {
        let a = json!({"x": {"y": 1, "z": [1, 2]}, "gone": true});
        let b = json!({"x": {"y": 2, "z": [1, 2], "new": "n"}});
        let p = leaf_diff(&a, &b);
        assert_eq!(p.iter().map(|(k, _)| path_str(k)).collect::<Vec<_>>(), ["gone", "x.new", "x.y"]);
        assert_eq!(apply_patch(&a, &p).unwrap(), b);
        assert_eq!(apply_patch(&b, &leaf_diff(&b, &a)).unwrap(), a);
    }

    #[test]
    fn the_diff_shows_only_what_changes() {
        let new = DocChange::RoutingHaiku(true).plan(&doc(), &models(), false).unwrap();
        let d = diff(&doc(), &new);
        assert!(
            d.contains("-    \"simple_queries_to_haiku\": false")
                && d.contains("+    \"simple_queries_to_haiku\": true"),
            "{d}"
        );
        assert_eq!(d.lines().filter(|l| l.starts_with('+') && !l.starts_with("+++")).count(), 1);
    }
}
