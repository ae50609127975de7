//! Actions as the engine sees them: what an action id must declare so a runbook can offer it,
//! and the reference a diagnosis hands out (`id` + resolved arguments).
//!
//! The engine knows no action: the catalogue is passed in by whoever loads runbooks (it is
//! derived from the action families in `crate::actions`), so a runbook naming an id or an
//! argument the families do not have is refused at load, and the engine stays free of AWS.
//! A diagnosis carries [`ActionCall`] values; only the printer turns them into command lines,
//! and `diagnose --apply` hands them to the family as they are.

use serde::Serialize;

/// One action of contract §7, as its family declares it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActionInfo {
    /// The contract id (`concurrency.set`).
    pub id: &'static str,
    /// The command words after `masst` that run it (`concurrency set`).
    pub command: &'static str,
    /// One line for listings.
    pub summary: &'static str,
    /// The positional arguments an offer gives it, in order.
    pub params: &'static [Param],
}

/// One positional argument of an action, so an offer's arguments are checked at load.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Param {
    /// A model key of `[models]` (known only at run time, so any word, `{m}` included).
    Model,
    /// A whole number, literal or computed (`${rt_active * 0.8}`).
    Number,
    /// One of these words.
    Choice(&'static [&'static str]),
}

impl Param {
    /// How the argument is written in help and errors.
    pub fn describe(self) -> String {
        match self {
            Param::Model => "MODEL".into(),
            Param::Number => "N".into(),
            Param::Choice(words) => words.join("|"),
        }
    }
}

/// An argument of an offered action, resolved over the evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Arg {
    /// A word (a model key, `on`).
    Word(String),
    /// A number computed from signals (floored, never negative) or written as one.
    Number(f64),
    /// A computed number whose inputs were missing: the offer cannot run as it stands.
    #[serde(serialize_with = "unknown_arg")]
    Unknown,
}

fn unknown_arg<S: serde::Serializer>(s: S) -> Result<S::Ok, S::Error> {
    s.serialize_none()
}

/// An action a diagnosis or an audit check offers: typed data, not a command line.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActionCall {
    pub id: String,
    /// The command words of the id, from the catalogue the runbook was loaded with, so the
    /// printer can show the offer without looking the id up again.
    #[serde(skip)]
    pub command: &'static str,
    pub args: Vec<Arg>,
}

impl ActionCall {
    /// True when every argument could be computed, so the offer can run as it stands.
    pub fn runnable(&self) -> bool {
        !self.args.contains(&Arg::Unknown)
    }
}

/// Checks an offer's id and argument words against the catalogue at load. `words` are
/// `Some(text)` for literal words and `None` for computed (`${…}`) ones.
pub fn check_offer<'a>(catalog: &'a [ActionInfo], id: &str, words: &[Option<&str>]) -> Result<&'a ActionInfo, String> {
    let Some(info) = catalog.iter().find(|a| a.id == id) else {
        let known: Vec<&str> = catalog.iter().map(|a| a.id).collect();
        return Err(format!("`{id}` is not an action id; use one of {}", known.join(", ")));
    };
    let usage = || {
        let ps: Vec<String> = info.params.iter().map(|p| p.describe()).collect();
        format!("`{id}` takes {} ({})", info.params.len(), if ps.is_empty() { "none".into() } else { ps.join(" ") })
    };
    if words.len() != info.params.len() {
        return Err(format!("{} argument(s), not {}", usage(), words.len()));
    }
    for (p, w) in info.params.iter().zip(words) {
        match (p, w) {
            (Param::Number, Some(t)) if t.parse::<f64>().is_err() => {
                return Err(format!("`{t}` is not a number: {}", usage()))
            }
            (Param::Choice(words), Some(t)) if !words.contains(t) => {
                return Err(format!("`{t}` is not one of {}: {}", words.join(", "), usage()))
            }
            (Param::Choice(_) | Param::Model, None) => {
                return Err(format!("a computed `${{…}}` argument is a number, not a word: {}", usage()))
            }
            _ => {}
        }
    }
    Ok(info)
}

impl ActionCall {
    /// The command a person types for this call (`masst concurrency set sonnet 32`), `<N>` where
    /// a value could not be computed. Plain words, no terminal styling: the printer shows it,
    /// and a read-only preview (`masst mcp`) names it in its messages.
    pub fn command_line(&self) -> String {
        let mut s = format!("masst {}", self.command);
        for a in &self.args {
            s.push(' ');
            match a {
                Arg::Word(w) => s.push_str(w),
                Arg::Number(n) => s.push_str(&crate::text::fmt_num(*n)),
                Arg::Unknown => s.push_str("<N>"),
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CATALOG: &[ActionInfo] = &[ActionInfo {
        id: "routing.haiku",
        command: "routing haiku",
        summary: "",
        params: &[Param::Choice(&["on", "off"])],
    }];

    #[test]
    fn an_offer_is_checked_against_what_its_family_declares() {
        assert!(check_offer(CATALOG, "routing.haiku", &[Some("on")]).is_ok());
        let e = check_offer(CATALOG, "routing.haiku", &[Some("maybe")]).unwrap_err();
        assert!(e.contains("`maybe` is not one of on, off"), "{e}");
        let e = check_offer(CATALOG, "routing.haiku", &[]).unwrap_err();
        assert!(e.contains("takes 1 (on|off) argument(s), not 0"), "{e}");
        let e = check_offer(CATALOG, "routing.hiaku", &[]).unwrap_err();
        assert!(e.contains("use one of routing.haiku"), "{e}");
    }
}
