//! `dlq inspect`: the non-consuming scan, summarised by error type with examples.

#[allow(unused_imports)]
use super::*;

/// A body as shown in `--show`: text truncated and escaped (no control character, escape
/// sequence or bidirectional override reaches the terminal), anything binary described.
pub fn show_body(body: &str, limit: usize) -> String {
    // Binary: bytes that did not decode, or mostly control characters. A few control
    // characters in text (an escape sequence) are text, shown escaped.
    let control = body.chars().filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')).count();
    let replacement = body.chars().filter(|c| *c == '\u{FFFD}' || ('\u{E000}'..='\u{F8FF}').contains(c)).count();
    let binary = replacement > 0 || control * 10 > body.chars().count();
    if binary && serde_json::from_str::<serde_json::Value>(body).is_err() {
        let hex: Vec<String> = body.as_bytes().iter().take(16).map(|b| format!("{b:02x}")).collect();
        return format!("<binary, {} bytes: {}…>", body.len(), hex.join(" "));
    }
    if body.chars().count() > limit {
        let cut: String = body.chars().take(limit).collect();
        format!("{}… ({} bytes)", crate::text::escape(&cut), body.len())
    } else {
        crate::text::escape(body).into_owned()
    }
}

/// What `dlq inspect` saw.
#[derive(Debug, Default, Serialize)]
pub struct Inspection {
    pub queue: String,
    pub messages: usize,
    /// One row per error type and class (an envelope of a retryable type without a job body is
    /// *unknown*, and counted on a row of its own).
    pub by_error_type: Vec<TypeRow>,
    /// Messages per class, in the contract's words: retryable, non-retryable, unknown.
    pub by_class: BTreeMap<String, usize>,
    pub by_format: BTreeMap<String, usize>,
    pub oldest: Option<jiff::Timestamp>,
    pub newest: Option<jiff::Timestamp>,
    pub receive_counts: BTreeMap<u32, usize>,
    pub examples: Vec<Example>,
    /// What the read saw of the queue, and why it did not see the rest.
    pub coverage: crate::evidence::dlq::Coverage,
    /// With a selection: how many messages a redrive would move.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub would_move: Option<usize>,
}

/// Messages of one error type and class.
#[derive(Debug, Serialize, PartialEq)]
pub struct TypeRow {
    pub error_type: String,
    pub class: Class,
    pub messages: usize,
}

/// One example message for `--show`.
#[derive(Debug, Serialize)]
pub struct Example {
    pub id: String,
    pub error_type: Option<String>,
    pub class: Class,
    pub body: String,
}

/// Reads the DLQ (all of it, or `limit` messages) without consuming it: every message is
/// held while the scan runs, so none is counted twice, then made visible again at once.
pub async fn inspect(
    clients: &Clients,
    url: &str,
    name: &str,
    limit: Option<usize>,
    show: usize,
    select: Option<&Selection>,
) -> Result<Inspection, Error> {
    let mut ins = Inspection { queue: name.to_string(), would_move: select.map(|_| 0), ..Default::default() };
    let mut rows: BTreeMap<(String, Class), usize> = BTreeMap::new();
    let coverage = scan(clients, url, name, limit, 300, None, |m, p, s| {
        ins.messages += 1;
        if let (Some(sel), Some(n)) = (select, ins.would_move.as_mut()) {
            if matches!(sel.pick(p), Pick::Move(_)) {
                *n += 1;
            }
        }
        let key = s.error_type.clone().unwrap_or_else(|| "(none)".into());
        *rows.entry((key, s.class)).or_default() += 1;
        *ins.by_class.entry(s.class.as_str().into()).or_default() += 1;
        *ins.by_format.entry(format!("{:?}", s.format).to_lowercase()).or_default() += 1;
        if let Some(t) = s.sent_at.and_then(|t| jiff::Timestamp::from_second(t).ok()) {
            ins.oldest = Some(ins.oldest.map_or(t, |o| o.min(t)));
            ins.newest = Some(ins.newest.map_or(t, |n| n.max(t)));
        }
        if let Some(rc) = s.receive_count {
            *ins.receive_counts.entry(rc).or_default() += 1;
        }
        if ins.examples.len() < show {
            ins.examples.push(Example {
                id: s.id,
                error_type: s.error_type,
                class: s.class,
                body: show_body(&m.body, 400),
            });
        }
    })
    .await?;
    ins.coverage = coverage;
    ins.by_error_type =
        rows.into_iter().map(|((error_type, class), messages)| TypeRow { error_type, class, messages }).collect();
    for c in [Class::Retryable, Class::NonRetryable, Class::Unknown] {
        ins.by_class.entry(c.as_str().into()).or_default();
    }
    Ok(ins)
}
