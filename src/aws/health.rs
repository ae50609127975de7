//! AWS Health: the open events of the Bedrock service in the deployment's region
//! (`DescribeEvents`, asked of Health's global endpoint in us-east-1). An account without a
//! Business or Enterprise support plan cannot call the API at all (`SubscriptionRequiredException`),
//! and a role may be denied it: both make Health *unavailable*, which is an answer, not a failure.

use super::{classify, timed, Clients, Failure};
use crate::error::Error;

/// One open event, as plain data.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub event_type: String,
    /// Epoch seconds.
    pub start: Option<i64>,
    pub status: String,
    pub arn: String,
}

/// What Health answered: its open events, or why it could not be asked.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Answer {
    pub events: Vec<Event>,
    pub unavailable: Option<String>,
}

/// The open BEDROCK events of `region`, every page read.
pub async fn open_bedrock_events(clients: &Clients, region: &str) -> Result<Answer, Error> {
    use aws_sdk_health::types::{EventFilter, EventStatusCode};
    let filter =
        EventFilter::builder().services("BEDROCK").regions(region).event_status_codes(EventStatusCode::Open).build();
    let mut events = Vec::new();
    let mut token: Option<String> = None;
    loop {
        let out = timed(
            "health:DescribeEvents",
            clients.health.describe_events().filter(filter.clone()).set_next_token(token.clone()).send(),
        )
        .await;
        let out = match out {
            Ok(o) => o,
            Err(e) => {
                let code = aws_sdk_health::error::ProvideErrorMetadata::code(&e).unwrap_or("").to_string();
                if code == "SubscriptionRequiredException" {
                    let why = "SubscriptionRequiredException: the AWS Health API needs a Business, Enterprise On-Ramp \
                               or Enterprise support plan";
                    return Ok(Answer { events: vec![], unavailable: Some(why.into()) });
                }
                if classify(&e) == Failure::AccessDenied {
                    let why =
                        "AWS denied health:DescribeEvents (grant it to the role masst runs as to see Bedrock events)";
                    return Ok(Answer { events: vec![], unavailable: Some(why.into()) });
                }
                return Err(super::read_error(&e, "health:DescribeEvents", "the open Bedrock events of AWS Health"));
            }
        };
        for e in out.events() {
            events.push(Event {
                event_type: e.event_type_code().unwrap_or("unknown").to_string(),
                start: e.start_time().map(|t| t.secs()),
                status: e.status_code().map(|s| s.as_str().to_lowercase()).unwrap_or_else(|| "open".into()),
                arn: e.arn().unwrap_or("").to_string(),
            });
        }
        token = out.next_token().map(String::from);
        if token.is_none() {
            return Ok(Answer { events, unavailable: None });
        }
    }
}
