//! The live collector: gathers exactly the evidence the chosen runbooks read, in as few AWS
//! calls as the APIs allow, with every independent call in flight at once. Each kind of
//! evidence is a source in `evidence::source`; this file only runs them together.
//!
//! One `GetMetricData` for every metric signal (paged only past its 500-query limit), one
//! `GetQueueAttributes` per queue, one `DescribeServices` for every ECS service, the AppConfig
//! chain to the deployed document, and a DLQ sample read without consuming it. A metric with no
//! datapoints is left out of the evidence (*missing*), never written as zero; any call that
//! fails fails the collection, so no verdict is ever built on what could not be read.

use futures::future::try_join_all;

use crate::aws::Clients;
use crate::error::Error;
pub use crate::evidence::source::dlq_sample::{parse_message, sample_dlq, scan, summarize};
pub use crate::evidence::source::quotas::quotas;
use crate::evidence::source::{Cx, SOURCES};
use crate::evidence::Evidence;
pub use crate::evidence::Plan;
use crate::settings::Settings;

/// Collects the evidence of `plan` over the last `window` minutes before `now`.
pub async fn collect(
    clients: &Clients,
    settings: &Settings,
    plan: &Plan,
    window: u32,
    now: jiff::Timestamp,
) -> Result<Evidence, Error> {
    let mut ev = Evidence::new(format!("aws:{}", clients.region), now);
    ev.window_minutes = window;
    let end = now.as_second() - now.as_second().rem_euclid(60);
    let start = end - window as i64 * 60;
    let cx = Cx { clients, settings, plan, start, end };
    // Every source at once: nothing here depends on another's answer.
    let found = try_join_all(SOURCES.iter().map(|s| s.read(&cx))).await?;
    for f in found {
        f(&mut ev);
    }
    // What AWS answered is checked like a snapshot: no verdict on a non-finite value.
    ev.check().map_err(|e| Error::Evidence(format!("AWS returned evidence masst cannot judge: {e}")))?;
    Ok(ev)
}

/// SDK error paths the emulator cannot produce (AccessDenied, throttling that outlasts the
/// retries, a queue that vanished), with `aws-smithy-mocks` standing in for AWS.
#[cfg(test)]
mod sdk_error_paths {
    use super::*;
    use aws_sdk_cloudwatch::operation::get_metric_data::GetMetricDataError;
    use aws_sdk_sqs::operation::get_queue_url::GetQueueUrlError;
    use aws_smithy_mocks::{mock, mock_client};
    use aws_smithy_types::error::ErrorMetadata;

    fn clients(cloudwatch: aws_sdk_cloudwatch::Client, sqs: aws_sdk_sqs::Client) -> Clients {
        crate::aws::mocked(cloudwatch, sqs)
    }

    fn metrics_only() -> Plan {
        Plan { metrics: ["MangaAssist/Throughput:ThrottleRate".to_string()].into_iter().collect(), ..Plan::default() }
    }

    fn run(c: &Clients, plan: &Plan) -> Result<Evidence, Error> {
        tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(collect(
            c,
            &Settings::default(),
            plan,
            60,
            jiff::Timestamp::now(),
        ))
    }

    #[test]
    fn access_denied_names_the_iam_action_that_was_refused() {
        let denied = mock!(aws_sdk_cloudwatch::Client::get_metric_data).then_error(|| {
            GetMetricDataError::generic(
                ErrorMetadata::builder()
                    .code("AccessDenied")
                    .message("User: arn:aws:iam::1:user/oncall is not authorized to perform: cloudwatch:GetMetricData")
                    .build(),
            )
        });
        let c = clients(mock_client!(aws_sdk_cloudwatch, [&denied]), mock_client!(aws_sdk_sqs, []));
        let err = run(&c, &metrics_only()).unwrap_err();
        assert_eq!((err.kind().as_str(), err.exit_code()), ("aws:access-denied", 3));
        assert_eq!(err.denied_action(), Some("cloudwatch:GetMetricData"), "typed, not read back from the words");
        let msg = err.to_string();
        assert!(msg.contains("Grant the IAM action `cloudwatch:GetMetricData`"), "{msg}");
    }

    #[test]
    fn throttling_that_outlasts_the_retries_says_so() {
        let throttled = mock!(aws_sdk_cloudwatch::Client::get_metric_data).then_error(|| {
            GetMetricDataError::generic(ErrorMetadata::builder().code("Throttling").message("Rate exceeded").build())
        });
        let c = clients(mock_client!(aws_sdk_cloudwatch, [&throttled]), mock_client!(aws_sdk_sqs, []));
        let err = run(&c, &metrics_only()).unwrap_err();
        assert_eq!((err.kind().as_str(), err.exit_code()), ("aws:throttled", 3));
        assert!(err.to_string().contains("kept throttling cloudwatch:GetMetricData"), "{err}");
    }

    #[test]
    fn an_expired_session_asks_for_fresh_credentials() {
        let expired = mock!(aws_sdk_sqs::Client::get_queue_url).then_error(|| {
            GetQueueUrlError::generic(
                ErrorMetadata::builder()
                    .code("ExpiredToken")
                    .message("The security token included in the request is expired")
                    .build(),
            )
        });
        let c = clients(mock_client!(aws_sdk_cloudwatch, []), mock_client!(aws_sdk_sqs, [&expired]));
        let plan = Plan { queues: ["primary".to_string()].into_iter().collect(), ..Plan::default() };
        let err = run(&c, &plan).unwrap_err();
        assert_eq!(err.kind(), "aws:expired-credentials");
        assert!(err.to_string().contains("session has expired"), "{err}");
    }

    #[test]
    fn a_metric_without_datapoints_is_left_missing_not_zero() {
        let empty = mock!(aws_sdk_cloudwatch::Client::get_metric_data).then_output(|| {
            aws_sdk_cloudwatch::operation::get_metric_data::GetMetricDataOutput::builder()
                .metric_data_results(aws_sdk_cloudwatch::types::MetricDataResult::builder().id("m0").build())
                .build()
        });
        let c = clients(mock_client!(aws_sdk_cloudwatch, [&empty]), mock_client!(aws_sdk_sqs, []));
        let ev = run(&c, &metrics_only()).unwrap();
        assert!(ev.metrics.is_empty(), "{:?}", ev.metrics);
    }
}
