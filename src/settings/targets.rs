//! `[targets.NAME]` (contract §10): the accounts and regions one run may read, each with its
//! own credentials, region, names and endpoint. A target is data only here; the credentials it
//! names are turned into a provider at the edge (`aws::load`), and the fan-out over targets
//! lives with the commands.

use std::path::{Path, PathBuf};

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// The environment variable that names the targets when `--target` is not given
/// (comma-separated).
pub const TARGET_ENV: &str = "MASST_TARGET";

/// One deployment masst may be pointed at: where it is and who masst is there.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// The target's region; without one, the profile's or the top-level one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// The AWS profile whose credentials masst uses there (or assumes `role_arn` with).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
    /// A role to assume there (with the SDK's own assume-role provider, refreshed as it expires).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role_arn: Option<String>,
    /// The external id the role's trust policy asks for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// The assumed role's session name, as CloudTrail shows it (default `masst`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_name: Option<String>,
    /// The account the target is: masst refuses to change anything when the caller is another.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
    /// That deployment's own masst.toml (its names), relative to the file that names it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub config: Option<PathBuf>,
    /// An endpoint for every call (emulators and tests).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endpoint_url: Option<String>,
}

/// A target chosen for this run, by name, with its `config` resolved to a path.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Chosen {
    pub name: String,
    pub target: Target,
    /// The config file the target's commands read: its own `config`, else the file that
    /// declared it.
    pub config: Option<PathBuf>,
}

/// Checks every target's values, naming the target and the key.
pub fn check(targets: &IndexMap<String, Target>) -> std::result::Result<(), String> {
    for (name, t) in targets {
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c)) {
            return Err(format!("[targets.{name}]: a target's name is letters, digits, `-`, `_` and `.` only"));
        }
        if let Some(a) = &t.account_id {
            if a.len() != 12 || !a.chars().all(|c| c.is_ascii_digit()) {
                return Err(format!("[targets.{name}] account_id = \"{a}\" is not a 12-digit AWS account id"));
            }
        }
        if let Some(r) = &t.role_arn {
            if !(r.starts_with("arn:") && r.contains(":role/")) {
                return Err(format!(
                    "[targets.{name}] role_arn = \"{r}\" is not a role ARN (arn:aws:iam::ACCOUNT:role/NAME)"
                ));
            }
        }
        if t.external_id.is_some() && t.role_arn.is_none() {
            return Err(format!("[targets.{name}] external_id is only used with role_arn; add the role to assume"));
        }
        if let Some(e) = &t.endpoint_url {
            super::check_endpoint(e).map_err(|e| format!("[targets.{name}] {e}"))?;
        }
    }
    Ok(())
}

/// The targets a run reads: the names given (`--target`, else `MASST_TARGET`), or every target
/// (`--all-targets`, by name: the TOML reader does not keep the file's order). Empty: no target flags, masst works as before on
/// the top-level settings.
pub fn choose(
    targets: &IndexMap<String, Target>,
    file: Option<&Path>,
    names: &[String],
    all: bool,
) -> Result<Vec<Chosen>> {
    let from_env: Vec<String>;
    let names: &[String] = if names.is_empty() && !all {
        from_env = std::env::var(TARGET_ENV)
            .ok()
            .map(|v| v.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect())
            .unwrap_or_default();
        &from_env
    } else {
        names
    };
    if (all || !names.is_empty()) && targets.is_empty() {
        let place = file.map(|f| f.display().to_string()).unwrap_or_else(|| "no masst.toml was found".into());
        return Err(Error::Usage(format!(
            "no [targets] are configured ({place}); add a [targets.NAME] table with its region and credentials \
             (contract §10), or drop --target/--all-targets/{TARGET_ENV}"
        )));
    }
    let resolve = |name: &str, t: &Target| Chosen {
        name: name.to_string(),
        target: t.clone(),
        config: match &t.config {
            Some(c) if c.is_relative() => {
                Some(file.and_then(Path::parent).map(|d| d.join(c)).unwrap_or_else(|| c.clone()))
            }
            Some(c) => Some(c.clone()),
            None => file.map(Path::to_path_buf),
        },
    };
    if all {
        let mut every: Vec<Chosen> = targets.iter().map(|(n, t)| resolve(n, t)).collect();
        every.sort_by(|a, b| a.name.cmp(&b.name));
        return Ok(every);
    }
    let mut out: Vec<Chosen> = Vec::new();
    for n in names {
        let Some(t) = targets.get(n) else {
            let known: Vec<&str> = targets.keys().map(String::as_str).collect();
            return Err(Error::Usage(format!(
                "there is no target `{}` in [targets]; the targets are {}",
                crate::text::escape(n),
                known.join(", ")
            )));
        };
        if !out.iter().any(|c| &c.name == n) {
            out.push(resolve(n, t));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn two() -> IndexMap<String, Target> {
        let mut m = IndexMap::new();
        m.insert("tokyo".into(), Target { region: Some("ap-northeast-1".into()), ..Default::default() });
        m.insert("osaka".into(), Target { config: Some("osaka.toml".into()), ..Default::default() });
        m
    }

    #[test]
    fn targets_are_chosen_by_name_or_all_in_name_order() {
        let t = two();
        let file = Path::new("/etc/masst/masst.toml");
        let all = choose(&t, Some(file), &[], true).unwrap();
        assert_eq!(all.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(), ["osaka", "tokyo"]);
        assert_eq!(all[1].config.as_deref(), Some(file), "a target without config reads the file naming it");
        assert_eq!(all[0].config.as_deref(), Some(Path::new("/etc/masst/osaka.toml")));
        let one = choose(&t, Some(file), &["osaka".into(), "osaka".into()], false).unwrap();
        assert_eq!(one.len(), 1);
        let bad = choose(&t, Some(file), &["nara".into()], false).unwrap_err().to_string();
        assert!(bad.contains("no target `nara`") && bad.contains("tokyo, osaka"), "{bad}");
    }

    #[test]
    fn a_target_with_a_bad_value_is_refused_naming_it() {
        let mut t = two();
        t["tokyo"].account_id = Some("12345".into());
        assert!(check(&t).unwrap_err().contains("[targets.tokyo] account_id"));
        let mut t = two();
        t["osaka"].external_id = Some("x".into());
        assert!(check(&t).unwrap_err().contains("only used with role_arn"));
    }
}
