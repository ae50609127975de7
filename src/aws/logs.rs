//! CloudWatch Logs, written: the lab drill logs its simulated services' lines (contract §9's
//! groups and words) where MangaAssist's would be, so what reads logs reads the drill's.

use aws_sdk_cloudwatchlogs::error::ProvideErrorMetadata;
use aws_sdk_cloudwatchlogs::types::InputLogEvent;

use super::{change_error, timed, Clients};
use crate::error::Error;

/// The stream masst writes its lines to in each group.
pub const STREAM: &str = "masst-drill";

/// Appends `lines` (epoch milliseconds, text) to `group`, creating the group and its stream on
/// first use. Lines go in time order, as PutLogEvents requires.
pub async fn put_lines(clients: &Clients, group: &str, lines: &[(i64, String)]) -> Result<(), Error> {
    if lines.is_empty() {
        return Ok(());
    }
    let what = format!("the log group {group}");
    if let Err(e) = timed("logs:CreateLogGroup", clients.logs.create_log_group().log_group_name(group).send()).await {
        if e.as_service_error().and_then(|s| s.code()) != Some("ResourceAlreadyExistsException") {
            return Err(change_error(&e, "logs:CreateLogGroup", &what));
        }
    }
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
