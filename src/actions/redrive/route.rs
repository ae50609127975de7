//! Where messages come from and go to: the DLQ and its destination, resolved once, with the
//! destination's message size limit and the FIFO/standard check.

#[allow(unused_imports)]
use super::*;

/// Where messages come from and go to.
#[derive(Debug, Clone, Serialize)]
pub struct Route {
    pub dlq_name: String,
    pub dlq_url: String,
    pub dest_name: String,
    pub dest_url: String,
    pub fifo: bool,
    /// Messages the DLQ holds, visible and in flight, when the route was resolved.
    pub depth: u64,
    /// The largest message the destination takes: its `MaximumMessageSize`, at most 1 MiB.
    pub max_message: usize,
}

/// Every attribute of a queue.
pub(super) async fn attributes(clients: &Clients, url: &str, what: &str) -> Result<BTreeMap<String, String>, Error> {
    sqs::attributes(clients, url, &["All"], what).await
}

/// Resolves the DLQ and the destination: `--to`, else the queue whose RedrivePolicy names
/// this DLQ (`ListDeadLetterSourceQueues`). Refuses a FIFO/standard mismatch.
pub async fn route(clients: &Clients, settings: &Settings, to: Option<&str>) -> Result<Route, Error> {
    let dlq_name = settings.resources.dlq.clone();
    let dlq_url = queue_url(clients, &dlq_name, "dlq").await?;
    let dlq_attrs = attributes(clients, &dlq_url, "the DLQ").await?;
    let dest_name = match to {
        Some(name) => name.to_string(),
        None => {
            let urls = sqs::dead_letter_sources(clients, &dlq_url).await?;
            match urls.as_slice() {
                [] => {
                    return Err(Error::Usage(format!(
                        "no queue names {dlq_name} as its dead-letter queue, so there is no source to send messages back to; pass --to QUEUE"
                    )))
                }
                [one] => one.rsplit('/').next().unwrap_or(one).to_string(),
                many => {
                    let names: Vec<&str> = many.iter().map(|u| u.rsplit('/').next().unwrap_or(u)).collect();
                    return Err(Error::Usage(format!(
                        "{} queues use {dlq_name} as their DLQ ({}); choose one with --to QUEUE",
                        names.len(),
                        names.join(", ")
                    )));
                }
            }
        }
    };
    let dest_url = queue_url(clients, &dest_name, "destination").await?;
    let dest_attrs = attributes(clients, &dest_url, "the destination queue").await?;
    let arn = |a: &BTreeMap<String, String>| a.get("QueueArn").cloned();
    if dest_url == dlq_url || (arn(&dest_attrs).is_some() && arn(&dest_attrs) == arn(&dlq_attrs)) {
        return Err(Error::Usage(format!(
            "--to {dest_name} is the DLQ itself: the messages would come straight back (and lose their error type). \
             Name the queue the jobs belong in, or leave --to out to use the queue whose RedrivePolicy names {dlq_name}"
        )));
    }
    let is_fifo = |a: &BTreeMap<String, String>| a.get("FifoQueue").is_some_and(|v| v == "true");
    let (f1, f2) = (is_fifo(&dlq_attrs), is_fifo(&dest_attrs));
    if f1 != f2 {
        let kind = |f: bool| if f { "FIFO" } else { "standard" };
        return Err(Error::Usage(format!(
            "{dlq_name} is a {} queue but {dest_name} is {}: a redrive keeps ordering and deduplication only between queues of one kind; choose a {} destination with --to",
            kind(f1),
            kind(f2),
            kind(f1)
        )));
    }
    let depth = ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"]
        .iter()
        .filter_map(|k| dlq_attrs.get(*k).and_then(|v| v.parse::<u64>().ok()))
        .sum();
    let max_message = dest_attrs
        .get("MaximumMessageSize")
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(REQUEST_BYTES)
        .min(REQUEST_BYTES);
    Ok(Route { dlq_name, dlq_url, dest_name, dest_url, fifo: f1, depth, max_message })
}
