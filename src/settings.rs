//! `masst.toml`: every default name of the contract (§1–§3), overridable per deployment.
//!
//! Looked up as `--config PATH`, else `./masst.toml`, else `$XDG_CONFIG_HOME/masst/masst.toml`.
//! Each value remembers where it came from, for `masst config show`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

pub mod targets;
pub use targets::Target;

/// The range `[aws] call_timeout_s` may take, in seconds.
pub const CALL_TIMEOUT_S: std::ops::RangeInclusive<u64> = 1..=3600;

/// The effective settings.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    /// AWS profile, region and endpoint; the command line and the SDK environment win.
    pub aws: AwsSettings,
    pub resources: Resources,
    pub appconfig: AppConfigNames,
    /// Model key → Bedrock model id (or a table with the id and the name its Service Quotas
    /// quotas use), in the order results are shown.
    pub models: IndexMap<String, ModelEntry>,
    pub metrics: MetricNames,
    pub quotas: Quotas,
    /// `[logs]`: log role (`chat-api`, `batch-worker`, `controller`) → the deployed CloudWatch
    /// Logs group, where it is not contract §9's default.
    pub logs: BTreeMap<String, String>,
    /// The accounts and regions one run may read (`[targets.NAME]`, contract §10).
    #[serde(skip_serializing_if = "IndexMap::is_empty")]
    pub targets: IndexMap<String, Target>,
}

/// One model of `[models]`: its Bedrock model id, written alone (`sonnet = "anthropic..."`) or
/// as a table that also names the model as Service Quotas does (`[models.sonnet] id = "..."`,
/// `quota_name = "Anthropic Claude 3 Sonnet"`) where masst's built-in name is not the one.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(untagged)]
pub enum ModelEntry {
    Id(String),
    Table {
        id: String,
        /// The model's name in `On-demand InvokeModel tokens per minute for <name>` (and the
        /// requests quota), overriding the name masst knows for the model id.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        quota_name: Option<String>,
    },
}

impl ModelEntry {
    /// The Bedrock model id.
    pub fn id(&self) -> &str {
        match self {
            ModelEntry::Id(id) | ModelEntry::Table { id, .. } => id,
        }
    }
}

impl From<&str> for ModelEntry {
    fn from(id: &str) -> Self {
        ModelEntry::Id(id.to_string())
    }
}

/// The names Service Quotas gives the models masst knows, by model id prefix: quota names
/// are stable where codes differ per model and region (contract §9).
const QUOTA_MODEL_NAMES: &[(&str, &str)] = &[
    ("anthropic.claude-3-5-sonnet-20241022", "Anthropic Claude 3.5 Sonnet V2"),
    ("anthropic.claude-3-5-sonnet", "Anthropic Claude 3.5 Sonnet"),
    ("anthropic.claude-3-5-haiku", "Anthropic Claude 3.5 Haiku"),
    ("anthropic.claude-3-7-sonnet", "Anthropic Claude 3.7 Sonnet"),
    ("anthropic.claude-3-sonnet", "Anthropic Claude 3 Sonnet"),
    ("anthropic.claude-3-haiku", "Anthropic Claude 3 Haiku"),
    ("anthropic.claude-3-opus", "Anthropic Claude 3 Opus"),
    ("anthropic.claude-instant", "Anthropic Claude Instant"),
    ("amazon.titan-text-express", "Amazon Titan Text Express"),
    ("amazon.titan-text-lite", "Amazon Titan Text Lite"),
    ("amazon.nova-pro", "Amazon Nova Pro"),
    ("amazon.nova-lite", "Amazon Nova Lite"),
    ("amazon.nova-micro", "Amazon Nova Micro"),
];

/// Where each model's Bedrock quota lives in Service Quotas (`[quotas]`), for the audit's
/// `quota-propagated` check and `masst quota sync`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct Quotas {
    /// The Service Quotas service code (`bedrock`).
    pub service: String,
    /// Model key → quota code (`[quotas.codes] sonnet = "L-XXXXXXXX"`). A model without one is
    /// not checked.
    pub codes: BTreeMap<String, String>,
}

impl Default for Quotas {
    fn default() -> Self {
        Quotas { service: "bedrock".into(), codes: BTreeMap::new() }
    }
}

/// `[aws]`: region, profile, endpoint and the per-call timeout, below the flags and the
/// SDK's own environment.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[serde(deny_unknown_fields, default)]
pub struct AwsSettings {
    pub profile: Option<String>,
    pub region: Option<String>,
    pub endpoint_url: Option<String>,
    /// Seconds one AWS call may take before it is abandoned (1 to 3600; default 10).
    pub call_timeout_s: Option<u64>,
}

/// `[resources]`: the deployed names of the queues, the cluster and the ECS services.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct Resources {
    pub queue: String,
    pub dlq: String,
    pub cluster: String,
    /// ECS service role (the contract's name) → the deployed service name.
    pub services: IndexMap<String, String>,
}

/// `[appconfig]`: where the throughput document lives (names, or ids to skip the lookups).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct AppConfigNames {
    pub application: String,
    pub environment: String,
    pub profile: String,
    pub strategy: String,
    /// The application, environment and profile ids: when all three are set, masst skips
    /// the lookups by name (two sequential round trips off every collection).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub application_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub environment_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile_id: Option<String>,
}

/// Renames from the contract's metric names to a deployment's.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[serde(deny_unknown_fields, default)]
pub struct MetricNames {
    /// Contract namespace → deployed namespace.
    pub namespaces: BTreeMap<String, String>,
    /// `Namespace:Name` (contract) → deployed metric name.
    pub names: BTreeMap<String, String>,
}

impl Default for Resources {
    fn default() -> Self {
        Resources {
            queue: "mangaassist-batch".into(),
            dlq: "mangaassist-batch-dlq".into(),
            cluster: "mangaassist".into(),
            services: ["chat-api", "batch-worker", "analytics-pipeline", "catalog-enrichment"]
                .into_iter()
                .map(|s| (s.to_string(), s.to_string()))
                .collect(),
        }
    }
}

impl Default for AppConfigNames {
    fn default() -> Self {
        AppConfigNames {
            application: "MangaAssist".into(),
            environment: "prod".into(),
            profile: "throughput".into(),
            strategy: "masst-all-at-once".into(),
            application_id: None,
            environment_id: None,
            profile_id: None,
        }
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            aws: AwsSettings::default(),
            resources: Resources::default(),
            appconfig: AppConfigNames::default(),
            models: [
                ("sonnet", "anthropic.claude-3-sonnet-20240229-v1:0"),
                ("haiku", "anthropic.claude-3-haiku-20240307-v1:0"),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_string(), ModelEntry::from(v)))
            .collect(),
            metrics: MetricNames::default(),
            quotas: Quotas::default(),
            logs: BTreeMap::new(),
            targets: IndexMap::new(),
        }
    }
}

/// Settings and the file they came from (`None`: built-in defaults only).
#[derive(Debug, Clone)]
pub struct Loaded {
    pub settings: Settings,
    pub file: Option<PathBuf>,
    /// The keys the file set, dotted (`resources.queue`), for `config show`.
    pub set_by_file: Vec<String>,
}

impl Settings {
    /// The CloudWatch Logs group of a log role: `[logs]` when it names one, else contract §9's
    /// defaults (`chat-api`, `batch-worker`, `controller`); other roles are `/ecs/mangaassist/<role>`.
    pub fn log_group(&self, role: &str) -> String {
        if let Some(g) = self.logs.get(role) {
            return g.clone();
        }
        match role {
            "controller" => "/mangaassist/concurrency-controller".into(),
            r => format!("/ecs/mangaassist/{r}"),
        }
    }

    /// A contract metric (`namespace`, `name`) in the deployment's names (`[metrics]`): the one
    /// place logical names become physical ones.
    pub fn physical_metric(&self, namespace: &str, name: &str) -> (String, String) {
        let ns = self.physical_namespace(namespace);
        let n = self.metrics.names.get(&format!("{namespace}:{name}")).cloned().unwrap_or_else(|| name.to_string());
        (ns, n)
    }

    /// A dimension value in the deployment's terms: a `ModelId` names a model key, which
    /// `[models]` maps to the Bedrock model id; any other value is as written.
    pub fn physical_dimension(&self, key: &str, value: String) -> String {
        if key == "ModelId" {
            self.models.get(&value).map(|m| m.id().to_string()).unwrap_or(value)
        } else {
            value
        }
    }

    /// A contract namespace in the deployment's name.
    pub fn physical_namespace(&self, namespace: &str) -> String {
        self.metrics.namespaces.get(namespace).cloned().unwrap_or_else(|| namespace.to_string())
    }

    /// The Bedrock model id of a model key, if `[models]` has it.
    pub fn model_id(&self, key: &str) -> Option<&str> {
        self.models.get(key).map(ModelEntry::id)
    }

    /// The model's name in its Service Quotas quota names: `[models.<key>] quota_name`, else
    /// the name Service Quotas gives its model id, else `None` (its quotas cannot be found).
    pub fn quota_model_name(&self, key: &str) -> Option<String> {
        let entry = self.models.get(key)?;
        if let ModelEntry::Table { quota_name: Some(n), .. } = entry {
            return Some(n.clone());
        }
        let id = entry.id();
        // Cross-region inference profiles (`us.anthropic...`) name the same model.
        let bare = id.split_once('.').filter(|(p, _)| p.len() == 2 || *p == "apac").map(|(_, r)| r).unwrap_or(id);
        QUOTA_MODEL_NAMES.iter().find(|(prefix, _)| bare.starts_with(prefix)).map(|(_, n)| n.to_string())
    }

    /// The model keys in display order.
    pub fn model_keys(&self) -> Vec<String> {
        self.models.keys().cloned().collect()
    }

    /// Where the config file is looked for, in order, when `--config` is not given.
    pub fn search_path() -> Vec<PathBuf> {
        let mut v = vec![PathBuf::from("masst.toml")];
        if let Ok(dirs) = etcetera::choose_base_strategy() {
            use etcetera::BaseStrategy;
            v.push(dirs.config_dir().join("masst").join("masst.toml"));
        }
        v
    }

    /// Loads `explicit`, or the first file of the search path, or the defaults.
    pub fn load(explicit: Option<&Path>) -> Result<Loaded> {
        let path = match explicit {
            Some(p) => {
                if !p.exists() {
                    return Err(Error::Config(format!("config file {} does not exist; check --config", p.display())));
                }
                Some(p.to_path_buf())
            }
            None => Self::search_path().into_iter().find(|p| p.is_file()),
        };
        let Some(path) = path else {
            return Ok(Loaded { settings: Settings::default(), file: None, set_by_file: vec![] });
        };
        let text = std::fs::read_to_string(&path)
            .map_err(|e| Error::Config(format!("cannot read config file {}: {e}", path.display())))?;
        let settings = Self::parse(&text).map_err(|e| Error::Config(format!("{}: {e}", path.display())))?;
        let table: toml::Table = toml::from_str(&text).unwrap_or_default();
        let mut set = Vec::new();
        flatten("", &toml::Value::Table(table), &mut set);
        Ok(Loaded { settings, file: Some(path), set_by_file: set })
    }

    /// Parses config text and checks it.
    pub fn parse(text: &str) -> std::result::Result<Settings, String> {
        let s: Settings =
            toml::from_str(text).map_err(|e| crate::text::toml::syntax_error("not a valid masst config", text, &e))?;
        let mut s = s;
        for (role, name) in Resources::default().services {
            s.resources.services.entry(role).or_insert(name);
        }
        if s.models.is_empty() {
            return Err(
                "[models] is empty; name at least one model, e.g. sonnet = \"anthropic.claude-3-sonnet-20240229-v1:0\""
                    .into(),
            );
        }
        for (k, ns) in &s.metrics.namespaces {
            if ns.is_empty() || k.is_empty() {
                return Err(format!("[metrics.namespaces] `{k}` maps to an empty name"));
            }
        }
        if let Some(t) = s.aws.call_timeout_s {
            if !CALL_TIMEOUT_S.contains(&t) {
                return Err(format!(
                    "[aws] call_timeout_s = {t} is out of range; use {} to {} seconds",
                    CALL_TIMEOUT_S.start(),
                    CALL_TIMEOUT_S.end()
                ));
            }
        }
        if let Some(e) = &s.aws.endpoint_url {
            check_endpoint(e).map_err(|e| e.to_string())?;
        }
        targets::check(&s.targets)?;
        Ok(s)
    }
}

fn flatten(prefix: &str, v: &toml::Value, out: &mut Vec<String>) {
    match v {
        toml::Value::Table(t) => {
            for (k, v) in t {
                let key = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
                flatten(&key, v, out);
            }
        }
        _ => out.push(prefix.to_string()),
    }
}

/// An endpoint URL must be `http://` or `https://` with a host: anything else is refused before
/// a request is built (the SDK would otherwise fail every call with the request in its error).
pub fn check_endpoint(url: &str) -> Result<()> {
    let rest = url.strip_prefix("http://").or_else(|| url.strip_prefix("https://"));
    let host = rest.map(|r| r.split(['/', '?', '#']).next().unwrap_or(""));
    let ok = host.is_some_and(|h| !h.is_empty() && !h.starts_with(':') && h.chars().all(|c| c.is_ascii_graphic()));
    if ok {
        Ok(())
    } else {
        Err(Error::Config(format!(
            "the endpoint URL `{}` is not an http:// or https:// URL with a host; fix --endpoint-url, AWS_ENDPOINT_URL or [aws] endpoint_url in masst.toml",
            crate::text::escape(&url.chars().take(100).collect::<String>())
        )))
    }
}

/// Splits a logical key back into namespace, name and dimensions.
pub fn parse_metric_key(key: &str) -> Option<(String, String, BTreeMap<String, String>)> {
    let (ns, rest) = key.split_once(':')?;
    let (name, dims) = match rest.split_once('{') {
        Some((name, d)) => {
            let d = d.strip_suffix('}')?;
            let mut dims = BTreeMap::new();
            for pair in d.split(',').filter(|p| !p.is_empty()) {
                let (k, v) = pair.split_once('=')?;
                dims.insert(k.to_string(), v.to_string());
            }
            (name, dims)
        }
        None => (rest, BTreeMap::new()),
    };
    if ns.is_empty() || name.is_empty() {
        return None;
    }
    Some((ns.to_string(), name.to_string(), dims))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_partial_file_overrides_only_what_it_names() {
        let s = Settings::parse("[resources]\nqueue = \"q2\"\n[resources.services]\nbatch-worker = \"bw\"\n").unwrap();
        assert_eq!(s.resources.queue, "q2");
        assert_eq!(s.resources.dlq, "mangaassist-batch-dlq");
        assert_eq!(s.resources.services["batch-worker"], "bw");
        assert_eq!(s.resources.services["chat-api"], "chat-api");
        assert_eq!(s.model_keys(), vec!["sonnet", "haiku"]);
    }

    #[test]
    fn a_model_is_an_id_or_a_table_that_names_its_quotas() {
        let s = Settings::parse(
            "[models]\nsonnet = \"us.anthropic.claude-3-sonnet-20240229-v1:0\"\n\
             [models.mini]\nid = \"acme.mini-v1\"\nquota_name = \"Acme Mini\"\n",
        )
        .unwrap();
        assert_eq!(s.model_id("mini"), Some("acme.mini-v1"));
        assert_eq!(s.physical_dimension("ModelId", "mini".into()), "acme.mini-v1");
        assert_eq!(s.quota_model_name("sonnet").as_deref(), Some("Anthropic Claude 3 Sonnet"));
        assert_eq!(s.quota_model_name("mini").as_deref(), Some("Acme Mini"));
        let unknown = Settings::parse("[models]\nx = \"acme.x-v1\"\n").unwrap();
        assert_eq!(unknown.quota_model_name("x"), None);
    }

    #[test]
    fn unknown_keys_and_bad_types_are_refused_with_the_key() {
        assert!(Settings::parse("[resources]\nqueeu = \"x\"").unwrap_err().contains("queeu"));
        assert!(Settings::parse("[resources]\nqueue = 3").unwrap_err().contains("queue"));
    }
}
