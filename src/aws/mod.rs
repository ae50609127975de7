//! The only place masst touches the AWS SDK: an `SdkConfig` built from the flags, the SDK's
//! own environment and `masst.toml`, in that order; the translation of SDK errors into typed
//! errors whose words say what to do (AccessDenied names the IAM action that was refused); and
//! one module per service (`sqs`, `cloudwatch`, `appconfig`, `ecs`, `quotas`) that takes and
//! returns plain data, so the collector and the action families never build a request. `lab`
//! builds a scenario's world in an emulator.

use std::time::Duration;

use aws_config::{retry::RetryConfig, timeout::TimeoutConfig, BehaviorVersion, Region, SdkConfig};
use aws_sdk_cloudwatch::error::{ProvideErrorMetadata, SdkError};
use aws_smithy_types::error::display::DisplayErrorContext;

use crate::error::{AwsError, Error, Stage};
use crate::settings::Settings;

pub mod appconfig;
pub mod cloudwatch;
pub mod drill;
pub mod ecs;
pub mod health;
pub mod lab;
pub mod lab_reset;
pub mod logs;
pub mod operations;
pub mod quotas;
pub mod sqs;

/// Where and how to reach AWS, after flags, environment and config file are merged.
#[derive(Debug, Clone, Default)]
pub struct AwsOptions {
    pub profile: Option<String>,
    pub region: Option<String>,
    pub endpoint_url: Option<String>,
    /// A role to assume over the credentials found (a target's `role_arn`).
    pub assume: Option<Assume>,
    /// The `[targets]` name these options were bound to, for the journal.
    pub target: Option<String>,
}

/// A role to assume with the SDK's own provider (`aws_config::sts::AssumeRoleProvider`): it
/// calls `sts:AssumeRole` with the base credentials and refreshes the session before it expires.
#[derive(Debug, Clone)]
pub struct Assume {
    pub role_arn: String,
    pub external_id: Option<String>,
    pub session_name: String,
}

/// The service clients a command may need, all from one `SdkConfig`.
#[derive(Clone, Debug)]
pub struct Clients {
    pub cloudwatch: aws_sdk_cloudwatch::Client,
    pub sqs: aws_sdk_sqs::Client,
    pub ecs: aws_sdk_ecs::Client,
    pub appconfig: aws_sdk_appconfig::Client,
    pub sts: aws_sdk_sts::Client,
    pub servicequotas: aws_sdk_servicequotas::Client,
    pub autoscaling: aws_sdk_applicationautoscaling::Client,
    pub logs: aws_sdk_cloudwatchlogs::Client,
    /// AWS Health, always in us-east-1 (its API has one endpoint for every region).
    pub health: aws_sdk_health::Client,
    /// The endpoint in use, for messages (`None`: AWS's own).
    pub endpoint: Option<String>,
    pub region: String,
    /// The `[targets]` name these clients reach, when one was chosen (the journal records it).
    pub target: Option<String>,
    /// Names already resolved to URLs and ids, so a refresh (`watch`, `verify`) does not
    /// resolve them again: its critical path stays at two round trips.
    pub resolved: std::sync::Arc<Resolved>,
}

/// What one command has resolved so far: queue URLs by name, the AppConfig ids.
#[derive(Debug, Default)]
pub struct Resolved {
    pub queue_urls: std::sync::Mutex<std::collections::BTreeMap<String, String>>,
    /// Application, environment and profile ids.
    pub appconfig: std::sync::Mutex<Option<(String, String, String)>>,
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
        crate::settings::check_endpoint(e)?;
        loader = loader.endpoint_url(e);
    }
    if let Some(p) = &profile {
        check_profile(p)?;
    }
    let attempts = env("AWS_MAX_ATTEMPTS").and_then(|v| v.parse().ok()).unwrap_or(3u32).max(1);
    let retry = match env("AWS_RETRY_MODE").as_deref() {
        Some("standard") | Some("legacy") => RetryConfig::standard(),
        _ => RetryConfig::adaptive(),
    };
    let timeout_s = settings.aws.call_timeout_s.unwrap_or(DEFAULT_CALL_TIMEOUT_S);
    let reach = (endpoint.clone().unwrap_or_else(|| "AWS's regional endpoint".into()), timeout_s);
    let _ = REACH.set(reach.clone());
    REACH_HERE.with(|r| *r.borrow_mut() = Some(reach));
    let per_call = Duration::from_secs(timeout_s);
    let conf: SdkConfig = loader
        .retry_config(retry.with_max_attempts(attempts))
        .timeout_config(
            TimeoutConfig::builder()
                .connect_timeout(Duration::from_secs(3))
                .operation_attempt_timeout(per_call)
                .operation_timeout(per_call.saturating_mul(attempts))
                .build(),
        )
        .load()
        .await;
    let Some(region) = conf.region().map(|r| r.to_string()) else {
        return Err(Error::Evidence(
            "no AWS region is set: pass --region, set AWS_REGION, or add `region` to [aws] in masst.toml".into(),
        ));
    };
    let conf = match &opts.assume {
        Some(a) => assume(conf, a).await,
        None => conf,
    };
    let mut clients = Clients::from_conf(&conf, endpoint, region);
    clients.target = opts.target.clone();
    Ok(clients)
}

/// The configuration with the role's credentials in place of the ones found: the SDK's
/// assume-role provider, over the base chain, sends `sts:AssumeRole` (to the same endpoint
/// and region) on first use and again before the session expires.
async fn assume(base: SdkConfig, a: &Assume) -> SdkConfig {
    let mut b = aws_config::sts::AssumeRoleProvider::builder(a.role_arn.clone()).session_name(a.session_name.clone());
    if let Some(id) = &a.external_id {
        b = b.external_id(id.clone());
    }
    let provider = b.configure(&base).build().await;
    base.to_builder()
        .credentials_provider(aws_credential_types::provider::SharedCredentialsProvider::new(provider))
        .build()
}

impl Clients {
    /// Every service client from one `SdkConfig`.
    pub fn from_conf(conf: &SdkConfig, endpoint: Option<String>, region: String) -> Clients {
        Clients {
            cloudwatch: aws_sdk_cloudwatch::Client::new(conf),
            sqs: aws_sdk_sqs::Client::new(conf),
            ecs: aws_sdk_ecs::Client::new(conf),
            appconfig: aws_sdk_appconfig::Client::new(conf),
            sts: aws_sdk_sts::Client::new(conf),
            servicequotas: aws_sdk_servicequotas::Client::new(conf),
            autoscaling: aws_sdk_applicationautoscaling::Client::new(conf),
            logs: aws_sdk_cloudwatchlogs::Client::new(conf),
            health: aws_sdk_health::Client::from_conf(
                aws_sdk_health::config::Builder::from(conf).region(Region::new("us-east-1")).build(),
            ),
            endpoint,
            region,
            target: None,
            resolved: Default::default(),
        }
    }
}

/// A named profile must exist in the shared config or credentials file, else the credential
/// chain fails much later with an error that does not name it.
fn check_profile(name: &str) -> Result<(), Error> {
    let home = std::env::var("HOME").unwrap_or_default();
    let config = env("AWS_CONFIG_FILE").unwrap_or_else(|| format!("{home}/.aws/config"));
    let creds = env("AWS_SHARED_CREDENTIALS_FILE").unwrap_or_else(|| format!("{home}/.aws/credentials"));
    let has = |file: &str, header: &dyn Fn(&str) -> bool| {
        std::fs::read_to_string(file).is_ok_and(|t| {
            t.lines().filter_map(|l| l.trim().strip_prefix('[')?.strip_suffix(']')).any(|h| header(h.trim()))
        })
    };
    let in_config = has(&config, &|h| h == format!("profile {name}") || (name == "default" && h == "default"));
    if in_config || has(&creds, &|h| h == name) {
        return Ok(());
    }
    Err(Error::Config(format!(
        "the AWS profile `{}` does not exist in {config} or {creds}. Check --profile / AWS_PROFILE / [aws] profile \
         (`aws configure list-profiles` lists them)",
        crate::text::escape(name)
    )))
}

impl Clients {
    /// The AWS account id, for the journal; `None` when STS will not say.
    pub async fn account(&self) -> Option<String> {
        self.sts.get_caller_identity().send().await.ok().and_then(|o| o.account().map(String::from))
    }

    /// The account the credentials belong to (`sts:GetCallerIdentity`), or why it could not
    /// be read: what the account guard before a change and the fan-out's account column use.
    pub async fn caller_account(&self) -> Result<String, Error> {
        let out = timed("sts:GetCallerIdentity", self.sts.get_caller_identity().send())
            .await
            .map_err(|e| read_error(&e, "sts:GetCallerIdentity", "the caller's account"))?;
        out.account().map(String::from).ok_or_else(|| {
            Error::Evidence(
                "sts:GetCallerIdentity answered without an account id; masst cannot tell whose account this is".into(),
            )
        })
    }
}

/// What `explain` needs to know of the connection to word a failure: where masst was
/// talking to and how long one call may take. Set once by [`load`].
static REACH: std::sync::OnceLock<(String, u64)> = std::sync::OnceLock::new();

thread_local! {
    /// The same, for the thread that loaded it: each target of a fan-out reads on its own
    /// thread, and its failures name its own endpoint.
    static REACH_HERE: std::cell::RefCell<Option<(String, u64)>> = const { std::cell::RefCell::new(None) };
}

fn reach() -> (String, u64) {
    if let Some(r) = REACH_HERE.with(|r| r.borrow().clone()) {
        return r;
    }
    REACH.get().cloned().unwrap_or_else(|| ("AWS's regional endpoint".into(), DEFAULT_CALL_TIMEOUT_S))
}

/// Seconds one AWS call may take unless `masst.toml` says otherwise.
pub const DEFAULT_CALL_TIMEOUT_S: u64 = 10;

pub use crate::error::Failure;

/// Classifies an SDK error by its structure: the service error code, the dispatch failure's
/// kind, and the typed errors in its source chain (credentials, I/O).
pub fn classify<E, R>(err: &SdkError<E, R>) -> Failure
where
    E: ProvideErrorMetadata + std::error::Error + 'static,
    R: std::fmt::Debug + 'static,
{
    if let Some(c) =
        source_chain(err).find_map(|e| e.downcast_ref::<aws_credential_types::provider::error::CredentialsError>())
    {
        use aws_credential_types::provider::error::CredentialsError as C;
        let why = match c {
            C::CredentialsNotLoaded(_) => "no credentials were found in the chain (environment, profile, SSO, web identity, container, instance role)".to_string(),
            C::ProviderTimedOut(_) => "the credential provider timed out".to_string(),
            C::InvalidConfiguration(_) => "the credential configuration is invalid".to_string(),
            _ => match assume_role_refusal(err) {
                Some(why) => why,
                None => "the credential provider failed".to_string(),
            },
        };
        return Failure::NoCredentials(why);
    }
    match err {
        SdkError::ServiceError(se) => {
            let e = se.err();
            let code = e.code().unwrap_or("").to_string();
            let message: String = e.message().unwrap_or("").trim().chars().take(200).collect();
            match code.as_str() {
                "AccessDenied" | "AccessDeniedException" | "UnauthorizedOperation" | "AuthorizationError" => {
                    Failure::AccessDenied
                }
                "ExpiredToken" | "ExpiredTokenException" | "RequestExpired" | "TokenRefreshRequired" => {
                    Failure::Expired
                }
                "UnrecognizedClientException"
                | "InvalidClientTokenId"
                | "InvalidSignatureException"
                | "SignatureDoesNotMatch"
                | "IncompleteSignature" => Failure::BadCredentials(code),
                "ThrottlingException"
                | "Throttling"
                | "RequestLimitExceeded"
                | "TooManyRequestsException"
                | "RequestThrottled"
                | "RequestThrottledException" => Failure::Throttled,
                "ResourceNotFoundException"
                | "QueueDoesNotExist"
                | "AWS.SimpleQueueService.NonExistentQueue"
                | "ClusterNotFoundException"
                | "ServiceNotFoundException"
                | "NotFoundException"
                | "ResourceNotFound" => Failure::NotFound,
                // Not an AWS error: a proxy, a load balancer or an emulator answered for it.
                "" => Failure::NotAws { status: http_status(err), message },
                _ => Failure::Service { code, message },
            }
        }
        SdkError::TimeoutError(_) => Failure::TimedOut,
        SdkError::DispatchFailure(df) if df.is_timeout() => Failure::TimedOut,
        SdkError::DispatchFailure(df) if df.is_io() => {
            let io = source_chain(err).find_map(|e| e.downcast_ref::<std::io::Error>()).map(|e| e.kind());
            Failure::Unreachable(match io {
                Some(std::io::ErrorKind::ConnectionRefused) => "connection refused".into(),
                Some(std::io::ErrorKind::ConnectionReset) | Some(std::io::ErrorKind::ConnectionAborted) => {
                    "the connection was reset".into()
                }
                Some(k) => format!("{k}").to_lowercase(),
                None => "the connection failed".into(),
            })
        }
        SdkError::DispatchFailure(_) => Failure::Unreachable("the request could not be sent".into()),
        // An error status whose body no AWS protocol could parse (an HTML 500 from a proxy):
        // the status is the one fact there is, so say it as a reply that is not AWS's.
        SdkError::ResponseError(_) => match http_status(err) {
            Some(status) if status >= 400 => Failure::NotAws { status: Some(status), message: String::new() },
            _ => Failure::BadResponse,
        },
        _ => Failure::Other("the request could not be built".into()),
    }
}

/// Why `sts:AssumeRole` gave no credentials, when that is what failed: AWS's error code and
/// message (AccessDenied, ExpiredToken), or the endpoint that could not be reached.
fn assume_role_refusal(err: &(dyn std::error::Error + 'static)) -> Option<String> {
    use aws_sdk_sts::operation::assume_role::AssumeRoleError;
    let e = source_chain(err)
        .find_map(|e| e.downcast_ref::<SdkError<AssumeRoleError, aws_smithy_runtime_api::http::Response>>())?;
    Some(match e {
        SdkError::ServiceError(se) => {
            let code = se.err().code().unwrap_or("an error");
            let message: String = se.err().message().unwrap_or("").trim().chars().take(160).collect();
            format!(
                "sts:AssumeRole was refused ({code}: {}); check the role's trust policy, its external id and \
                 the base credentials",
                crate::text::escape(&message)
            )
        }
        SdkError::TimeoutError(_) => "sts:AssumeRole timed out".into(),
        SdkError::DispatchFailure(_) => "sts:AssumeRole could not reach STS (the connection failed)".into(),
        _ => "sts:AssumeRole failed".into(),
    })
}

/// The HTTP status of the reply behind an SDK error, when there was one.
fn http_status<E, R: 'static>(err: &SdkError<E, R>) -> Option<u16> {
    let raw = err.raw_response()? as &dyn std::any::Any;
    raw.downcast_ref::<aws_smithy_runtime_api::http::Response>().map(|r| r.status().as_u16())
}

fn source_chain<'a>(
    err: &'a (dyn std::error::Error + 'static),
) -> impl Iterator<Item = &'a (dyn std::error::Error + 'static)> {
    std::iter::successors(Some(err), |e| e.source())
}

/// Turns an SDK error into the one paragraph the engineer sees: what masst was doing (the IAM
/// action of the call, `cloudwatch:GetMetricData`, and `what` it was reading), what went wrong
/// in words, and what to do next. Never the SDK's Debug structures or a request body; `-v`
/// logs the SDK's own detail on stderr.
pub fn explain<E, R>(err: &SdkError<E, R>, action: &str, what: &str) -> String
where
    E: ProvideErrorMetadata + std::error::Error + 'static,
    R: std::fmt::Debug + 'static,
{
    tracing::info!(target: "masst::aws", "{action} failed: {}", DisplayErrorContext(err));
    let (endpoint, timeout) = reach();
    match classify(err) {
        Failure::NoCredentials(why) if why.starts_with("sts:AssumeRole") => {
            format!("{action} ({what}) could not be signed: {why}.")
        }
        Failure::NoCredentials(why) => format!(
            "{action} ({what}) could not be signed: {why}. Configure the standard chain (AWS_ACCESS_KEY_ID and \
             AWS_SECRET_ACCESS_KEY, AWS_PROFILE or --profile, `aws sso login`, an instance role) and retry."
        ),
        Failure::AccessDenied => format!(
            "AWS denied {action} while reading {what}. Grant the IAM action `{action}` to the role or user masst runs as, then retry."
        ),
        Failure::Expired => format!(
            "the AWS session has expired ({action} refused it). Refresh the credentials (e.g. `aws sso login`, or a new session token) and retry."
        ),
        Failure::BadCredentials(code) => format!(
            "AWS does not accept these credentials ({code} on {action}): check the access key, secret and profile (--profile / AWS_PROFILE)."
        ),
        Failure::Throttled => format!(
            "AWS kept throttling {action} while reading {what}, even after retries. Wait a minute and retry, or raise AWS_MAX_ATTEMPTS."
        ),
        Failure::NotFound => format!("{action}: {what} does not exist. Check the names in masst.toml and the region."),
        Failure::Unreachable(why) => format!(
            "could not reach {endpoint} for {action} ({what}): {why}. Check --endpoint-url / AWS_ENDPOINT_URL, the region and the network, then retry."
        ),
        Failure::TimedOut => format!(
            "{action} ({what}) timed out after {timeout} s: {endpoint} did not answer in time. Check the network, or raise \
             [aws] call_timeout_s in masst.toml, then retry."
        ),
        Failure::BadResponse => format!(
            "{endpoint} answered {action} ({what}) with a reply masst could not read (a broken connection, or not AWS). Retry, \
             or check --endpoint-url points at AWS."
        ),
        Failure::NotAws { status, message } => {
            let status = status.map(|s| format!("HTTP {s}")).unwrap_or_else(|| "an error".into());
            let said = if message.is_empty() { String::new() } else { format!(" ({})", crate::text::escape(&message)) };
            format!(
                "{endpoint} answered {action} ({what}) with {status} that is not an AWS error (no error code){said}: \
                 something between masst and AWS failed (a proxy, a load balancer, an emulator). Retry; if it persists, \
                 check --endpoint-url / AWS_ENDPOINT_URL and what serves it."
            )
        }
        Failure::Service { code, message } => {
            let message = crate::text::escape(&message).into_owned();
            format!("{action} ({what}) failed: {code}: {message}")
        }
        Failure::Other(why) => format!("{action} ({what}) could not be sent: {why}. Run with -v for the SDK's detail."),
    }
}

/// A failed AWS read as a typed error: a failed look (exit 3), or, once it is met on the way
/// to a change, a failed action ([`Error::during_change`]).
pub fn read_error<E, R>(err: &SdkError<E, R>, action: &str, what: &str) -> Error
where
    E: ProvideErrorMetadata + std::error::Error + 'static,
    R: std::fmt::Debug + 'static,
{
    aws_error(err, action, what, Stage::Reading)
}

/// A failed AWS call that changes something, as a typed error (exit 4).
pub fn change_error<E, R>(err: &SdkError<E, R>, action: &str, what: &str) -> Error
where
    E: ProvideErrorMetadata + std::error::Error + 'static,
    R: std::fmt::Debug + 'static,
{
    aws_error(err, action, what, Stage::Changing)
}

fn aws_error<E, R>(err: &SdkError<E, R>, action: &str, what: &str, stage: Stage) -> Error
where
    E: ProvideErrorMetadata + std::error::Error + 'static,
    R: std::fmt::Debug + 'static,
{
    Error::Aws(Box::new(AwsError {
        failure: classify(err),
        action: action.to_string(),
        what: what.to_string(),
        stage,
        text: explain(err, action, what),
    }))
}

/// Runs one AWS call, logging its duration at `-v`.
pub(crate) async fn timed<T>(op: &str, fut: impl std::future::Future<Output = T>) -> T {
    let t0 = std::time::Instant::now();
    let out = fut.await;
    tracing::info!(target: "masst::aws", "{op} {:.0} ms", t0.elapsed().as_secs_f64() * 1000.0);
    out
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
        servicequotas: aws_sdk_servicequotas::Client::from_conf(
            aws_sdk_servicequotas::Config::builder()
                .behavior_version(aws_sdk_servicequotas::config::BehaviorVersion::latest())
                .region(aws_sdk_servicequotas::config::Region::new("us-east-1"))
                .build(),
        ),
        autoscaling: aws_sdk_applicationautoscaling::Client::from_conf(
            aws_sdk_applicationautoscaling::Config::builder()
                .behavior_version(aws_sdk_applicationautoscaling::config::BehaviorVersion::latest())
                .region(aws_sdk_applicationautoscaling::config::Region::new("us-east-1"))
                .build(),
        ),
        logs: aws_sdk_cloudwatchlogs::Client::from_conf(
            aws_sdk_cloudwatchlogs::Config::builder()
                .behavior_version(aws_sdk_cloudwatchlogs::config::BehaviorVersion::latest())
                .region(aws_sdk_cloudwatchlogs::config::Region::new("us-east-1"))
                .build(),
        ),
        health: aws_sdk_health::Client::from_conf(
            aws_sdk_health::Config::builder()
                .behavior_version(aws_sdk_health::config::BehaviorVersion::latest())
                .region(aws_sdk_health::config::Region::new("us-east-1"))
                .build(),
        ),
        endpoint: None,
        region: "us-east-1".into(),
        target: None,
        resolved: Default::default(),
    }
}

/// The `host[:port]` part of a URL.
pub fn authority(url: &str) -> &str {
    let rest = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    rest.split(['/', '?', '#']).next().unwrap_or("")
}

/// Is `url` on this machine (127.0.0.0/8, localhost, ::1)? `lab` only ever writes there.
pub fn is_loopback(url: &str) -> bool {
    let authority = authority(url);
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

    /// The paragraph `explain` gives for an SQS `GetQueueUrl` that fails with `code`.
    fn explained(code: &'static str, message: &'static str) -> String {
        use aws_sdk_sqs::operation::get_queue_url::GetQueueUrlError;
        use aws_smithy_mocks::{mock, mock_client};
        use aws_smithy_types::error::ErrorMetadata;
        let rule = mock!(aws_sdk_sqs::Client::get_queue_url).then_error(move || {
            GetQueueUrlError::generic(ErrorMetadata::builder().code(code).message(message).build())
        });
        let sqs = mock_client!(aws_sdk_sqs, [&rule]);
        let err = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
            .block_on(sqs.get_queue_url().queue_name("q").send())
            .unwrap_err();
        explain(&err, "sqs:GetQueueUrl", "the primary queue")
    }

    #[test]
    fn service_errors_become_one_paragraph_that_says_what_to_do() {
        let denied = explained("AccessDenied", "User: arn:aws:iam::1:user/x is not authorized");
        assert!(denied.contains("Grant the IAM action `sqs:GetQueueUrl`"), "{denied}");
        let throttled = explained("ThrottlingException", "Rate exceeded");
        assert!(
            throttled.contains("kept throttling sqs:GetQueueUrl") && throttled.contains("AWS_MAX_ATTEMPTS"),
            "{throttled}"
        );
        let missing = explained("AWS.SimpleQueueService.NonExistentQueue", "The specified queue does not exist.");
        assert!(missing.contains("the primary queue does not exist") && missing.contains("masst.toml"), "{missing}");
        let other = explained("KMS.Weird", "odd \u{1b}[2J thing");
        assert!(other.contains("KMS.Weird: odd \\x1b[2J thing"), "AWS text is escaped: {other}");
        for m in [denied, throttled, missing, other] {
            assert!(m.len() < 300 && !m.contains("ServiceError") && !m.contains("{ "), "{m}");
        }
    }

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
