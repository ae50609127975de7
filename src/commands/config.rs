//! `masst config show`: every effective setting, and whether it is a default, from the
//! config file, or from a flag or the environment.

use super::Global;
use crate::error::{Outcome, Result};
use crate::settings::Settings;
use crate::ui::Printer;
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print every setting with its value and origin.
    Show,
}

fn flatten(prefix: &str, v: &toml::Value, out: &mut Vec<(String, String)>) {
    match v {
        toml::Value::Table(t) => {
            for (k, v) in t {
                let key = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
                flatten(&key, v, out);
            }
        }
        other => out.push((prefix.to_string(), other.to_string())),
    }
}

/// `masst config show`.
pub fn show(global: &Global, printer: &Printer) -> Result<Outcome> {
    let loaded = Settings::load(global.config.as_deref())?;
    let file = loaded.file.as_ref().map(|p| p.display().to_string());
    let value = toml::Value::try_from(&loaded.settings).expect("settings serialize");
    let mut rows = Vec::new();
    flatten("", &value, &mut rows);
    let env = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    let overrides: [(&str, Option<String>, &str); 3] = [
        (
            "aws.profile",
            global.profile.clone().or_else(|| env("AWS_PROFILE")),
            if global.profile.is_some() { "--profile" } else { "AWS_PROFILE" },
        ),
        (
            "aws.region",
            global.region.clone().or_else(|| env("AWS_REGION")),
            if global.region.is_some() { "--region" } else { "AWS_REGION" },
        ),
        (
            "aws.endpoint_url",
            global.endpoint_url.clone().or_else(|| env("AWS_ENDPOINT_URL")),
            if global.endpoint_url.is_some() { "--endpoint-url" } else { "AWS_ENDPOINT_URL" },
        ),
    ];
    let mut shown: Vec<(String, String, String)> = rows
        .into_iter()
        .map(|(k, v)| {
            let origin = if loaded.set_by_file.iter().any(|s| s == &k) {
                file.clone().unwrap_or_default()
            } else {
                "default".to_string()
            };
            (k, v, origin)
        })
        .collect();
    for (key, val, origin) in overrides {
        if let Some(val) = val {
            shown.retain(|(k, _, _)| k != key);
            shown.push((key.to_string(), format!("{val:?}"), origin.to_string()));
        }
    }
    if printer.json() {
        let v: Vec<_> = shown.iter().map(|(k, v, o)| serde_json::json!({"key": k, "value": v, "origin": o})).collect();
        printer.json_value(&serde_json::json!({ "file": file, "settings": v }));
    } else {
        printer.line(format!("# config file: {}", file.as_deref().unwrap_or("none found (built-in defaults)")));
        for (k, v, o) in shown {
            printer.line(format!("{k} = {v}    # {o}"));
        }
    }
    Ok(Outcome::Clear)
}
