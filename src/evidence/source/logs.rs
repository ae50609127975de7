//! CloudWatch Logs: one `FilterLogEvents` read (paged) per log role and filter pattern the plan
//! names, all at once and beside every other source, so logs add no sequential round trip to a
//! diagnosis. A group that does not exist or cannot be read is recorded as *missing* with the
//! reason, never as "no lines": the signals of it are then unknown, and logs only corroborate.

use std::collections::BTreeMap;

use futures::future::{try_join_all, BoxFuture};

use super::{Cx, Found, Source};
use crate::aws::logs::{filter_events, Read};
use crate::error::Error;
use crate::evidence::{Evidence, LogGroupState, LogLine};

/// The most matching events one read keeps (contract §9); a capped read says "at least".
pub const CAP: usize = 1000;

/// The CloudWatch Logs source.
pub struct Logs;

impl Source for Logs {
    fn name(&self) -> &'static str {
        "logs"
    }

    fn read<'a>(&'a self, cx: &'a Cx<'a>) -> BoxFuture<'a, Result<Found, Error>> {
        Box::pin(async move {
            if cx.plan.logs.is_empty() {
                return Ok(Box::new(|_: &mut Evidence| {}) as Found);
            }
            let groups = read_all(cx).await?;
            let ids: BTreeMap<String, String> =
                cx.settings.models.iter().map(|(k, v)| (k.clone(), v.id().to_string())).collect();
            Ok(Box::new(move |ev: &mut Evidence| {
                ev.logs = groups;
                ev.model_ids = ids;
            }) as Found)
        })
    }
}

async fn read_all(cx: &Cx<'_>) -> Result<BTreeMap<String, LogGroupState>, Error> {
    let timeout = cx.settings.aws.call_timeout_s.unwrap_or(crate::aws::DEFAULT_CALL_TIMEOUT_S);
    let deadline = std::time::Duration::from_secs(timeout);
    // The window's end is the current minute's end: a line logged seconds ago counts.
    let end_ms = (cx.end + 60) * 1000;
    let reads = cx.plan.logs.iter().flat_map(|(role, filters)| {
        let group = cx.settings.log_group(role);
        filters.iter().map(move |(pattern, minutes)| {
            let group = group.clone();
            async move {
                let start_ms = end_ms - (*minutes as i64 + 1) * 60_000;
                let read = filter_events(cx.clients, &group, pattern, (start_ms, end_ms), CAP, deadline).await?;
                Ok::<_, Error>((role.clone(), group, pattern.clone(), read))
            }
        })
    });
    let mut out: BTreeMap<String, LogGroupState> = BTreeMap::new();
    for (role, group, pattern, read) in try_join_all(reads).await? {
        let st = out.entry(role).or_insert_with(|| LogGroupState { group, ..Default::default() });
        match read {
            Read::Missing(why) => st.missing = Some(why),
            Read::Events { events, stopped } => {
                if let Some(why) = stopped {
                    st.capped.insert(pattern, why);
                }
                for (ms, text) in events {
                    let at = jiff::Timestamp::from_millisecond(ms).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
                    st.lines.push(LogLine { at, text });
                }
            }
        }
    }
    for st in out.values_mut() {
        // Two patterns may return the same line: keep each once, oldest first.
        st.lines.sort_by(|a, b| a.at.cmp(&b.at).then_with(|| a.text.cmp(&b.text)));
        st.lines.dedup();
    }
    Ok(out)
}
