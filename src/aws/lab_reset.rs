//! `lab up` starts every world from an empty emulator, so nothing of an earlier world (queued
//! messages, metric history CloudWatch cannot delete) leaks into the verdicts. It works with
//! whichever loopback emulator the user runs: it resets through the emulator's own reset route
//! where it has a known one (moto's, LocalStack's, MiniStack's); where none answers, it checks
//! that nothing `lab up` would create exists yet and goes on, or refuses naming what is there.

use crate::aws::Clients;
use crate::error::Error;
use crate::settings::Settings;

/// The reset routes of the emulators masst knows, tried in turn: (route, emulator).
pub const RESET_ROUTES: [(&str, &str); 3] =
    [("/moto-api/reset", "moto"), ("/_localstack/state/reset", "LocalStack"), ("/_ministack/reset", "MiniStack")];

fn refuse(endpoint: &str, why: &str) -> Error {
    Error::Usage(format!(
        "masst lab up starts from an empty emulator, and {endpoint} {why}. Start a fresh emulator \
         (tests/emulator/serve --port PORT, or a new LocalStack or MiniStack): `masst lab down` \
         removes queues, services and the AppConfig application, but no emulator deletes metric \
         history"
    ))
}

/// Empties the emulator at the client's endpoint, or makes sure it is empty of what `lab up`
/// writes. Refuses an endpoint that is not on this machine.
pub async fn start_empty(clients: &Clients, settings: &Settings) -> Result<(), Error> {
    let endpoint = clients.endpoint.clone().unwrap_or_default();
    if !crate::aws::is_loopback(&endpoint) {
        return Err(refuse(&endpoint, "is not a loopback address, so it is not reset"));
    }
    if clients.target.is_some() {
        // Through a target's role, only that account is emptied where the emulator can (the
        // masst bridge's `/_masst/reset-account`): the other targets' worlds stay.
        let account = clients.caller_account().await?;
        let (ep, body) = (endpoint.clone(), format!("{{\"account\": \"{account}\"}}"));
        let one = tokio::task::spawn_blocking(move || post(&ep, "/_masst/reset-account", &body)).await;
        if matches!(one, Ok(Ok(200))) {
            return Ok(());
        }
    }
    let ep = endpoint.clone();
    let answered = tokio::task::spawn_blocking(move || {
        let mut reached = Err(String::new());
        for (route, _) in RESET_ROUTES {
            match post(&ep, route, "") {
                Ok(200) => return Ok(Some(route)),
                Ok(_) => reached = Ok(None),
                Err(e) if reached.is_err() => reached = Err(e),
                Err(_) => {}
            }
        }
        reached
    })
    .await
    .map_err(|e| refuse(&endpoint, &format!("could not be reset ({e})")))?;
    match answered {
        Ok(Some(_)) => Ok(()),
        Err(e) => Err(refuse(&endpoint, &format!("could not be reset ({e})"))),
        Ok(None) => {
            let there = already_there(clients, settings).await?;
            if there.is_empty() {
                Ok(())
            } else {
                Err(refuse(
                    &endpoint,
                    &format!(
                        "has no reset route masst knows ({}) and already holds {}",
                        RESET_ROUTES.map(|(r, e)| format!("{e} {r}")).join(", "),
                        there.join(", ")
                    ),
                ))
            }
        }
    }
}

/// `POST route` on the endpoint with a JSON `body` (empty for none); the HTTP status it answered.
/// The emulators' own control routes are plain HTTP on loopback, outside any AWS protocol: the
/// lab's reset and the drill's hour rewrite both go through here.
pub(crate) fn post(endpoint: &str, route: &str, body: &str) -> Result<u16, String> {
    use std::io::{Read, Write};
    let authority = crate::aws::authority(endpoint);
    let addr =
        if authority.starts_with('[') || authority.rsplit_once(':').is_some_and(|(_, p)| p.parse::<u16>().is_ok()) {
            authority.to_string()
        } else {
            format!("{authority}:80")
        };
    let sock = std::net::ToSocketAddrs::to_socket_addrs(&addr.as_str())
        .map_err(|e| e.to_string())?
        .next()
        .ok_or_else(|| "no address".to_string())?;
    let mut s =
        std::net::TcpStream::connect_timeout(&sock, std::time::Duration::from_secs(10)).map_err(|e| e.to_string())?;
    s.set_read_timeout(Some(std::time::Duration::from_secs(60))).map_err(|e| e.to_string())?;
    let request = format!(
        "POST {route} HTTP/1.0\r\nHost: {authority}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    s.write_all(request.as_bytes()).map_err(|e| e.to_string())?;
    let mut reply = String::new();
    s.read_to_string(&mut reply).map_err(|e| e.to_string())?;
    reply.split_whitespace().nth(1).and_then(|c| c.parse().ok()).ok_or_else(|| "no HTTP answer".to_string())
}

/// What of the lab's world the emulator already holds: its queues, AppConfig application, ECS
/// cluster and metrics in the MangaAssist namespaces.
async fn already_there(clients: &Clients, settings: &Settings) -> Result<Vec<String>, Error> {
    let mut there = Vec::new();
    for (role, name) in [("primary", &settings.resources.queue), ("dlq", &settings.resources.dlq)] {
        if super::sqs::queue_url(clients, name, role).await.is_ok() {
            there.push(format!("SQS queue {name}"));
        }
    }
    let apps = clients
        .appconfig
        .list_applications()
        .send()
        .await
        .map_err(|e| crate::aws::read_error(&e, "appconfig:ListApplications", "the lab"))?;
    if apps.items().iter().any(|a| a.name() == Some(settings.appconfig.application.as_str())) {
        there.push(format!("AppConfig application {}", settings.appconfig.application));
    }
    let cluster = &settings.resources.cluster;
    let found = clients
        .ecs
        .describe_clusters()
        .clusters(cluster)
        .send()
        .await
        .map_err(|e| crate::aws::read_error(&e, "ecs:DescribeClusters", "the lab"))?;
    if found.clusters().iter().any(|c| c.status() == Some("ACTIVE")) {
        there.push(format!("ECS cluster {cluster}"));
    }
    let logical = [
        "MangaAssist/Throughput",
        "MangaAssist/RealTime",
        "MangaAssist/Batch",
        "MangaAssist/Analytics",
        "MangaAssist/DLQ",
    ];
    for ns in logical.map(|n| settings.physical_namespace(n)) {
        let m = clients
            .cloudwatch
            .list_metrics()
            .namespace(&ns)
            .send()
            .await
            .map_err(|e| crate::aws::read_error(&e, "cloudwatch:ListMetrics", "the lab"))?;
        if !m.metrics().is_empty() {
            there.push(format!("metrics in {ns}"));
        }
    }
    Ok(there)
}
