//! The one way masst reaches AWS: an `SdkConfig` built from the flags, the SDK's own
//! environment and `masst.toml`, in that order, and the translation of SDK errors into
//! messages that say what to do (AccessDenied names the IAM action that was refused).

use std::time::Duration;

use aws_config::{retry::RetryConfig, timeout::TimeoutConfig, BehaviorVersion, Region, SdkConfig};
use aws_sdk_cloudwatch::error::{ProvideErrorMetadata, SdkError};
use aws_smithy_types::error::display::DisplayErrorContext;

use crate::error::Error;
use crate::settings::Settings;

/// Where and how to reach AWS, after flags, environment and config file are merged.
#[derive(Debug, Clone, Default)]
pub struct AwsOptions {
    pub profile: Option<String>,
    pub region: Option<String>,
    pub endpoint_url: Option<String>,
}

/// The service clients a command may need, all from one `SdkConfig`.
#[derive(Clone, Debug)]
pub struct Clients {
    pub cloudwatch: aws_sdk_cloudwatch::Client,
    pub sqs: aws_sdk_sqs::Client,
    pub ecs: aws_sdk_ecs::Client,
    pub appconfig: aws_sdk_appconfig::Client,
    pub sts: aws_sdk_sts::Client,
    /// The endpoint in use, for messages (`None`: AWS's own).
    pub endpoint: Option<String>,
    pub region: String,
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// Loads the SDK configuration. Flags win over the SDK's environment (`AWS_PROFILE`,
/// `AWS_REGION`, `AWS_ENDPOINT_URL`, ...), which wins over `masst.toml`. Retries use the SDK's
/// adaptive mode (`AWS_MAX_ATTEMPTS`, default 3); every call is bounded by a timeout.
pub async fn load(opts: &AwsOptions, settings: &Settings) -> Result<Clients, Error> {
    let mut loader = aws_config::defaults(BehaviorVersion::latest());
    let profile = opts.profile.clone().or_else(|| env("AWS_PROFILE")).or_else(|| settings.aws.profile.clone());
    if let Some(p) = &profile {
        loader = loader.profile_name(p);
    }
    let region = opts.region.clone().or_else(|| env("AWS_REGION")).or_else(|| env("AWS_DEFAULT_REGION"));
    let region = region.or_else(|| if profile.is_none() { settings.aws.region.clone() } else { None });
    if let Some(r) = &region {
        loader = loader.region(Region::new(r.clone()));
    }
    let endpoint =
        opts.endpoint_url.clone().or_else(|| env("AWS_ENDPOINT_URL")).or_else(|| settings.aws.endpoint_url.clone());
    if let Some(e) = &endpoint {
        loader = loader.endpoint_url(e);
    }
    let attempts = env("AWS_MAX_ATTEMPTS").and_then(|v| v.parse().ok()).unwrap_or(3u32).max(1);
    let retry = match env("AWS_RETRY_MODE").as_deref() {
        Some("standard") | Some("legacy") => RetryConfig::standard(),
        _ => RetryConfig::adaptive(),
    };
    let per_call = Duration::from_secs(settings.aws.call_timeout_s.unwrap_or(10));
    let conf: SdkConfig = loader
        .retry_config(retry.with_max_attempts(attempts))
        .timeout_config(
            TimeoutConfig::builder()
                .connect_timeout(Duration::from_secs(3))
                .operation_attempt_timeout(per_call)
                .operation_timeout(per_call * attempts)
                .build(),
        )
        .load()
        .await;
    let Some(region) = conf.region().map(|r| r.to_string()) else {
        return Err(Error::Evidence(
            "no AWS region is set: pass --region, set AWS_REGION, or add `region` to [aws] in masst.toml".into(),
        ));
    };
    Ok(Clients {
        cloudwatch: aws_sdk_cloudwatch::Client::new(&conf),
        sqs: aws_sdk_sqs::Client::new(&conf),
        ecs: aws_sdk_ecs::Client::new(&conf),
        appconfig: aws_sdk_appconfig::Client::new(&conf),
        sts: aws_sdk_sts::Client::new(&conf),
        endpoint,
        region,
    })
}

impl Clients {
    /// The AWS account id, for the journal; `None` when STS will not say.
    pub async fn account(&self) -> Option<String> {
        self.sts.get_caller_identity().send().await.ok().and_then(|o| o.account().map(String::from))
    }
}

/// Turns an SDK error into the one-paragraph message the engineer sees. `action` is the IAM
/// action of the call (`cloudwatch:GetMetricData`), `what` what was being read.
pub fn explain<E, R>(err: &SdkError<E, R>, action: &str, what: &str) -> String
where
    E: ProvideErrorMetadata + std::error::Error + 'static,
    R: std::fmt::Debug,
{
    let chain = DisplayErrorContext(err).to_string();
    if let SdkError::ServiceError(se) = err {
        let e = se.err();
        let code = e.code().unwrap_or("");
        let msg = e.message().unwrap_or("").trim();
        return match code {
            "AccessDenied" | "AccessDeniedException" | "UnauthorizedOperation" | "AuthorizationError" => format!(
                "AWS denied {action} while reading {what} ({msg}). Grant the IAM action `{action}` to the role or user masst runs as, then retry."
            ),
            "ExpiredToken" | "ExpiredTokenException" | "RequestExpired" | "TokenRefreshRequired" => format!(
                "the AWS session has expired ({action} refused it). Refresh the credentials (e.g. `aws sso login`, or a new session token) and retry."
            ),
            "UnrecognizedClientException" | "InvalidClientTokenId" | "InvalidSignatureException" | "SignatureDoesNotMatch"
            | "IncompleteSignature" => format!(
                "AWS does not accept these credentials ({code} on {action}): check the access key, secret and profile (--profile / AWS_PROFILE)."
            ),
            "ThrottlingException" | "Throttling" | "RequestLimitExceeded" | "TooManyRequestsException"
            | "RequestThrottled" | "RequestThrottledException" => format!(
                "AWS kept throttling {action} while reading {what}, even after retries. Wait a minute and retry, or raise AWS_MAX_ATTEMPTS."
            ),
            "" => format!("{action} failed while reading {what}: {chain}"),
            _ => format!("{action} failed while reading {what}: {code}: {msg}"),
        };
    }
    let lower = chain.to_ascii_lowercase();
    if lower.contains("credential") {
        return format!(
            "no usable AWS credentials: {chain}. Configure the standard chain (AWS_ACCESS_KEY_ID / AWS_PROFILE / SSO / instance role) and retry."
        );
    }
    match err {
        SdkError::TimeoutError(_) => format!(
            "{action} timed out while reading {what}. AWS (or the endpoint) did not answer in time; check the network and retry."
        ),
        SdkError::DispatchFailure(_) => format!(
            "could not reach AWS for {action} ({chain}). Check --endpoint-url / AWS_ENDPOINT_URL, the region and the network, then retry."
        ),
        SdkError::ResponseError(_) => format!(
            "AWS answered {action} with a response masst could not read ({chain}); retry, or check --endpoint-url points at AWS."
        ),
        _ => format!("{action} could not be sent while reading {what}: {chain}"),
    }
}

/// Clients for tests of SDK error paths: the given (mocked) CloudWatch and SQS clients, and
/// mocks with no rules for the rest.
#[cfg(test)]
pub(crate) fn mocked(cloudwatch: aws_sdk_cloudwatch::Client, sqs: aws_sdk_sqs::Client) -> Clients {
    use aws_smithy_mocks::mock_client;
    let sts = aws_sdk_sts::Config::builder()
        .behavior_version(aws_sdk_sts::config::BehaviorVersion::latest())
        .region(aws_sdk_sts::config::Region::new("us-east-1"))
        .build();
    Clients {
        cloudwatch,
        sqs,
        ecs: mock_client!(aws_sdk_ecs, []),
        appconfig: mock_client!(aws_sdk_appconfig, []),
        sts: aws_sdk_sts::Client::from_conf(sts),
        endpoint: None,
        region: "us-east-1".into(),
    }
}

/// Is `url` on this machine (127.0.0.0/8, localhost, ::1)? `lab` only ever writes there.
pub fn is_loopback(url: &str) -> bool {
    let rest = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    let authority = rest.split(['/', '?']).next().unwrap_or("");
    let host = if let Some(v6) = authority.strip_prefix('[') {
        v6.split(']').next().unwrap_or("")
    } else {
        authority.rsplit_once(':').map(|(h, _)| h).unwrap_or(authority)
    };
    if host.eq_ignore_ascii_case("localhost") {
        return true;
    }
    host.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_endpoints_count_as_local() {
        for ok in ["http://127.0.0.1:4566", "http://localhost:1", "http://[::1]:9000/", "http://127.9.9.9"] {
            assert!(is_loopback(ok), "{ok}");
        }
        for no in [
            "https://sqs.us-east-1.amazonaws.com",
            "http://10.0.0.5:4566",
            "http://192.168.1.2",
            "http://127.0.0.1.evil.com",
        ] {
            assert!(!is_loopback(no), "{no}");
        }
    }
}
