//! CloudWatch Logs, read and written. Read: `FilterLogEvents` over a window with a filter
//! pattern, paged as AWS pages it (pages may be empty while `nextToken` goes on), bounded by an
//! event cap and a deadline so one noisy group cannot hold a diagnosis. Written: the lab drill
//! logs its simulated services' lines (contract §9's groups and words) where MangaAssist's would
//! be, so what reads logs reads the drill's.

use aws_sdk_cloudwatchlogs::error::ProvideErrorMetadata;
use aws_sdk_cloudwatchlogs::types::InputLogEvent;

use super::{change_error, classify, read_error, timed, Clients, Failure};
use crate::error::Error;

/// What one filtered read of a group gave.
#[derive(Debug, Clone, PartialEq)]
pub enum Read {
    /// The matching events (epoch milliseconds, message), oldest first, and why the read
    /// stopped before `nextToken` ended, if it did.
    Events { events: Vec<(i64, String)>, stopped: Option<String> },
    /// The group cannot be read, and why: it does not exist, or the read was denied.
    Missing(String),
}

/// Reads the events of `group` matching `pattern` between `start_ms` and `end_ms`, page after
/// page until `nextToken` ends, `cap` events, or `deadline` has passed. A group that does not
/// exist or a denied read is [`Read::Missing`]; any other failure is an error.
pub async fn filter_events(
    clients: &Clients,
    group: &str,
    pattern: &str,
    (start_ms, end_ms): (i64, i64),
    cap: usize,
    deadline: std::time::Duration,
) -> Result<Read, Error> {
    let started = std::time::Instant::now();
    let mut events = Vec::new();
    let mut token: Option<String> = None;
    loop {
        let call = clients
            .logs
            .filter_log_events()
            .log_group_name(group)
            .filter_pattern(pattern)
            .start_time(start_ms)
            .end_time(end_ms)
            .set_next_token(token.take());
        let out = match timed("logs:FilterLogEvents", call.send()).await {
            Ok(o) => o,
            Err(e) => {
                return match classify(&e) {
                    Failure::NotFound => Ok(Read::Missing(format!("the log group {group} does not exist"))),
                    Failure::AccessDenied => Ok(Read::Missing(format!(
                        "AWS denied logs:FilterLogEvents on the log group {group}: grant it to read the lines"
                    ))),
                    _ => Err(read_error(&e, "logs:FilterLogEvents", &format!("the log group {group}"))),
                };
            }
        };
        for ev in out.events() {
            events.push((ev.timestamp().unwrap_or_default(), ev.message().unwrap_or_default().to_string()));
        }
        if events.len() >= cap {
            events.truncate(cap);
            return Ok(Read::Events { events, stopped: Some(format!("{cap} matching events")) });
        }
        // Empty pages with a token are AWS's way of saying it is still scanning: go on.
        token = out.next_token().filter(|t| !t.is_empty()).map(String::from);
        if token.is_none() {
            return Ok(Read::Events { events, stopped: None });
        }
        if started.elapsed() >= deadline {
            let why = format!("the call deadline ({} s)", deadline.as_secs());
            return Ok(Read::Events { events, stopped: Some(why) });
        }
    }
}

/// The stream masst writes its lines to in each group.
pub const STREAM: &str = "masst-drill";

/// Creates `group` unless it exists: `lab up` makes every group of contract §9, so a world
/// with no lines in one reads as "no matching lines", not as a group that is not there.
pub async fn create_group(clients: &Clients, group: &str) -> Result<(), Error> {
    if let Err(e) = timed("logs:CreateLogGroup", clients.logs.create_log_group().log_group_name(group).send()).await {
        if e.as_service_error().and_then(|s| s.code()) != Some("ResourceAlreadyExistsException") {
            return Err(change_error(&e, "logs:CreateLogGroup", &format!("the log group {group}")));
        }
    }
    Ok(())
}

/// Appends `lines` (epoch milliseconds, text) to `group`, creating the group and its stream on
/// first use. Lines go in time order, as PutLogEvents requires.
pub async fn put_lines(clients: &Clients, group: &str, lines: &[(i64, String)]) -> Result<(), Error> {
    if lines.is_empty() {
        return Ok(());
    }
    let what = format!("the log group {group}");
    create_group(clients, group).await?;
    let stream = clients.logs.create_log_stream().log_group_name(group).log_stream_name(STREAM).send();
    if let Err(e) = timed("logs:CreateLogStream", stream).await {
        if e.as_service_error().and_then(|s| s.code()) != Some("ResourceAlreadyExistsException") {
            return Err(change_error(&e, "logs:CreateLogStream", &what));
        }
    }
    let mut events: Vec<InputLogEvent> = lines
        .iter()
        .map(|(t, text)| InputLogEvent::builder().timestamp(*t).message(text).build().expect("time and message set"))
        .collect();
    events.sort_by_key(|e| e.timestamp());
    let put = clients.logs.put_log_events().log_group_name(group).log_stream_name(STREAM).set_log_events(Some(events));
    timed("logs:PutLogEvents", put.send()).await.map_err(|e| change_error(&e, "logs:PutLogEvents", &what))?;
    Ok(())
}
